/*
 * Lines added above a function that calls might_sleep(): its code differs
 * only in the __LINE__ passed to __might_sleep(), which the differ knows
 * takes (file, line).  Nothing to patch.
 */
extern void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)

struct mutex { int owner; };
extern void mutex_lock_slow(struct mutex *m);

int table_size = 16;

void lock_table(struct mutex *m)
{
	might_sleep();
	mutex_lock_slow(m);
}

/*
 * Lines shift above might_sleep() and the function also changes for real:
 * the line-number allowance must not hide the real change.
 */
extern void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)

struct mutex { int owner; };
extern void mutex_lock_slow(struct mutex *m);

int table_size = 16;
/* added */


void lock_table(struct mutex *m)
{
	might_sleep();
	m->owner = 1;
	mutex_lock_slow(m);
}

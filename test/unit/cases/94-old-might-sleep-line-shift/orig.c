/*
 * Kernels before 5.15 spell might_sleep() as ___might_sleep(file, line,
 * preempt_offset) behind __might_sleep(): a known (file, line) helper, so a
 * shifted line is not a change, with or without debug info.
 */
extern void ___might_sleep(const char *file, int line, int preempt_offset);
#define might_sleep() ___might_sleep(__FILE__, __LINE__, 0)

struct mutex { int owner; };
extern void mutex_lock_slow(struct mutex *m);

void lock_table(struct mutex *m)
{
	might_sleep();
	mutex_lock_slow(m);
}

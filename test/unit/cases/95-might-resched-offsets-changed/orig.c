/*
 * __might_resched(file, line, offsets) takes a line, but only as its second
 * argument: a change of the third (the expected preempt count) is real.
 */
extern void __might_resched(const char *file, int line, unsigned int offsets);
#define cond_resched_lock_check(off) __might_resched(__FILE__, __LINE__, off)

struct lock { int owner; };
extern void lock_slow(struct lock *l);

void take_lock(struct lock *l)
{
	cond_resched_lock_check(1);
	lock_slow(l);
}

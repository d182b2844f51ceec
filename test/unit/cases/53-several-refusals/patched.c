/*
 * Two existing variables change their initial values and a third grows.
 * Every reason is reported, not just the first one found.
 */
int sched_min_granularity_us = 3000;
int sched_wakeup_granularity_us = 4000;
static unsigned long sched_hist[8];

int sched_should_preempt(int delta_us, int idx)
{
	sched_hist[idx & 7]++;
	return delta_us > sched_min_granularity_us + sched_wakeup_granularity_us;
}

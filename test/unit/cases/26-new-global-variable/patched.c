/* The fix adds a global tunable (initialised data) used by a changed function. */
struct task {
	int pid;
	int prio;
	unsigned long runtime;
};

#define MAX_PRIO	140

unsigned long sysctl_sched_penalty_ns = 1000000;

int task_effective_prio(const struct task *p)
{
	int prio = p->prio;

	if (p->runtime > sysctl_sched_penalty_ns)
		prio++;
	return prio < MAX_PRIO ? prio : MAX_PRIO - 1;
}

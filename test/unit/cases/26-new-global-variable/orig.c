/* The fix adds a global tunable (initialised data) used by a changed function. */
struct task {
	int pid;
	int prio;
	unsigned long runtime;
};

#define MAX_PRIO	140

int task_effective_prio(const struct task *p)
{
	int prio = p->prio;

	if (p->runtime > 1000000)
		prio++;
	return prio < MAX_PRIO ? prio : MAX_PRIO - 1;
}

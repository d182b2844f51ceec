/*
 * A static inline helper with a "warn once" static local is inlined into
 * two functions: both use the same variable.  One caller changes (not the
 * helper).  The variable is existing data: a reference, so the warning
 * still fires only once across old and new code.
 */
extern int printk(const char *fmt, ...);

struct cgroup {
	const char *name;
	int level;
	unsigned long nr_tasks;
	unsigned long max_tasks;
};

static inline int cgroup_over_limit(const struct cgroup *cg)
{
	static int warned;

	if (cg->nr_tasks <= cg->max_tasks)
		return 0;
	if (!warned) {
		warned = 1;
		printk("cgroup %s: task limit %lu exceeded\n", cg->name, cg->max_tasks);
	}
	return 1;
}

int cgroup_can_fork(struct cgroup *cg)
{
	if (cgroup_over_limit(cg))
		return -11;
	cg->nr_tasks++;
	return 0;
}

int cgroup_can_attach(struct cgroup *cg, int nr)
{
	if (cgroup_over_limit(cg))
		return -11;
	if (cg->nr_tasks + nr > cg->max_tasks)
		return -11;
	cg->nr_tasks += nr;
	return 0;
}

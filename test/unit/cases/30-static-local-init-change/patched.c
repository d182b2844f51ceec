/*
 * The initial value of a function's static local changes.  The running
 * kernel's variable already holds (and may have modified) the old value:
 * refuse.
 */
extern int printk(const char *fmt, ...);

int watchdog_touch(int cpu)
{
	static int budget = 20;

	if (--budget > 0)
		return 0;
	printk("watchdog: cpu %d stuck\n", cpu);
	budget = 10;
	return 1;
}

/*
 * A zero-initialised variable gets a non-zero initial value (it moves from
 * .bss to .data).  The running kernel's variable holds whatever it holds:
 * refuse.
 */
unsigned int printk_ratelimit_burst;

int printk_ratelimit(unsigned int *count)
{
	if (printk_ratelimit_burst && ++*count > printk_ratelimit_burst)
		return 0;
	return 1;
}

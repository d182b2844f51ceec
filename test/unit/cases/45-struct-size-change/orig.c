/*
 * A member is added to a structure with a global instance.  The instance
 * grows: existing data cannot be resized under a running kernel: refuse.
 */
struct vm_stats {
	unsigned long pgfault;
	unsigned long pgmajfault;
};

struct vm_stats vm_stats;

void count_fault(int major)
{
	vm_stats.pgfault++;
	if (major)
		vm_stats.pgmajfault++;
}

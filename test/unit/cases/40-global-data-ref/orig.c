/*
 * A changed function uses global variables defined in this object.  They
 * exist in the running kernel: the patch refers to them, never copies them.
 */
extern int printk(const char *fmt, ...);

int mce_debug_level = 1;
unsigned long mce_events;
const char mce_prefix[] = "mce: ";

void mce_log_event(int bank, unsigned long status)
{
	mce_events++;
	if (mce_debug_level > 1)
		printk("%sbank %d status %lx\n", mce_prefix, bank, status);
}

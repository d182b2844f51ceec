/*
 * The function owning two static locals changes.  The patched copy must use
 * the running kernel's variables, not fresh zeroed ones.
 */
extern int printk(const char *fmt, ...);
extern unsigned long jiffies;

#define HZ		250

int dev_warn_ratelimited(const char *name, int err)
{
	static unsigned long last_warn;
	static unsigned int suppressed;

	if (jiffies - last_warn < 5 * HZ) {
		suppressed++;
		return 0;
	}
	last_warn = jiffies;
	printk("%s: error %d (%u suppressed)\n", name, err, suppressed);
	suppressed = 0;
	return 1;
}

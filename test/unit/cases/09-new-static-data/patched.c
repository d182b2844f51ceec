/* The fix adds a file-scope variable with an initial value. */
extern int printk(const char *fmt, ...);
extern int hw_reset(int port);

#define EIO		5

static int reset_budget = 3;

int port_recover(int port)
{
	while (hw_reset(port)) {
		if (--reset_budget <= 0) {
			printk("port %d: reset failed\n", port);
			return -EIO;
		}
	}
	return 0;
}

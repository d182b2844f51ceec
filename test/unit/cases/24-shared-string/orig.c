/*
 * Two functions print the same literal; gcc keeps one copy, in the string
 * section of the function emitted first (.rodata.<function>.str1.1).  The
 * first function's own message changes, which moves the shared literal
 * inside that section.  The second function is unchanged: literals are
 * compared by content, not by offset.
 */
extern int printk(const char *fmt, ...);

#define EBUSY		16

struct mmc_host {
	char name[16];
	int claimed;
	int bus_width;
};

int mmc_claim_host(struct mmc_host *host)
{
	if (host->claimed) {
		printk("%s: claim failed\n", host->name);
		printk("%s: host is busy\n", host->name);
		return -EBUSY;
	}
	host->claimed = 1;
	return 0;
}

int mmc_set_bus_width(struct mmc_host *host, int width)
{
	if (host->claimed) {
		printk("%s: host is busy\n", host->name);
		return -EBUSY;
	}
	host->bus_width = width;
	return 0;
}

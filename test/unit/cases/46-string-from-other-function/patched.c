/*
 * Two functions print the same literal, which gcc keeps in the string
 * section of the first one (.rodata.mmc_claim_host.str1.1).  The second
 * function changes: the patched copy needs that literal although its owner
 * is not in the patch.
 */
extern int printk(const char *fmt, ...);

#define EBUSY		16
#define EINVAL		22

struct mmc_host {
	char name[16];
	int claimed;
	int bus_width;
};

int mmc_claim_host(struct mmc_host *host)
{
	if (host->claimed) {
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
	if (width != 1 && width != 4 && width != 8)
		return -EINVAL;
	host->bus_width = width;
	return 0;
}

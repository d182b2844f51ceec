/*
 * A static function with a static local is only emitted as a .constprop
 * clone; the static local belongs to the clone.  The clone changes: it is
 * reported by its name and the local stays a reference.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct ata_port {
	int id;
	unsigned int err_mask;
	unsigned int flags;
};

static noinline int ata_eh_report(struct ata_port *ap, int verbose)
{
	static unsigned int reports;

	reports++;
	if (verbose)
		printk("ata%d: error mask %x (report %u)\n", ap->id, ap->err_mask, reports);
	return ap->err_mask != 0;
}

int ata_eh_link_autopsy(struct ata_port *ap)
{
	ap->err_mask &= ~0x1;
	return ata_eh_report(ap, 1);
}

int ata_eh_finish(struct ata_port *ap)
{
	ap->flags &= ~0x4;
	return ata_eh_report(ap, 1);
}

/*
 * The fix adds a second operations table (new const data) pointing at
 * existing, unchanged handlers and selects it in a changed function.  The
 * table is new: defined in the module; its entries refer to the running
 * kernel's handlers.
 */
struct dev;

struct dev_pm_ops {
	int (*suspend)(struct dev *d);
	int (*resume)(struct dev *d);
};

struct dev {
	const struct dev_pm_ops *pm;
	unsigned int flags;
	int state;
};

#define DEV_NO_RESUME	0x4

static int gen_suspend(struct dev *d)
{
	d->state = 3;
	return 0;
}

static int gen_resume(struct dev *d)
{
	d->state = 0;
	return 0;
}

static const struct dev_pm_ops gen_pm_ops = {
	.suspend	= gen_suspend,
	.resume		= gen_resume,
};

static const struct dev_pm_ops gen_pm_ops_noresume = {
	.suspend	= gen_suspend,
};

void dev_setup_pm(struct dev *d)
{
	if (d->flags & DEV_NO_RESUME)
		d->pm = &gen_pm_ops_noresume;
	else
		d->pm = &gen_pm_ops;
}

/*
 * A small static helper was inlined into its callers.  The fix makes it
 * bigger and gcc now emits it out of line: it is a new function (there is
 * no symbol of that name in the original object) and its callers change.
 */
extern int printk(const char *fmt, ...);
extern void *memchr(const void *s, int c, unsigned long n);

struct dentry {
	const char *name;
	unsigned int len;
	unsigned int flags;
};

#define EINVAL		22

static int name_is_valid(const struct dentry *d)
{
	return d->len && d->len <= 255;
}

int d_alloc_check(const struct dentry *d)
{
	return name_is_valid(d) ? 0 : -EINVAL;
}

int d_rename_check(const struct dentry *from, const struct dentry *to)
{
	if (!name_is_valid(from) || !name_is_valid(to))
		return -EINVAL;
	return 0;
}

int d_lookup_check(const struct dentry *d)
{
	return name_is_valid(d) ? 0 : -EINVAL;
}

/*
 * The patch adds a post-patch callback, declared the way kmod/patch-author.h
 * does it: a record in .patch.callbacks pointing at the function.  The
 * record travels to the output with the new function it names.
 */
extern int printk(const char *fmt, ...);

int feature_enabled;

int feature_query(void)
{
	return feature_enabled;
}

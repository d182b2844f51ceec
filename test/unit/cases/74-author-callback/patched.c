/*
 * The patch adds a post-patch callback, declared the way kmod/patch-author.h
 * does it: a record in .patch.callbacks pointing at the function.  The
 * record travels to the output with the new function it names.
 */
extern int printk(const char *fmt, ...);

int feature_enabled;

int feature_query(void)
{
	return feature_enabled ? 2 : 0;
}

struct patch_callback {
	void *fn;
	const char *objname;
	unsigned int kind;
	unsigned int reserved;
};

static void enable_feature(void *obj)
{
	feature_enabled = 1;
	printk("feature on\n");
}

static const struct patch_callback __cb_enable
	__attribute__((used, section(".patch.callbacks"), aligned(8))) = {
	.fn = enable_feature, .objname = 0, .kind = 1,
};

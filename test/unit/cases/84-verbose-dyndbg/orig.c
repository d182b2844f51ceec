/*
 * Older kernels keep dynamic debug descriptors in __verbose (the section
 * later renamed __dyndbg), tested by flag rather than by static key.  A
 * changed pr_debug format changes the descriptor; it is the function's
 * own descriptor data, carried with it like __dyndbg's, not existing data
 * whose initial value changed.
 */
struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int flags:8;
} __attribute__((aligned(8)));

void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...);

#define pb_pr_debug(fmt, ...)						\
do {									\
	static struct _ddebug __attribute__((aligned(8)))		\
	__attribute__((section("__verbose"))) descriptor = {		\
		.modname = "pb", .function = __func__,			\
		.filename = __FILE__, .format = (fmt),			\
		.lineno = __LINE__, .flags = 0,				\
	};								\
	if (__builtin_expect(descriptor.flags & 1, 0))			\
		__dynamic_pr_debug(&descriptor, fmt, ##__VA_ARGS__);	\
} while (0)

int pb_open(int fd)
{
	pb_pr_debug("open %d\n", fd);
	return fd + 1;
}

int pb_close(int fd)
{
	pb_pr_debug("close %d\n", fd);
	return fd - 1;
}

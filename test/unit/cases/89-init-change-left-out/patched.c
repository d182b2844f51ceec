/* Boot-time code and a regular function change together, and the author
 * says the runtime change does not rely on the __init one: PATCH_IGNORE_FUNCTION
 * (a record in .patch.ignore.functions) leaves the __init part out, with a
 * warning, and the runtime function is patched. */
extern int printk(const char *fmt, ...);
extern int register_thing(int);

__attribute__((section(".init.text"))) int thing_init(void)
{
	printk("thing: registering\n");
	return register_thing(2);
}

int thing_query(int x)
{
	return x + 2;
}

static void *const __ignore_thing_init
	__attribute__((used, section(".patch.ignore.functions"), aligned(8))) = thing_init;

/* Boot-time code and a regular function change together: the regular one is
 * patched, the __init part is left out with a warning. */
extern int printk(const char *fmt, ...);
extern int register_thing(int);

__attribute__((section(".init.text"))) int thing_init(void)
{
	printk("thing: registering\n");
	return register_thing(1);
}

int thing_query(int x)
{
	return x + 1;
}

/* Only boot-time code changes: nothing in the running kernel to redirect. */
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

/* Boot-time code and a regular function change together: refused unless
 * the author marks the __init part as left out (case 89). */
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

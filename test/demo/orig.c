/* A small stand-in for a kernel file: the demo patches greeting(). */
extern int printk(const char *fmt, ...);

static int visits;

static const char *greeting(void)
{
	return "hello from the original kernel";
}

int show_greeting(char *buf)
{
	visits++;
	printk("%s (%d visits)\n", greeting(), visits);
	return buf[0];
}

int unrelated(int x)
{
	return x * 3 + 1;
}

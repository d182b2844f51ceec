/* One fix touches two functions of the file; a third stays as it was. */
extern int printk(const char *fmt, ...);

#define EINVAL		22
#define EEXIST		17

struct route {
	unsigned int dst;
	unsigned int mask;
	unsigned int gateway;
	int metric;
};

int route_validate(const struct route *rt)
{
	if ((rt->dst & rt->mask) != rt->dst)
		return -EINVAL;
	return 0;
}

int route_better(const struct route *a, const struct route *b)
{
	return a->metric < b->metric;
}

int route_same(const struct route *a, const struct route *b)
{
	if (a->dst == b->dst && a->mask == b->mask) {
		printk("route %x/%x exists\n", a->dst, a->mask);
		return -EEXIST;
	}
	return 0;
}

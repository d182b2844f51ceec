/*
 * A changed function gains a static local (warn once).  It is new data and
 * lives in the module; an existing static local of the same function stays
 * a reference.
 */
extern int printk(const char *fmt, ...);

struct dma_pool {
	const char *name;
	unsigned long allocated;
	unsigned long limit;
};

int dma_pool_charge(struct dma_pool *pool, unsigned long size)
{
	static unsigned long failures;

	if (pool->allocated + size > pool->limit) {
		failures++;
		return -12;
	}
	pool->allocated += size;
	return 0;
}

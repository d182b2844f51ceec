/*
 * Two functions each keep a static counter called "calls"; only the second
 * function changes, so only its counter may appear (as a reference).
 */
extern int printk(const char *fmt, ...);

struct request {
	int tag;
	int retries;
	unsigned int flags;
};

#define REQ_FAILFAST	0x1

int blk_requeue(struct request *rq)
{
	static unsigned long calls;

	calls++;
	rq->retries++;
	return rq->retries < 5;
}

int blk_abort(struct request *rq)
{
	static unsigned long calls;

	calls++;
	printk("abort tag %d (%lu aborts)\n", rq->tag, calls);
	return -5;
}

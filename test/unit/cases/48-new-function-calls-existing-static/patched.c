/*
 * A new global function calls an existing static function that does not
 * change.  The new function is in the module; the static one is the
 * running kernel's, reached through a reference.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct nvme_queue {
	int qid;
	unsigned int depth;
	unsigned int inflight;
	int suspended;
};

static noinline void nvme_ring_doorbell(struct nvme_queue *q, unsigned int tail)
{
	printk("nvme q%d: doorbell %u (%u inflight)\n", q->qid, tail, q->inflight);
	q->inflight = tail;
}

int nvme_submit(struct nvme_queue *q, unsigned int tail)
{
	if (q->suspended)
		return -5;
	nvme_ring_doorbell(q, tail);
	return 0;
}

int nvme_resume_queue(struct nvme_queue *q)
{
	q->suspended = 0;
	nvme_ring_doorbell(q, q->inflight);
	return 0;
}

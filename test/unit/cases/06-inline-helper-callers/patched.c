/*
 * A static inline helper changes; every function it was inlined into must
 * be patched, and a function that does not use it must not.
 */
#define ENOSPC		28
#define EAGAIN		11

struct ring {
	unsigned int head;
	unsigned int tail;
	unsigned int size;
	unsigned long slots[64];
	unsigned long dropped;
};

static inline int ring_full(const struct ring *r)
{
	return r->head - r->tail >= r->size || r->size > 64;
}

int ring_push(struct ring *r, unsigned long v)
{
	if (ring_full(r)) {
		r->dropped++;
		return -ENOSPC;
	}
	r->slots[r->head++ % 64] = v;
	return 0;
}

int ring_push_many(struct ring *r, const unsigned long *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (ring_full(r))
			return i;
		r->slots[r->head++ % 64] = v[i];
	}
	return n;
}

int ring_can_push(const struct ring *r)
{
	return ring_full(r) ? -EAGAIN : 0;
}

unsigned long ring_pop(struct ring *r)
{
	if (r->head == r->tail)
		return 0;
	return r->slots[r->tail++ % 64];
}

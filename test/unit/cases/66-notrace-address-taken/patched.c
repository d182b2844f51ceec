/*
 * A changed notrace function is called by a traced function, but its
 * address is also stored in an operations table: calls through the table
 * reach the old code and no traced caller can redirect them.  Refuse.
 */
#define notrace		__attribute__((__no_instrument_function__))
#define noinline	__attribute__((__noinline__))

struct clock_event {
	int (*set_next)(struct clock_event *ce, unsigned long delta);
	unsigned long min_delta;
	unsigned long next;
};

static noinline notrace int lapic_next_event(struct clock_event *ce, unsigned long delta)
{
	if (delta < ce->min_delta)
		delta = ce->min_delta;
	ce->next = delta & ~0xfUL;
	return 0;
}

struct clock_event lapic_clockevent = {
	.set_next	= lapic_next_event,
	.min_delta	= 0xf,
};

int lapic_program_now(struct clock_event *ce)
{
	return lapic_next_event(ce, ce->min_delta);
}

/*
 * The fix removes notrace from a function (and changes it).  The running
 * kernel's copy has no __fentry__ call, so ftrace cannot redirect it, and
 * nothing in this object calls it: refuse.
 */
#define notrace		__attribute__((__no_instrument_function__))

struct perf_event {
	unsigned long long count;
	unsigned long long prev;
	int state;
};

unsigned long long perf_event_delta(struct perf_event *e, unsigned long long now)
{
	unsigned long long delta = now > e->prev ? now - e->prev : 0;

	e->prev = now;
	e->count += delta;
	return delta;
}

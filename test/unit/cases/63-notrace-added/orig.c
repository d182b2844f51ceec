/*
 * The fix marks a function notrace (and changes it).  The running kernel's
 * copy still has its __fentry__ call, which is all ftrace needs to
 * redirect it: an ordinary changed function.
 */
#define notrace		__attribute__((__no_instrument_function__))

struct perf_event {
	unsigned long long count;
	unsigned long long prev;
	int state;
};

unsigned long long perf_event_delta(struct perf_event *e, unsigned long long now)
{
	unsigned long long delta = now - e->prev;

	e->prev = now;
	e->count += delta;
	return delta;
}

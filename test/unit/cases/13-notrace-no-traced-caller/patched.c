/*
 * A global notrace function changes and nothing in this object calls it:
 * there is no traced caller to patch instead, so the change is refused.
 */
#define notrace		__attribute__((__no_instrument_function__))

struct clocksource {
	unsigned long long (*read)(struct clocksource *cs);
	unsigned long long mask;
	unsigned int mult;
	unsigned int shift;
};

notrace unsigned long long clocksource_cyc2ns(struct clocksource *cs,
					      unsigned long long cycles)
{
	return ((cycles & cs->mask) * cs->mult + (1ULL << cs->shift >> 1)) >> cs->shift;
}

unsigned long long clocksource_read_ns(struct clocksource *cs)
{
	return (cs->read(cs) * cs->mult) >> cs->shift;
}

/*
 * A changed notrace leaf is called by another notrace function, which a
 * traced function calls.  Only the traced function can be redirected: it
 * is the one reported, and the module carries new copies of both notrace
 * functions for it to call (gcc 12 names the leaf cyc_to_ns.isra.0).
 */
#define notrace		__attribute__((__no_instrument_function__))
#define noinline	__attribute__((__noinline__))

struct sched_clock {
	unsigned long long epoch_ns;
	unsigned long long epoch_cyc;
	unsigned int mult;
	unsigned int shift;
};

static noinline notrace unsigned long long cyc_to_ns(const struct sched_clock *sc,
						     unsigned long long cyc)
{
	return (cyc * sc->mult) >> sc->shift;
}

static noinline notrace unsigned long long sched_clock_read(const struct sched_clock *sc,
							    unsigned long long cyc)
{
	return sc->epoch_ns + cyc_to_ns(sc, cyc - sc->epoch_cyc);
}

unsigned long long sched_clock_update(struct sched_clock *sc, unsigned long long cyc)
{
	sc->epoch_ns = sched_clock_read(sc, cyc);
	sc->epoch_cyc = cyc;
	return sc->epoch_ns;
}

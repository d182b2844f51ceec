/*
 * The patch adds a static function that nothing calls yet.  gcc does not
 * emit it, so the objects do not differ: nothing to patch.
 */
#define __maybe_unused	__attribute__((__unused__))

struct hrtimer {
	long long expires;
	long long softexpires;
	int state;
};

long long hrtimer_remaining(const struct hrtimer *t, long long now)
{
	return t->expires - now;
}

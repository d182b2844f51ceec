/*
 * The fix makes a function read a different global.  The instruction bytes
 * are identical (the address is filled in by a relocation); only the
 * relocation's symbol differs.  The function is changed.
 */
extern unsigned long jiffies;
extern unsigned long long jiffies_64;

struct timer {
	unsigned long expires;
};

int timer_expired(const struct timer *t)
{
	return (long)((unsigned long)jiffies_64 - t->expires) >= 0;
}

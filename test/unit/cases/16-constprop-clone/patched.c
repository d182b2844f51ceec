/*
 * A static function always called with the same constant argument: gcc
 * emits only a specialised clone, timer_slack.constprop.0.  The clone's body
 * changes; it is reported under the clone's name and its callers are not.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct timer {
	unsigned long expires;
	unsigned long slack;
	int flags;
};

static noinline unsigned long timer_slack(struct timer *t, unsigned long divisor)
{
	unsigned long slack = t->expires / divisor;

	if (t->flags & 1)
		slack = 1;
	printk("timer %p slack %lu\n", t, slack);
	return slack;
}

void timer_arm(struct timer *t, unsigned long expires)
{
	t->expires = expires;
	t->slack = timer_slack(t, 256);
}

void timer_rearm(struct timer *t, unsigned long delta)
{
	t->expires += delta;
	t->slack = timer_slack(t, 256);
}

/*
 * Lines are added above a function that passes __LINE__ to a warning
 * helper.  Its code now differs only in that constant, but the helper is
 * not one the differ knows takes (file, line), so it is reported changed:
 * a constant passed to an unknown function may be a real change.
 */
extern void warn_slowpath(const char *file, int line, const char *fmt, ...);

#define WARN_ON(cond, msg)						\
	({								\
		int __ret = !!(cond);					\
		if (__ret)						\
			warn_slowpath(__FILE__, __LINE__, msg);		\
		__ret;							\
	})

struct timer_list {
	unsigned long expires;
	void (*function)(struct timer_list *t);
	int pending;
};

int timer_validate(struct timer_list *t)
{
	if (WARN_ON(!t->function, "timer without a callback\n"))
		return -22;
	return 0;
}

int mod_timer_pending(struct timer_list *t, unsigned long expires)
{
	if (!t->pending)
		return 0;
	t->expires = expires;
	return 1;
}

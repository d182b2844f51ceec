/*
 * ASSERT_RTNL() is a WARN_ONCE() whose message carries __FILE__ and
 * __LINE__: the line reaches __warn_printk() as a variadic argument.  Lines
 * added above the function shift only that immediate, and the function's
 * own definition line (DWARF) moved by as much: nothing to patch.
 */
extern void __warn_printk(const char *fmt, ...);
extern int rtnl_is_locked(void);

#define WARN_ONCE(cond, fmt, ...)					\
	({								\
		static int __warned;					\
		int __ret = !!(cond);					\
		if (__ret && !__warned) {				\
			__warned = 1;					\
			__warn_printk(fmt, ##__VA_ARGS__);		\
		}							\
		__ret;							\
	})

#define ASSERT_RTNL()							\
	WARN_ONCE(!rtnl_is_locked(),					\
		  "RTNL: assertion failed at %s (%d)\n",		\
		  __FILE__, __LINE__)

struct net_device { int flags; int mtu; };

int dev_set_mtu(struct net_device *dev, int mtu)
{
	ASSERT_RTNL();
	dev->mtu = mtu;
	return 0;
}

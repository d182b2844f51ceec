/*
 * A changed function has a static const table of strings (pointers into a
 * string section).  The table is existing, unchanged data: a reference to
 * the running kernel's copy, under gcc's name for it.
 */
extern int printk(const char *fmt, ...);

enum link_state { LINK_DOWN, LINK_TRAINING, LINK_UP, LINK_ERROR, NR_LINK_STATES };

struct link {
	int id;
	enum link_state state;
	unsigned int retries;
};

void link_report(const struct link *link, enum link_state new_state)
{
	static const char *const state_names[NR_LINK_STATES] = {
		[LINK_DOWN]	= "down",
		[LINK_TRAINING]	= "training",
		[LINK_UP]	= "up",
		[LINK_ERROR]	= "error",
	};

	if (new_state >= NR_LINK_STATES)
		return;
	printk("link%d: state %s -> %s\n", link->id, state_names[link->state],
	       state_names[new_state]);
}

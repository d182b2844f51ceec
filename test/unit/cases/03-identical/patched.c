/* Both builds come from the same source: nothing to patch. */
extern int printk(const char *fmt, ...);
extern void *kmalloc(unsigned long size, unsigned int flags);
extern void kfree(const void *p);

#define GFP_KERNEL	0xcc0
#define ENOMEM		12

struct list_head {
	struct list_head *next, *prev;
};

struct waiter {
	struct list_head list;
	int pid;
	int prio;
};

static struct list_head waiters = { &waiters, &waiters };
static int nr_waiters;

static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	struct list_head *prev = head->prev;

	new->next = head;
	new->prev = prev;
	prev->next = new;
	head->prev = new;
}

int waiter_add(int pid, int prio)
{
	struct waiter *w = kmalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return -ENOMEM;
	w->pid = pid;
	w->prio = prio;
	list_add_tail(&w->list, &waiters);
	nr_waiters++;
	return 0;
}

int waiter_count(void)
{
	return nr_waiters;
}

void waiter_dump(void)
{
	struct list_head *pos;

	for (pos = waiters.next; pos != &waiters; pos = pos->next) {
		struct waiter *w = (struct waiter *)pos;

		printk("waiter pid %d prio %d\n", w->pid, w->prio);
	}
}

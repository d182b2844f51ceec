/*
 * Changed code takes the address of an existing, unchanged function.  The
 * address must be the running kernel's function (callbacks registered with
 * it must compare equal), so it stays a reference.
 */
#define noinline	__attribute__((__noinline__))

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
	int priority;
};

extern int register_reboot_notifier(struct notifier_block *nb);

static unsigned long reboots;

static int shutdown_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	reboots++;
	return 0;
}

int shutdown_hook_init(struct notifier_block *nb)
{
	nb->notifier_call = shutdown_notify;
	return register_reboot_notifier(nb);
}

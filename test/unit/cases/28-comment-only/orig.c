/* Only comments change (and with them, line numbers): nothing to patch. */
extern int printk(const char *fmt, ...);

struct kobject {
	const char *name;
	int refcount;
};

void kobject_get(struct kobject *kobj)
{
	kobj->refcount++;
}

int kobject_put(struct kobject *kobj)
{
	if (--kobj->refcount == 0) {
		printk("kobject %s: released\n", kobj->name);
		return 1;
	}
	return 0;
}

/* Only comments change (and with them, line numbers): nothing to patch. */
extern int printk(const char *fmt, ...);

struct kobject {
	const char *name;
	int refcount;		/* protected by the caller's lock */
};

/*
 * kobject_get - take a reference.
 * The caller must already hold one.
 */
void kobject_get(struct kobject *kobj)
{
	kobj->refcount++;
}

/*
 * kobject_put - drop a reference.
 * Returns 1 when this was the last one.
 */
int kobject_put(struct kobject *kobj)
{
	if (--kobj->refcount == 0) {	/* last reference */
		printk("kobject %s: released\n", kobj->name);
		return 1;
	}
	return 0;
}

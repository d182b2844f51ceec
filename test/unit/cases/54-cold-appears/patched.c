/*
 * The fix adds an error path calling a __cold function; gcc -O2 moves it
 * into a .cold part that the original object did not have.  Only the
 * parent is reported; the new .cold part comes with it.
 */
#define __cold		__attribute__((__cold__))
#define unlikely(x)	__builtin_expect(!!(x), 0)

extern __cold int printk(const char *fmt, ...);

struct kref {
	int refcount;
};

struct object {
	struct kref ref;
	const char *name;
	void (*release)(struct object *obj);
};

void object_put(struct object *obj)
{
	if (unlikely(obj->ref.refcount <= 0)) {
		printk("object %s: put with refcount %d\n", obj->name, obj->ref.refcount);
		printk("object %s: release %p\n", obj->name, obj->release);
		return;
	}
	if (--obj->ref.refcount == 0)
		obj->release(obj);
}

/*
 * A function gains a parameter; its caller in the same file passes it.
 * Both change.
 */
#define noinline	__attribute__((__noinline__))
#define ENOMEM		12

extern void *kmalloc(unsigned long size, unsigned int flags);

#define GFP_KERNEL	0xcc0
#define GFP_ATOMIC	0x820

struct buffer {
	void *data;
	unsigned long size;
};

noinline int buffer_alloc(struct buffer *b, unsigned long size)
{
	b->data = kmalloc(size, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	b->size = size;
	return 0;
}

int buffer_setup_irq(struct buffer *b)
{
	return buffer_alloc(b, 512);
}

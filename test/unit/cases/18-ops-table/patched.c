/*
 * A handler referenced only from a const operations table changes.  The
 * handler is patched (ftrace redirects it); the table is existing data and
 * must not be copied into the module.
 */
extern int printk(const char *fmt, ...);

#define EFAULT		14
#define EINVAL		22

struct file {
	long long f_pos;
	void *private_data;
};

struct file_operations {
	long (*read)(struct file *f, char *buf, unsigned long len, long long *pos);
	long (*write)(struct file *f, const char *buf, unsigned long len, long long *pos);
	int (*open)(struct file *f);
	int (*release)(struct file *f);
};

extern int register_chrdev(unsigned int major, const char *name,
			   const struct file_operations *fops);

static char mailbox[64];

static long mbox_read(struct file *f, char *buf, unsigned long len, long long *pos)
{
	unsigned long i;

	if (*pos >= sizeof(mailbox))
		return 0;
	for (i = 0; i < len && *pos + i < sizeof(mailbox); i++)
		buf[i] = mailbox[*pos + i];
	*pos += i;
	return i;
}

static long mbox_write(struct file *f, const char *buf, unsigned long len, long long *pos)
{
	unsigned long i;

	if (len > sizeof(mailbox))
		return -EINVAL;
	for (i = 0; i < len; i++)
		mailbox[i] = buf[i];
	return i;
}

static int mbox_open(struct file *f)
{
	f->private_data = mailbox;
	return 0;
}

static int mbox_release(struct file *f)
{
	f->private_data = 0;
	return 0;
}

static const struct file_operations mbox_fops = {
	.read		= mbox_read,
	.write		= mbox_write,
	.open		= mbox_open,
	.release	= mbox_release,
};

int mbox_init(void)
{
	return register_chrdev(240, "mbox", &mbox_fops);
}

/*
 * A chain of calls ends in a static function that changes.  Functions that
 * merely call it (directly or not) are unchanged and stay out of the patch.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct inode {
	unsigned long i_ino;
	unsigned int i_mode;
	unsigned int i_uid;
};

#define S_IWOTH		00002
#define EACCES		13

static noinline int may_write(const struct inode *inode, unsigned int uid)
{
	if (uid == 0)
		return 0;
	if (inode->i_uid == uid && (inode->i_mode & 00200))
		return 0;
	return (inode->i_mode & S_IWOTH) ? 0 : -EACCES;
}

noinline int inode_permission_write(const struct inode *inode, unsigned int uid)
{
	int err = may_write(inode, uid);

	if (err)
		printk("inode %lu: write denied for uid %u\n", inode->i_ino, uid);
	return err;
}

int file_open_write(const struct inode *inode, unsigned int uid)
{
	return inode_permission_write(inode, uid) ? -EACCES : 0;
}

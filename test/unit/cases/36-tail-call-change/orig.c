/*
 * A function ends in a tail call (a jmp, not a call) to a function of the
 * same file; the fix makes it tail-call another existing function.  The
 * function is changed; both targets are unchanged and the new target is a
 * reference to the running kernel's function.
 */
#define noinline	__attribute__((__noinline__))

extern int blkdev_issue_flush(void *bdev);
extern int printk(const char *fmt, ...);

struct super_block {
	unsigned long s_flags;
	void *s_bdev;
	int s_dirty;
};

#define SB_RDONLY	1

noinline int sync_fs_async(struct super_block *sb)
{
	sb->s_dirty = 0;
	printk("sync: queued\n");
	return 0;
}

noinline int sync_fs_wait(struct super_block *sb)
{
	sb->s_dirty = 0;
	return blkdev_issue_flush(sb->s_bdev);
}

int fs_sync(struct super_block *sb, int wait)
{
	if (sb->s_flags & SB_RDONLY)
		return 0;
	return sync_fs_async(sb);
}

/*
 * A new static local in one function shifts gcc's numbering of an existing
 * static local of the same name in another, unchanged function (count.0 in
 * the original, count.1 in the patched object).  Pairing by owning
 * function keeps the unchanged function out of the patch.
 */
extern int printk(const char *fmt, ...);

int ep_poll_timeout(int fd, int ms)
{
	static int count;

	count++;
	if (ms < 0)
		return -22;
	return count & 1;
}

int ep_poll_wakeup(int fd)
{
	return fd >= 0;
}

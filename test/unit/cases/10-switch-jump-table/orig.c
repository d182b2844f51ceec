/*
 * An ioctl dispatcher big enough for gcc -O2 to use a jump table in
 * .rodata.<function>.  One case changes; the table (with its relocations
 * into the new function's text) must travel with the function.
 */
extern int printk(const char *fmt, ...);

#define EINVAL		22
#define ENOTTY		25
#define EPERM		1

struct tty {
	int index;
	unsigned int flags;
	unsigned int baud;
	unsigned int mode;
	int locked;
};

int tty_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case 0x5401:
		return tty->mode;
	case 0x5402:
		tty->mode = arg;
		return 0;
	case 0x5403:
		tty->mode = arg | 0x10;
		return 0;
	case 0x5404:
		tty->mode = arg & ~0x10UL;
		return 0;
	case 0x5405:
		return tty->baud;
	case 0x5406:
		if (arg > 4000000)
			return -EINVAL;
		tty->baud = arg;
		return 0;
	case 0x5407:
		tty->flags |= 0x2;
		return 0;
	case 0x5408:
		tty->flags &= ~0x2;
		return 0;
	case 0x5409:
		if (tty->locked)
			return -EPERM;
		tty->flags ^= 0x4;
		return 0;
	case 0x540a:
		tty->locked = 1;
		return 0;
	case 0x540b:
		printk("tty%d: flags %x mode %x\n", tty->index, tty->flags, tty->mode);
		return 0;
	default:
		return -ENOTTY;
	}
}

/*
 * Two functions with a static local of the same name swap places.  gcc
 * swaps the numbers (checks.0 and checks.1) too; pairing locals by their
 * owning function shows the code is identical: nothing to patch.
 */
extern int printk(const char *fmt, ...);

struct cred {
	unsigned int uid;
	unsigned int gid;
	unsigned long caps;
};

void cred_dump(const struct cred *cred)
{
	printk("uid %u gid %u caps %lx\n", cred->uid, cred->gid, cred->caps);
}

int cred_is_root(const struct cred *cred)
{
	static unsigned long checks;

	checks++;
	return cred->uid == 0;
}

int cred_has_cap(const struct cred *cred, int cap)
{
	static unsigned long checks;

	checks++;
	return (cred->caps >> cap) & 1;
}

/*
 * The fix adds an exported-style global function and calls it from an
 * existing one; a function that does not call it stays out.
 */
extern int printk(const char *fmt, ...);

struct fw_header {
	unsigned int magic;
	unsigned int version;
	unsigned int size;
	unsigned int crc;
};

#define FW_MAGIC	0x46574d31
#define EINVAL		22

int fw_check_header(const struct fw_header *hdr, unsigned int len)
{
	if (hdr->magic != FW_MAGIC)
		return -EINVAL;
	return 0;
}

unsigned int fw_version(const struct fw_header *hdr)
{
	return hdr->version;
}

/*
 * The fix adds a static helper that gcc only emits as a clone, specialised
 * twice (hid_report_len.constprop.0.isra.0): a new function, reported under
 * the name the patched object gives it.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct hid_report {
	unsigned int size;
	unsigned int count;
	int id;
};

int hid_report_raw_len(const struct hid_report *r)
{
	return (r->size * r->count + 7) / 8;
}

int hid_input_report(const struct hid_report *r, unsigned int len)
{
	if (len < (r->size * r->count + 7) / 8)
		return -22;
	return 0;
}

int hid_output_report(const struct hid_report *r, unsigned int len)
{
	if (len < (r->size * r->count + 7) / 8)
		return -22;
	return 0;
}

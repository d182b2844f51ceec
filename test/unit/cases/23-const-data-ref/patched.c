/*
 * A changed function reads an existing const table.  The table is not new
 * and did not change: the patched function refers to the original.
 */
#define ERANGE		34

struct rate {
	unsigned int kbps;
	unsigned int burst;
};

static const struct rate rate_table[] = {
	{ 64, 8 }, { 128, 16 }, { 256, 32 }, { 512, 64 },
	{ 1024, 128 }, { 2048, 256 }, { 4096, 512 }, { 8192, 1024 },
};

int rate_lookup(unsigned int idx, unsigned int *kbps, unsigned int *burst)
{
	if (idx >= 8)
		return -ERANGE;
	*kbps = rate_table[idx].kbps;
	*burst = rate_table[idx].burst;
	return 0;
}

unsigned int rate_max_burst(void)
{
	unsigned int i, max = 0;

	for (i = 0; i < 8; i++)
		if (rate_table[i].burst > max)
			max = rate_table[i].burst;
	return max;
}

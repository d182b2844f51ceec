/*
 * A file-scope static array with initialised values changes one value.
 * The running kernel's array keeps the old values: refuse.
 */
struct zone_wm {
	unsigned long min;
	unsigned long low;
	unsigned long high;
};

static struct zone_wm zone_watermarks[3] = {
	{ 128, 160, 192 },
	{ 1024, 1280, 1536 },
	{ 4096, 5120, 6144 },
};

void zone_set_min(int zone, unsigned long min)
{
	zone_watermarks[zone].min = min;
	zone_watermarks[zone].low = min + min / 4;
	zone_watermarks[zone].high = min + min / 2;
}

int zone_below_low(int zone, unsigned long free)
{
	return free < zone_watermarks[zone].low;
}

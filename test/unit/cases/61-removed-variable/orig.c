/*
 * The fix drops a global tunable and the code that used it.  The running
 * kernel's variable simply stays unused: patchable.
 */
int vmscan_swappiness_boost = 10;

int vmscan_swappiness(int base, int pressure)
{
	if (pressure > 80)
		return base + vmscan_swappiness_boost;
	return base;
}

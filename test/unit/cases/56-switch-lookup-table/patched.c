/*
 * gcc -O2 turns a switch that only maps values into a lookup table, a
 * compiler-generated static const array CSWTCH.N in .rodata.CSWTCH.N.  The
 * fix changes one value, so the table's contents change.  The table is part
 * of the function's code, not program data: nothing else can refer to it
 * and nothing can have modified it.  The change is patchable; the patched
 * function carries its own table.
 */
enum link_speed { SPEED_10, SPEED_100, SPEED_1000, SPEED_2500, SPEED_5000, SPEED_10000 };

struct phy {
	int addr;
	enum link_speed speed;
};

int phy_speed_mbps(const struct phy *phy)
{
	switch (phy->speed) {
	case SPEED_10:
		return 10;
	case SPEED_100:
		return 100;
	case SPEED_1000:
		return 1000;
	case SPEED_2500:
		return 2500;
	case SPEED_5000:
		return 5000;
	case SPEED_10000:
		return 10000;
	}
	return 0;
}

int phy_is_gigabit(const struct phy *phy)
{
	return phy->speed >= SPEED_1000;
}

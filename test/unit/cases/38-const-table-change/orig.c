/*
 * A value in an existing global const table changes.  The table is data of
 * the running kernel (other objects may read it); the patch cannot replace
 * it: refuse.  gcc -O2 folds the table into serial_divisor(), which changes
 * too, but that does not make the table change safe.
 */
struct baud_map {
	unsigned int baud;
	unsigned int divisor;
};

const struct baud_map serial_baud_table[] = {
	{ 9600, 12 }, { 19200, 6 }, { 38400, 3 }, { 57600, 2 }, { 115200, 1 },
};

unsigned int serial_divisor(unsigned int baud)
{
	unsigned int i;

	for (i = 0; i < sizeof(serial_baud_table) / sizeof(serial_baud_table[0]); i++)
		if (serial_baud_table[i].baud == baud)
			return serial_baud_table[i].divisor;
	return 0;
}

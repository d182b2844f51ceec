/*
 * A changed function walks an unchanged static table with the usual bound,
 * "p < table + ARRAY_SIZE(table)": the end of the table is referenced as
 * .data.slots + sizeof(slots), one past the last byte.  Both references
 * must stay tied to the running kernel's table (slots+0 and slots+32), never
 * to a piece of the table's section carried in the module.
 */
static void *slots[4] = { (void *)1, 0, (void *)3, 0 };

int count_slots(void)
{
	void **p;
	int n = 0;

	for (p = slots; p < slots + sizeof(slots) / sizeof(slots[0]); p++)
		if (*p)
			n++;
	return n + 100;
}

void *first_slot(void)
{
	return slots[0];
}

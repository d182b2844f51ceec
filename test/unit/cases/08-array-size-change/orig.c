/*
 * A static table grows.  Existing data cannot be resized under a running
 * kernel: refuse, even though the functions using it changed too.
 */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define EBUSY		16

struct irq_slot {
	int irq;
	void *dev_id;
};

static struct irq_slot irq_slots[8];

int irq_slot_claim(int irq, void *dev_id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(irq_slots); i++) {
		if (!irq_slots[i].dev_id) {
			irq_slots[i].irq = irq;
			irq_slots[i].dev_id = dev_id;
			return i;
		}
	}
	return -EBUSY;
}

void irq_slot_release(int slot)
{
	irq_slots[slot].dev_id = 0;
}

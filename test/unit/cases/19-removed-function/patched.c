/*
 * The fix deletes a static helper and open-codes a corrected check in its
 * only caller.  The caller changes; the deleted helper is not reported.
 */
#define noinline	__attribute__((__noinline__))
#define EINVAL		22

extern int printk(const char *fmt, ...);

struct pci_dev {
	unsigned short vendor;
	unsigned short device;
	unsigned int class;
	int irq;
};

int pci_fixup_irq(struct pci_dev *pdev)
{
	if (pdev->vendor != 0x8086 || pdev->device < 0x1000 || pdev->device > 0x10ff)
		return 0;
	if (pdev->irq <= 0)
		return -EINVAL;
	pdev->irq += 16;
	return 1;
}

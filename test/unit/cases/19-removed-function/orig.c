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

static noinline int pci_quirk_applies(struct pci_dev *pdev)
{
	printk("pci %04x:%04x: checking quirk\n", pdev->vendor, pdev->device);
	return pdev->vendor == 0x8086 && pdev->device >= 0x1000;
}

int pci_fixup_irq(struct pci_dev *pdev)
{
	if (!pci_quirk_applies(pdev))
		return 0;
	if (pdev->irq <= 0)
		return -EINVAL;
	pdev->irq += 16;
	return 1;
}

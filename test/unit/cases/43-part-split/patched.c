/*
 * Partial inlining: a function with a cheap early exit (a test of a
 * parameter) and an expensive rest is split; the rest becomes the
 * out-of-line part pte_update.part.0 and the callers inline the early exit.
 * The fix is in the split-off part only.
 */
#define likely(x)	__builtin_expect(!!(x), 1)

extern int printk(const char *fmt, ...);
extern void flush_tlb_page(unsigned long addr);
extern void mm_account(void *mm, long delta);
extern void mm_trace(unsigned long addr, unsigned long old, unsigned long val);

struct mm {
	unsigned long *pgd;
	unsigned long nr_ptes;
	int flush_pending;
	int tracing;
};

static int pte_update(struct mm *mm, unsigned long addr, unsigned long val)
{
	unsigned long *pte, old;

	if (likely(!mm))
		return 0;
	pte = &mm->pgd[(addr >> 12) & 511];
	old = *pte;
	if (old == val)
		return 0;
	*pte = val;
	if (!old)
		mm_account(mm, 1);
	else if (!val)
		mm_account(mm, -1);
	if (!val)
		mm->nr_ptes--;
	else if (!old)
		mm->nr_ptes++;
	if (mm->flush_pending) {
		flush_tlb_page(addr);
		mm->flush_pending = 0;
	}
	if (mm->tracing)
		mm_trace(addr, old, val);
	printk("pte %lx: %lx -> %lx\n", addr, old, val);
	return 1;
}

int mm_map(struct mm *mm, unsigned long addr, unsigned long pfn)
{
	return pte_update(mm, addr, pfn << 12 | 0x3);
}

int mm_unmap(struct mm *mm, unsigned long addr)
{
	return pte_update(mm, addr, 0);
}

int mm_protect(struct mm *mm, unsigned long addr, unsigned long pfn)
{
	return pte_update(mm, addr, pfn << 12 | 0x1);
}

int mm_map_range(struct mm *mm, unsigned long addr, unsigned long pfn, int n)
{
	int i, changed = 0;

	for (i = 0; i < n; i++)
		changed += pte_update(mm, addr + i * 4096UL, (pfn + i) << 12 | 0x3);
	return changed;
}

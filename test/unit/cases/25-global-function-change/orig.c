/*
 * A global function called from other functions of the same file changes.
 * The callers call it through ftrace's redirection and are unchanged.
 */
#define noinline	__attribute__((__noinline__))

struct page {
	unsigned long flags;
	int refcount;
	int mapcount;
};

#define PG_locked	0
#define PG_dirty	4

noinline int page_mapped_and_dirty(const struct page *page)
{
	return page->mapcount > 0 && (page->flags & (1UL << PG_dirty));
}

int page_needs_writeback(const struct page *page)
{
	if (page->flags & (1UL << PG_locked))
		return 0;
	return page_mapped_and_dirty(page);
}

int page_can_free(const struct page *page)
{
	return page->refcount == 1 && !page_mapped_and_dirty(page);
}

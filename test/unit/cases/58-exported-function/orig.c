/*
 * An exported function changes.  Its export entry (a __ksymtab record
 * pointing at it, as EXPORT_SYMBOL emits) is existing data of the running
 * kernel and stays out of the module.
 */
struct kernel_symbol {
	unsigned long value;
	const char *name;
	const char *namespace;
};

#define __used		__attribute__((__used__))
#define __section(s)	__attribute__((__section__(s)))

#define EXPORT_SYMBOL(sym)							\
	extern typeof(sym) sym;							\
	static const char __kstrtab_##sym[] __used __section("__ksymtab_strings") = #sym; \
	static const struct kernel_symbol __ksymtab_##sym __used		\
	__section("___ksymtab+" #sym) = {					\
		(unsigned long)&sym, __kstrtab_##sym, 0			\
	}

struct list_head {
	struct list_head *next, *prev;
};

void list_del_init(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	entry->next = entry;
}
EXPORT_SYMBOL(list_del_init);

int list_empty_careful(const struct list_head *head)
{
	return head->next == head && head->prev == head;
}
EXPORT_SYMBOL(list_empty_careful);

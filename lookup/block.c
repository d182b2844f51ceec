// SPDX-License-Identifier: GPL-2.0
/*
 * Local symbols: finding a compiled object's FILE block in the target.
 *
 * The linker copies each input object's STT_FILE symbol followed by that
 * object's local symbols, so a kernel binary's symbol table is a run of
 * FILE blocks (globals come after all of them).  Several objects may share
 * a FILE name (lib/cmdline.c and arch/x86/lib/cmdline.c are both
 * "cmdline.c"); the block that belongs to an object is the one whose local
 * functions and objects are exactly the object's.  The compiler's numbered
 * names (counter.12, foo.constprop.0) are the same in the binary as in the
 * object when both come from the same source, compiler and config.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Locals that the link may drop (.discard.*, .exitcall.exit in vmlinux,
 * .modinfo records) or add (__pfx_ and __cfi_ padding symbols of later
 * kernels), depending on vmlinux or module and the kernel version: left
 * out of the comparison.
 */
static bool maybe_discarded(const char *name)
{
	static const char *const prefixes[] = {
		"__exitcall_", "__brk_reservation_fn_", "__func_stack_frame_non_standard_",
		"__pfx_", "__cfi_",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return strstr(name, "__UNIQUE_ID_") || strstr(name, "__addressable_");
}

static bool counts_for_matching(const struct symbol *sym)
{
	return (sym->type == STT_FUNC || sym->type == STT_OBJECT) && !maybe_discarded(sym->name);
}

/* The object's local names, as a set. */
struct name_entry {
	struct hnode node;
	const char *name;
	unsigned int seen;		/* number of the last block that had it */
};

struct name_set {
	struct htable table;
	struct name_entry *entries;
	unsigned int nr;
};

static struct name_entry *find_name(const struct name_set *set, const char *name)
{
	struct hnode *node;

	htable_for_each(&set->table, node, hash_string(name)) {
		struct name_entry *e = container_of(node, struct name_entry, node);

		if (!strcmp(e->name, name))
			return e;
	}
	return NULL;
}

static int build_name_set(struct name_set *set, const char *const *locals, unsigned int nr)
{
	unsigned int i;

	memset(set, 0, sizeof(*set));
	set->entries = calloc(nr ? nr : 1, sizeof(*set->entries));
	if (!set->entries || htable_init(&set->table, nr))
		goto nomem;
	for (i = 0; i < nr; i++) {
		struct name_entry *e = &set->entries[set->nr];

		if (maybe_discarded(locals[i]) || find_name(set, locals[i]))
			continue;
		e->name = locals[i];
		if (htable_add(&set->table, &e->node, hash_string(e->name)))
			goto nomem;
		set->nr++;
	}
	return 0;
nomem:
	htable_free(&set->table);
	free(set->entries);
	pb_error("out of memory");
	return -1;
}

static void free_name_set(struct name_set *set)
{
	htable_free(&set->table);
	free(set->entries);
}

/* How one FILE block compares with the object. */
struct block_cmp {
	struct symbol *file;
	unsigned int missing;		/* object locals the block lacks */
	unsigned int extra;		/* block locals the object lacks */
	const char *first_missing;
	const char *first_extra;
};

/* The symbols of @file's block: locals up to the next FILE symbol. */
#define for_each_block_symbol(elf, file, sym, i)					\
	for (i = (file)->index + 1;							\
	     i < (elf)->nr_symbols && ((sym = (elf)->symbols[i]), 1) &&			\
	     sym->type != STT_FILE && sym->bind == STB_LOCAL;				\
	     i++)

static void compare_block(const struct lookup_obj *obj, struct symbol *file,
			  struct name_set *set, unsigned int gen, struct block_cmp *cmp)
{
	unsigned int i, seen = 0;
	struct symbol *sym;

	memset(cmp, 0, sizeof(*cmp));
	cmp->file = file;
	for_each_block_symbol(obj->elf, file, sym, i) {
		struct name_entry *e;

		if (!counts_for_matching(sym))
			continue;
		e = find_name(set, sym->name);
		if (!e) {
			if (!cmp->extra++)
				cmp->first_extra = sym->name;
			continue;
		}
		if (e->seen != gen) {
			e->seen = gen;
			seen++;
		}
	}
	cmp->missing = set->nr - seen;
	if (!cmp->missing)
		return;
	for (i = 0; i < set->nr; i++) {
		if (set->entries[i].seen != gen) {
			cmp->first_missing = set->entries[i].name;
			break;
		}
	}
}

/* Every block of that FILE name, compared; exact matches first. */
struct block_matches {
	struct block_cmp *cmps;
	unsigned int nr, exact;
};

static int compare_file_index(const void *a, const void *b)
{
	const struct block_cmp *ca = a, *cb = b;

	return ca->file->index < cb->file->index ? -1 : ca->file->index > cb->file->index;
}

static int match_blocks(const struct lookup_obj *obj, const char *file, struct name_set *set,
			struct block_matches *m)
{
	unsigned int alloc = 0, gen = 0;
	struct symbol *sym;
	struct hnode *node;

	memset(m, 0, sizeof(*m));
	for_each_symbol_by_name(obj->elf, file, sym, node) {
		struct block_cmp cmp;

		if (sym->type != STT_FILE)
			continue;
		compare_block(obj, sym, set, ++gen, &cmp);
		if (m->nr == alloc) {
			struct block_cmp *p;

			alloc = alloc ? alloc * 2 : 8;
			p = realloc(m->cmps, alloc * sizeof(*p));
			if (!p) {
				pb_error("out of memory");
				return -1;
			}
			m->cmps = p;
		}
		m->cmps[m->nr++] = cmp;
		if (!cmp.missing && !cmp.extra) {
			/* Keep exact matches at the front. */
			struct block_cmp tmp = m->cmps[m->exact];

			m->cmps[m->exact] = m->cmps[m->nr - 1];
			m->cmps[m->nr - 1] = tmp;
			m->exact++;
		}
	}
	if (m->exact > 1)
		qsort(m->cmps, m->exact, sizeof(*m->cmps), compare_file_index);
	return 0;
}

static const struct block_cmp *closest(const struct block_matches *m)
{
	const struct block_cmp *best = NULL;
	unsigned int i;

	for (i = 0; i < m->nr; i++) {
		const struct block_cmp *c = &m->cmps[i];

		if (!best || c->missing + c->extra < best->missing + best->extra ||
		    (c->missing + c->extra == best->missing + best->extra &&
		     c->file->index < best->file->index))
			best = c;
	}
	return best;
}

/* The local called @name in @file's block, or NULL; *count says how many. */
static struct symbol *block_local(const struct lookup_obj *obj, const struct symbol *file,
				  const char *name, unsigned int *count)
{
	struct symbol *sym, *found = NULL;
	struct hnode *node;

	*count = 0;
	for_each_symbol_by_name(obj->elf, name, sym, node) {
		if (sym->file != file || sym->bind != STB_LOCAL || !sym->sec ||
		    sym->type == STT_SECTION || sym->type == STT_FILE)
			continue;
		if (!found || sym->index < found->index)
			found = sym;
		(*count)++;
	}
	return found;
}

/*
 * Several blocks fit.  With @name, list the sympos @name has in each, so
 * that the user can pass the one meant.
 */
static void report_ambiguous_blocks(const struct lookup_obj *obj, const char *what,
				    const struct name_set *set, const struct block_matches *m,
				    const char *name)
{
	char list[512] = "";
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < m->exact && len < sizeof(list) - 64; i++) {
		const struct symbol *file = m->cmps[i].file;
		struct symbol *sym = NULL;
		unsigned int count = 0;
		long pos = -1;

		if (name)
			sym = block_local(obj, file, name, &count);
		if (sym && count == 1 && in_kallsyms(obj, sym))
			pos = symbol_sympos(obj, sym);
		if (pos >= 0)
			len += snprintf(list + len, sizeof(list) - len,
					"%s sympos %ld (block at symbol %u)", i ? "," : "", pos,
					file->index);
		else
			len += snprintf(list + len, sizeof(list) - len, "%s block at symbol %u",
					i ? "," : "", file->index);
	}
	pb_error("%s: %u FILE blocks in %s hold exactly the object's local functions and "
		 "data (%u name%s), so which one is meant cannot be told:%s; pass the sympos "
		 "explicitly", what, m->exact, obj->name, set->nr, set->nr == 1 ? "" : "s", list);
}

/* No block fits: show how the closest one differs. */
static void report_closest_block(const struct lookup_obj *obj, const char *what,
				 const char *file, const struct name_set *set,
				 const struct block_matches *m)
{
	const struct block_cmp *c = closest(m);
	char diff[600];
	int len = 0;

	if (c->missing)
		len = snprintf(diff, sizeof(diff), "lacks '%s'%s", c->first_missing,
			       c->missing > 1 ? " and more" : "");
	if (c->extra)
		snprintf(diff + len, sizeof(diff) - len, "%shas '%s'%s that the object has not",
			 len ? ", " : "", c->first_extra, c->extra > 1 ? " and more" : "");
	pb_error("%s: none of the %u FILE blocks called %s in %s holds exactly the object's "
		 "local functions and data (%u name%s); the closest (at symbol %u) %s: wrong "
		 "vmlinux, or a different compiler or config?", what, m->nr, file, obj->name,
		 set->nr, set->nr == 1 ? "" : "s", c->file->index, diff);
}

static void report_no_block(const struct lookup_obj *obj, const char *file,
			    const struct name_set *set, const struct block_matches *m,
			    const char *name)
{
	char what[600];

	if (name)
		snprintf(what, sizeof(what), "'%s' (FILE %s)", name, file);
	else
		snprintf(what, sizeof(what), "FILE %s", file);

	if (!m->nr)
		pb_error("%s: %s has no FILE symbol '%s': the object is not part of %s "
			 "(built into a module? give its .ko and name), or wrong vmlinux?",
			 what, obj->name, file, obj->name);
	else if (m->exact > 1)
		report_ambiguous_blocks(obj, what, set, m, name);
	else
		report_closest_block(obj, what, file, set, m);
}

/* @objname, or by default vmlinux, or the only module when there is no vmlinux. */
static struct lookup_obj *target_obj(struct lookup *lookup, const char *objname,
				     const char *what)
{
	struct lookup_obj *obj;

	if (!objname) {
		obj = lookup->vmlinux ? lookup->vmlinux : lookup->objs;
		if (obj && (obj == lookup->vmlinux || !obj->next))
			return obj;
		pb_error("%s: which binary is the object part of? name it (--objname)", what);
		return NULL;
	}
	obj = find_lookup_obj(lookup, objname);
	if (!obj)
		pb_error("%s: %s was not loaded (give %s)", what, objname,
			 strcmp(objname, "vmlinux") ? "its module's .ko" : "the vmlinux");
	return obj;
}

static struct lookup_block *remember_block(struct lookup *lookup, struct lookup_obj *obj,
					   struct symbol *file)
{
	struct lookup_block *block;

	for (block = lookup->blocks; block; block = block->next)
		if (block->file == file)
			return block;
	block = calloc(1, sizeof(*block));
	if (!block) {
		pb_error("out of memory");
		return NULL;
	}
	block->obj = obj;
	block->file = file;
	block->next = lookup->blocks;
	lookup->blocks = block;
	return block;
}

static const struct lookup_block *find_block(struct lookup *lookup, const char *objname,
					     const char *file, const char *const *locals,
					     unsigned int nr, const char *name)
{
	struct lookup_block *block = NULL;
	struct block_matches m;
	struct lookup_obj *obj;
	struct name_set set;

	obj = target_obj(lookup, objname, name ? name : file);
	if (!obj || build_name_set(&set, locals, nr))
		return NULL;
	if (!match_blocks(obj, file, &set, &m)) {
		if (m.exact == 1)
			block = remember_block(lookup, obj, m.cmps[0].file);
		else
			report_no_block(obj, file, &set, &m, name);
	}
	free(m.cmps);
	free_name_set(&set);
	return block;
}

const struct lookup_block *lookup_find_block(struct lookup *lookup, const char *objname,
					     const char *file, const char *const *locals,
					     unsigned int nr)
{
	return find_block(lookup, objname, file, locals, nr, NULL);
}

static bool defines_global(const struct lookup_obj *obj, const char *name)
{
	struct symbol *sym;
	struct hnode *node;

	for_each_symbol_by_name(obj->elf, name, sym, node)
		if (sym->bind != STB_LOCAL && sym->sec)
			return true;
	return false;
}

int lookup_block_symbol(struct lookup *lookup, const struct lookup_block *block,
			const char *name, struct lookup_result *res)
{
	struct lookup_obj *obj = block->obj;
	unsigned int count;
	struct symbol *sym;

	sym = block_local(obj, block->file, name, &count);
	if (!sym) {
		if (defines_global(obj, name))
			pb_error("'%s' (FILE %s): a global symbol of %s, not a local: look it "
				 "up as a global", name, block->file->name, obj->name);
		else
			pb_error("'%s' (FILE %s): not among the locals of its FILE block in "
				 "%s (at symbol %u): wrong vmlinux, or a different compiler or "
				 "config?",
				 name, block->file->name, obj->name, block->file->index);
		return -1;
	}
	if (count > 1) {
		pb_error("'%s' (FILE %s): %u locals of that name in one FILE block of %s "
			 "(at symbol %u): cannot tell which is meant", name, block->file->name,
			 count, obj->name, block->file->index);
		return -1;
	}
	return fill_result(lookup, obj, sym, res);
}

int lookup_local(struct lookup *lookup, const char *objname, const char *file,
		 const char *const *locals, unsigned int nr, const char *name,
		 struct lookup_result *res)
{
	const struct lookup_block *block;

	block = find_block(lookup, objname, file, locals, nr, name);
	if (!block)
		return -1;
	return lookup_block_symbol(lookup, block, name, res);
}

void free_blocks(struct lookup *lookup)
{
	struct lookup_block *block, *next;

	for (block = lookup->blocks; block; block = next) {
		next = block->next;
		free(block);
	}
	lookup->blocks = NULL;
}

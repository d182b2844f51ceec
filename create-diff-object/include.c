// SPDX-License-Identifier: GPL-2.0
/*
 * Pulling in what the changed code needs.  Starting from the changed and
 * new functions, every relocation is followed: code and data that exist in
 * the running kernel are referenced, never copied; new functions and data,
 * compiler-invented read-only data, anonymous read-only sections (jump
 * tables) and string literals are carried in the output.
 */
#include <stdlib.h>
#include <string.h>

#include "anon.h"
#include "include.h"
#include "entries.h"

int queue_symbol(struct diff *d, struct symbol *sym)
{
	if (sym->include)
		return 0;
	sym->include = true;
	if (d->queue_len == d->queue_alloc) {
		unsigned int n = d->queue_alloc ? d->queue_alloc * 2 : 64;
		struct symbol **q = realloc(d->queue, n * sizeof(*q));

		if (!q) {
			pb_error("out of memory");
			return -1;
		}
		d->queue = q;
		d->queue_alloc = n;
	}
	d->queue[d->queue_len++] = sym;
	return 0;
}

/*
 * Anonymous sections whose pieces can be carried: code and data a function
 * owns out of line (jump tables, .fixup, .text..refcount, .altinstr_aux).
 * The kernel's tables and what they point at (.altinstr_replacement,
 * ORC) are carried entry by entry in special.c, never as pieces.
 */
static bool carries_pieces(const struct section *sec)
{
	return !is_special_section(sec) && !is_ignored_section(sec) &&
	       !is_copied_data_section(sec);
}

/* Carry the piece of an anonymous section that relocation @reloc points into. */
static int include_piece(struct diff *d, const struct reloc *reloc, const struct target *t,
			 struct symbol *user)
{
	char loc[ELF_LOCATION_LEN];
	struct anon_range r;
	bool added;

	if (anon_include(t->sec, t->offset, &added, &r))
		return -1;
	/* Only the end of the section: no bytes to carry, nothing to point at. */
	if (r.start == r.end) {
		pb_error("%s: relocation at %s points at the end of section %u (%s+0x%lx), which holds nothing to carry",
			 d->patched->path, elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)),
			 t->sec->index, t->sec->name, t->offset);
		return -1;
	}
	/* Output copies a piece's relocations as plain code: so do we. */
	return added ? include_range(d, t->sec, r.start, r.end - r.start, user, false) : 0;
}

int include_range(struct diff *d, struct section *sec, unsigned long off, unsigned long len,
		  struct symbol *user, bool force_copy)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	for (; reloc && reloc < sec->relocs + sec->nr_relocs &&
	       reloc->offset < off + len; reloc++) {
		char loc[ELF_LOCATION_LEN];
		struct reference ref;

		if (decide_reference(d, reloc, force_copy, &ref))
			return -1;
		if (ref.kind == REF_COPY && queue_symbol(d, ref.sym))
			return -1;
		if (ref.kind != REF_SECTION)
			continue;
		if (!carries_pieces(ref.t.sec)) {
			refuse(d, user, "%s%s%s refers to %s+0x%lx at %s, and the differ does not know how to carry section %s",
			       !user ? "the patch author's record" :
			       user->type == STT_FUNC ? "function " : "data ",
			       user && user->twin ? user->twin->name : "",
			       user && !user->twin ? user->name : "", ref.t.sec->name,
			       ref.t.offset, elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)),
			       ref.t.sec->name);
			continue;
		}
		if (include_piece(d, reloc, &ref.t, user))
			return -1;
	}
	return 0;
}

/* ---- what kept table entries and the author's records need ----------------- */

static int include_entry(struct diff *d, const struct special_section *s, struct section *sec,
			 unsigned long off, unsigned long size, struct symbol *func)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + size;
	     reloc++) {
		struct section *repl_sec;
		unsigned long repl_off, len;

		/* Carried as the replacement's bytes, whose code may need more. */
		if ((s->flags & ALT_REPLACEMENT) && reloc->sym->sec &&
		    !strcmp(reloc->sym->sec->name, ".altinstr_replacement")) {
			if (replacement_range(d, sec, off, &repl_sec, &repl_off, &len))
				return -1;
			if (repl_sec && include_range(d, repl_sec, repl_off, len, func, false))
				return -1;
			continue;
		}
		/* As copy_entry_relocs() maps it. */
		if (include_range(d, sec, reloc->offset, 1, func, true))
			return -1;
	}
	return 0;
}

/* The author's records point at new code and data: include what they need. */
static int include_author_records(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = special_section_of(sec);
		struct reloc *reloc;

		if (!s || !(s->flags & CARRY_ALL))
			continue;
		/* As copy_entry_relocs() maps them. */
		for_each_reloc(sec, reloc)
			if (include_range(d, sec, reloc->offset, 1, NULL, true))
				return -1;
	}
	return 0;
}

int include_changes(struct diff *d)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(d->patched, sym, i)
		if (is_function(sym) && !sym->parent &&
		    (sym->status == CHANGED || sym->status == NEW || sym->status == CARRIED))
			if (queue_symbol(d, sym))
				return -1;
	/* Other objects of the patch may use what this one adds. */
	for_each_symbol(d->patched, sym, i)
		if (is_shared_new_symbol(d, sym) && queue_symbol(d, sym))
			return -1;
	if (include_author_records(d))
		return -1;

	/*
	 * The queue grows while we walk it.  The table entries of what it
	 * carries can need more (a static key inside a dynamic debug
	 * descriptor, a .fixup piece): walk again until nothing is added.
	 */
	i = 0;
	do {
		for (; i < d->queue_len; i++) {
			sym = d->queue[i];
			if (!sym->sec) {
				/* SHN_ABS, SHN_COMMON: no bytes to carry. */
				pb_error("%s: symbol %u (%s) would be copied into the output, but it is not in a section (index 0x%x)",
					 sym->elf->path, sym->index, sym->name, sym->shndx);
				return -1;
			}
			if (sym->child && queue_symbol(d, sym->child))
				return -1;
			if (include_range(d, sym->sec, sym->offset, carried_size(sym), sym, false))
				return -1;
		}
		if (for_each_kept_entry(d, 0, include_entry))
			return -1;
	} while (i < d->queue_len);
	return 0;
}

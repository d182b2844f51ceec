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
#include "special.h"

/* Does @sec hold functions or data objects (is it not anonymous)? */
static bool has_sized_symbols(const struct section *sec)
{
	unsigned int i;

	for (i = 0; i < sec->nr_syms; i++)
		if (sec->syms[i]->size &&
		    (sec->syms[i]->type == STT_FUNC || sec->syms[i]->type == STT_OBJECT))
			return true;
	return false;
}

/*
 * A reference into a section of named functions or data that lands in no
 * symbol, not even at its end, has no owner to map it to: carrying a piece
 * of that section would point the module at its own copy of the bytes (or
 * at nothing), never at the running kernel's.
 */
static int refuse_unowned(const struct diff *d, const struct reloc *reloc,
			  const struct target *t)
{
	char loc[ELF_LOCATION_LEN];

	pb_error("%s: relocation at %s points at %s+0x%lx, outside every symbol of that section",
		 d->patched->path, elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)),
		 t->sec->name, t->offset);
	return -1;
}

int decide_reference(struct diff *d, const struct reloc *reloc, bool force_copy,
		     struct reference *ref)
{
	struct symbol *s;

	memset(ref, 0, sizeof(*ref));
	if (resolve_target(reloc, &ref->t))
		return -1;
	switch (ref->t.kind) {
	case TARGET_STRING:
		ref->kind = REF_STRING;
		return 0;
	case TARGET_SECTION:
		if (has_sized_symbols(ref->t.sec))
			return refuse_unowned(d, reloc, &ref->t);
		ref->kind = REF_SECTION;
		return 0;
	case TARGET_SYMBOL:
		break;
	}

	s = ref->t.sym;
	ref->sym = s;
	if (s->shndx == SHN_UNDEF) {
		ref->kind = REF_EXTERN;
		return 0;
	}
	if (s->type == STT_FUNC) {
		if (s->status == NEW || s->status == CARRIED || s->parent || force_copy)
			ref->kind = REF_COPY;
		else if (s->status == CHANGED)
			/*
			 * Calls and jumps go to the new copy.  A pointer to a
			 * changed function keeps pointing at the original, so that
			 * comparisons and registrations stay valid; ftrace sends
			 * calls through it to the new code anyway.
			 */
			ref->kind = is_call_reloc(reloc) || target_offset(&ref->t) != 0 ?
				    REF_COPY : REF_ORIGINAL;
		else
			ref->kind = REF_ORIGINAL;
	} else if (is_compiler_generated_data(s) || !s->twin || s->status == CHANGED ||
		   (s->sec && is_copied_data_section(s->sec))) {
		/* New, compiler-invented, replaced read-only, or descriptor data. */
		ref->kind = REF_COPY;
	} else {
		ref->kind = REF_ORIGINAL;
	}
	if (ref->kind == REF_ORIGINAL && !s->twin) {
		pb_error("%s: %s refers to %s, which has no counterpart in %s",
			 d->patched->path, reloc->sec->name, s->name, d->orig->path);
		return -1;
	}
	return 0;
}

unsigned long carried_size(const struct symbol *sym)
{
	const struct section *sec = sym->sec;

	if (sym->size || sym->offset > sec->size)
		return sym->size;
	if (sec->nr_syms == 1)
		return sec->size - sym->offset;
	/* A constant's label (".LC3") is unsized: the constant is one entry. */
	if ((sec->sh.sh_flags & SHF_MERGE) && !(sec->sh.sh_flags & SHF_STRINGS))
		return sec->sh.sh_entsize;
	return 0;
}

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
		if (include_entry_needs(d))
			return -1;
	} while (i < d->queue_len);
	return 0;
}

/*
 * Which binary defines @sym.  Symbols the original object defines belong to
 * the object's own binary; for undefined ones only lookup knows.
 */
const char *symbol_owner(struct diff *d, const struct symbol *sym)
{
	if (sym->shndx != SHN_UNDEF)
		return d->objname;
	if (!d->objname || !strcmp(d->objname, "vmlinux"))
		return "vmlinux";	/* vmlinux code links only against vmlinux */
	return NULL;
}

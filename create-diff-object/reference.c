// SPDX-License-Identifier: GPL-2.0
/*
 * How one relocation of carried code is carried into the output: to a copy
 * the output holds, to the running kernel's symbol, to a string literal by
 * its bytes, into a piece of an anonymous section (see reference.h).  The
 * include pass follows these decisions; the output and the special-table
 * filter map relocations by them.  A leaf over the target resolution.
 */
#include <string.h>

#include "reference.h"

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

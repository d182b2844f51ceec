/* SPDX-License-Identifier: GPL-2.0 */
/* How one relocation of carried code is carried into the output (reference.c). */
#ifndef PB_REFERENCE_H
#define PB_REFERENCE_H

#include "diff.h"

enum reference_kind {
	REF_COPY,		/* to a symbol carried in the output */
	REF_ORIGINAL,		/* to the running kernel's copy (sym->twin) */
	REF_EXTERN,		/* to an undefined symbol, by name */
	REF_STRING,		/* to a string literal, by content */
	REF_SECTION,		/* into an anonymous section carried whole */
};

struct reference {
	enum reference_kind kind;
	struct target t;
	struct symbol *sym;	/* patched object's symbol, for the first three */
};

/*
 * @force_copy: the relocation belongs to a special-section entry that
 * describes included code, so it must point at the included copy.
 */
int decide_reference(struct diff *d, const struct reloc *reloc, bool force_copy,
		     struct reference *ref);

/* The bytes of included @sym the output carries (unsized ones included). */
unsigned long carried_size(const struct symbol *sym);

/* Which binary defines @sym: "vmlinux", a module name, or NULL if unknown. */
const char *symbol_owner(struct diff *d, const struct symbol *sym);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The relocation guard of patch-check-module: each relocation inside a
 * function or data object of the module must point at the same symbol, and
 * the same offset in it, as the relocation at the same place of that
 * symbol in the patched object the differ read.
 */
#ifndef PB_CHECK_RELOCS_H
#define PB_CHECK_RELOCS_H

#include "elf-model.h"

struct lookup;

struct reloc_guard {
	struct elf *mod;		/* the module (or a differ output) */
	struct elf **patched;		/* the patched objects it was made from */
	unsigned int nr_patched;
	struct lookup *lookup;		/* the target, for klp symbols; or NULL */
	/* Report one problem (the caller counts and prints them). */
	void (*problem)(void *arg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
	void *arg;
	/* What was proven, for the summary. */
	unsigned int symbols_checked, relocs_checked;
};

/*
 * Check every relocation of the module's ALLOC sections: none may point
 * into an empty section or past the end of its section; and, when patched
 * objects are given, each one in a symbol that they also define (same name up to the
 * compiler's numbering, same size) must match the patched object's
 * relocation at the same offset: same symbol, same offset in it.  A target
 * outside [sym, sym + size] is refused unless the patched object's own
 * reference has exactly that offset (the compiler's "table - 4").
 * Returns 0 (problems are reported through ->problem), -1 on a read error.
 */
int check_reloc_mapping(struct reloc_guard *g);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Where relocations point (target.c): a leaf shared by the passes. */
#ifndef PB_TARGET_H
#define PB_TARGET_H

#include "elf-model.h"

/*
 * Where a relocation really points, independent of how the compiler
 * spelled it: a symbol plus a delta, a string literal by content, or an
 * anonymous section (jump tables and other unnamed read-only data).
 */
enum target_kind {
	TARGET_SYMBOL,
	TARGET_STRING,
	TARGET_SECTION,
};

struct target {
	enum target_kind kind;
	struct symbol *sym;		/* TARGET_SYMBOL */
	struct section *sec;		/* TARGET_STRING, TARGET_SECTION */
	long delta;			/* addend relative to sym or string start */
	long bias;			/* PC-relative in code: field to insn end;
					   delta + bias is the offset pointed at */
	unsigned long offset;		/* TARGET_STRING: start of the string;
					   TARGET_SECTION: offset pointed at */
	const char *string;		/* TARGET_STRING: its bytes */
	size_t string_len;		/* including the terminating NUL */
};

/* Where in its symbol (or string) a target lies: 0 is the start. */
static inline long target_offset(const struct target *t)
{
	return (long)((unsigned long)t->delta + (unsigned long)t->bias);
}

/* Resolve @reloc; -1 (reported with its place) when it cannot be read. */
int resolve_target(const struct reloc *reloc, struct target *t);
/* Is @reloc a call or jump to its target (a PLT32 or a decoded branch)? */
bool is_call_reloc(const struct reloc *reloc);
/* Does @func start with the ftrace call (or is it recorded in __mcount_loc)? */
bool has_fentry_call(const struct symbol *func);
/* Read-only data the compiler invents (__func__, CSWTCH, .LC): no identity. */
bool is_compiler_generated_data(const struct symbol *sym);

#endif

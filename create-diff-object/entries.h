/* SPDX-License-Identifier: GPL-2.0 */
/* Entries of the special tables (entries.c): queries shared by the passes. */
#ifndef PB_ENTRIES_H
#define PB_ENTRIES_H

#include "diff.h"

/* --entry-size for @type, or -1. */
long entry_size_override(const struct diff *d, const char *type);
/* The facts about struct @type: the patched object's DWARF, else vmlinux's. */
struct type_info *special_type(struct diff *d, const char *type);
/* The entry size of table @sec (of kind @s); -1 reported when unknown. */
long entry_size(struct diff *d, const struct special_section *s, const struct section *sec);
/* The offset of @member in struct @type, or @fallback when unknown. */
long member_offset(struct diff *d, const char *type, const char *member, long fallback);
/* A short last record is read only when what is missing is tail padding. */
int check_record_layout(struct diff *d, const struct special_section *s,
			const struct section *sec, long size);
/* Does the entry at [off, off+size) describe code the output carries? */
int entry_is_included(struct section *sec, unsigned long off, unsigned long size,
		      bool *keep, struct symbol **func);

/* Called with an entry the output keeps and the function it describes. */
typedef int (*kept_entry_fn)(struct diff *d, const struct special_section *s,
			     struct section *sec, unsigned long off, unsigned long size,
			     struct symbol *func);
/*
 * Call @fn on every kept entry of the patched object's tables whose kind
 * has all of @flags (0: every table that is neither dropped nor carried
 * whole), after checking each table's record layout.  Stops at the first
 * non-zero return and returns it.
 */
int for_each_kept_entry(struct diff *d, unsigned int flags, kept_entry_fn fn);
/*
 * The replacement code of the alternative at @off of @sec: the range
 * [repl, repl + replacementlen) of *@repl_sec (NULL when it has none).
 */
int replacement_range(struct diff *d, struct section *sec, unsigned long off,
		      struct section **repl_sec, unsigned long *repl_off, unsigned long *len);

/* Whose static key (or static call key) an entry uses. */
struct key_verdict {
	enum {
		KEY_OURS,	/* none, or this object's binary's: carried */
		KEY_DROP,	/* another module's tracepoint or dynamic debug key */
		KEY_FOREIGN,	/* another module's: refused */
	} kind;
	const char *key, *owner;
};
int entry_key_verdict(struct diff *d, const struct special_section *s, struct section *sec,
		      unsigned long off, unsigned long size, struct key_verdict *v);

#endif

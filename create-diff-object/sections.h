/* SPDX-License-Identifier: GPL-2.0 */
/* Classifying sections (sections.c): a leaf shared by the passes. */
#ifndef PB_SECTIONS_H
#define PB_SECTIONS_H

#include <stdbool.h>

#include "elf-model.h"

enum special_flags {
	KEY_AT_MEMBER = 1,	/* entry refers to a static key / static call key */
	ALT_REPLACEMENT = 2,	/* entry refers to code in .altinstr_replacement */
	PARALLEL_ORC = 4,	/* .orc_unwind_ip: .orc_unwind has one entry per entry */
	DROP = 8,		/* never carried */
	CARRY_ALL = 16,		/* the patch author's records: every entry travels */
};

struct special_section {
	const char *name;
	bool prefix;			/* name is a prefix (".initcall") */
	const char *type;		/* struct giving the entry size, or NULL */
	unsigned int fixed_size;	/* entry size when there is no struct */
	int flags;
	const char *key_member;		/* KEY_AT_MEMBER: the member holding the key */
};

/* The special table @sec is, or NULL. */
const struct special_section *special_section_of(const struct section *sec);
bool is_special_section(const struct section *sec);
/* Sections that never take part in a comparison or the output. */
bool is_ignored_section(const struct section *sec);
/* Descriptor data (dynamic debug) carried with the code that uses it. */
bool is_copied_data_section(const struct section *sec);
/* __init and __exit code: run once (or never, when built in) and freed. */
bool is_init_section(const struct section *sec);

#endif

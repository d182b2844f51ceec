/* SPDX-License-Identifier: GPL-2.0 */
/* Pieces of anonymous sections (see anon.c); kept in section->priv. */
#ifndef PB_ANON_H
#define PB_ANON_H

#include "diff.h"

struct anon_pieces {
	unsigned long *starts;		/* sorted piece start offsets; [0] is 0 */
	unsigned long *dst;		/* offset of each carried piece in the output */
	bool *included;
	unsigned int nr;
};

struct anon_range {
	unsigned int index;
	unsigned long start, end;
};

/* The piece of @sec holding offset @off. */
int anon_piece(struct section *sec, unsigned long off, struct anon_range *r);
/* Mark that piece as carried; *added tells whether it was new. */
int anon_include(struct section *sec, unsigned long off, bool *added, struct anon_range *r);
bool anon_is_included(const struct section *sec, unsigned int index);
unsigned int anon_count(const struct section *sec);
unsigned long anon_start(const struct section *sec, unsigned int index);
void anon_set_dst(struct section *sec, unsigned int index, unsigned long dst);
unsigned long anon_dst(const struct section *sec, unsigned int index);
void anon_free(struct elf *elf);

#endif

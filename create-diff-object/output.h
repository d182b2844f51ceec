/* SPDX-License-Identifier: GPL-2.0 */
/* Building the output object; shared with the special-section filter. */
#ifndef PB_OUTPUT_H
#define PB_OUTPUT_H

#include "diff.h"

/* The output symbol and addend standing for relocation @reloc. */
int map_reloc(struct diff *d, const struct reloc *reloc, bool force_copy,
	      struct symbol **sym, long *addend);
/* Copy relocations of [off, off+len) in @src to @dst at @dst_off. */
int copy_relocs(struct diff *d, struct section *src, unsigned long off, unsigned long len,
		struct section *dst, unsigned long dst_off, bool force_copy);
void free_string_pools(struct diff *d);

#endif

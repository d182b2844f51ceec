/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the two halves of the ELF model (elf-model.c, elf-write.c). */
#ifndef PB_ELF_INTERNAL_H
#define PB_ELF_INTERNAL_H

#include "elf-model.h"

#define ELF_ERR(elf, what) \
	pb_error("%s: %s: %s", (elf)->path, what, elf_errmsg(-1))

void *xcalloc(size_t n, size_t size);
/* Grow an array to hold at least @need entries of @size bytes. */
int grow_array(void **array, unsigned int *alloc, unsigned int need, size_t size);
int add_section_name(struct elf *elf, struct section *sec);
int add_symbol_name(struct elf *elf, struct symbol *sym);

#endif

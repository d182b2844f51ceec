// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the ELF model's reader and writer on one input.
 *
 * The input is read with elf_open() (any ELF type, relocations included),
 * every section, symbol and relocation is visited through the lookup
 * functions the passes use, and a relocatable input is copied with
 * elf_copy() and written with elf_write().  What the writer produced must
 * read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf-model.h"
#include "fuzz.h"

static struct fuzz_file input, output;
static volatile unsigned long sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pb_progname = "fuzz-elf";
	fuzz_file_init(&input, "fuzz-elf-input");
	fuzz_file_init(&output, "fuzz-elf-output");
	return 0;
}

static void walk_section(const struct elf *elf, struct section *sec)
{
	struct reloc *reloc;
	unsigned int i;

	if (find_section_by_name(elf, sec->name) == NULL)
		abort();	/* every section is found by its name */
	sink += strlen(sec->name) + is_text_section(sec) + is_rela_section(sec) +
		is_string_section(sec);
	if (sec->data && sec->size)
		sink += sec->data[0] + sec->data[sec->size - 1];
	for (i = 0; i < sec->nr_syms; i++) {
		const struct symbol *sym = sec->syms[i];

		if (sym->sec != sec || (i && sec->syms[i - 1]->offset > sym->offset))
			abort();	/* sec->syms: its own symbols, by offset */
		sink += (unsigned long)find_symbol_by_offset(sec, sym->offset);
		sink += (unsigned long)find_symbol_containing(sec, sym->offset);
	}
	for_each_reloc(sec, reloc) {
		if (!reloc->sym || (reloc > sec->relocs && reloc[-1].offset > reloc->offset))
			abort();	/* relocations: resolved, by offset */
		if (find_reloc_from(sec, reloc->offset) == NULL)
			abort();
		sink += strlen(reloc_type_name(reloc->type)) + reloc_width(reloc->type) +
			strlen(symbol_display_name(reloc->sym));
	}
}

static void walk(const struct elf *elf)
{
	struct section *sec;
	struct symbol *sym;
	unsigned int i;

	for_each_section(elf, sec, i)
		walk_section(elf, sec);
	for_each_symbol(elf, sym, i) {
		if (find_symbol_by_index(elf, i) != sym || !find_symbol_by_name(elf, sym->name))
			abort();
		sink += strlen(symbol_display_name(sym));
		if (sym->file)
			sink += strlen(sym->file->name);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf *elf, *copy, *back;

	fuzz_file_set(&input, data, size);
	elf = elf_open(input.path, ELF_OPEN_ANY_TYPE);
	if (!elf)
		return 0;
	walk(elf);
	if (elf->ehdr.e_type == ET_REL) {
		fuzz_file_clear(&output);
		copy = elf_copy(elf, output.path, NULL, NULL);
		if (copy && !elf_write(copy)) {
			back = elf_open(output.path, ELF_OPEN_RELOCATABLE);
			if (!back) {
				fprintf(stderr, "fuzz-elf: the copy elf_write wrote does not read back\n");
				abort();
			}
			walk(back);
			elf_close(back);
		}
		elf_close(copy);
	}
	elf_close(elf);
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-memory model of an ELF object: sections, symbols and relocations
 * with hash tables for lookups.  This file pair is the only code that calls
 * libelf; everything else (the differ, post-link, lookup, the checker) works
 * on this model.
 *
 * Reading: elf_open() loads an object (ET_REL for the differ; any ELF with a
 * symbol table for lookup).  Relocations are attached to the section they
 * relocate (sec->relocs), sorted by offset.
 *
 * Writing: elf_create() starts an empty ET_REL x86-64 object; sections,
 * symbols and relocations are added with elf_add_*(); elf_write() assigns
 * the final indices (local symbols first), builds .symtab, .strtab,
 * .shstrtab and one .rela<name> per section that has relocations, and
 * writes the file.
 */
#ifndef PB_ELF_MODEL_H
#define PB_ELF_MODEL_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

#include "hash.h"

#ifndef SHN_LIVEPATCH
#define SHN_LIVEPATCH		0xff20
#endif
#ifndef SHF_RELA_LIVEPATCH
#define SHF_RELA_LIVEPATCH	0x00100000
#endif

struct elf;
struct insn_table;
struct section;
struct symbol;

struct reloc {
	struct section *sec;		/* the section whose bytes it patches */
	unsigned long offset;		/* in that section */
	unsigned int type;		/* R_X86_64_* */
	long addend;
	struct symbol *sym;
	unsigned int idx;		/* position in the original rela section */
};

struct section {
	struct elf *elf;
	char *name;
	unsigned int index;		/* in the file read; assigned by elf_write */
	GElf_Shdr sh;			/* type, flags, entsize, align, link, info */
	unsigned char *data;		/* contents; NULL for SHT_NOBITS */
	size_t size;
	bool data_owned;		/* data is ours to free */

	/* Relocations applied to this section, sorted by offset. */
	struct reloc *relocs;
	unsigned int nr_relocs, alloc_relocs;
	struct section *rela;		/* read: the SHT_RELA section for it */
	struct section *base;		/* SHT_RELA only: what it relocates */
	bool rela_owned;		/* SHT_RELA generated from relocs on write */
	bool explicit_rela;		/* SHT_RELA holding its own relocs (see below) */
	struct section *link;		/* written as sh_link, when set */

	struct symbol *secsym;		/* its STT_SECTION symbol, if any */
	struct symbol **syms;		/* other symbols in it, by offset */
	unsigned int nr_syms;
	struct insn_table *insns;	/* code: instruction starts (insn.c) */

	struct hnode name_node;

	/* For the passes over the model (the differ, post-link). */
	struct section *twin;		/* correlated section in the other file */
	struct section *out;		/* its copy in an output object */
	int status;
	bool include;
	void *priv;
};

struct symbol {
	struct elf *elf;
	char *name;
	unsigned int index;		/* in the file read; assigned by elf_write */
	unsigned char bind, type, other;
	unsigned int shndx;		/* raw section index (SHN_UNDEF, SHN_ABS...) */
	struct section *sec;		/* NULL unless defined in a real section */
	unsigned long offset;		/* st_value */
	unsigned long size;
	struct symbol *file;		/* STT_FILE symbol whose block holds it */

	struct hnode name_node;

	/* For the passes over the model. */
	struct symbol *twin;
	struct symbol *out;
	struct symbol *parent;		/* .cold/.part child: the owning function */
	struct symbol *child;
	struct symbol *owner;		/* static local: the function using it */
	bool omit;			/* elf_write leaves it out (unreferenced) */
	int status;
	bool include;
	void *priv;
};

struct elf {
	char *path;
	int fd;
	Elf *elf;
	GElf_Ehdr ehdr;
	bool writable;			/* made by elf_create */

	struct section **sections;	/* by index; [0] is the null section */
	unsigned int nr_sections, alloc_sections;
	struct symbol **symbols;	/* by index; [0] is the null symbol */
	unsigned int nr_symbols, alloc_symbols;
	struct section *symtab;

	struct htable section_names;
	struct htable symbol_names;
};

/* Program name used to prefix every message; set by main(). */
extern const char *pb_progname;

void pb_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void pb_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

enum elf_open_flags {
	ELF_OPEN_RELOCATABLE = 0,	/* ET_REL x86-64 only */
	ELF_OPEN_ANY_TYPE = 1,		/* also ET_EXEC/ET_DYN (vmlinux) */
	ELF_OPEN_NO_RELOCS = 2,		/* skip relocations (faster lookups) */
};

struct elf *elf_open(const char *path, int flags);
struct elf *elf_create(const char *path);
int elf_write(struct elf *elf);
void elf_close(struct elf *elf);

/* Lookups; names compare exactly. */
struct section *find_section_by_name(const struct elf *elf, const char *name);
struct section *find_section_by_index(const struct elf *elf, unsigned int idx);
struct symbol *find_symbol_by_name(const struct elf *elf, const char *name);
struct symbol *find_symbol_by_index(const struct elf *elf, unsigned int idx);
/* A non-section symbol starting exactly at @offset (functions/objects first). */
struct symbol *find_symbol_by_offset(const struct section *sec, unsigned long offset);
/* The sized symbol whose [offset, offset+size) covers @offset. */
struct symbol *find_symbol_containing(const struct section *sec, unsigned long offset);
/* The sized symbol whose last byte is just before @offset (one past its end). */
struct symbol *find_symbol_ending_at(const struct section *sec, unsigned long offset);
/*
 * The symbol a reference to @off of @sec (the addend with its instruction
 * bias) belongs to: see elf-model.c.  NULL when none owns it.
 */
struct symbol *find_symbol_referenced(const struct section *sec, long off);
/* The first relocation at or after @offset; NULL when there is none. */
struct reloc *find_reloc_from(const struct section *sec, unsigned long offset);
/* The relocation exactly at @offset. */
struct reloc *find_reloc_at(const struct section *sec, unsigned long offset);

/* Iterate all symbols called @name. */
#define for_each_symbol_by_name(elf, symname, sym, node)			\
	htable_for_each(&(elf)->symbol_names, node, hash_string(symname))	\
		if ((sym = container_of(node, struct symbol, name_node)),	\
		    strcmp((sym)->name, (symname))) {} else

#define for_each_section(elf, sec, i)						\
	for (i = 1; i < (elf)->nr_sections && ((sec = (elf)->sections[i]), 1); i++)
#define for_each_symbol(elf, sym, i)						\
	for (i = 1; i < (elf)->nr_symbols && ((sym = (elf)->symbols[i]), 1); i++)
/* relocs is NULL when there are none (NULL + 0 is undefined in C). */
#define for_each_reloc(sec, reloc)						\
	for (reloc = (sec)->relocs;						\
	     reloc && reloc < (sec)->relocs + (sec)->nr_relocs; reloc++)

/*
 * Building an object.  Section data is copied when @data is non-NULL
 * (NULL with a size gives zeroed contents, or NOBITS).  Symbol and section
 * names are copied.
 */
struct section *elf_add_section(struct elf *elf, const char *name, unsigned int type,
				unsigned long flags, const void *data, size_t size,
				unsigned long entsize, unsigned long align);
struct symbol *elf_add_symbol(struct elf *elf, const char *name, unsigned char bind,
			      unsigned char type, unsigned char other, struct section *sec,
			      unsigned long offset, unsigned long size);
/* An undefined symbol, or a symbol with a special index such as SHN_LIVEPATCH. */
struct symbol *elf_add_special_symbol(struct elf *elf, const char *name, unsigned char bind,
				      unsigned char type, unsigned int shndx);
struct reloc *elf_add_reloc(struct section *sec, unsigned long offset, unsigned int type,
			    struct symbol *sym, long addend);
/*
 * An SHT_RELA section of a given name and flags (".klp.rela.vmlinux.text.foo")
 * that relocates @base.  Its relocations are added with elf_add_reloc() on
 * the returned section and are stored there, not on @base; elf_write()
 * emits it in place instead of generating a ".rela<name>" for it.
 */
struct section *elf_add_rela_section(struct elf *elf, const char *name, struct section *base,
				     unsigned long flags);

/*
 * A writable copy of an object read with elf_open(), to be changed and
 * written to @path.  Sections keep their order and relocation sections
 * their names; symbols keep their order, so a valid input keeps its symbol
 * indices.  Sections for which @drop returns true are left out with their
 * symbols; a kept relocation that refers to one of those is an error.
 * src->sections[i]->out and src->symbols[i]->out point at the copies.
 */
struct elf *elf_copy(struct elf *src, const char *path,
		     bool (*drop)(const struct section *sec, void *arg), void *arg);

/* Re-sort a section's relocations by offset after adding some. */
void elf_sort_relocs(struct section *sec);
/* Recompute sec->syms after symbols were added (the writer does this itself). */
int elf_index_section_symbols(struct elf *elf);

/* Section name helpers. */
bool is_text_section(const struct section *sec);
bool is_rela_section(const struct section *sec);
bool is_string_section(const struct section *sec);
const char *reloc_type_name(unsigned int type);
/* Bytes a relocation of @type writes (4 or 8; 0 for R_X86_64_NONE). */
unsigned int reloc_width(unsigned int type);
/* Symbol name for messages: "name" or, for a section symbol, its section. */
const char *symbol_display_name(const struct symbol *sym);
/*
 * Where @offset of @sec is, for messages: "func+0x1a (.text.func+0x1a)",
 * or "section+0x1a" outside every symbol.  The one format of every message
 * about a place in code or data.
 */
#define ELF_LOCATION_LEN 600
const char *elf_location(const struct section *sec, unsigned long offset, char *buf,
			 size_t len);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Facts about struct and union types from DWARF (libdwarf): their size and
 * member offsets, and where they are declared.  The differ uses them for
 * the entry sizes of special sections (from the target kernel) and to
 * refuse patches that change the layout of a type the kernel already uses.
 * Also the line each function is defined at: how far a patch moved it.
 */
#ifndef PB_DWARF_TYPES_H
#define PB_DWARF_TYPES_H

#include <stdbool.h>

#include "hash.h"

struct type_member {
	char *name;			/* "" for an anonymous member */
	unsigned long offset;
};

struct type_info {
	struct hnode node;
	char *name;
	bool is_union;
	unsigned long size;
	struct type_member *members;
	unsigned int nr_members;
	char *decl_file;		/* NULL when unknown */
	unsigned long decl_line;
};

struct type_table {
	struct htable types;
	unsigned int count;
	bool has_dwarf;			/* the file had debug info at all */
};

/*
 * Read the named struct/union definitions of @path.  With @wanted, only
 * those names are kept and reading stops once all are found (a vmlinux has
 * thousands of compilation units).  Returns 0 also when the file has no
 * DWARF (t->has_dwarf is then false); -1 on a real error.
 */
int load_types(const char *path, struct type_table *t, const char *const *wanted,
	       unsigned int nr_wanted);
/*
 * Only the struct/union definitions that the functions named in @code use
 * (their .cold/.part/.isra pieces share their DWARF): the types of their
 * return values, parameters and locals, and of those of the functions they
 * inline; of the symbols they refer to (@refs), a variable's type and a
 * function's return and parameter types; then, transitively, the types of
 * these types' members.
 */
int load_used_types(const char *path, struct type_table *t, const char *const *code,
		    unsigned int nr_code, const char *const *refs, unsigned int nr_refs);
struct type_info *find_type(const struct type_table *t, const char *name);
void free_types(struct type_table *t);

/* Where the functions of an object are defined (DW_AT_decl_line), by name. */
struct decl_line {
	struct hnode node;
	char *name;
	unsigned long line;
};

struct decl_lines {
	struct htable funcs;
	bool loaded, failed;
	bool has_dwarf;
};

/* Read them all (once, on first need); 0 also without DWARF, -1 on error. */
int load_decl_lines(const char *path, struct decl_lines *t);
bool find_decl_line(const struct decl_lines *t, const char *name, unsigned long *line);
void free_decl_lines(struct decl_lines *t);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State shared by the differ's passes: correlate (pair symbols of the two
 * objects), compare (decide what changed), include (pull in what changed
 * code needs), special (filter special sections), output (write the result).
 */
#ifndef PB_DIFF_H
#define PB_DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "dwarf-types.h"
#include "elf-model.h"
#include "sections.h"
#include "target.h"

/* Exit statuses: the command-line contract. */
enum {
	EXIT_OUTPUT = 0,
	EXIT_ERROR = 1,
	EXIT_UNSAFE = 2,
	EXIT_NO_CHANGE = 3,
};

/* symbol->status */
enum {
	SAME = 0,
	CHANGED,		/* patched through ftrace */
	NEW,			/* only in the patched object */
	CARRIED,		/* changed, no ftrace call: its callers are patched */
};

/* Why a function is in the patch, for --explain. */
struct reason {
	struct reason *next;
	struct symbol *sym;		/* patched object's symbol */
	char *text;
};

struct entry_size {
	const char *type;		/* struct name, e.g. "bug_entry" */
	long size;
};

struct new_symbol;

/* has_readable_dwarf()'s verdict on one object. */
struct dwarf_verdict {
	bool decided, has;
	int rc;
};

struct diff {
	struct elf *orig, *patched, *out;
	const char *objname;		/* --objname, or NULL */
	const char *vmlinux;		/* --vmlinux, or NULL */
	struct lookup *lookup;		/* the target's symbols, with --vmlinux */
	bool explain;
	bool verbose;

	/* Entry sizes: --entry-size first, then DWARF. */
	struct entry_size *entry_sizes;
	unsigned int nr_entry_sizes;
	struct type_table object_types, target_types;
	struct dwarf_verdict dwarf_verdicts[2];	/* orig, patched */
	bool types_loaded, object_types_failed;
	bool target_types_loaded, target_types_failed;
	/* lines.c: function definition lines, read on first need. */
	struct decl_lines orig_decls, patched_decls;

	struct reason *explanations, **explanations_tail;
	struct reason *refusals, **refusals_tail;
	unsigned int nr_refusals;

	struct symbol *init_changed;	/* first changed __init/__exit function */
	unsigned int piece_depth;	/* compare.c: nesting of anonymous pieces */

	/* PATCH_IGNORE_FUNCTION / PATCH_IGNORE_SECTION records. */
	struct symbol **ignored_funcs;
	unsigned int nr_ignored_funcs;
	const char **ignored_sections;
	unsigned int nr_ignored_sections;

	/* Work list of patched symbols to include. */
	struct symbol **queue;
	unsigned int queue_len, queue_alloc;

	/* String literals the output needs, per string section of the output. */
	struct string_pool *pools;

	/* --new-symbols: what the other objects of the patch add (new-symbols.c). */
	struct new_symbol **new_symbols;
	unsigned int nr_new_symbols;
	struct htable new_symbol_names;
};

/* correlate.c */
int correlate(struct diff *d);
/* Name without the compiler's numbering: "x.12" -> "x", "f.isra.0" -> "f.isra". */
char *canonical_name(const char *name);
/* A function's .cold/.part child symbols are set up here too. */
void find_cold_children(struct elf *elf);

/* compare.c */
int compare_objects(struct diff *d);

/* ignore.c: the patch author's PATCH_IGNORE_* records */
int read_ignores(struct diff *d);
bool is_ignored_function(const struct diff *d, const struct symbol *patched);
bool is_ignored_by_author(const struct diff *d, const struct section *sec);
void free_ignores(struct diff *d);

/* new-symbols.c: the symbols every object of the patch adds (--new-symbols) */
int read_new_symbols(struct diff *d, const char *path);
/* The object that adds @name as a global (or weak) or as a local, or NULL. */
const char *new_symbol_object(const struct diff *d, const char *name, bool global);
bool is_shared_new_symbol(const struct diff *d, const struct symbol *sym);
void free_new_symbols(struct diff *d);

/* klp.c: .patch.funcs, and klp relocation records when d->lookup is set */
int add_livepatch_records(struct diff *d);

/* checks.c: refusals that need DWARF or the whole picture */
int check_safety(struct diff *d);
/* After the include pass: refusals about the table entries it carries. */
int check_carried_entries(struct diff *d);
/* Does any function need redirecting or adding, or a new global carrying? */
bool has_patchable_change(const struct diff *d);


/* types.c: DWARF facts, a leaf */
/* The patched object's facts about the @wanted types (loaded once), NULL on error. */
struct type_table *patched_types(struct diff *d, const char *const *wanted,
				 unsigned int nr_wanted);
/*
 * Can libdwarf be trusted with @elf's (d->orig's or d->patched's) debug
 * info?  *has: is there any.  Decided once per object; -1 reported.
 */
int has_readable_dwarf(struct diff *d, struct elf *elf, bool *has);
/* Say once that @elf's debug info could not be read. */
void warn_unreadable(struct elf *elf, const struct type_table *t);

/* lines.c: code that differs only in __LINE__ arguments of known helpers */
bool line_number_only_change(struct diff *d, struct section *o, unsigned long ooff,
			     struct section *p, unsigned long poff, unsigned long len);

/* include.c */
int include_changes(struct diff *d);
int queue_symbol(struct diff *d, struct symbol *sym);

/*
 * output.c: the output in memory, in stages (see main): build_output()
 * carries the included functions and data with their relocations;
 * filter_special_sections() and add_livepatch_records() add to it;
 * finish_output() closes it; elf_write(d->out) writes it.
 */
int build_output(struct diff *d, const char *path);
int finish_output(struct diff *d);

/* special.c (see special.h) */
int filter_special_sections(struct diff *d);
void free_special(struct diff *d);

/* report.c */
void explain(struct diff *d, struct symbol *sym, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void refuse(struct diff *d, struct symbol *sym, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void print_report(struct diff *d, FILE *f);
void print_refusals(struct diff *d);
void free_reasons(struct diff *d);

/* Is @sym a function whose code the patch can replace or carry? */
static inline bool is_function(const struct symbol *sym)
{
	return sym->type == STT_FUNC && sym->sec;
}

#endif

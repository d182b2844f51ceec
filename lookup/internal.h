/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of lookup/ share: the loaded binaries, their FILE blocks
 * and the export table.  Not part of the library's interface.
 */
#ifndef PB_LOOKUP_INTERNAL_H
#define PB_LOOKUP_INTERNAL_H

#include "elf-model.h"
#include "hash.h"
#include "lookup.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/*
 * Every symbol of @elf called @symname.  elf-model.h's
 * for_each_symbol_by_name() works only when its name argument is spelled
 * "name" (the parameter also replaces the member in sym->name).
 */
/* vmlinux or one module. */
struct lookup_obj {
	struct lookup_obj *next;	/* vmlinux first, then modules as added */
	char *name;			/* objname: "vmlinux" or the module name */
	struct elf *elf;
	bool is_module;
	struct hnode name_node;		/* in lookup->objs_by_name */
};

/* One object's FILE block in a binary's symbol table. */
struct lookup_block {
	struct lookup_block *next;
	struct lookup_obj *obj;
	struct symbol *file;		/* its STT_FILE symbol */
};

/* A global defined by a module, for lookups across modules. */
struct module_global {
	struct hnode node;
	struct symbol *sym;
	struct lookup_obj *obj;
};

/* One exported symbol. */
struct export {
	struct hnode node;
	const char *name;
	const char *owner;		/* "vmlinux" or a module path */
	const char *objname;		/* "vmlinux" or the module name ('-' as '_') */
	const char *type;
	const char *namespace;
	unsigned int crc;
	unsigned int line;		/* in Module.symvers */
	struct export *dup;		/* a second entry for the same name */
	char *buf;			/* holds the strings above */
};

struct lookup {
	struct lookup_obj *objs;
	struct lookup_obj *vmlinux;	/* NULL when none was given */
	struct htable objs_by_name;
	struct htable module_globals;
	struct lookup_block *blocks;	/* handed out by lookup_find_block() */

	char *symvers_path;
	struct htable exports;		/* from Module.symvers */
};

struct lookup_obj *find_lookup_obj(const struct lookup *lookup, const char *objname);

/* The symbol is in kallsyms (after a module's init), so it counts for sympos. */
bool in_kallsyms(const struct lookup_obj *obj, const struct symbol *sym);
/*
 * sympos of @sym in its binary; -1 (with the error printed) when a module's
 * count differs before and after its init sections are freed.
 */
long symbol_sympos(const struct lookup_obj *obj, const struct symbol *sym);
/* Fill @res from @sym of @obj: place, sympos, and exports for a global. */
int fill_result(struct lookup *lookup, struct lookup_obj *obj, struct symbol *sym,
		struct lookup_result *res);

/* exports.c */
int read_symvers(struct lookup *lookup, const char *path);
void free_exports(struct lookup *lookup);
struct export *find_export(const struct lookup *lookup, const char *name);
/* Set res->exported and friends for a global in @obj, cross-checking sources. */
int fill_export(struct lookup *lookup, const struct lookup_obj *obj, const char *name,
		struct lookup_result *res);

/* block.c */
void free_blocks(struct lookup *lookup);

#endif

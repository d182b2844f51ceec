/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbol resolution against the target kernel: which binary owns a symbol
 * (vmlinux or a module), its position among same-named symbols in kallsyms
 * order (the "sympos" of klp_func.old_sympos and .klp.sym names), and
 * whether it is exported, with its modversions CRC.
 *
 * Inputs: the target's vmlinux (its symbol table), optionally its
 * Module.symvers, and the .ko files of modules a patch touches.  Without
 * Module.symvers, exports are read from vmlinux's own __ksymtab_, __crc_
 * and __kstrtabns_ symbols (6.1 layout); with both, they are cross-checked.
 *
 * Every function that fails prints one line naming the symbol and what to
 * check, and returns -1 (or NULL).  Absence and ambiguity are errors, never
 * guesses.
 */
#ifndef PB_LOOKUP_H
#define PB_LOOKUP_H

#include <stdbool.h>

struct lookup;
struct lookup_block;
struct elf;

struct lookup_result {
	const char *objname;		/* "vmlinux" or a module name ('-' as '_') */
	const char *file;		/* a local's FILE block name; NULL for a global */
	unsigned long sympos;		/* 0: unique in objname; else 1-based, kallsyms order */
	unsigned long addr;		/* st_value: address (vmlinux), section offset (.ko) */
	unsigned long size;
	unsigned char type;		/* STT_FUNC, STT_OBJECT, STT_NOTYPE... */
	bool global;			/* STB_GLOBAL or STB_WEAK */
	bool in_symtab;			/* else only in Module.symvers: no sympos, addr, size */
	bool exported;
	const char *export_owner;	/* "vmlinux" or the module path in Module.symvers */
	const char *export_type;	/* "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL" */
	const char *namespace;		/* "" when none */
	unsigned int crc;		/* modversions CRC; 0 when the kernel has none */
};

/* @vmlinux may be NULL (modules only); @symvers may be NULL. */
struct lookup *lookup_open(const char *vmlinux, const char *symvers);
void lookup_close(struct lookup *lookup);

/*
 * Add a module's .ko (or any object with its symbol table).  Its name is
 * .modinfo's name=, else the file name without .ko, '-' turned into '_'.
 */
int lookup_add_module(struct lookup *lookup, const char *ko_path);

/* Is @objname (a module name or "vmlinux") loaded into @lookup? */
bool lookup_has_object(const struct lookup *lookup, const char *objname);

/* A global (or weak) symbol by name: where it lives and whether it is exported. */
int lookup_global(struct lookup *lookup, const char *name, struct lookup_result *res);

/*
 * @name's entry of the Module.symvers given to lookup_open(): 0 with @res
 * filled (exported, export_owner/type, namespace, crc, objname), 1 when the
 * file does not list it (nothing printed: for checking what a module
 * needs), -1 (reported) when it lists it twice.
 */
int lookup_symvers_export(struct lookup *lookup, const char *name, struct lookup_result *res);

/*
 * The same, for a reference from code of @objname: its own definition
 * first (a module's reference binds to the module's global), then as
 * lookup_global().
 */
int lookup_global_from(struct lookup *lookup, const char *objname, const char *name,
		       struct lookup_result *res);

/*
 * The FILE block of @objname's symbol table that holds a compiled object's
 * locals.  @file is the object's STT_FILE name ("cmdline.c"); @locals/@nr
 * are the names of its local function and object symbols.  The one block
 * whose FILE name is @file and whose local functions and objects are
 * exactly @locals is returned (owned by @lookup); none or several is an
 * error.  @objname NULL means vmlinux, or the only module when no vmlinux
 * was given.  Names the linker may drop (__UNIQUE_ID_*, __addressable_*...) are
 * left out of the comparison on both sides.
 */
const struct lookup_block *lookup_find_block(struct lookup *lookup, const char *objname,
					     const char *file, const char *const *locals,
					     unsigned int nr);
/* A local symbol of that block. */
int lookup_block_symbol(struct lookup *lookup, const struct lookup_block *block,
			const char *name, struct lookup_result *res);
/* Both in one call. */
int lookup_local(struct lookup *lookup, const char *objname, const char *file,
		 const char *const *locals, unsigned int nr, const char *name,
		 struct lookup_result *res);

/*
 * Every kallsyms-visible symbol called @name, object by object (vmlinux
 * first), in kallsyms order.  Returns how many were found (0 is not an
 * error and prints nothing), or -1 if @fn returned non-zero.
 */
int lookup_list(struct lookup *lookup, const char *name,
		int (*fn)(const struct lookup_result *res, void *arg), void *arg);

/*
 * What lookup_find_block() needs from a compiled object: its first STT_FILE
 * name and its defined local function and object names.  The strings
 * belong to @obj; free @locals->names with free().
 */
struct lookup_object_locals {
	const char *file;
	const char **names;
	unsigned int nr;
};
int lookup_object_locals(const struct elf *obj, struct lookup_object_locals *locals);

#endif

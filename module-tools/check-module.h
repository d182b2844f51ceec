/* SPDX-License-Identifier: GPL-2.0 */
/*
 * patch-check-module's parts: the checker's state, the problem counter, and
 * the checks each file holds.
 *   check-module.c   options, the module's own ABI checks (.modinfo, the
 *                    leftovers), the relocation guard's report, main
 *   check-target.c   the target's files (Module.symvers, --module-dir,
 *                    vmlinux through lookup) and what the module needs of them
 *   check-klp.c      klp relocation sections, livepatch symbols, symbol bounds
 *   check-records.c  the .patch.funcs and .patch.callbacks records
 *   check-relocs.c   the relocation guard (check-relocs.h)
 */
#ifndef PB_CHECK_MODULE_H
#define PB_CHECK_MODULE_H

#include <stdbool.h>

#include "elf-model.h"

struct lookup;

/* A module found under --module-dir. */
struct target_module {
	struct target_module *next;
	char *objname;
	char *path;
	bool added;			/* given to lookup */
};

struct checker {
	struct elf *mod;
	const char *path;
	unsigned int problems;

	/* The target, each part optional. */
	const char *vermagic;
	const char *release;
	struct lookup *exports;		/* Module.symvers, through lookup */
	bool have_symvers;
	struct lookup *lookup;
	bool have_vmlinux;
	const char *module_dir;
	struct target_module *modules;

	/* Object names the patch declares (.patch.funcs, .patch.callbacks). */
	char **objnames;
	unsigned int nr_objnames;

	/* --patched: the objects the module's relocations are proven against. */
	struct elf **patched;
	unsigned int nr_patched;
	bool relocs_only;
	bool listing;			/* --list-funcs */
};

/* Print one problem with the module ("MODULE: ...") and count it. */
void problem(struct checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- the target's files (check-target.c) ---------------------------------- */

/* Read Module.symvers into c->exports; reported and -1 when it cannot be read. */
int read_target_symvers(struct checker *c, const char *path);
void free_target_symvers(struct checker *c);
/* Every <name>.ko under @dir, keyed by module name ('-' read as '_'). */
int scan_module_dir(struct checker *c, const char *dir);
void free_target_modules(struct checker *c);
/*
 * Does the target resolve @name at @sympos in @objname the way the
 * livepatch core does?  @what names the reference in messages.  When
 * @need_func, the symbol must also be a function.
 */
void check_target_symbol(struct checker *c, const char *what, const char *objname,
			 const char *name, unsigned long sympos, bool need_func);
/* Undefined symbols: exported by the target, in a namespace the module imports. */
void check_undefined_symbols(struct checker *c);
/* __versions: CRCs as the target's, one for every symbol the loader resolves. */
void check_versions(struct checker *c);

/* ---- klp relocations and symbols (check-klp.c) ---------------------------- */

void check_sections(struct checker *c);
void check_livepatch_symbols(struct checker *c);
void check_symbol_bounds(struct checker *c);

/* ---- the patch's records (check-records.c) -------------------------------- */

/* Does the patch declare object @objname (.patch.funcs, .patch.callbacks)? */
bool declares_object(const struct checker *c, const char *objname);
int check_patch_funcs(struct checker *c);
/* Objects named only by callbacks are objects of the patch too. */
int collect_callback_objects(struct checker *c);
/* --list-funcs: one "OBJNAME<TAB>NAME<TAB>SYMPOS" line per .patch.funcs record. */
int list_funcs(struct checker *c);

#endif

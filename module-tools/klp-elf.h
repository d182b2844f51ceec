/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by patch-post-link and patch-check-module, on top of the
 * ELF model (elf-model.h).
 *
 * A livepatch module relocates one section from more than one relocation
 * section: ".rela.text.foo" (applied by the module loader) and
 * ".klp.rela.vmlinux.text.foo" (applied by the livepatch core).  The model's
 * reader attaches exactly one relocation section to each section, so
 * klp_elf_open() reads the relocations itself: ordinary relocation sections
 * are attached to the section they relocate, as elf_open() does, while klp
 * relocation sections keep their relocations on themselves (sec->relocs of
 * the SHT_RELA section, explicit_rela set), which is the form in which the
 * model writes them (elf_add_rela_section()).
 */
#ifndef PB_KLP_ELF_H
#define PB_KLP_ELF_H

#include <stdbool.h>

#include "elf-model.h"

/* Field widths the 6.1 livepatch core parses (MODULE_NAME_LEN - 1, KSYM_NAME_LEN - 1). */
#define KLP_OBJNAME_MAX		55
#define KLP_SYMNAME_MAX		511

#define KLP_RELA_PREFIX		".klp.rela."
#define KLP_SYM_PREFIX		".klp.sym."

/*
 * Open an ET_REL object (a module), reading every relocation section.  A
 * klp relocation section (named .klp.rela.* or flagged SHF_RELA_LIVEPATCH)
 * whose sh_info names no section is left without ->base and without
 * relocations, for the checker to report; anything else malformed is an
 * error, reported and returned as NULL.
 */
struct elf *klp_elf_open(const char *path);

/* A relocation section handled by the livepatch core (by name or by flag). */
bool klp_is_klp_rela(const struct section *sec);

/*
 * Before elf_copy() leaves @removed out: drop the relocations of sections
 * that are not loaded (debugging information) that refer to symbols in
 * @removed, leaving zeros where they pointed.  A loaded section referring
 * to @removed stays an error that elf_copy() reports.
 */
void klp_drop_unloaded_references(struct elf *elf, const struct section *removed);

/* A parsed ".klp.sym.<objname>.<name>,<sympos>". */
struct klp_sym_name {
	char objname[KLP_OBJNAME_MAX + 1];
	char name[KLP_SYMNAME_MAX + 1];
	unsigned long sympos;
};

/*
 * Parse a klp symbol name.  Returns 0, or -1 with *why set to a short
 * reason.  Stricter than the kernel's sscanf(): the position must be plain
 * decimal digits ending the name.
 */
int klp_parse_sym_name(const char *name, struct klp_sym_name *out, const char **why);

/*
 * Parse ".klp.rela.<objname>.<section>": copy objname and point *secname
 * at the section part.  Returns 0, or -1 with *why set.
 */
int klp_parse_rela_name(const char *name, char objname[KLP_OBJNAME_MAX + 1],
			const char **secname, const char **why);

/*
 * Is @objname usable as a klp object name: "vmlinux" or a module name as
 * the kernel spells it ([A-Za-z0-9_], at most 55 characters)?  Returns NULL
 * when it is, else the reason.
 */
const char *klp_check_objname(const char *objname);

/* Is @name usable as a klp symbol name (1..511 characters, no ',')?  NULL or why. */
const char *klp_check_symname(const char *name);

/* The NUL-terminated string at @offset of @sec, or NULL. */
const char *klp_section_string(const struct section *sec, unsigned long offset);

/*
 * Where the relocation @reloc points inside this object: the section and
 * offset of S + A.  Returns -1 when its symbol is not defined in a section
 * or the place is outside it.
 */
int klp_reloc_place(const struct reloc *reloc, struct section **sec, unsigned long *offset);

/* The value of "key=" in .modinfo, or NULL (the first one wins). */
const char *klp_modinfo_get(const struct elf *elf, const char *key);

/* Whether .modinfo holds "key=value" (for keys that repeat: import_ns). */
bool klp_modinfo_has(const struct elf *elf, const char *key, const char *value);

/* Relocation types the 6.1 x86-64 module loader applies. */
bool klp_loader_accepts_reloc(unsigned int type);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-module: the records the module's init hands to the
 * livepatch core (.patch.funcs, .patch.callbacks; kmod/patch-records.h):
 * their strings, their new functions, duplicates, the objects they name.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-module.h"
#include "klp-elf.h"
#include "patch-records.h"

bool declares_object(const struct checker *c, const char *objname)
{
	unsigned int i;

	for (i = 0; i < c->nr_objnames; i++)
		if (!strcmp(c->objnames[i], objname))
			return true;
	return false;
}

/* The string a pointer field (filled by a relocation) of a table entry names. */
static const char *field_string(struct checker *c, const struct section *sec, unsigned long off,
				const char *what)
{
	const struct reloc *reloc = find_reloc_at(sec, off);
	struct section *target;
	unsigned long toff;
	char loc[ELF_LOCATION_LEN];
	const char *s;

	if (!reloc) {
		problem(c, "%s: no relocation fills the %s field", elf_location(sec, off, loc, sizeof(loc)), what);
		return NULL;
	}
	if (reloc->type != R_X86_64_64 || klp_reloc_place(reloc, &target, &toff) ||
	    !(s = klp_section_string(target, toff))) {
		problem(c, "%s: the %s field does not point at a string in the module",
			elf_location(sec, off, loc, sizeof(loc)), what);
		return NULL;
	}
	if (!(target->sh.sh_flags & SHF_ALLOC)) {
		problem(c, "%s: the %s string is in %s, which is not loaded", elf_location(sec, off, loc, sizeof(loc)),
			what, target->name);
		return NULL;
	}
	return s;
}

static int add_objname(struct checker *c, const char *objname)
{
	char **p;

	if (declares_object(c, objname))
		return 0;
	p = realloc(c->objnames, (c->nr_objnames + 1) * sizeof(*p));
	if (!p) {
		pb_error("out of memory");
		return -1;
	}
	c->objnames = p;
	c->objnames[c->nr_objnames++] = (char *)objname;
	return 0;
}

/* The new function a .patch.funcs entry points at must be a sized STT_FUNC. */
static void check_new_func(struct checker *c, const struct section *sec, unsigned long off,
			   const char *old_name)
{
	const struct reloc *reloc = find_reloc_at(sec, off);
	const struct symbol *func;
	struct section *target;
	char loc[ELF_LOCATION_LEN], func_loc[ELF_LOCATION_LEN];
	unsigned long toff;

	if (!reloc) {
		problem(c, "%s (%s): no relocation fills new_func", elf_location(sec, off, loc, sizeof(loc)), old_name);
		return;
	}
	if (reloc->type != R_X86_64_64 || klp_reloc_place(reloc, &target, &toff)) {
		problem(c, "%s (%s): new_func does not point into the module", elf_location(sec, off, loc, sizeof(loc)),
			old_name);
		return;
	}
	func = reloc->sym->type == STT_FUNC && !reloc->addend ? reloc->sym :
	       find_symbol_by_offset(target, toff);
	if (!func || func->type != STT_FUNC)
		problem(c, "%s (%s): new_func (%s) is not a function symbol",
			elf_location(sec, off, loc, sizeof(loc)), old_name, elf_location(target, toff, func_loc, sizeof(func_loc)));
	else if (!func->size)
		problem(c, "%s (%s): new function %s has no size (the livepatch core looks it up)",
			elf_location(sec, off, loc, sizeof(loc)), old_name, func->name);
	else if (!(target->sh.sh_flags & SHF_EXECINSTR))
		problem(c, "%s (%s): new function %s is in %s, which is not executable",
			elf_location(sec, off, loc, sizeof(loc)), old_name, func->name, target->name);
}

struct func_key {
	const char *objname, *name;
	unsigned long sympos;
};

static int compare_func_keys(const void *a, const void *b)
{
	const struct func_key *ka = a, *kb = b;
	int r = strcmp(ka->objname, kb->objname);

	if (!r)
		r = strcmp(ka->name, kb->name);
	if (!r && ka->sympos != kb->sympos)
		r = ka->sympos < kb->sympos ? -1 : 1;
	return r;
}

int check_patch_funcs(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, PATCH_FUNCS_SECTION);
	const size_t size = sizeof(struct patch_func);
	struct func_key *keys;
	unsigned int n, i, nr_keys = 0;

	if (!sec || !sec->size) {
		if (!find_section_by_name(c->mod, PATCH_CALLBACKS_SECTION))
			problem(c, "%s: missing or empty: the module patches nothing (not built from the kmod/ template?)",
				PATCH_FUNCS_SECTION);
		return 0;
	}
	if (!(sec->sh.sh_flags & SHF_ALLOC) || sec->sh.sh_type != SHT_PROGBITS) {
		problem(c, "%s: not a loaded PROGBITS section (the module's init reads it)",
			sec->name);
		return 0;
	}
	if (sec->size % size) {
		problem(c, "%s: size %zu is not a multiple of %zu", sec->name, sec->size, size);
		return 0;
	}
	n = sec->size / size;
	keys = calloc(n, sizeof(*keys));
	if (!keys) {
		pb_error("out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		unsigned long off = (unsigned long)i * size;
		const char *name, *objname, *why;
		char what[600], loc[ELF_LOCATION_LEN];
		struct patch_func raw;

		memcpy(&raw, sec->data + off, size);
		name = field_string(c, sec, off + offsetof(struct patch_func, old_name), "old_name");
		objname = field_string(c, sec, off + offsetof(struct patch_func, objname), "objname");
		check_new_func(c, sec, off + offsetof(struct patch_func, new_func),
			       name ? name : "?");
		if (!name || !objname)
			continue;
		elf_location(sec, off, loc, sizeof(loc));
		if ((why = klp_check_symname(name)))
			problem(c, "%s: bad function name '%.40s': %s", loc, name, why);
		if ((why = klp_check_objname(objname)))
			problem(c, "%s (%s): bad object name '%s': %s", loc, name, objname, why);
		if (add_objname(c, objname)) {
			free(keys);
			return -1;
		}
		keys[nr_keys++] = (struct func_key){ objname, name, raw.old_sympos };
		if (c->lookup) {
			snprintf(what, sizeof(what), "%s entry %u (%s,%lu in %s)", sec->name, i, name,
				 (unsigned long)raw.old_sympos, objname);
			check_target_symbol(c, what, objname, name, raw.old_sympos, true);
		}
	}
	qsort(keys, nr_keys, sizeof(*keys), compare_func_keys);
	for (i = 1; i < nr_keys; i++)
		if (!compare_func_keys(&keys[i - 1], &keys[i]))
			problem(c, "%s: %s,%lu of %s is patched twice (the livepatch core refuses duplicates)",
				sec->name, keys[i].name, keys[i].sympos, keys[i].objname);
	free(keys);
	return 0;
}

/* Objects named only by callbacks are objects of the patch too. */
int collect_callback_objects(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, PATCH_CALLBACKS_SECTION);
	unsigned long off;

	if (!sec)
		return 0;
	if (sec->size % sizeof(struct patch_callback)) {
		problem(c, "%s: size %zu is not a multiple of %zu", sec->name, sec->size,
			sizeof(struct patch_callback));
		return 0;
	}
	for (off = 0; off < sec->size; off += sizeof(struct patch_callback)) {
		const char *objname;

		if (!find_reloc_at(sec, off + offsetof(struct patch_callback, objname)))
			objname = "vmlinux";
		else if (!(objname = field_string(c, sec, off + offsetof(struct patch_callback, objname), "objname")))
			continue;
		if (add_objname(c, objname))
			return -1;
	}
	return 0;
}

/*
 * --list-funcs: what the module redirects, one "OBJNAME<TAB>NAME<TAB>SYMPOS"
 * line per .patch.funcs record, for the driver's report and patch-verify.
 */
int list_funcs(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, PATCH_FUNCS_SECTION);
	const size_t size = sizeof(struct patch_func);
	unsigned long off;

	if (!sec || !sec->data)
		return 0;
	if (sec->size % size) {
		problem(c, "%s: size %zu is not a multiple of %zu", sec->name, sec->size, size);
		return 0;
	}
	for (off = 0; off < sec->size; off += size) {
		const char *name, *objname;
		struct patch_func raw;

		memcpy(&raw, sec->data + off, size);
		name = field_string(c, sec, off + offsetof(struct patch_func, old_name), "old_name");
		objname = field_string(c, sec, off + offsetof(struct patch_func, objname), "objname");
		if (name && objname)
			printf("%s\t%s\t%llu\n", objname, name, (unsigned long long)raw.old_sympos);
	}
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-module: validate a livepatch module against what the 6.1
 * kernel's module loader and livepatch core accept, in the manner of
 * elflint: each check looks at one structure, prints one line per problem
 * and counts it.  With the target kernel's files it also checks that every
 * symbol the module needs exists there: exports and CRCs (Module.symvers),
 * klp symbols and patched functions (vmlinux, the target's modules).
 *
 * Exit status: 0 no problem, 1 problems found (each printed), 2 the module
 * or a target file could not be read.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check-relocs.h"
#include "klp-elf.h"
#include "lookup.h"
#include "patch-records.h"

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif


/* One Module.symvers line. */
struct symvers_entry {
	struct hnode node;
	char *name;
	char *namespace;		/* NULL when the export has none */
	unsigned int crc;
};

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
	struct htable symvers;
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

static void problem(struct checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct checker *c, const char *fmt, ...)
{
	/* --list-funcs keeps stdout for the list. */
	FILE *f = c->listing ? stderr : stdout;
	va_list ap;

	fprintf(f, "%s: ", c->path);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	c->problems++;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: patch-check-module [OPTIONS] MODULE.ko\n"
		"\n"
		"Check a livepatch module against the livepatch ABI of the 6.1 kernel,\n"
		"and against the target kernel's files when they are given.  Prints one\n"
		"line per problem and their count.\n"
		"\n"
		"  -k, --vmlinux FILE        the target vmlinux: klp symbols and patched\n"
		"                            functions must resolve in it\n"
		"  -s, --symvers FILE        the target's Module.symvers: undefined symbols\n"
		"                            must be exported, with the same CRCs\n"
		"  -m, --module-dir DIR      the target's modules (searched for <name>.ko)\n"
		"  -r, --vermagic STRING     the vermagic the module must carry\n"
		"  -R, --kernel-release REL  the kernel release its vermagic must start with\n"
		"  -p, --patched OBJ         a patched object the module was made from\n"
		"                            (repeat for each): every relocation inside a\n"
		"                            function or data object the module carries\n"
		"                            must point where the patched object's does\n"
		"  -L, --list-funcs          print what the module redirects, one\n"
		"                            OBJNAME<TAB>NAME<TAB>SYMPOS line per record\n"
		"      --relocs-only         MODULE is a differ output, not a linked module:\n"
		"                            check only its relocations (with --patched)\n"
		"  -q, --quiet               print only the problems, not the count\n"
		"  -h, --help                show this help\n"
		"  -V, --version             show the version\n"
		"\n"
		"Exit status: 0 no problem; 1 problems found; 2 a file could not be read.\n");
}

/* ---- the target's files -------------------------------------------------- */

static int read_symvers(struct checker *c, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;

	if (!f) {
		pb_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (htable_init(&c->symvers, 4096)) {
		fclose(f);
		return -1;
	}
	c->have_symvers = true;
	while (getline(&line, &cap, f) > 0) {
		struct symvers_entry *e;
		char *crc, *name, *end, *ns = NULL;

		lineno++;
		/* CRC, symbol, module, export type and (5.10 on) namespace */
		crc = strtok(line, "\t\n");
		name = strtok(NULL, "\t\n");
		if (!crc || !name) {
			pb_error("%s:%u: not a Module.symvers line", path, lineno);
			goto fail;
		}
		if (strtok(NULL, "\t\n") && strtok(NULL, "\t\n"))
			ns = strtok(NULL, "\t\n");
		e = calloc(1, sizeof(*e));
		if (!e || !(e->name = strdup(name)) || (ns && !(e->namespace = strdup(ns)))) {
			if (e)
				free(e->name);
			free(e);
			pb_error("out of memory");
			goto fail;
		}
		e->crc = strtoul(crc, &end, 16);
		if (*end || htable_add(&c->symvers, &e->node, hash_string(name))) {
			if (*end)
				pb_error("%s:%u: bad CRC '%s'", path, lineno, crc);
			free(e->namespace);
			free(e->name);
			free(e);
			goto fail;
		}
	}
	free(line);
	fclose(f);
	return 0;
fail:
	free(line);
	fclose(f);
	return -1;
}

static struct symvers_entry *find_export(const struct checker *c, const char *name)
{
	struct hnode *node;

	htable_for_each(&c->symvers, node, hash_string(name)) {
		struct symvers_entry *e = container_of(node, struct symvers_entry, node);

		if (!strcmp(e->name, name))
			return e;
	}
	return NULL;
}

static void free_symvers(struct checker *c)
{
	unsigned int i;

	if (!c->have_symvers)
		return;
	for (i = 0; i < (1U << c->symvers.bits); i++) {
		struct hnode *node = c->symvers.buckets[i], *next;

		for (; node; node = next) {
			struct symvers_entry *e = container_of(node, struct symvers_entry, node);

			next = node->next;
			free(e->namespace);
			free(e->name);
			free(e);
		}
	}
	htable_free(&c->symvers);
}

/* Every <name>.ko under @dir, keyed by module name ('-' read as '_'). */
static int scan_module_dir(struct checker *c, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int ret = 0;

	if (!d) {
		pb_error("%s: %s", dir, strerror(errno));
		return -1;
	}
	while (!ret && (de = readdir(d))) {
		size_t len = strlen(de->d_name);
		struct stat st;
		char *path;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (asprintf(&path, "%s/%s", dir, de->d_name) < 0) {
			pb_error("out of memory");
			ret = -1;
			break;
		}
		if (lstat(path, &st)) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			ret = scan_module_dir(c, path);
			free(path);
		} else if (S_ISREG(st.st_mode) && len > 3 && !strcmp(de->d_name + len - 3, ".ko")) {
			struct target_module *m = calloc(1, sizeof(*m));
			char *p;

			if (!m || !(m->objname = strndup(de->d_name, len - 3))) {
				free(m);
				free(path);
				pb_error("out of memory");
				ret = -1;
				break;
			}
			for (p = m->objname; *p; p++)
				if (*p == '-')
					*p = '_';
			m->path = path;
			m->next = c->modules;
			c->modules = m;
		} else {
			free(path);
		}
	}
	closedir(d);
	return ret;
}

/* Make @objname's symbols known to lookup; false when it cannot be. */
static bool target_has_object(struct checker *c, const char *objname)
{
	struct target_module *m;

	if (!strcmp(objname, "vmlinux"))
		return c->have_vmlinux;
	for (m = c->modules; m; m = m->next) {
		if (strcmp(m->objname, objname))
			continue;
		if (!m->added) {
			if (lookup_add_module(c->lookup, m->path))
				return false;
			m->added = true;
		}
		return lookup_has_object(c->lookup, objname);
	}
	return false;
}

struct listing {
	const char *objname;
	unsigned long want;		/* the sympos asked for */
	unsigned int count;		/* same-named symbols in objname */
	unsigned char type;		/* of the one asked for */
	unsigned long size;
};

static int count_symbol(const struct lookup_result *res, void *arg)
{
	struct listing *l = arg;

	if (strcmp(res->objname, l->objname))
		return 0;
	l->count++;
	if (l->count == (l->want ? l->want : 1)) {
		l->type = res->type;
		l->size = res->size;
	}
	return 0;
}

/*
 * Does the target resolve @name at @sympos in @objname the way the
 * livepatch core does?  @what names the reference in messages.  When
 * @need_func, the symbol must also be a function.
 */
static void check_target_symbol(struct checker *c, const char *what, const char *objname,
				const char *name, unsigned long sympos, bool need_func)
{
	struct listing l = { .objname = objname, .want = sympos };

	if (!target_has_object(c, objname))
		return;		/* not checkable with the files given */
	if (lookup_list(c->lookup, name, count_symbol, &l) < 0) {
		problem(c, "%s: could not list '%s' in %s", what, name, objname);
		return;
	}
	if (!l.count)
		problem(c, "%s: '%s' is not in %s's symbol table", what, name, objname);
	else if (!sympos && l.count > 1)
		problem(c, "%s: '%s' is ambiguous in %s (%u symbols of that name; a sympos of 1..%u is needed)",
			what, name, objname, l.count, l.count);
	else if (sympos > l.count)
		problem(c, "%s: sympos %lu of '%s' does not exist in %s (only %u symbol%s of that name)",
			what, sympos, name, objname, l.count, l.count == 1 ? "" : "s");
	else if (need_func && l.type != STT_FUNC)
		problem(c, "%s: '%s' in %s is not a function", what, name, objname);
}

/* ---- the checks ----------------------------------------------------------- */

static void check_modinfo(struct checker *c)
{
	const char *livepatch = klp_modinfo_get(c->mod, "livepatch");
	const char *vermagic = klp_modinfo_get(c->mod, "vermagic");

	if (!find_section_by_name(c->mod, ".modinfo")) {
		problem(c, ".modinfo: missing (not a kernel module)");
		return;
	}
	if (!livepatch)
		problem(c, ".modinfo: no livepatch=Y: klp_enable_patch() refuses the module (MODULE_INFO(livepatch, \"Y\"))");
	else if (strcmp(livepatch, "Y"))
		problem(c, ".modinfo: livepatch=%s, not livepatch=Y", livepatch);
	if (!vermagic) {
		problem(c, ".modinfo: no vermagic=: the module loader refuses the module");
		return;
	}
	if (c->vermagic && strcmp(vermagic, c->vermagic))
		problem(c, ".modinfo: vermagic '%s' differs from the target's '%s'", vermagic,
			c->vermagic);
	if (c->release) {
		size_t len = strlen(c->release);

		if (strncmp(vermagic, c->release, len) || (vermagic[len] && vermagic[len] != ' '))
			problem(c, ".modinfo: vermagic '%s' is not for kernel release %s", vermagic,
				c->release);
	}
}

static void check_this_module(struct checker *c)
{
	if (!find_section_by_name(c->mod, ".gnu.linkonce.this_module"))
		problem(c, ".gnu.linkonce.this_module: missing (the module was not built by kbuild/modpost)");
}

static void check_leftovers(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, PATCH_KLP_RELOCS_SECTION);

	if (sec)
		problem(c, "%s: intermediate records left over (%zu bytes): run patch-post-link on the module",
			sec->name, sec->size);
}

/* Are @off..+@width of @sec also written by one of its normal relocations? */
static const struct reloc *normal_reloc_overlapping(const struct section *sec, unsigned long off,
						    unsigned int width)
{
	const struct reloc *reloc = find_reloc_from(sec, off >= 8 ? off - 8 : 0);

	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + width;
	     reloc++)
		if (reloc->type != R_X86_64_NONE &&
		    reloc->offset + reloc_width(reloc->type) > off)
			return reloc;
	return NULL;
}

static bool declares_object(const struct checker *c, const char *objname)
{
	unsigned int i;

	for (i = 0; i < c->nr_objnames; i++)
		if (!strcmp(c->objnames[i], objname))
			return true;
	return false;
}

static void check_klp_reloc(struct checker *c, const struct section *rela, const char *objname,
			    const struct reloc *reloc)
{
	const struct section *base = rela->base;
	char loc[ELF_LOCATION_LEN];
	const struct symbol *sym = reloc->sym;
	unsigned int width = reloc_width(reloc->type), i;
	struct klp_sym_name parsed;
	const struct reloc *other;
	const char *why;

	if (!klp_loader_accepts_reloc(reloc->type))
		problem(c, "%s: relocation at %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), reloc->type,
			reloc_type_name(reloc->type));
	if (sym->shndx != SHN_LIVEPATCH) {
		problem(c, "%s: relocation at %s: symbol '%s' is not a livepatch symbol (st_shndx 0x%x, not SHN_LIVEPATCH)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
			symbol_display_name(sym), sym->shndx);
		return;
	}
	if (klp_parse_sym_name(sym->name, &parsed, &why))
		return;		/* reported with the symbol */
	if (strcmp(parsed.objname, "vmlinux") == 0 && strcmp(objname, "vmlinux"))
		problem(c, "%s: relocation at %s refers to vmlinux symbol %s: 6.1 refuses vmlinux symbols in module-specific sections (use .klp.rela.vmlinux.*, or a normal relocation for an exported symbol)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), sym->name);
	else if (strcmp(parsed.objname, objname))
		problem(c, "%s: relocation at %s refers to %s, a symbol of '%s', not of '%s'",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), sym->name,
			parsed.objname, objname);

	if (base->data && width && reloc->offset + width <= base->size) {
		for (i = 0; i < width; i++) {
			if (base->data[reloc->offset + i]) {
				problem(c, "%s: relocation at %s: the %u bytes there are not zero: the loader refuses to relocate over them",
					rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
					width);
				break;
			}
		}
	}
	other = width ? normal_reloc_overlapping(base, reloc->offset, width) : NULL;
	if (other) {
		char other_loc[ELF_LOCATION_LEN];

		problem(c, "%s: relocation at %s: the place is also written by a normal relocation (%s at %s)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
			reloc_type_name(other->type),
			elf_location(base, other->offset, other_loc, sizeof(other_loc)));
	}
}

static void check_klp_section(struct checker *c, const struct section *sec)
{
	const unsigned long want = SHF_ALLOC | SHF_RELA_LIVEPATCH;
	char objname[KLP_OBJNAME_MAX + 1];
	const struct section *base;
	const struct reloc *reloc;
	const char *secname, *why;
	bool named = true;

	if (sec->sh.sh_type != SHT_RELA) {
		problem(c, "%s: type %u, not SHT_RELA", sec->name, sec->sh.sh_type);
		return;
	}
	if ((sec->sh.sh_flags & want) != want)
		problem(c, "%s: flags 0x%lx lack %s%s%s", sec->name, (unsigned long)sec->sh.sh_flags,
			sec->sh.sh_flags & SHF_ALLOC ? "" : "SHF_ALLOC",
			(sec->sh.sh_flags & want) ? "" : " and ",
			sec->sh.sh_flags & SHF_RELA_LIVEPATCH ? "" : "SHF_RELA_LIVEPATCH (0x00100000)");
	if (!c->mod->symtab || sec->sh.sh_link != c->mod->symtab->index)
		problem(c, "%s: sh_link %u is not the symbol table", sec->name, sec->sh.sh_link);
	base = sec->base;
	if (!base) {
		problem(c, "%s: sh_info %u does not name a section", sec->name, sec->sh.sh_info);
		return;
	}
	if (!(base->sh.sh_flags & SHF_ALLOC))
		problem(c, "%s: relocates %s, which is not loaded (not SHF_ALLOC)", sec->name,
			base->name);
	if (klp_parse_rela_name(sec->name, objname, &secname, &why)) {
		problem(c, "%s: flagged SHF_RELA_LIVEPATCH but not named .klp.rela.<object>.<section>: %s",
			sec->name, why);
		named = false;
	} else {
		if ((why = klp_check_objname(objname)))
			problem(c, "%s: bad object name '%s': %s", sec->name, objname, why);
		if (strcmp(secname, base->name) &&
		    !(base->name[0] == '.' && !strcmp(secname, base->name + 1)))
			problem(c, "%s: named for section '%s' but relocates %s (sh_info %u)",
				sec->name, secname, base->name, base->index);
		if (strcmp(objname, "vmlinux") && !declares_object(c, objname))
			problem(c, "%s: the patch has no object '%s' (in .patch.funcs or .patch.callbacks), so the livepatch core never applies this section",
				sec->name, objname);
	}
	for_each_reloc(sec, reloc) {
		char loc[ELF_LOCATION_LEN];

		if (named)
			check_klp_reloc(c, sec, objname, reloc);
		else if (!klp_loader_accepts_reloc(reloc->type))
			problem(c, "%s: relocation at %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
				sec->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
				reloc->type, reloc_type_name(reloc->type));
	}
}

static void check_sections(struct checker *c)
{
	const struct reloc *reloc;
	struct section *sec;
	unsigned int i;

	for_each_section(c->mod, sec, i) {
		if (klp_is_klp_rela(sec) ||
		    !strncmp(sec->name, KLP_RELA_PREFIX, strlen(KLP_RELA_PREFIX))) {
			check_klp_section(c, sec);
			continue;
		}
		if (sec->sh.sh_type != SHT_RELA || !sec->base ||
		    !(sec->base->sh.sh_flags & SHF_ALLOC))
			continue;
		/* A relocation the loader applies when the module loads. */
		for_each_reloc(sec->base, reloc) {
			char loc[ELF_LOCATION_LEN];

			elf_location(sec->base, reloc->offset, loc, sizeof(loc));
			if (!klp_loader_accepts_reloc(reloc->type))
				problem(c, "%s: relocation at %s against %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
					sec->name, loc, symbol_display_name(reloc->sym),
					reloc->type, reloc_type_name(reloc->type));
			if (reloc->sym->shndx == SHN_LIVEPATCH)
				problem(c, "%s: relocation at %s: livepatch symbol %s in a normal relocation section (the loader cannot resolve it)",
					sec->name, loc, reloc->sym->name);
			else if (reloc->sym->sec && !(reloc->sym->sec->sh.sh_flags & SHF_ALLOC))
				problem(c, "%s: relocation at %s refers to %s in %s, which is not loaded: the loader would resolve it outside the module",
					sec->name, loc, symbol_display_name(reloc->sym),
					reloc->sym->sec->name);
		}
	}
}

static void check_livepatch_symbols(struct checker *c)
{
	struct klp_sym_name parsed;
	struct symbol *sym;
	const char *why;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		bool klp_named = !strncmp(sym->name, KLP_SYM_PREFIX, strlen(KLP_SYM_PREFIX));

		if (sym->shndx != SHN_LIVEPATCH) {
			if (klp_named)
				problem(c, "symbol %s: named like a livepatch symbol but st_shndx is 0x%x, not SHN_LIVEPATCH",
					sym->name, sym->shndx);
			continue;
		}
		if (klp_parse_sym_name(sym->name, &parsed, &why)) {
			problem(c, "symbol %s: not a well-formed .klp.sym.<object>.<name>,<sympos>: %s",
				sym->name, why);
			continue;
		}
		if ((why = klp_check_objname(parsed.objname)))
			problem(c, "symbol %s: bad object name '%s': %s", sym->name, parsed.objname, why);
		if (sym->bind != STB_GLOBAL)
			problem(c, "symbol %s: binding %u, not STB_GLOBAL", sym->name, sym->bind);
		if (c->lookup)
			check_target_symbol(c, sym->name, parsed.objname, parsed.name,
					    parsed.sympos, false);
	}
}

/*
 * A defined symbol must lie inside its section: the loader and kallsyms
 * take its value and size on trust.
 */
static void check_symbol_bounds(struct checker *c)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		unsigned long size;

		if (!sym->sec)
			continue;
		size = sym->sec->sh.sh_size;
		if (sym->offset > size || sym->size > size - sym->offset)
			problem(c, "symbol %s: 0x%lx+0x%lx lies outside %s (0x%lx bytes)",
				sym->name, sym->offset, sym->size, sym->sec->name, size);
	}
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

static int check_patch_funcs(struct checker *c)
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
static int collect_callback_objects(struct checker *c)
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

static void check_undefined_symbols(struct checker *c)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		struct symvers_entry *e;

		if (sym->shndx != SHN_UNDEF || !sym->name[0])
			continue;
		e = find_export(c, sym->name);
		if (!e && sym->bind != STB_WEAK)
			problem(c, "undefined symbol %s is not exported by the target (Module.symvers): the loader cannot resolve it",
				sym->name);
		else if (e && e->namespace && !klp_modinfo_has(c->mod, "import_ns", e->namespace))
			problem(c, "undefined symbol %s is exported in namespace %s, which the module does not import (.modinfo import_ns=%s): the loader refuses it",
				sym->name, e->namespace, e->namespace);
	}
}

/* __versions: struct modversion_info { unsigned long crc; char name[56]; }. */
static void check_versions(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, "__versions");
	const size_t entsize = 64;
	char loc[ELF_LOCATION_LEN];
	struct symbol *sym;
	unsigned long off;
	unsigned int i;

	if (!sec)
		return;
	if (sec->size % entsize || !sec->data) {
		problem(c, "__versions: size %zu is not a multiple of %zu", sec->size, entsize);
		return;
	}
	for (off = 0; off < sec->size; off += entsize) {
		const char *name = (const char *)sec->data + off + 8;
		struct symvers_entry *e;
		unsigned long crc;

		memcpy(&crc, sec->data + off, sizeof(crc));
		if (!memchr(name, '\0', entsize - 8)) {
			problem(c, "%s: name is not terminated",
				elf_location(sec, off, loc, sizeof(loc)));
			continue;
		}
		e = find_export(c, name);
		if (e && e->crc != crc)
			problem(c, "__versions: CRC of %s is 0x%08lx, the target's is 0x%08x (built against another kernel?)",
				name, crc, e->crc);
	}
	/* Every symbol the loader resolves needs its version when __versions exists. */
	for_each_symbol(c->mod, sym, i) {
		bool found = false;

		if (sym->shndx != SHN_UNDEF || !sym->name[0] || !find_export(c, sym->name))
			continue;
		for (off = 0; off < sec->size && !found; off += entsize)
			found = !strncmp((const char *)sec->data + off + 8, sym->name, entsize - 8);
		if (!found)
			problem(c, "__versions: no CRC for %s (was the module built by kbuild against the target?)",
				sym->name);
	}
}

static void guard_problem(void *arg, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	problem(arg, "%s", buf);
}

/* The relocation guard: see check-relocs.h. */
static int check_relocations(struct checker *c, bool quiet)
{
	struct reloc_guard g = {
		.mod = c->mod, .patched = c->patched, .nr_patched = c->nr_patched,
		.lookup = c->lookup, .problem = guard_problem, .arg = c,
	};

	if (check_reloc_mapping(&g))
		return -1;
	if (!quiet && c->nr_patched)
		printf("%s: %u relocations of %u symbols point where the patched objects' do\n",
		       c->path, g.relocs_checked, g.symbols_checked);
	return 0;
}

/*
 * --list-funcs: what the module redirects, one "OBJNAME<TAB>NAME<TAB>SYMPOS"
 * line per .patch.funcs record, for the driver's report and patch-verify.
 */
static int list_funcs(struct checker *c)
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

static int add_patched(struct checker *c, const char *path)
{
	struct elf **grown = realloc(c->patched, (c->nr_patched + 1) * sizeof(*grown));

	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	c->patched = grown;
	c->patched[c->nr_patched] = elf_open(path, ELF_OPEN_RELOCATABLE);
	if (!c->patched[c->nr_patched])
		return -1;
	c->nr_patched++;
	return 0;
}

static int check_module(struct checker *c)
{
	if (c->relocs_only)
		return 0;
	check_modinfo(c);
	check_this_module(c);
	check_leftovers(c);
	if (check_patch_funcs(c) || collect_callback_objects(c))
		return -1;
	check_sections(c);
	check_symbol_bounds(c);
	check_livepatch_symbols(c);
	if (c->have_symvers) {
		check_undefined_symbols(c);
		check_versions(c);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "vmlinux", required_argument, NULL, 'k' },
		{ "symvers", required_argument, NULL, 's' },
		{ "module-dir", required_argument, NULL, 'm' },
		{ "vermagic", required_argument, NULL, 'r' },
		{ "kernel-release", required_argument, NULL, 'R' },
		{ "patched", required_argument, NULL, 'p' },
		{ "relocs-only", no_argument, NULL, 'O' },
		{ "list-funcs", no_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *vmlinux = NULL, *symvers = NULL, *patched[64];
	unsigned int nr_patched = 0, i;
	struct checker c = { 0 };
	bool quiet = false;
	int opt, ret = 2;

	pb_progname = "patch-check-module";
	while ((opt = getopt_long(argc, argv, "k:s:m:r:R:p:LqhV", options, NULL)) != -1) {
		switch (opt) {
		case 'k':
			vmlinux = optarg;
			break;
		case 's':
			symvers = optarg;
			break;
		case 'm':
			c.module_dir = optarg;
			break;
		case 'r':
			c.vermagic = optarg;
			break;
		case 'R':
			c.release = optarg;
			break;
		case 'p':
			if (nr_patched == sizeof(patched) / sizeof(patched[0])) {
				pb_error("at most %zu --patched objects", sizeof(patched) / sizeof(patched[0]));
				return 2;
			}
			patched[nr_patched++] = optarg;
			break;
		case 'O':
			c.relocs_only = true;
			break;
		case 'L':
			c.listing = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("patch-check-module %s\n", PB_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 1) {
		pb_error("expected one module (try --help)");
		return 2;
	}
	c.path = argv[optind];
	c.mod = klp_elf_open(c.path);
	if (!c.mod)
		goto out;
	if (c.listing) {
		ret = list_funcs(&c) || c.problems ? 1 : 0;
		goto out;
	}
	if (symvers && read_symvers(&c, symvers))
		goto out;
	if (vmlinux || c.module_dir) {
		c.lookup = lookup_open(vmlinux, NULL);
		if (!c.lookup)
			goto out;
		c.have_vmlinux = vmlinux != NULL;
	}
	if (c.module_dir && scan_module_dir(&c, c.module_dir))
		goto out;
	if (c.relocs_only && !nr_patched) {
		pb_error("--relocs-only needs --patched");
		goto out;
	}
	for (i = 0; i < nr_patched; i++)
		if (add_patched(&c, patched[i]))
			goto out;
	if (check_module(&c) || check_relocations(&c, quiet))
		goto out;
	if (!quiet)
		printf("%s: %u problem%s\n", c.path, c.problems, c.problems == 1 ? "" : "s");
	ret = c.problems ? 1 : 0;
out:
	while (c.modules) {
		struct target_module *m = c.modules;

		c.modules = m->next;
		free(m->objname);
		free(m->path);
		free(m);
	}
	if (c.lookup)
		lookup_close(c.lookup);
	free_symvers(&c);
	free(c.objnames);
	for (i = 0; i < c.nr_patched; i++)
		elf_close(c.patched[i]);
	free(c.patched);
	elf_close(c.mod);
	return ret;
}

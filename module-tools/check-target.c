// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-module: the target kernel's files.  Module.symvers (exports,
 * CRCs, namespaces), the modules under --module-dir and vmlinux (both read
 * through lookup), and the checks of what the module needs from them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check-module.h"
#include "klp-elf.h"
#include "lookup.h"

/* Module.symvers, read by lookup/ (the one reader of the format). */
int read_target_symvers(struct checker *c, const char *path)
{
	c->exports = lookup_open(NULL, path);
	if (!c->exports)
		return -1;
	c->have_symvers = true;
	return 0;
}

/*
 * Does the target export @name?  A name Module.symvers lists twice is
 * reported (by lookup) and counted as a problem.
 */
static bool find_export(struct checker *c, const char *name, struct lookup_result *res)
{
	int r = lookup_symvers_export(c->exports, name, res);

	if (r < 0)
		c->problems++;
	return r == 0;
}

void free_target_symvers(struct checker *c)
{
	if (c->exports)
		lookup_close(c->exports);
	c->exports = NULL;
}

/* Every <name>.ko under @dir, keyed by module name ('-' read as '_'). */
int scan_module_dir(struct checker *c, const char *dir)
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
void check_target_symbol(struct checker *c, const char *what, const char *objname,
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

void check_undefined_symbols(struct checker *c)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		struct lookup_result e;
		bool exported;

		if (sym->shndx != SHN_UNDEF || !sym->name[0])
			continue;
		exported = find_export(c, sym->name, &e);
		if (!exported && sym->bind != STB_WEAK)
			problem(c, "undefined symbol %s is not exported by the target (Module.symvers): the loader cannot resolve it",
				sym->name);
		else if (exported && e.namespace[0] && !klp_modinfo_has(c->mod, "import_ns", e.namespace))
			problem(c, "undefined symbol %s is exported in namespace %s, which the module does not import (.modinfo import_ns=%s): the loader refuses it",
				sym->name, e.namespace, e.namespace);
	}
}

/* __versions: struct modversion_info { unsigned long crc; char name[56]; }. */
void check_versions(struct checker *c)
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
		struct lookup_result e;
		unsigned long crc;

		memcpy(&crc, sec->data + off, sizeof(crc));
		if (!memchr(name, '\0', entsize - 8)) {
			problem(c, "%s: name is not terminated",
				elf_location(sec, off, loc, sizeof(loc)));
			continue;
		}
		if (find_export(c, name, &e) && e.crc != crc)
			problem(c, "__versions: CRC of %s is 0x%08lx, the target's is 0x%08x (built against another kernel?)",
				name, crc, e.crc);
	}
	/* Every symbol the loader resolves needs its version when __versions exists. */
	for_each_symbol(c->mod, sym, i) {
		struct lookup_result e;
		bool found = false;

		if (sym->shndx != SHN_UNDEF || !sym->name[0] || !find_export(c, sym->name, &e))
			continue;
		for (off = 0; off < sec->size && !found; off += entsize)
			found = !strncmp((const char *)sec->data + off + 8, sym->name, entsize - 8);
		if (!found)
			problem(c, "__versions: no CRC for %s (was the module built by kbuild against the target?)",
				sym->name);
	}
}

void free_target_modules(struct checker *c)
{
	while (c->modules) {
		struct target_module *m = c->modules;

		c->modules = m->next;
		free(m->objname);
		free(m->path);
		free(m);
	}
}

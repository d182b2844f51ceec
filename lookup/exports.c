// SPDX-License-Identifier: GPL-2.0
/*
 * Exported symbols: Module.symvers, and the export records a kernel binary
 * carries in its own symbol table.  When both are at hand they must agree;
 * a disagreement means they come from different builds.
 *
 * Module.symvers (5.10 and later), one export per line:
 *	CRC<TAB>SYMBOL<TAB>MODULE_PATH<TAB>EXPORT_TYPE<TAB>NAMESPACE
 * NAMESPACE may be empty (and its tab missing in hand-written files).
 *
 * In a 6.1 binary, EXPORT_SYMBOL(x) leaves local symbols __ksymtab_x (in
 * __ksymtab or __ksymtab_gpl), __kstrtabns_x (its namespace string) and,
 * with CONFIG_MODVERSIONS, __crc_x (its CRC, 4 bytes in __kcrctab*).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* "fs/configfs/configfs" -> "configfs"; "drivers/foo/bar-baz" -> "bar_baz". */
static char *objname_of_path(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name, *p;

	name = strdup(base ? base + 1 : path);
	if (!name)
		return NULL;
	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	return name;
}

static bool parse_crc(const char *s, unsigned int *crc)
{
	unsigned long v;
	char *end;

	if (strncmp(s, "0x", 2))
		return false;
	errno = 0;
	v = strtoul(s + 2, &end, 16);
	if (errno || *end || end == s + 2 || v > 0xffffffffUL)
		return false;
	*crc = v;
	return true;
}

/* Split @line at tabs into at most @max fields; returns how many. */
static unsigned int split_tabs(char *line, char **fields, unsigned int max)
{
	unsigned int n = 0;

	while (n < max) {
		char *tab = strchr(line, '\t');

		fields[n++] = line;
		if (!tab)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

struct export *find_export(const struct lookup *lookup, const char *name)
{
	struct hnode *node;

	htable_for_each(&lookup->exports, node, hash_string(name)) {
		struct export *exp = container_of(node, struct export, node);

		if (!strcmp(exp->name, name))
			return exp;
	}
	return NULL;
}

static int parse_symvers_line(struct lookup *lookup, const char *path, unsigned int lineno,
			      char *line)
{
	struct export *exp, *first;
	char *f[6];
	unsigned int n = split_tabs(line, f, 6);

	if (n < 4 || n > 5 || !f[1][0] || !f[2][0]) {
		pb_error("%s:%u: expected CRC, symbol, module, export type and namespace "
			 "separated by tabs: is this a Module.symvers?", path, lineno);
		return -1;
	}
	if (strncmp(f[3], "EXPORT_SYMBOL", 13)) {
		pb_error("%s:%u: '%s' is not an export type (EXPORT_SYMBOL...): Module.symvers "
			 "from a kernel older than 5.10 (namespace in the third column)?",
			 path, lineno, f[3]);
		return -1;
	}
	exp = calloc(1, sizeof(*exp));
	if (!exp) {
		pb_error("out of memory");
		return -1;
	}
	exp->buf = line;
	exp->line = lineno;
	exp->name = f[1];
	exp->owner = f[2];
	exp->type = f[3];
	exp->namespace = n == 5 ? f[4] : "";
	if (!parse_crc(f[0], &exp->crc)) {
		pb_error("%s:%u: symbol '%s': CRC '%s' is not a 32-bit hex number (0x...)",
			 path, lineno, exp->name, f[0]);
		goto fail;
	}
	exp->objname = objname_of_path(exp->owner);
	if (!exp->objname) {
		pb_error("out of memory");
		goto fail;
	}

	/* modpost refuses duplicate exports; a merged file may still hold some. */
	first = find_export(lookup, exp->name);
	if (first) {
		exp->dup = first->dup;
		first->dup = exp;
		return 0;
	}
	if (htable_add(&lookup->exports, &exp->node, hash_string(exp->name))) {
		pb_error("out of memory");
		goto fail;
	}
	return 0;
fail:
	free((char *)exp->objname);
	free(exp);
	return -1;
}

int read_symvers(struct lookup *lookup, const char *path)
{
	unsigned int lineno = 0;
	size_t cap = 0;
	char *line = NULL;
	ssize_t len;
	FILE *f;

	f = fopen(path, "r");
	if (!f) {
		pb_error("%s: %s", path, strerror(errno));
		return -1;
	}
	lookup->symvers_path = strdup(path);
	if (!lookup->symvers_path) {
		pb_error("out of memory");
		goto fail;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		/* The entry keeps the line; the next one gets a fresh buffer. */
		if (parse_symvers_line(lookup, path, lineno, line))
			goto fail;
		line = NULL;
		cap = 0;
	}
	if (ferror(f)) {
		pb_error("%s: %s", path, strerror(errno));
		goto fail;
	}
	free(line);
	fclose(f);
	return 0;
fail:
	free(line);
	fclose(f);
	return -1;
}

static void free_export(struct export *exp)
{
	while (exp) {
		struct export *dup = exp->dup;

		free((char *)exp->objname);
		free(exp->buf);
		free(exp);
		exp = dup;
	}
}

void free_exports(struct lookup *lookup)
{
	size_t i;

	if (lookup->exports.buckets) {
		for (i = 0; i < (1UL << lookup->exports.bits); i++) {
			struct hnode *node = lookup->exports.buckets[i], *next;

			for (; node; node = next) {
				next = node->next;
				free_export(container_of(node, struct export, node));
			}
		}
	}
	htable_free(&lookup->exports);
	free(lookup->symvers_path);
	lookup->symvers_path = NULL;
}

/* ---- export records in a binary's symbol table ------------------------- */

/* The one symbol called @prefix@name in @obj, or NULL. */
static struct symbol *find_prefixed(const struct lookup_obj *obj, const char *prefix,
				    const char *name)
{
	char buf[600];
	int n = snprintf(buf, sizeof(buf), "%s%s", prefix, name);

	if (n < 0 || (size_t)n >= sizeof(buf))
		return NULL;
	return find_symbol_by_name(obj->elf, buf);
}

/* The bytes at @sym's value, @len of them, or NULL when outside its section. */
static const unsigned char *symbol_bytes(const struct lookup_obj *obj, const struct symbol *sym,
					 size_t len)
{
	const struct section *sec = sym->sec;
	unsigned long off = sym->offset;

	if (!sec || !sec->data)
		return NULL;
	if (obj->elf->ehdr.e_type != ET_REL) {
		if (off < sec->sh.sh_addr)
			return NULL;
		off -= sec->sh.sh_addr;
	}
	if (off > sec->size || len > sec->size - off)
		return NULL;
	return sec->data + off;
}

struct symtab_export {
	bool exported;
	bool gpl;
	bool have_crc;
	unsigned int crc;
	const char *namespace;		/* NULL when the binary does not say */
};

static void read_symtab_export(const struct lookup_obj *obj, const char *name,
			       struct symtab_export *se)
{
	struct symbol *ksymtab, *crc, *ns;
	const unsigned char *p;

	memset(se, 0, sizeof(*se));
	ksymtab = find_prefixed(obj, "__ksymtab_", name);
	if (!ksymtab || !ksymtab->sec)
		return;
	se->exported = true;
	se->gpl = strstr(ksymtab->sec->name, "_gpl") != NULL;

	crc = find_prefixed(obj, "__crc_", name);
	if (crc && crc->shndx == SHN_ABS) {
		/* Before 5.19 the CRC was the symbol's value. */
		se->have_crc = true;
		se->crc = crc->offset;
	} else if (crc) {
		p = symbol_bytes(obj, crc, 4);
		if (p) {
			se->have_crc = true;
			se->crc = p[0] | p[1] << 8 | p[2] << 16 | (unsigned int)p[3] << 24;
		}
	}

	ns = find_prefixed(obj, "__kstrtabns_", name);
	p = ns ? symbol_bytes(obj, ns, 1) : NULL;
	if (p && memchr(p, '\0', ns->sec->size - (p - ns->sec->data)))
		se->namespace = (const char *)p;
}

/* Export facts from @obj's own records; false when it does not export @name. */
static bool symtab_export(const struct lookup_obj *obj, const char *name,
			  struct lookup_result *res)
{
	struct symtab_export se;

	read_symtab_export(obj, name, &se);
	if (!se.exported)
		return false;
	res->exported = true;
	res->export_owner = obj->name;
	res->export_type = se.gpl ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL";
	res->namespace = se.namespace ? se.namespace : "";
	res->crc = se.have_crc ? se.crc : 0;
	return true;
}

/* Module.symvers and @obj's own records must tell the same story. */
static int check_agreement(const struct lookup *lookup, const struct lookup_obj *obj,
			   const char *name, const struct export *exp)
{
	struct symtab_export se;

	read_symtab_export(obj, name, &se);
	if (!exp && se.exported) {
		pb_error("'%s': %s exports it (__ksymtab_%s) but %s does not list it: "
			 "Module.symvers and %s from different builds?", name, obj->name, name,
			 lookup->symvers_path, obj->name);
		return -1;
	}
	if (!exp)
		return 0;
	if (strcmp(exp->objname, obj->name)) {
		pb_error("'%s': %s (line %u) says %s exports it, but it is defined in %s: "
			 "Module.symvers from a different build?", name, lookup->symvers_path,
			 exp->line, exp->owner, obj->name);
		return -1;
	}
	if (se.have_crc && se.crc != exp->crc) {
		pb_error("'%s': CRC 0x%08x in %s (line %u) differs from 0x%08x in %s (__crc_%s): "
			 "Module.symvers and %s from different builds?", name, exp->crc,
			 lookup->symvers_path, exp->line, se.crc, obj->elf->path, name, obj->name);
		return -1;
	}
	return 0;
}

/* What Module.symvers says of an exported name. */
static void set_exported(struct lookup_result *res, const struct export *exp)
{
	res->exported = true;
	res->export_owner = exp->owner;
	res->export_type = exp->type;
	res->namespace = exp->namespace;
	res->crc = exp->crc;
}

/* A name Module.symvers lists twice: which module exports it is unknown. */
static bool listed_twice(const struct lookup *lookup, const char *name, const struct export *exp)
{
	if (!exp || !exp->dup)
		return false;
	pb_error("'%s': %s lists it more than once (lines %u and %u): which module "
		 "exports it?", name, lookup->symvers_path, exp->line, exp->dup->line);
	return true;
}

int fill_export(struct lookup *lookup, const struct lookup_obj *obj, const char *name,
		struct lookup_result *res)
{
	const struct export *exp = find_export(lookup, name);

	res->exported = false;
	res->export_owner = res->export_type = NULL;
	res->namespace = "";
	res->crc = 0;

	if (listed_twice(lookup, name, exp))
		return -1;
	if (!lookup->symvers_path) {
		if (obj)
			symtab_export(obj, name, res);
		return 0;
	}
	if (obj && check_agreement(lookup, obj, name, exp))
		return -1;
	if (exp)
		set_exported(res, exp);
	return 0;
}

int lookup_symvers_export(struct lookup *lookup, const char *name, struct lookup_result *res)
{
	const struct export *exp = find_export(lookup, name);

	memset(res, 0, sizeof(*res));
	res->namespace = "";
	if (!exp)
		return 1;
	if (listed_twice(lookup, name, exp))
		return -1;
	res->objname = exp->objname;
	res->global = true;
	res->type = STT_NOTYPE;
	set_exported(res, exp);
	return 0;
}

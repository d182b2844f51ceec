// SPDX-License-Identifier: GPL-2.0
/*
 * The target kernel's binaries and their symbols: ownership, sympos in
 * kallsyms order, and global lookups.  FILE blocks (locals) are in block.c,
 * exports in exports.c.
 *
 * Every lookup walks only the hash chain of the name asked for, so the cost
 * of a query is the number of same-named symbols, not the size of vmlinux.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- kallsyms ---------------------------------------------------------- */

/*
 * Names scripts/mksysmap and scripts/kallsyms leave out of vmlinux's
 * kallsyms (6.1); they cannot collide with a C identifier anyway, except
 * for the modversions and export-string prefixes.
 */
static bool kallsyms_ignores(const char *name)
{
	static const char *const prefixes[] = {
		".L", "$", "__crc_", "__kstrtab_", "__kstrtabns_", "__kcfi_typeid_",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return !strcmp(name, "L0");
}

static bool is_named_symbol(const struct symbol *sym)
{
	return sym->name[0] && sym->type != STT_SECTION && sym->type != STT_FILE;
}

/* Sections the module loader puts in the init layout, freed after init. */
static bool is_module_init_section(const struct section *sec)
{
	return !strncmp(sec->name, ".init", 5);
}

/*
 * Symbols of sections that nm(1) types 'N' (debugging) or 'n' (read-only,
 * not allocated), which scripts/kallsyms leaves out.  Other non-allocated
 * sections ('?', 'b') are kept: vmlinux's .data_nosave is one.
 */
static bool nm_ignores_section(const struct section *sec)
{
	static const char *const debug[] = {
		".debug", ".zdebug", ".line", ".stab", ".gnu.linkonce.wi.",
	};
	unsigned int i;

	if (sec->sh.sh_flags & SHF_ALLOC)
		return false;
	for (i = 0; i < ARRAY_SIZE(debug); i++)
		if (!strncmp(sec->name, debug[i], strlen(debug[i])))
			return true;
	return sec->sh.sh_type != SHT_NOBITS && !(sec->sh.sh_flags & SHF_WRITE);
}

/*
 * kallsyms as livepatch searches it: vmlinux's table built by
 * scripts/kallsyms from nm -n (CONFIG_KALLSYMS_ALL: every symbol with a
 * section), or a module's core symbols (is_core_symbol() in
 * kernel/module/kallsyms.c).
 */
bool in_kallsyms(const struct lookup_obj *obj, const struct symbol *sym)
{
	if (!sym->sec || !is_named_symbol(sym))
		return false;
	if (obj->is_module)
		return (sym->sec->sh.sh_flags & SHF_ALLOC) && !is_module_init_section(sym->sec);
	return !nm_ignores_section(sym->sec) && !kallsyms_ignores(sym->name);
}

/*
 * While a module's init runs, module_kallsyms_on_each_symbol() walks its
 * whole symbol table (every defined symbol, init and non-allocated
 * sections included); after init, only the core symbols.  A livepatch
 * resolves a module's symbols with whichever is current when the module
 * loads, so both must give the same sympos.
 */
static bool in_module_init_kallsyms(const struct lookup_obj *obj, const struct symbol *sym)
{
	(void)obj;
	return sym->shndx != SHN_UNDEF && sym->type != STT_SECTION && sym->name[0];
}

/*
 * kallsyms order: vmlinux's table is sorted by address (scripts/kallsyms),
 * a module's is its symbol table order.
 */
static bool kallsyms_before(const struct lookup_obj *obj, const struct symbol *a,
			    const struct symbol *b)
{
	if (!obj->is_module && a->offset != b->offset)
		return a->offset < b->offset;
	return a->index < b->index;
}

/* Position of @sym among the same-named symbols for which @in() holds. */
static unsigned long count_position(const struct lookup_obj *obj, const struct symbol *sym,
				    bool (*in)(const struct lookup_obj *, const struct symbol *),
				    unsigned long *count)
{
	unsigned long before = 0;
	struct symbol *other;
	struct hnode *node;

	*count = 0;
	for_each_symbol_by_name(obj->elf, sym->name, other, node) {
		if (!in(obj, other))
			continue;
		(*count)++;
		if (kallsyms_before(obj, other, sym))
			before++;
	}
	return before + 1;
}

long symbol_sympos(const struct lookup_obj *obj, const struct symbol *sym)
{
	unsigned long pos, count, init_pos, init_count;

	pos = count_position(obj, sym, in_kallsyms, &count);
	if (!obj->is_module)
		return count > 1 ? (long)pos : 0;

	init_pos = count_position(obj, sym, in_module_init_kallsyms, &init_count);
	if ((count > 1 ? pos : 0) != (init_count > 1 ? init_pos : 0)) {
		pb_error("%s: symbol '%s' has sympos %lu after the module's init but %lu "
			 "while it runs (a same-named symbol sits in an init or non-allocated "
			 "section): livepatch cannot name it reliably; rename one of them",
			 obj->name, sym->name, count > 1 ? pos : 0, init_count > 1 ? init_pos : 0);
		return -1;
	}
	return count > 1 ? (long)pos : 0;
}

int fill_result(struct lookup *lookup, struct lookup_obj *obj, struct symbol *sym,
		struct lookup_result *res)
{
	long sympos;

	if (!in_kallsyms(obj, sym)) {
		pb_error("%s: symbol '%s' is not in kallsyms (section %s): livepatch cannot "
			 "find it at run time", obj->name, sym->name,
			 sym->sec ? sym->sec->name : "none");
		return -1;
	}
	sympos = symbol_sympos(obj, sym);
	if (sympos < 0)
		return -1;

	memset(res, 0, sizeof(*res));
	res->objname = obj->name;
	res->file = sym->bind == STB_LOCAL && sym->file ? sym->file->name : NULL;
	res->sympos = sympos;
	res->addr = sym->offset;
	res->size = sym->size;
	res->type = sym->type;
	res->global = sym->bind == STB_GLOBAL || sym->bind == STB_WEAK;
	res->in_symtab = true;
	res->namespace = "";
	if (res->global)
		return fill_export(lookup, obj, sym->name, res);
	return 0;
}

/* ---- binaries ---------------------------------------------------------- */

struct lookup_obj *find_lookup_obj(const struct lookup *lookup, const char *objname)
{
	struct hnode *node;

	htable_for_each(&lookup->objs_by_name, node, hash_string(objname)) {
		struct lookup_obj *obj = container_of(node, struct lookup_obj, name_node);

		if (!strcmp(obj->name, objname))
			return obj;
	}
	return NULL;
}

bool lookup_has_object(const struct lookup *lookup, const char *objname)
{
	return find_lookup_obj(lookup, objname) != NULL;
}

static bool defines(const struct symbol *sym)
{
	return sym->sec && is_named_symbol(sym);
}

static bool is_global(const struct symbol *sym)
{
	return sym->bind == STB_GLOBAL || sym->bind == STB_WEAK;
}

/* Index a module's globals so lookup_global() need not visit every module. */
static int add_module_globals(struct lookup *lookup, struct lookup_obj *obj)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(obj->elf, sym, i) {
		struct module_global *mg;

		if (!defines(sym) || !is_global(sym))
			continue;
		mg = calloc(1, sizeof(*mg));
		if (!mg) {
			pb_error("out of memory");
			return -1;
		}
		mg->sym = sym;
		mg->obj = obj;
		if (htable_add(&lookup->module_globals, &mg->node, hash_string(sym->name))) {
			free(mg);
			pb_error("out of memory");
			return -1;
		}
	}
	return 0;
}

/* A kernel binary with its symbol table; NULL (error printed) otherwise. */
static struct elf *open_binary(const char *path, bool is_module)
{
	struct elf *elf = elf_open(path, ELF_OPEN_ANY_TYPE | ELF_OPEN_NO_RELOCS);

	if (elf && (!elf->symtab || elf->nr_symbols < 2)) {
		pb_error("%s: no symbol table (stripped?): use the unstripped %s", path,
			 is_module ? "module" : "vmlinux (the build tree's or a debug package's)");
		elf_close(elf);
		return NULL;
	}
	return elf;
}

/* Add @elf (which the lookup then owns) as binary @name. */
static struct lookup_obj *add_obj(struct lookup *lookup, struct elf *elf, const char *name,
				  bool is_module)
{
	struct lookup_obj *obj, **tail;

	if (find_lookup_obj(lookup, name)) {
		pb_error("%s: a binary called '%s' was already added", elf->path, name);
		goto fail;
	}
	obj = calloc(1, sizeof(*obj));
	if (obj)
		obj->name = strdup(name);
	if (!obj || !obj->name ||
	    htable_add(&lookup->objs_by_name, &obj->name_node, hash_string(name))) {
		if (obj)
			free(obj->name);
		free(obj);
		pb_error("out of memory");
		goto fail;
	}
	obj->elf = elf;
	obj->is_module = is_module;
	for (tail = &lookup->objs; *tail; tail = &(*tail)->next)
		;
	*tail = obj;
	return obj;
fail:
	elf_close(elf);
	return NULL;
}

/* .modinfo's "name=" string, if there is one. */
static const char *modinfo_name(const struct elf *elf)
{
	struct section *sec = find_section_by_name(elf, ".modinfo");
	const char *p, *end;

	if (!sec || !sec->data)
		return NULL;
	p = (const char *)sec->data;
	end = p + sec->size;
	while (p < end) {
		const char *nul = memchr(p, '\0', end - p);

		if (!nul)
			break;
		if (!strncmp(p, "name=", 5) && nul > p + 5)
			return p + 5;
		p = nul + 1;
	}
	return NULL;
}

/*
 * The module's name as the kernel knows it (struct module's name, which
 * livepatch compares objnames with): .modinfo's name=, else the file name
 * without .ko; '-' becomes '_'.
 */
static int module_name(const struct elf *elf, char *buf, size_t size)
{
	const char *name = modinfo_name(elf), *base;
	size_t len;
	char *p;

	if (name) {
		len = strlen(name);
	} else {
		base = strrchr(elf->path, '/');
		name = base ? base + 1 : elf->path;
		len = strlen(name);
		if (len > 3 && !strcmp(name + len - 3, ".ko"))
			len -= 3;
	}
	/* MODULE_NAME_LEN is 56; .klp.rela names allow 55 characters. */
	if (!len || len > 55 || len >= size) {
		pb_error("%s: module name '%.*s' is empty or longer than 55 characters",
			 elf->path, (int)len, name);
		return -1;
	}
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	if (!strcmp(buf, "vmlinux")) {
		pb_error("%s: a module cannot be called vmlinux", elf->path);
		return -1;
	}
	return 0;
}

int lookup_add_module(struct lookup *lookup, const char *ko_path)
{
	struct lookup_obj *obj;
	struct elf *elf;
	char name[64];

	elf = open_binary(ko_path, true);
	if (!elf)
		return -1;
	if (module_name(elf, name, sizeof(name))) {
		elf_close(elf);
		return -1;
	}
	obj = add_obj(lookup, elf, name, true);
	if (!obj)
		return -1;
	return add_module_globals(lookup, obj);
}

struct lookup *lookup_open(const char *vmlinux, const char *symvers)
{
	struct lookup *lookup = calloc(1, sizeof(*lookup));

	if (!lookup) {
		pb_error("out of memory");
		return NULL;
	}
	if (htable_init(&lookup->objs_by_name, 16) || htable_init(&lookup->module_globals, 0) ||
	    htable_init(&lookup->exports, 0)) {
		pb_error("out of memory");
		goto fail;
	}
	if (vmlinux) {
		struct elf *elf = open_binary(vmlinux, false);

		if (!elf)
			goto fail;
		if (elf->ehdr.e_type == ET_REL)
			pb_warn("%s: a relocatable object, not a linked vmlinux: symbol values "
				"are section offsets, so sympos is not the kernel's", vmlinux);
		lookup->vmlinux = add_obj(lookup, elf, "vmlinux", false);
		if (!lookup->vmlinux)
			goto fail;
	}
	if (symvers && read_symvers(lookup, symvers))
		goto fail;
	return lookup;
fail:
	lookup_close(lookup);
	return NULL;
}

static void free_module_globals(struct lookup *lookup)
{
	size_t i;

	if (!lookup->module_globals.buckets)
		return;
	for (i = 0; i < (1UL << lookup->module_globals.bits); i++) {
		struct hnode *node = lookup->module_globals.buckets[i], *next;

		for (; node; node = next) {
			next = node->next;
			free(container_of(node, struct module_global, node));
		}
	}
	htable_free(&lookup->module_globals);
}

void lookup_close(struct lookup *lookup)
{
	struct lookup_obj *obj, *next;

	if (!lookup)
		return;
	free_blocks(lookup);
	free_module_globals(lookup);
	free_exports(lookup);
	for (obj = lookup->objs; obj; obj = next) {
		next = obj->next;
		elf_close(obj->elf);
		free(obj->name);
		free(obj);
	}
	htable_free(&lookup->objs_by_name);
	free(lookup);
}

/* ---- globals ----------------------------------------------------------- */

/* The one global definition of @name in @obj (NULL if none); -1 if several. */
static int global_in(const struct lookup_obj *obj, const char *name, struct symbol **found)
{
	struct symbol *sym;
	struct hnode *node;

	*found = NULL;
	if (!obj)
		return 0;
	for_each_symbol_by_name(obj->elf, name, sym, node) {
		if (!defines(sym) || !is_global(sym))
			continue;
		if (*found) {
			pb_error("%s: global symbol '%s' is defined twice (symbols %u and %u): "
				 "is %s a linked binary?", obj->name, name, (*found)->index,
				 sym->index, obj->elf->path);
			return -1;
		}
		*found = sym;
	}
	return 0;
}

/* A local of that name somewhere, for a hint when a global is missing. */
static const struct symbol *any_local(const struct lookup *lookup, const char *name,
				      const struct lookup_obj **where)
{
	const struct lookup_obj *obj;

	for (obj = lookup->objs; obj; obj = obj->next) {
		struct symbol *sym;
		struct hnode *node;

		for_each_symbol_by_name(obj->elf, name, sym, node) {
			if (defines(sym) && sym->bind == STB_LOCAL) {
				*where = obj;
				return sym;
			}
		}
	}
	return NULL;
}

static void report_missing_global(const struct lookup *lookup, const char *name)
{
	const struct lookup_obj *where = NULL;
	const struct symbol *local = any_local(lookup, name, &where);

	if (local) {
		pb_error("'%s' is not a global symbol; %s has a local one%s%s%s: look it up with "
			 "the object that uses it (--object)", name, where->name,
			 local->file ? " (in " : "", local->file ? local->file->name : "",
			 local->file ? ")" : "");
		return;
	}
	pb_error("'%s': no such global symbol in %s%s%s: wrong vmlinux, a module not given "
		 "(--module), or a different compiler or config?", name,
		 lookup->vmlinux ? "vmlinux" : "the binaries given",
		 lookup->vmlinux && lookup->objs->next ? " or the modules given" : "",
		 lookup->symvers_path ? " nor in Module.symvers" : "");
}

/*
 * Known only from Module.symvers: exported by a module whose .ko was not
 * given, so where it sits and its sympos are unknown.
 */
static int fill_symvers_only(struct lookup *lookup, const char *name, const struct export *exp,
			     struct lookup_result *res)
{
	struct lookup_obj *obj = find_lookup_obj(lookup, exp->objname);

	if (obj) {
		pb_error("'%s': Module.symvers (line %u) says %s exports it, but %s does not "
			 "define it: Module.symvers and %s from different builds?",
			 name, exp->line, exp->owner, obj->elf->path, obj->name);
		return -1;
	}
	if (!strcmp(exp->objname, "vmlinux")) {
		pb_error("'%s': Module.symvers (line %u) says vmlinux exports it, but no vmlinux "
			 "was given (--vmlinux)", name, exp->line);
		return -1;
	}
	memset(res, 0, sizeof(*res));
	res->objname = exp->objname;
	res->global = true;
	res->type = STT_NOTYPE;
	return fill_export(lookup, NULL, name, res);
}

int lookup_global(struct lookup *lookup, const char *name, struct lookup_result *res)
{
	struct lookup_obj *owner = NULL;
	struct symbol *found = NULL;
	const struct export *exp;
	struct hnode *node;

	if (global_in(lookup->vmlinux, name, &found))
		return -1;
	if (found)
		owner = lookup->vmlinux;

	htable_for_each(&lookup->module_globals, node, hash_string(name)) {
		struct module_global *mg = container_of(node, struct module_global, node);

		if (strcmp(mg->sym->name, name))
			continue;
		if (found) {
			pb_error("'%s': a global of both %s and %s: which one a reference "
				 "binds to depends on the binary it is from; name that binary "
				 "(--objname)", name, owner->name, mg->obj->name);
			return -1;
		}
		found = mg->sym;
		owner = mg->obj;
	}
	if (found)
		return fill_result(lookup, owner, found, res);

	exp = find_export(lookup, name);
	if (exp)
		return fill_symvers_only(lookup, name, exp, res);
	report_missing_global(lookup, name);
	return -1;
}

int lookup_global_from(struct lookup *lookup, const char *objname, const char *name,
		       struct lookup_result *res)
{
	struct lookup_obj *obj = find_lookup_obj(lookup, objname);
	struct symbol *sym;

	if (!obj) {
		pb_error("'%s': %s was not loaded (give %s)", name, objname,
			 strcmp(objname, "vmlinux") ? "its module's .ko" : "the vmlinux");
		return -1;
	}
	if (global_in(obj, name, &sym))
		return -1;
	if (sym)
		return fill_result(lookup, obj, sym, res);
	return lookup_global(lookup, name, res);
}

/* ---- listing ----------------------------------------------------------- */

/* Same-named symbols of one binary, in kallsyms order. */
struct listing {
	struct symbol **syms;
	unsigned int nr, alloc;
};

static int compare_index(const void *a, const void *b)
{
	const struct symbol *sa = *(struct symbol *const *)a, *sb = *(struct symbol *const *)b;

	return sa->index < sb->index ? -1 : sa->index > sb->index;
}

static int compare_address(const void *a, const void *b)
{
	const struct symbol *sa = *(struct symbol *const *)a, *sb = *(struct symbol *const *)b;

	if (sa->offset != sb->offset)
		return sa->offset < sb->offset ? -1 : 1;
	return compare_index(a, b);
}

static int collect(const struct lookup_obj *obj, const char *name, struct listing *l)
{
	struct symbol *sym;
	struct hnode *node;

	l->nr = 0;
	for_each_symbol_by_name(obj->elf, name, sym, node) {
		if (!in_kallsyms(obj, sym))
			continue;
		if (l->nr == l->alloc) {
			unsigned int n = l->alloc ? l->alloc * 2 : 16;
			struct symbol **p = realloc(l->syms, n * sizeof(*p));

			if (!p) {
				pb_error("out of memory");
				return -1;
			}
			l->syms = p;
			l->alloc = n;
		}
		l->syms[l->nr++] = sym;
	}
	/* kallsyms order, as kallsyms_before() defines it. */
	if (l->nr > 1)
		qsort(l->syms, l->nr, sizeof(*l->syms),
		      obj->is_module ? compare_index : compare_address);
	return 0;
}

int lookup_list(struct lookup *lookup, const char *name,
		int (*fn)(const struct lookup_result *res, void *arg), void *arg)
{
	struct listing l = { 0 };
	struct lookup_obj *obj;
	int found = 0;

	for (obj = lookup->objs; obj; obj = obj->next) {
		unsigned int i;

		if (collect(obj, name, &l))
			goto fail;
		for (i = 0; i < l.nr; i++) {
			struct lookup_result res;

			if (fill_result(lookup, obj, l.syms[i], &res))
				goto fail;
			found++;
			if (fn(&res, arg))
				goto fail;
		}
	}
	free(l.syms);
	return found;
fail:
	free(l.syms);
	return -1;
}

/* ---- compiled objects -------------------------------------------------- */

int lookup_object_locals(const struct elf *obj, struct lookup_object_locals *locals)
{
	struct symbol *sym;
	unsigned int i;

	memset(locals, 0, sizeof(*locals));
	for_each_symbol(obj, sym, i) {
		if (sym->type == STT_FILE && !locals->file)
			locals->file = sym->name;
		if (sym->bind == STB_LOCAL && sym->sec &&
		    (sym->type == STT_FUNC || sym->type == STT_OBJECT))
			locals->nr++;
	}
	if (!locals->file) {
		pb_error("%s: no STT_FILE symbol: was it built by the C compiler, and not "
			 "stripped?", obj->path);
		return -1;
	}
	locals->names = calloc(locals->nr ? locals->nr : 1, sizeof(*locals->names));
	if (!locals->names) {
		pb_error("out of memory");
		return -1;
	}
	locals->nr = 0;
	for_each_symbol(obj, sym, i)
		if (sym->bind == STB_LOCAL && sym->sec &&
		    (sym->type == STT_FUNC || sym->type == STT_OBJECT))
			locals->names[locals->nr++] = sym->name;
	return 0;
}

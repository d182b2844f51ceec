// SPDX-License-Identifier: GPL-2.0
/*
 * Safety checks that look beyond single symbols: type layouts from DWARF,
 * and changes confined to code the running kernel no longer has.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "entries.h"

static const char *where(const struct type_info *t, char *buf, size_t len)
{
	if (!t->decl_file)
		return "unknown location";
	snprintf(buf, len, "%s:%lu", t->decl_file, t->decl_line);
	return buf;
}

/*
 * A struct or union the original code uses whose size or member offsets
 * changed: the running kernel's instances keep the old layout, so new code
 * would read and write the wrong bytes.
 */
static void compare_layout(struct diff *d, const struct type_info *o, const struct type_info *p)
{
	const char *kind = o->is_union ? "union" : "struct";
	char loc[512];
	unsigned int i, j;

	if (o->size != p->size) {
		refuse(d, NULL, "%s %s (%s) changed size from %lu to %lu bytes; the running kernel's instances keep the old layout",
		       kind, o->name, where(p, loc, sizeof(loc)), o->size, p->size);
		return;
	}
	for (i = 0; i < o->nr_members; i++) {
		const struct type_member *om = &o->members[i];

		if (!*om->name)
			continue;
		for (j = 0; j < p->nr_members; j++)
			if (!strcmp(om->name, p->members[j].name))
				break;
		if (j == p->nr_members) {
			refuse(d, NULL, "%s %s (%s): member %s was removed; the running kernel's instances keep the old layout",
			       kind, o->name, where(p, loc, sizeof(loc)), om->name);
			return;
		}
		if (p->members[j].offset != om->offset) {
			refuse(d, NULL, "%s %s (%s): member %s moved from offset %lu to %lu; the running kernel's instances keep the old layout",
			       kind, o->name, where(p, loc, sizeof(loc)), om->name, om->offset,
			       p->members[j].offset);
			return;
		}
	}
	for (j = 0; j < p->nr_members; j++) {
		const struct type_member *pm = &p->members[j];

		if (!*pm->name)
			continue;
		for (i = 0; i < o->nr_members; i++)
			if (!strcmp(pm->name, o->members[i].name))
				break;
		if (i == o->nr_members) {
			refuse(d, NULL, "%s %s (%s): member %s was added at offset %lu; the running kernel's instances do not have it",
			       kind, o->name, where(p, loc, sizeof(loc)), pm->name, pm->offset);
			return;
		}
	}
}

struct name_list {
	const char **names;
	unsigned int nr, alloc;
};

static int add_name(struct name_list *l, const char *name)
{
	const char **grown;

	if (l->nr == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		grown = realloc(l->names, l->alloc * sizeof(*grown));
		if (!grown)
			return -1;
		l->names = grown;
	}
	l->names[l->nr++] = name;
	return 0;
}

/*
 * The names of the functions the output redirects, adds or carries (@code),
 * and of the symbols they refer to (@refs): DWARF does not say which
 * globals a function reads or which functions it calls; its relocations do.
 * Names may repeat.
 */
static int patched_code_names(struct diff *d, struct name_list *code, struct name_list *refs)
{
	struct symbol *sym;
	struct reloc *r;
	unsigned int i;

	for_each_symbol(d->patched, sym, i) {
		struct section *sec = sym->sec;

		if (!is_function(sym) ||
		    (sym->status != CHANGED && sym->status != NEW && sym->status != CARRIED))
			continue;
		if (add_name(code, sym->name))
			return -1;
		r = sec->nr_relocs ? find_reloc_from(sec, sym->offset) : NULL;
		for (; r && r < sec->relocs + sec->nr_relocs &&
		       r->offset < sym->offset + sym->size; r++) {
			struct target t;

			if (!resolve_target(r, &t) && t.kind == TARGET_SYMBOL &&
			    t.sym->type != STT_SECTION && add_name(refs, t.sym->name))
				return -1;
		}
	}
	return 0;
}

/*
 * Only the types patched code uses are compared: read from the patched
 * object for its changed and new functions, then the same names from the
 * original.  A full read of both objects' types cost several times the
 * rest of the diff.
 */
static int check_layouts(struct diff *d)
{
	struct name_list code = { NULL, 0, 0 }, refs = { NULL, 0, 0 }, types = { NULL, 0, 0 };
	struct type_table orig, used;
	unsigned int b;
	bool has;
	int ret = -1;

	if (has_readable_dwarf(d, d->patched, &has))
		return -1;
	if (!has)
		return 0;	/* built without debug info: nothing to compare */
	memset(&orig, 0, sizeof(orig));
	memset(&used, 0, sizeof(used));
	if (patched_code_names(d, &code, &refs) ||
	    load_used_types(d->patched->path, &used, code.names, code.nr, refs.names, refs.nr))
		goto out;
	warn_unreadable(d->patched, &used);
	for (b = 0; used.types.buckets && b < (1U << used.types.bits); b++) {
		struct hnode *node;

		for (node = used.types.buckets[b]; node; node = node->next)
			if (add_name(&types, container_of(node, struct type_info, node)->name))
				goto out;
	}
	if (types.nr && (has_readable_dwarf(d, d->orig, &has) ||
			 (has && load_types(d->orig->path, &orig, types.names, types.nr))))
		goto out;
	for (b = 0; orig.types.buckets && b < (1U << orig.types.bits); b++) {
		struct hnode *node;

		for (node = orig.types.buckets[b]; node; node = node->next) {
			struct type_info *o = container_of(node, struct type_info, node);
			struct type_info *p = find_type(&used, o->name);

			if (p)
				compare_layout(d, o, p);
		}
	}
	ret = 0;
out:
	free_types(&orig);
	free_types(&used);
	free(code.names);
	free(refs.names);
	free(types.names);
	return ret;
}

/*
 * A new global that other objects of the patch use is a change of its own:
 * the module must carry it even when nothing else here changed.
 */
bool has_patchable_change(const struct diff *d)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(d->patched, sym, i)
		if ((is_function(sym) && (sym->status == CHANGED || sym->status == NEW)) ||
		    is_shared_new_symbol(d, sym))
			return true;
	return false;
}

/* The first function the patch redirects or adds, for messages. */
static const char *first_runtime_change(const struct diff *d)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(d->patched, sym, i)
		if (is_function(sym) && !sym->parent &&
		    (sym->status == CHANGED || sym->status == NEW))
			return sym->twin ? sym->twin->name : sym->name;
	return "another function";
}

int check_safety(struct diff *d)
{
	bool patchable = has_patchable_change(d);

	if (d->init_changed && !patchable)
		refuse(d, d->init_changed->twin,
		       "only __init/__exit code changed (%s in %s): the running kernel already ran and freed it, so there is nothing to patch",
		       d->init_changed->name, d->init_changed->sec->name);
	else if (d->init_changed)
		/*
		 * The runtime change may rely on what the __init change would
		 * have set up, which never happens: the author must say that it
		 * does not.
		 */
		refuse(d, d->init_changed->twin,
		       "%s in %s changed together with %s: __init/__exit code cannot be patched, so that part never applies, and %s may rely on it; if it does not, leave it out with PATCH_IGNORE_FUNCTION(%s) (kmod/patch-author.h)",
		       d->init_changed->name, d->init_changed->sec->name, first_runtime_change(d),
		       first_runtime_change(d), d->init_changed->name);

	/* Layouts matter only when there is code to patch. */
	if (patchable || d->nr_refusals)
		return check_layouts(d);
	return 0;
}

static int check_entry_key(struct diff *d, const struct special_section *s,
			   struct section *sec, unsigned long off, unsigned long size,
			   struct symbol *func)
{
	struct key_verdict key;

	if (entry_key_verdict(d, s, sec, off, size, &key))
		return -1;
	if (key.kind == KEY_DROP)
		pb_warn("%s: %s: dropping the %s entry for %s (its key lives in module %s); it stays in its default state",
			d->patched->path, func->name, sec->name, key.key, key.owner);
	else if (key.kind == KEY_FOREIGN)
		refuse(d, func, "function %s uses %s %s, whose key lives in module %s; use static_key_enabled() or a plain call instead",
		       func->twin ? func->twin->name : func->name,
		       !strcmp(sec->name, "__jump_table") ? "the static key" :
		       "the static call", key.key, key.owner);
	return 0;
}

/*
 * Refusals that depend on what the include pass carries: a kept table
 * entry whose static key (or static call key) lives in another module.
 * Decided here, before any output exists.
 */
int check_carried_entries(struct diff *d)
{
	return for_each_kept_entry(d, KEY_AT_MEMBER, check_entry_key);
}

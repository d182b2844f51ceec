// SPDX-License-Identifier: GPL-2.0
/*
 * Livepatch records in the output: the table of functions to redirect
 * (.patch.funcs) and, for references only the livepatch core can resolve,
 * klp relocation records (.patch.klp_relocs) that the post-link step turns
 * into .klp.rela sections once the module is linked.
 *
 * How each reference to the running kernel is resolved:
 *   exported by vmlinux          normal relocation (modpost adds the CRC)
 *   exported by a module         klp relocation against that module
 *   local, or not exported       klp relocation with its sympos
 *   defined in the patch         normal relocation
 *   added by another object of   normal relocation, resolved when the
 *   the patch (--new-symbols)    differ outputs are linked together
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "patch-records.h"
#include "lookup.h"

struct klp_state {
	struct diff *d;
	struct section *strings, *funcs, *relocs;
	struct lookup_object_locals locals;
	const struct lookup_block *block;
	bool block_searched;
};

static long add_string(struct klp_state *k, const char *s)
{
	struct section *sec = k->strings;
	size_t len = strlen(s) + 1;
	unsigned char *grown = realloc(sec->data, sec->size + len);
	long off = sec->size;

	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	memcpy(grown + off, s, len);
	sec->data = grown;
	sec->data_owned = true;
	sec->size += len;
	sec->sh.sh_size = sec->size;
	return off;
}

static struct section *records_section(struct klp_state *k, const char *name,
				       unsigned long flags)
{
	struct section *sec = elf_add_section(k->d->out, name, SHT_PROGBITS, flags, NULL, 0, 0,
					      8);

	if (sec && !elf_add_symbol(k->d->out, "", STB_LOCAL, STT_SECTION, 0, sec, 0, 0))
		return NULL;
	return sec;
}

/* Append @size zero bytes to a record table; returns the record's offset. */
static long add_record(struct section *sec, size_t size)
{
	unsigned char *grown = realloc(sec->data, sec->size + size);
	long off = sec->size;

	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	memset(grown + off, 0, size);
	sec->data = grown;
	sec->data_owned = true;
	sec->size += size;
	sec->sh.sh_size = sec->size;
	return off;
}

static int string_field(struct klp_state *k, struct section *table, long rec, size_t field,
			const char *s)
{
	long off = add_string(k, s);

	if (off < 0)
		return -1;
	return elf_add_reloc(table, rec + field, R_X86_64_64, k->strings->secsym, off) ? 0 : -1;
}

static const char *own_objname(const struct diff *d)
{
	return d->objname ? d->objname : "vmlinux";
}

/* The running kernel's facts about a symbol the original object defines. */
static int resolve_own(struct klp_state *k, const struct symbol *orig, struct lookup_result *res)
{
	struct diff *d = k->d;

	if (orig->bind != STB_LOCAL)
		return lookup_global_from(d->lookup, own_objname(d), orig->name, res);
	if (!k->block_searched) {
		k->block_searched = true;
		k->block = lookup_find_block(d->lookup, own_objname(d), k->locals.file,
					     k->locals.names, k->locals.nr);
	}
	if (!k->block)
		return -1;
	return lookup_block_symbol(d->lookup, k->block, orig->name, res);
}

/* ---- .patch.funcs ------------------------------------------------------- */

static int add_funcs(struct klp_state *k)
{
	struct diff *d = k->d;
	struct symbol *p;
	unsigned int i;

	for_each_symbol(d->patched, p, i) {
		struct lookup_result res;
		unsigned long sympos = 0;
		long rec;

		if (!is_function(p) || p->parent || !p->include || p->status != CHANGED)
			continue;
		if (d->lookup) {
			if (resolve_own(k, p->twin, &res))
				return -1;
			sympos = res.sympos;
		}
		rec = add_record(k->funcs, sizeof(struct patch_func));
		if (rec < 0)
			return -1;
		*(u64 *)(k->funcs->data + rec + offsetof(struct patch_func, old_sympos)) = sympos;
		if (!elf_add_reloc(k->funcs, rec + offsetof(struct patch_func, new_func),
				   R_X86_64_64, p->out, 0) ||
		    string_field(k, k->funcs, rec, offsetof(struct patch_func, old_name),
				 p->twin->name) ||
		    string_field(k, k->funcs, rec, offsetof(struct patch_func, objname),
				 own_objname(d)))
			return -1;
	}
	return 0;
}

/* ---- klp relocations ---------------------------------------------------- */

struct resolution {
	bool klp;
	const char *objname;
	unsigned long sympos;
};

static int has_global(const struct lookup_result *res, void *arg)
{
	*(bool *)arg |= res->global;
	return 0;
}

/*
 * A reference to a static that another object of the patch adds: C binds
 * it to a global of that name, and the target has none.  Say so in one
 * line, rather than that the target lacks it.
 */
static bool refers_to_new_static(struct klp_state *k, const struct symbol *u)
{
	struct diff *d = k->d;
	const char *where = new_symbol_object(d, u->name, false);
	bool global = false;

	if (!where || lookup_list(d->lookup, u->name, has_global, &global) < 0 || global)
		return false;
	pb_error("%s: %s is referenced by the patched code but is static in %s (added by the patch): make it non-static to use it from another file",
		 d->patched->path, u->name, where);
	return true;
}

/*
 * Decide for the output's undefined symbol @u, which stands for @orig (a
 * symbol of the original object) or, when @orig is NULL, for an external
 * symbol of that name.
 */
static int resolve(struct klp_state *k, const struct symbol *u, const struct symbol *orig,
		   struct resolution *r)
{
	struct diff *d = k->d;
	struct lookup_result res;
	const char *own = own_objname(d);

	memset(r, 0, sizeof(*r));
	if (orig && orig->shndx != SHN_UNDEF) {
		if (resolve_own(k, orig, &res))
			return -1;
		/* Exported by vmlinux and used from vmlinux code: link normally. */
		if (orig->bind != STB_LOCAL && res.exported && !strcmp(own, "vmlinux") &&
		    res.export_owner && !strcmp(res.export_owner, "vmlinux"))
			return 0;
		r->klp = true;
		r->objname = own;
		r->sympos = res.sympos;
		return 0;
	}
	if (new_symbol_object(d, u->name, true))
		return 0;
	if (refers_to_new_static(k, u))
		return -1;
	if (lookup_global(d->lookup, u->name, &res)) {
		pb_error("%s: %s is referenced by the patched code but is not defined in %s%s",
			 d->patched->path, u->name, d->vmlinux ? d->vmlinux : "the target",
			 strcmp(own, "vmlinux") ? " or the given modules" : "");
		return -1;
	}
	if (res.exported && res.export_owner && !strcmp(res.export_owner, "vmlinux"))
		return 0;
	r->klp = true;
	r->objname = res.objname;
	r->sympos = res.sympos;
	return 0;
}

static int add_klp_reloc(struct klp_state *k, struct section *sec, const struct reloc *reloc,
			 const char *name, const struct resolution *r)
{
	struct patch_klp_reloc *rec;
	long off;

	if (!sec->secsym) {
		pb_error("%s: internal error: section %s has no section symbol",
			 k->d->patched->path, sec->name);
		return -1;
	}
	off = add_record(k->relocs, sizeof(*rec));
	if (off < 0)
		return -1;
	rec = (struct patch_klp_reloc *)(k->relocs->data + off);
	rec->sympos = r->sympos;
	rec->addend = reloc->addend;
	rec->type = reloc->type;
	if (!elf_add_reloc(k->relocs, off + offsetof(struct patch_klp_reloc, dest), R_X86_64_64,
			   sec->secsym, reloc->offset))
		return -1;
	return string_field(k, k->relocs, off, offsetof(struct patch_klp_reloc, name), name) ||
	       string_field(k, k->relocs, off, offsetof(struct patch_klp_reloc, objname),
			    r->objname);
}

static int convert_references(struct klp_state *k)
{
	struct elf *out = k->d->out;
	struct resolution *res;
	struct section *sec;
	struct symbol *u;
	unsigned int i, nr_symbols = out->nr_symbols;
	bool *decided, *still_used;
	int ret = -1;

	res = calloc(nr_symbols, sizeof(*res));
	decided = calloc(nr_symbols, sizeof(*decided));
	still_used = calloc(nr_symbols, sizeof(*still_used));
	if (!res || !decided || !still_used) {
		pb_error("out of memory");
		goto out;
	}

	/* Symbol indices of the output are stable until it is written. */
	for (i = 1; i < nr_symbols; i++) {
		u = out->symbols[i];
		if (u->shndx != SHN_UNDEF || u->sec)
			continue;
		if (resolve(k, u, u->twin && u->twin->elf == k->d->orig ? u->twin : NULL, &res[i]))
			goto out;
		decided[i] = true;
	}

	for (i = 1; i < out->nr_sections; i++) {
		unsigned int j, kept = 0;

		sec = out->sections[i];
		if (sec == k->relocs || sec == k->funcs)
			continue;
		for (j = 0; j < sec->nr_relocs; j++) {
			struct reloc *reloc = &sec->relocs[j];
			unsigned int idx = reloc->sym->index;

			if (idx < nr_symbols && decided[idx] && res[idx].klp) {
				if (add_klp_reloc(k, sec, reloc, reloc->sym->name, &res[idx]))
					goto out;
				continue;
			}
			if (idx < nr_symbols)
				still_used[idx] = true;
			sec->relocs[kept++] = *reloc;
		}
		sec->nr_relocs = kept;
	}
	/* The symbols only klp relocations use must not reach modpost. */
	for (i = 1; i < nr_symbols; i++)
		if (decided[i] && res[i].klp && !still_used[i])
			out->symbols[i]->omit = true;
	ret = 0;
out:
	free(res);
	free(decided);
	free(still_used);
	return ret;
}

int add_livepatch_records(struct diff *d)
{
	struct klp_state k = { .d = d };
	int ret = -1;

	k.strings = records_section(&k, PATCH_STRINGS_SECTION, SHF_ALLOC);
	k.funcs = records_section(&k, PATCH_FUNCS_SECTION, SHF_ALLOC | SHF_WRITE);
	if (!k.strings || !k.funcs)
		return -1;
	k.strings->sh.sh_addralign = 1;
	if (d->lookup && lookup_object_locals(d->orig, &k.locals))
		return -1;
	if (add_funcs(&k))
		goto out;
	if (d->lookup) {
		/* Allocated only so that modpost accepts it; post-link removes it. */
		k.relocs = records_section(&k, PATCH_KLP_RELOCS_SECTION, SHF_ALLOC);
		if (!k.relocs || convert_references(&k))
			goto out;
	}
	ret = 0;
out:
	free(k.locals.names);
	return ret;
}

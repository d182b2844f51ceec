// SPDX-License-Identifier: GPL-2.0
/*
 * The relocation guard (see check-relocs.h).  A mapping bug in the differ
 * or post-link shows up here as a module relocation that points somewhere
 * else than the compiler's did: into an empty section of the module, past
 * the end of what it names, or at another symbol or offset.  Comparing with
 * the patched object catches the whole class, whatever the path that made
 * the relocation (normal or klp, vmlinux or module, any type).
 *
 * Places are compared by what they name, never by index: a symbol by its
 * name up to the compiler's numbering ("counter.3" is "counter.7"), klp
 * symbols by the name they carry, string literals by their bytes, pieces
 * of anonymous sections by their section's name.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-relocs.h"
#include "insn.h"
#include "klp-elf.h"
#include "patch-records.h"
#include "lookup.h"

enum place_kind {
	PLACE_SYMBOL,
	PLACE_STRING,
	PLACE_PIECE,		/* in a section no symbol owns */
};

struct place {
	enum place_kind kind;
	const char *name;		/* symbol, or section for a piece */
	char klp_name[KLP_SYMNAME_MAX + 1];
	bool klp;			/* a .klp.sym: objname, sympos known */
	char objname[KLP_OBJNAME_MAX + 1];
	unsigned long sympos;
	long offset;			/* from the start of the symbol or string */
	long size;			/* of the symbol; -1 unknown */
	const char *string;		/* PLACE_STRING: its bytes, NUL included */
	size_t string_len;
};

#define report(g, ...) (g)->problem((g)->arg, __VA_ARGS__)

/*
 * Where a relocation points; -1 with *why when it points nowhere.  @by_end:
 * a place just past a symbol may be that symbol's end (the differ's rule);
 * not when the patched object's place is an unnamed piece, which the
 * module's link may have put right after another object.
 */
static int place_of(const struct reloc *reloc, struct place *p, const char **why, bool by_end)
{
	const struct symbol *sym = reloc->sym;
	const struct section *sec = sym->sec;
	struct klp_sym_name parsed;
	long bias, off;

	memset(p, 0, sizeof(*p));
	p->size = -1;
	if (reloc_bias(reloc, &bias, why))
		return -1;
	if (__builtin_add_overflow(reloc->addend, bias, &off)) {
		*why = "its addend overflows";
		return -1;
	}
	p->kind = PLACE_SYMBOL;
	p->offset = off;
	if (sym->shndx == SHN_LIVEPATCH) {
		if (klp_parse_sym_name(sym->name, &parsed, why))
			return -1;
		memcpy(p->klp_name, parsed.name, sizeof(p->klp_name));
		memcpy(p->objname, parsed.objname, sizeof(p->objname));
		p->name = p->klp_name;
		p->sympos = parsed.sympos;
		p->klp = true;
		return 0;
	}
	if (!sec) {
		p->name = sym->name;	/* undefined: the linker or loader binds it */
		return 0;
	}
	/*
	 * A section symbol of an empty section points at nothing.  (A label
	 * such as a linker script's __start_X may mark an empty table.)
	 */
	if (!sec->size && sym->type == STT_SECTION) {
		*why = "it points into an empty section";
		return -1;
	}
	if (sym->type != STT_SECTION && __builtin_add_overflow(off, (long)sym->offset, &off)) {
		*why = "its addend overflows";
		return -1;
	}
	if (is_string_section(sec) && sec->sh.sh_entsize <= 1 && sec->data) {
		unsigned long start, end;

		if (off < 0 || (unsigned long)off >= sec->size) {
			*why = "it points outside its string section";
			return -1;
		}
		for (start = off; start > 0 && sec->data[start - 1]; start--)
			;
		for (end = off; end < sec->size && sec->data[end]; end++)
			;
		p->kind = PLACE_STRING;
		p->name = sec->name;
		p->string = (const char *)sec->data + start;
		p->string_len = end - start;
		p->offset = off - (long)start;
		return 0;
	}
	if (sym->type != STT_SECTION) {
		p->name = sym->name;
		/* Labels (STT_NOTYPE) mark places; they have no extent to stay in. */
		if (sym->type == STT_FUNC || sym->type == STT_OBJECT)
			p->size = sym->size;
		return 0;
	}
	if (by_end)
		sym = find_symbol_referenced(sec, off);
	else if (off >= 0 && (unsigned long)off <= sec->size)
		sym = find_symbol_containing(sec, off) ?: find_symbol_by_offset(sec, off);
	else
		sym = NULL;
	if (sym) {
		p->name = sym->name;
		p->size = sym->size;
		p->offset = off - (long)sym->offset;
		return 0;
	}
	if (off < 0 || (unsigned long)off > sec->size) {
		*why = "it points outside its section";
		return -1;
	}
	p->kind = PLACE_PIECE;
	p->name = sec->name;
	return 0;
}

/* Names equal up to the compiler's numbering: "x.12" is "x.3", "f.isra.0" is "f.isra.1". */
static size_t unnumbered_len(const char *name)
{
	size_t len = strlen(name), end = len;

	while (end > 0) {
		size_t i = end;

		while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
			i--;
		if (i == end || i == 0 || name[i - 1] != '.')
			break;
		end = i - 1;
	}
	return end ? end : len;
}

static bool same_name(const char *a, const char *b)
{
	size_t la = unnumbered_len(a), lb = unnumbered_len(b);

	return la == lb && !strncmp(a, b, la);
}

static void describe(const struct place *p, char *buf, size_t len)
{
	switch (p->kind) {
	case PLACE_STRING:
		snprintf(buf, len, "the string \"%.*s\"+0x%lx", (int)(p->string_len > 40 ? 40 :
			 p->string_len), p->string, p->offset);
		break;
	case PLACE_PIECE:
		snprintf(buf, len, "a piece of %s", p->name);
		break;
	default:
		if (p->klp)
			snprintf(buf, len, "%s+0x%lx (%s, sympos %lu)", p->name, p->offset,
				 p->objname, p->sympos);
		else
			snprintf(buf, len, "%s%s0x%lx", p->name, p->offset < 0 ? "-" : "+",
				 p->offset < 0 ? -(unsigned long)p->offset : (unsigned long)p->offset);
	}
}

static bool same_place(const struct place *m, const struct place *p)
{
	if (m->kind != p->kind)
		return false;
	switch (m->kind) {
	case PLACE_STRING:
		return m->offset == p->offset && m->string_len == p->string_len &&
		       !memcmp(m->string, p->string, m->string_len);
	case PLACE_PIECE:
		/* Pieces move when carried; their section keeps its name. */
		return !strcmp(m->name, p->name);
	default:
		return m->offset == p->offset && same_name(m->name, p->name);
	}
}

static bool outside(const struct place *p)
{
	return p->kind == PLACE_SYMBOL && p->size >= 0 && (p->offset < 0 || p->offset > p->size);
}

/* The size of a klp symbol in the target, or -1 when it cannot be told. */
struct klp_size_query {
	const struct place *p;
	long size;
	unsigned long pos;
};

static int match_klp_symbol(const struct lookup_result *res, void *arg)
{
	struct klp_size_query *q = arg;

	if (strcmp(res->objname, q->p->objname))
		return 0;
	q->pos++;
	if (!q->p->sympos || q->pos == q->p->sympos)
		q->size = res->in_symtab ? (long)res->size : -1;
	return 0;
}

static void size_from_target(struct reloc_guard *g, struct place *p)
{
	struct klp_size_query q = { .p = p, .size = -1 };

	if (!g->lookup || !p->klp || p->size >= 0)
		return;
	if (lookup_list(g->lookup, p->name, match_klp_symbol, &q) > 0 && q.size > 0)
		p->size = q.size;
}

/* ---- the module's relocations, normal and klp, per section ---------------- */

struct reloc_list {
	const struct reloc **r;
	unsigned int nr, alloc;
};

static int list_add(struct reloc_list *l, const struct reloc *r)
{
	if (l->nr == l->alloc) {
		unsigned int n = l->alloc ? l->alloc * 2 : 16;
		const struct reloc **grown = realloc(l->r, n * sizeof(*grown));

		if (!grown)
			return -1;
		l->r = grown;
		l->alloc = n;
	}
	l->r[l->nr++] = r;
	return 0;
}

static int by_offset(const void *a, const void *b)
{
	const struct reloc *x = *(const struct reloc *const *)a, *y = *(const struct reloc *const *)b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Relocations of @sec within [from, to), from every relocation section. */
static int relocs_in(const struct elf *elf, const struct section *sec, unsigned long from,
		     unsigned long to, struct reloc_list *l)
{
	const struct section *rela;
	const struct reloc *reloc;
	unsigned int i;

	l->nr = 0;
	for_each_reloc(sec, reloc)
		if (reloc->offset >= from && reloc->offset < to && reloc->type != R_X86_64_NONE &&
		    list_add(l, reloc))
			return -1;
	for_each_section(elf, rela, i) {
		if (!rela->explicit_rela || rela->base != sec)
			continue;
		for_each_reloc(rela, reloc)
			if (reloc->offset >= from && reloc->offset < to &&
			    reloc->type != R_X86_64_NONE && list_add(l, reloc))
				return -1;
	}
	if (l->nr)
		qsort(l->r, l->nr, sizeof(*l->r), by_offset);
	return 0;
}

/* ---- the checks ---------------------------------------------------------------- */

/* Relocations check_symbol() proved against the patched object. */
static bool was_proven(const struct reloc_list *proven, const struct reloc *reloc)
{
	unsigned int lo = 0, hi = proven->nr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (proven->r[mid] == reloc)
			return true;
		if ((uintptr_t)proven->r[mid] < (uintptr_t)reloc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Every relocation of the module points at something that exists, and one
 * into the module's own objects stays inside them (the end included) unless
 * the patched object proved the compiler wrote it so.
 */
static void check_reloc_target(struct reloc_guard *g, const struct reloc_list *proven,
			       const struct reloc *reloc)
{
	char loc[ELF_LOCATION_LEN], what[700];
	const char *why;
	struct place p;

	if (place_of(reloc, &p, &why, true)) {
		report(g, "relocation at %s against %s+0x%lx: %s",
		       elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)),
		       symbol_display_name(reloc->sym), reloc->addend, why);
		return;
	}
	if (outside(&p) && reloc->sym->sec && !was_proven(proven, reloc)) {
		describe(&p, what, sizeof(what));
		report(g, "relocation at %s points at %s, outside %s (0x%lx bytes)",
		       elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)), what, p.name,
		       p.size);
	}
}

/* A symbol of the patched objects that @msym is the module's copy of. */
static struct symbol *patched_twin(struct reloc_guard *g, const struct symbol *msym,
				   const struct reloc_list *mrel, struct reloc_list *prel)
{
	unsigned int i, j, k;

	for (i = 0; i < g->nr_patched; i++) {
		struct elf *elf = g->patched[i];
		struct symbol *psym;

		for_each_symbol(elf, psym, j) {
			if (psym->type != msym->type || psym->size != msym->size || !psym->sec ||
			    !same_name(psym->name, msym->name))
				continue;
			if (relocs_in(elf, psym->sec, psym->offset, psym->offset + psym->size, prel))
				return NULL;
			/* Same name in several objects: the one laid out alike. */
			if (prel->nr != mrel->nr)
				continue;
			for (k = 0; k < prel->nr; k++)
				if (prel->r[k]->offset - psym->offset !=
				    mrel->r[k]->offset - msym->offset)
					break;
			if (k == prel->nr)
				return psym;
		}
	}
	return NULL;
}

/*
 * Is @msym a function the patch redirects to (a new_func of .patch.funcs)?
 * Those certainly come from a patched object; the module template's own
 * symbols may share a name with one (cleanup_module, __func__.15).
 */
static bool is_redirect_target(const struct elf *mod, const struct symbol *msym)
{
	const struct section *funcs = find_section_by_name(mod, PATCH_FUNCS_SECTION);
	const struct reloc *reloc;

	if (!funcs)
		return false;
	for_each_reloc(funcs, reloc)
		if (reloc->offset % sizeof(struct patch_func) ==
		    offsetof(struct patch_func, new_func) && reloc->sym == msym)
			return true;
	return false;
}

/* The module's copy of a symbol points where the patched object's does. */
static int check_symbol(struct reloc_guard *g, const struct symbol *msym,
			struct reloc_list *proven)
{
	struct reloc_list mrel = { 0 }, prel = { 0 };
	char loc[ELF_LOCATION_LEN], mwhat[700], pwhat[700];
	const struct symbol *psym;
	unsigned int k;
	int ret = -1;

	if (relocs_in(g->mod, msym->sec, msym->offset, msym->offset + msym->size, &mrel))
		goto out;
	psym = patched_twin(g, msym, &mrel, &prel);
	if (!psym) {
		/* The module template's own code has no counterpart. */
		if (is_redirect_target(g->mod, msym))
			report(g, "%s: no function of the patched objects has its size (0x%lx) and relocation layout",
			       msym->name, msym->size);
		ret = 0;
		goto out;
	}
	g->symbols_checked++;
	for (k = 0; k < mrel.nr; k++) {
		const struct reloc *m = mrel.r[k], *p = prel.r[k];
		struct place mp, pp;
		const char *why;

		if (place_of(p, &pp, &why, true) ||
		    place_of(m, &mp, &why, pp.kind != PLACE_PIECE))
			continue;	/* reported by check_reloc_target */
		g->relocs_checked++;
		if (list_add(proven, m))
			goto out;
		if (m->type != p->type || !same_place(&mp, &pp)) {
			describe(&mp, mwhat, sizeof(mwhat));
			describe(&pp, pwhat, sizeof(pwhat));
			report(g, "relocation at %s points at %s (%s), but the patched object's (%s) points at %s (%s)",
			       elf_location(m->sec, m->offset, loc, sizeof(loc)), mwhat,
			       reloc_type_name(m->type), psym->elf->path, pwhat,
			       reloc_type_name(p->type));
			continue;
		}
		/* Past the end only where the compiler itself wrote it so. */
		size_from_target(g, &mp);
		if (mp.size < 0)
			mp.size = pp.size;
		if (outside(&mp) && !outside(&pp)) {
			describe(&mp, mwhat, sizeof(mwhat));
			report(g, "relocation at %s points at %s, outside %s (0x%lx bytes)",
			       elf_location(m->sec, m->offset, loc, sizeof(loc)), mwhat, mp.name,
			       mp.size);
		}
	}
	ret = 0;
out:
	free(mrel.r);
	free(prel.r);
	return ret;
}

static int by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const struct reloc *const *)a;
	uintptr_t y = (uintptr_t)*(const struct reloc *const *)b;

	return x < y ? -1 : x > y;
}

int check_reloc_mapping(struct reloc_guard *g)
{
	struct reloc_list proven = { 0 };
	const struct reloc *reloc;
	struct section *sec;
	struct symbol *sym;
	unsigned int i;

	/* Without the patched objects, only that each relocation points at something. */
	for_each_symbol(g->mod, sym, i) {
		if (!g->nr_patched)
			break;
		if (!sym->sec || !sym->size || !(sym->sec->sh.sh_flags & SHF_ALLOC) ||
		    (sym->type != STT_FUNC && sym->type != STT_OBJECT))
			continue;
		if (check_symbol(g, sym, &proven)) {
			free(proven.r);
			pb_error("out of memory");
			return -1;
		}
	}
	if (proven.nr)
		qsort(proven.r, proven.nr, sizeof(*proven.r), by_address);
	for_each_section(g->mod, sec, i) {
		const struct section *base = sec->explicit_rela ? sec->base : sec;

		if (!base || !(base->sh.sh_flags & SHF_ALLOC))
			continue;
		for_each_reloc(sec, reloc)
			if (reloc->type != R_X86_64_NONE)
				check_reloc_target(g, &proven, reloc);
	}
	free(proven.r);
	return 0;
}

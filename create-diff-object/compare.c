// SPDX-License-Identifier: GPL-2.0
/*
 * Deciding what changed.  Functions and data are compared byte for byte
 * and relocation by relocation, where a relocation is compared by what it
 * really points at (see resolve_target), never by symbol index: a call to
 * a function whose own code changed is still the same call.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "anon.h"
#include "diff.h"
#include "insn.h"
#include "sections.h"
#include "target.h"

/* ---- comparing ranges -------------------------------------------------- */

struct difference {
	bool differs;
	bool line_only;		/* only line-number arguments differ */
	char what[256];
};

static void note(struct difference *diff, const char *fmt, ...)
{
	va_list ap;

	diff->differs = true;
	va_start(ap, fmt);
	vsnprintf(diff->what, sizeof(diff->what), fmt, ap);
	va_end(ap);
}

static bool same_piece(struct diff *d, const struct target *o, const struct target *p);
static void compare_range(struct diff *d, struct section *o, unsigned long ooff,
			  unsigned long olen, struct section *p, unsigned long poff,
			  unsigned long plen, struct difference *diff);
static bool same_symbol_contents(struct diff *d, struct symbol *o, struct symbol *p);

/*
 * An assembler label (".LC3") on a constant in a mergeable constant section
 * (".rodata.cst2", ".rodata.cst16").  gcc numbers the labels per file, so a
 * constant or string added anywhere renumbers the labels after it: the name
 * says nothing, the constant (entsize bytes at the label) is what counts.
 */
static bool is_constant_label(const struct symbol *sym)
{
	const struct section *sec = sym->sec;

	return sec && sym->bind == STB_LOCAL && sym->type == STT_NOTYPE &&
	       !strncmp(sym->name, ".L", 2) && (sec->sh.sh_flags & SHF_MERGE) &&
	       !(sec->sh.sh_flags & SHF_STRINGS) && sec->sh.sh_entsize &&
	       sym->offset + sec->sh.sh_entsize <= sec->size;
}

static bool same_constant(struct diff *d, struct symbol *o, struct symbol *p)
{
	struct difference diff;
	unsigned long n = o->sec->sh.sh_entsize;

	if (n != p->sec->sh.sh_entsize)
		return false;
	compare_range(d, o->sec, o->offset, n, p->sec, p->offset, n, &diff);
	return !diff.differs;
}

static bool same_target(struct diff *d, const struct target *o, const struct target *p)
{
	if (o->kind != p->kind)
		return false;
	/* Pieces of anonymous sections move; compare where in the piece. */
	if (o->kind == TARGET_SECTION)
		return same_piece(d, o, p);
	if (o->delta != p->delta)
		return false;
	switch (o->kind) {
	case TARGET_SYMBOL:
		if (is_constant_label(o->sym) && is_constant_label(p->sym))
			return same_constant(d, o->sym, p->sym);
		/*
		 * Compiler-invented tables (switch lookup tables, __func__) are
		 * carried by the code that uses them: their contents count.
		 */
		if (o->sym->twin == p->sym && is_compiler_generated_data(o->sym))
			return same_symbol_contents(d, o->sym, p->sym);
		if (o->sym->twin == p->sym)
			return true;
		/* Two undefined references by the same name are the same. */
		return o->sym->shndx == SHN_UNDEF && p->sym->shndx == SHN_UNDEF &&
		       !strcmp(o->sym->name, p->sym->name);
	case TARGET_STRING:
		return o->string_len == p->string_len &&
		       !memcmp(o->string, p->string, o->string_len);
	case TARGET_SECTION:
		break;
	}
	return false;
}

static const char *target_name(const struct target *t)
{
	switch (t->kind) {
	case TARGET_SYMBOL:
		return symbol_display_name(t->sym);
	case TARGET_STRING:
		return "a string literal";
	default:
		return t->sec->name;
	}
}

/*
 * Compare @olen bytes at @ooff in section @o with @plen bytes at @poff in
 * @p, together with the relocations inside those ranges.
 */
static void compare_range(struct diff *d, struct section *o, unsigned long ooff,
			  unsigned long olen, struct section *p, unsigned long poff,
			  unsigned long plen, struct difference *diff)
{
	struct reloc *or, *pr, *oend, *pend;
	unsigned long i;
	char loc[ELF_LOCATION_LEN];
	bool bytes_differ;

	diff->differs = false;
	diff->line_only = false;
	if (olen != plen) {
		note(diff, "size changed from %lu to %lu bytes", olen, plen);
		return;
	}
	bytes_differ = o->data && p->data && memcmp(o->data + ooff, p->data + poff, olen);
	/* Code may differ only in line numbers; that needs the relocations too. */
	if (bytes_differ && !is_text_section(o)) {
		for (i = 0; i < olen && o->data[ooff + i] == p->data[poff + i]; i++)
			;
		note(diff, "bytes differ at %s", elf_location(p, poff + i, loc, sizeof(loc)));
		return;
	}
	if ((!o->data) != (!p->data)) {
		note(diff, "one version has contents, the other is zero-initialised");
		return;
	}

	or = o->nr_relocs ? find_reloc_from(o, ooff) : NULL;
	pr = p->nr_relocs ? find_reloc_from(p, poff) : NULL;
	oend = or ? o->relocs + o->nr_relocs : NULL;
	pend = pr ? p->relocs + p->nr_relocs : NULL;
	for (;;) {
		bool oin = or && or < oend && or->offset < ooff + olen;
		bool pin = pr && pr < pend && pr->offset < poff + plen;
		struct target ot, pt;

		if (!oin && !pin)
			break;
		if (oin != pin) {
			note(diff, "relocation count differs after %s",
			     elf_location(p, oin ? poff + (or->offset - ooff) : pr->offset, loc,
					  sizeof(loc)));
			return;
		}
		if (or->offset - ooff != pr->offset - poff || or->type != pr->type) {
			note(diff, "relocation at %s changed type or place",
			     elf_location(p, poff + (or->offset - ooff), loc, sizeof(loc)));
			return;
		}
		if (resolve_target(or, &ot) || resolve_target(pr, &pt)) {
			note(diff, "relocation at %s cannot be resolved",
			     elf_location(p, pr->offset, loc, sizeof(loc)));
			return;
		}
		if (!same_target(d, &ot, &pt)) {
			note(diff, "relocation at %s now targets %s",
			     elf_location(p, pr->offset, loc, sizeof(loc)), target_name(&pt));
			return;
		}
		or++;
		pr++;
	}
	if (!bytes_differ)
		return;
	if (line_number_only_change(d, o, ooff, p, poff, olen)) {
		diff->line_only = true;
		return;
	}
	for (i = 0; i < olen && o->data[ooff + i] == p->data[poff + i]; i++)
		;
	note(diff, "bytes differ at %s", elf_location(p, poff + i, loc, sizeof(loc)));
}

/*
 * A piece of an anonymous section (see anon.c), compared bytes and
 * relocations.  Pieces jump back into their function, which compares as a
 * symbol, so recursion is shallow; a cycle deeper than a few levels is taken
 * as equal, the bytes on the way having matched.
 */
static bool same_piece(struct diff *d, const struct target *o, const struct target *p)
{
	struct anon_range orange, prange;
	struct difference diff;

	/*
	 * The same bias (delta - offset) on both sides, modulo 2^64 as
	 * resolve_target() computed the offsets: a corrupt addend must not
	 * overflow.
	 */
	if (o->sec->twin != p->sec ||
	    (unsigned long)o->delta - o->offset != (unsigned long)p->delta - p->offset)
		return false;
	if (anon_piece(o->sec, o->offset, &orange) || anon_piece(p->sec, p->offset, &prange))
		return false;
	if (o->offset - orange.start != p->offset - prange.start)
		return false;
	if (d->piece_depth > 4)
		return true;
	d->piece_depth++;
	compare_range(d, o->sec, orange.start, orange.end - orange.start,
		      p->sec, prange.start, prange.end - prange.start, &diff);
	d->piece_depth--;
	return !diff.differs;
}

static bool same_symbol_contents(struct diff *d, struct symbol *o, struct symbol *p)
{
	struct difference diff;

	compare_range(d, o->sec, o->offset, o->size, p->sec, p->offset, p->size, &diff);
	return !diff.differs;
}

static void compare_symbol(struct diff *d, struct symbol *o, struct difference *diff)
{
	struct symbol *p = o->twin;

	compare_range(d, o->sec, o->offset, o->size, p->sec, p->offset, p->size, diff);
}

/* ---- the pass ---------------------------------------------------------- */

static bool is_data(const struct symbol *sym)
{
	return sym->sec && (sym->type == STT_OBJECT || sym->type == STT_TLS) &&
	       !is_text_section(sym->sec);
}

static void mark_changed(struct diff *d, struct symbol *p, const char *why)
{
	if (p->status == SAME) {
		p->status = CHANGED;
		if (p->twin)
			p->twin->status = CHANGED;
	}
	explain(d, p, "%s", why);
}


/*
 * objtool's __pfx_NAME (--prefix, CONFIG_PREFIX_SYMBOLS): the padding just
 * before the function NAME in its section, carried with it, not a function
 * of its own.
 */
static bool is_prefix_symbol(const struct symbol *sym)
{
	const struct symbol *f;

	if (strncmp(sym->name, "__pfx_", 6) != 0)
		return false;
	f = find_symbol_by_name(sym->elf, sym->name + 6);
	return f && f->sec == sym->sec && f->offset == sym->offset + sym->size;
}

static void compare_functions(struct diff *d)
{
	struct symbol *o, *p;
	unsigned int i;

	for_each_symbol(d->orig, o, i) {
		struct difference diff;

		if (!is_function(o) || !o->twin || !is_function(o->twin))
			continue;
		compare_symbol(d, o, &diff);
		if (diff.line_only && d->verbose)
			fprintf(stderr, "%s: only line numbers changed; not patched\n", o->name);
		if (!diff.differs)
			continue;
		p = o->twin;
		if (is_ignored_function(d, p) || is_ignored_by_author(d, p->sec)) {
			if (is_init_section(o->sec) || is_init_section(p->sec))
				pb_warn("%s: %s in %s changed: __init/__exit code cannot be patched; that part of the change is not applied (left out with PATCH_IGNORE_*)",
					d->patched->path, o->name, p->sec->name);
			else
				pb_warn("%s: %s changed but is left out (PATCH_IGNORE_*)",
					d->patched->path, o->name);
			continue;
		}
		if (is_init_section(o->sec) || is_init_section(p->sec)) {
			/* Nothing to redirect: the running kernel freed this code. */
			if (!d->init_changed)
				d->init_changed = o;
			continue;
		}
		if (p->parent) {
			char why[640];

			/* A .cold part is carried with its parent, never patched alone. */
			snprintf(why, sizeof(why), "parent of changed cold part %s: %s",
				 p->name, diff.what);
			mark_changed(d, p->parent, why);
		} else {
			mark_changed(d, p, diff.what);
		}
	}

	for_each_symbol(d->patched, p, i) {
		if (!is_function(p) || p->twin || is_init_section(p->sec) ||
		    is_prefix_symbol(p))
			continue;
		p->status = NEW;
		if (p->parent) {
			char why[640];

			snprintf(why, sizeof(why), "parent of new cold part %s", p->name);
			if (p->parent->twin)
				mark_changed(d, p->parent, why);
			continue;
		}
		explain(d, p, "new function");
	}
}

static void replace_read_only(struct diff *d, struct symbol *o, const char *what);

static void compare_data(struct diff *d)
{
	struct symbol *o;
	unsigned int i;

	for_each_symbol(d->orig, o, i) {
		struct difference diff;

		if (!is_data(o) || !o->twin || !is_data(o->twin))
			continue;
		if (is_special_section(o->sec) || is_ignored_section(o->sec) ||
		    is_string_section(o->sec) || is_compiler_generated_data(o) ||
		    is_copied_data_section(o->sec) || is_init_section(o->sec) ||
		    is_ignored_by_author(d, o->twin->sec))
			continue;
		compare_symbol(d, o, &diff);
		if (!diff.differs)
			continue;
		o->twin->status = o->status = CHANGED;
		if (!(o->sec->sh.sh_flags & SHF_WRITE) && !(o->twin->sec->sh.sh_flags & SHF_WRITE)) {
			replace_read_only(d, o, diff.what);
			continue;
		}
		if (o->size != o->twin->size)
			refuse(d, o->twin, "data %s: %s; existing data cannot change size",
			       o->name, diff.what);
		else
			refuse(d, o->twin, "data %s: initial value changed (%s); the running kernel keeps its current value",
			       o->name, diff.what);
	}
	for_each_symbol(d->patched, o, i)
		if (is_data(o) && !o->twin)
			o->status = NEW;
}

/* Functions in the patched object that refer to @func, or NULL data users. */
static void find_users(struct diff *d, struct symbol *func, struct symbol ***users,
		       unsigned int *nr, struct section **data_user)
{
	struct section *sec;
	unsigned int i;

	*users = NULL;
	*nr = 0;
	*data_user = NULL;
	for_each_section(d->patched, sec, i) {
		struct reloc *reloc;

		if (is_special_section(sec) || is_ignored_section(sec))
			continue;
		for_each_reloc(sec, reloc) {
			struct symbol *user, **grown;
			struct target t;

			if (resolve_target(reloc, &t) || t.kind != TARGET_SYMBOL || t.sym != func)
				continue;
			/* Jumps into its middle come from its own out-of-line pieces. */
			if (target_offset(&t) != 0)
				continue;
			user = find_symbol_containing(sec, reloc->offset);
			if (!is_text_section(sec) || !user || user->type != STT_FUNC) {
				if (!*data_user)
					*data_user = sec;
				continue;
			}
			if (user == func)
				continue;
			grown = realloc(*users, (*nr + 1) * sizeof(**users));
			if (!grown)
				return;
			*users = grown;
			(*users)[(*nr)++] = user->parent ? user->parent : user;
		}
	}
}

/*
 * Read-only data nobody can have modified: a new copy goes in the module and
 * every function of this object that uses it is patched to use the copy.  A
 * global table may be used by other objects too, which would keep the old
 * one; that is refused.
 */
static void replace_read_only(struct diff *d, struct symbol *o, const char *what)
{
	struct symbol *p = o->twin, **users;
	struct section *data_user;
	unsigned int nr, j;

	if (o->bind != STB_LOCAL) {
		refuse(d, p, "read-only data %s changed (%s), and it is global: code in other objects would keep using the old copy",
		       o->name, what);
		return;
	}
	find_users(d, p, &users, &nr, &data_user);
	if (data_user) {
		refuse(d, p, "read-only data %s changed (%s), and %s refers to it: that reference cannot be redirected",
		       o->name, what, data_user->name);
		free(users);
		return;
	}
	for (j = 0; j < nr; j++) {
		char why[640];

		snprintf(why, sizeof(why), "uses %s, read-only data whose contents changed (%s): it uses a new copy",
			 o->name, what);
		if (users[j]->twin && !is_init_section(users[j]->sec))
			mark_changed(d, users[j], why);
	}
	free(users);
}

static bool has_refusal(const struct diff *d, const struct symbol *sym)
{
	const struct reason *r;

	for (r = d->refusals; r; r = r->next)
		if (r->sym == sym)
			return true;
	return false;
}

/*
 * A changed function without an ftrace call cannot be redirected.  If every
 * function that calls it is traced, patch those callers instead and let them
 * call a new copy of it.
 */
static void reach_untraced(struct diff *d)
{
	struct symbol *p;
	unsigned int i;
	bool again = true;

	while (again) {
		again = false;
		for_each_symbol(d->patched, p, i) {
			struct symbol **users, *root;
			struct section *data_user;
			unsigned int nr, j;

			/* What ftrace redirects is the running kernel's copy. */
			if (!is_function(p) || p->parent || p->status != CHANGED ||
			    has_fentry_call(p->twin ? p->twin : p))
				continue;
			p->status = CARRIED;
			if (p->twin)
				p->twin->status = CARRIED;
			/* Name the function whose change started the chain, once. */
			root = p->priv ? p->priv : p;
			find_users(d, p, &users, &nr, &data_user);
			if (data_user && !has_refusal(d, root))
				refuse(d, root, "function %s changed but has no ftrace call (notrace), and the address of %s is taken in %s, so calls through it cannot be redirected",
				       root->twin ? root->twin->name : root->name,
				       p->twin ? p->twin->name : p->name, data_user->name);
			else if (!nr && !has_refusal(d, root))
				refuse(d, root, "function %s changed but has no ftrace call (notrace) and no traced caller in this object reaches it",
				       root->twin ? root->twin->name : root->name);
			for (j = 0; j < nr; j++) {
				char why[640];

				snprintf(why, sizeof(why),
					 "calls %s, which changed but has no ftrace call: it calls a new copy",
					 p->twin ? p->twin->name : p->name);
				if (users[j]->status == SAME && users[j]->twin) {
					mark_changed(d, users[j], why);
					users[j]->priv = root;
					again = true;
				}
			}
			free(users);
		}
	}
}

int compare_objects(struct diff *d)
{
	compare_functions(d);
	compare_data(d);
	reach_untraced(d);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Pairing the symbols and sections of the original object with those of the
 * patched one.  The compiler renumbers local names between two builds
 * ("counter.12" becomes "counter.15", "f.constprop.0" becomes
 * "f.constprop.1"), so local names are compared without their numbering, and
 * static locals (which share a source name across functions) are further
 * keyed by the function that uses them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static bool all_digits(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

char *canonical_name(const char *name)
{
	size_t len = strlen(name), i = 0, o = 0;
	char *out = malloc(len + 1);

	if (!out)
		return NULL;
	/*
	 * __UNIQUE_ID_<prefix><counter>: the counter is __COUNTER__, which moves
	 * whenever the patch adds a user above; drop it like other numbering.
	 */
	if (!strncmp(name, "__UNIQUE_ID_", 12)) {
		size_t end = strcspn(name, ".");

		while (end > 12 && isdigit((unsigned char)name[end - 1]))
			end--;
		memcpy(out, name, end);
		o = end;
		i = strcspn(name, ".");
		if (!name[i]) {
			out[o] = '\0';
			return out;
		}
		i++;	/* the components after the first follow */
	}
	/* Copy every dot-separated component that is not purely a number. */
	while (i <= len) {
		size_t start = i, clen;

		while (i < len && name[i] != '.')
			i++;
		clen = i - start;
		if (!(start > 0 && all_digits(name + start, clen))) {
			if (start > 0)
				out[o++] = '.';
			memcpy(out + o, name + start, clen);
			o += clen;
		}
		i++;
	}
	out[o] = '\0';
	return out;
}

static bool has_numbering(const char *name)
{
	const char *dot = strrchr(name, '.');

	/* Keyed by their user too: many share the name once the counter goes. */
	if (!strncmp(name, "__UNIQUE_ID_", 12))
		return true;
	return dot && dot != name && all_digits(dot + 1, strlen(dot + 1));
}


void find_cold_children(struct elf *elf)
{
	struct symbol *sym, *parent;
	unsigned int i;

	for_each_symbol(elf, sym, i) {
		const char *cold;
		char *pname;

		if (!is_function(sym) || sym->bind != STB_LOCAL)
			continue;
		/* gcc names them "f.cold", "f.cold.3" or "f.constprop.0.cold". */
		cold = strstr(sym->name, ".cold");
		if (!cold || cold == sym->name ||
		    (cold[5] && !(cold[5] == '.' && all_digits(cold + 6, strlen(cold + 6)))))
			continue;
		pname = strndup(sym->name, cold - sym->name);
		if (!pname)
			continue;
		parent = find_symbol_by_name(elf, pname);
		if (parent && is_function(parent) && parent != sym) {
			sym->parent = parent;
			parent->child = sym;
		}
		free(pname);
	}
}

/* ---- owner of each static local -------------------------------------- */

/*
 * A static local ("counter.3") is keyed by the function that uses it, so
 * that two functions' "counter" never cross.  When several functions use
 * it (an inline function's static, inlined twice), the smallest name wins,
 * which does not depend on the order of functions in the file.
 */
static int find_static_local_owners(struct elf *elf)
{
	struct section *sec;
	unsigned int i;

	for_each_section(elf, sec, i) {
		struct reloc *reloc;

		if (!is_text_section(sec))
			continue;
		for_each_reloc(sec, reloc) {
			struct symbol *func = find_symbol_containing(sec, reloc->offset);
			struct symbol *owner_func;
			struct target t;

			if (!func || func->type != STT_FUNC || resolve_target(reloc, &t))
				continue;
			if (t.kind != TARGET_SYMBOL || t.sym->bind != STB_LOCAL ||
			    t.sym->type == STT_FUNC || t.sym->type == STT_SECTION ||
			    !has_numbering(t.sym->name))
				continue;
			/* Cold parts use their parent's statics. */
			owner_func = func->parent ? func->parent : func;
			if (!t.sym->owner || strcmp(owner_func->name, t.sym->owner->name) < 0)
				t.sym->owner = owner_func;
		}
	}
	return 0;
}

/* ---- keys ------------------------------------------------------------ */

struct keyed {
	struct hnode node;
	char *key;
	struct symbol *sym;
	struct section *sec;
};

static char *symbol_key(const struct symbol *sym)
{
	char *canon, *key = NULL, *owner = NULL;
	int ret;

	if (sym->type == STT_FILE)
		ret = asprintf(&key, "F:%s", sym->name);
	else if (sym->bind != STB_LOCAL)
		ret = asprintf(&key, "G:%s", sym->name);
	else {
		canon = canonical_name(sym->name);
		if (!canon)
			return NULL;
		if (sym->owner)
			owner = canonical_name(sym->owner->name);
		ret = asprintf(&key, "L%d:%s@%s", sym->type, canon, owner ? owner : "");
		free(canon);
		free(owner);
	}
	return ret < 0 ? NULL : key;
}

/* Name without the owner: the fallback key for statics whose user changed. */
static char *loose_key(const struct symbol *sym)
{
	char *canon = canonical_name(sym->name), *key = NULL;

	if (canon && asprintf(&key, "L%d:%s@", sym->type, canon) < 0)
		key = NULL;
	free(canon);
	return key;
}

static struct symbol *take_match(struct htable *t, const char *key, const struct symbol *osym)
{
	struct hnode *node;
	struct keyed *best = NULL;

	htable_for_each(t, node, hash_string(key)) {
		struct keyed *k = container_of(node, struct keyed, node);

		if (strcmp(k->key, key) || k->sym->twin || k->sym->type != osym->type)
			continue;
		if ((k->sym->shndx == SHN_UNDEF) != (osym->shndx == SHN_UNDEF))
			continue;
		/* The passes read a function's twin as code: it must have bytes too. */
		if (!k->sym->sec != !osym->sec)
			continue;
		/* Several candidates: the earliest keeps file order stable. */
		if (!best || k->sym->index < best->sym->index)
			best = k;
	}
	return best ? best->sym : NULL;
}

static void pair(struct symbol *o, struct symbol *p)
{
	o->twin = p;
	p->twin = o;
	if (o->sec && p->sec && !o->sec->twin && !p->sec->twin &&
	    o->type != STT_SECTION) {
		o->sec->twin = p->sec;
		p->sec->twin = o->sec;
	}
}

static int build_table(struct elf *elf, struct htable *t, struct keyed **storage,
		       char *(*keyfn)(const struct symbol *))
{
	struct symbol *sym;
	unsigned int i;
	struct keyed *k;

	*storage = k = calloc(elf->nr_symbols, sizeof(*k));
	if (!k || htable_init(t, elf->nr_symbols))
		return -1;
	for_each_symbol(elf, sym, i) {
		if (sym->type == STT_SECTION || sym->twin)
			continue;
		k[i].sym = sym;
		k[i].key = keyfn(sym);
		if (!k[i].key || htable_add(t, &k[i].node, hash_string(k[i].key)))
			return -1;
	}
	return 0;
}

static void free_table(struct elf *elf, struct htable *t, struct keyed *k)
{
	unsigned int i;

	if (k)
		for (i = 0; i < elf->nr_symbols; i++)
			free(k[i].key);
	free(k);
	htable_free(t);
}

static int pair_symbols(struct diff *d, char *(*keyfn)(const struct symbol *), bool locals_only)
{
	struct htable table = {0};
	struct keyed *storage = NULL;
	struct symbol *osym;
	unsigned int i;
	int ret = -1;

	if (build_table(d->patched, &table, &storage, keyfn))
		goto out;
	for_each_symbol(d->orig, osym, i) {
		struct symbol *match;
		char *key;

		if (osym->type == STT_SECTION || osym->twin)
			continue;
		if (locals_only && (osym->bind != STB_LOCAL || osym->type == STT_FILE))
			continue;
		key = keyfn(osym);
		if (!key)
			goto out;
		match = take_match(&table, key, osym);
		free(key);
		if (match)
			pair(osym, match);
	}
	ret = 0;
out:
	if (ret)
		pb_error("out of memory while pairing symbols");
	free_table(d->patched, &table, storage);
	return ret;
}

static int pair_sections_by(struct diff *d, bool canonical)
{
	struct htable table = {0};
	struct keyed *k;
	struct section *sec;
	unsigned int i;
	int ret = -1;

	k = calloc(d->patched->nr_sections, sizeof(*k));
	if (!k || htable_init(&table, d->patched->nr_sections))
		goto out;
	for_each_section(d->patched, sec, i) {
		if (sec->twin)
			continue;
		k[i].key = canonical ? canonical_name(sec->name) : strdup(sec->name);
		k[i].sec = sec;
		if (!k[i].key || htable_add(&table, &k[i].node, hash_string(k[i].key)))
			goto out;
	}
	for_each_section(d->orig, sec, i) {
		struct hnode *node;
		char *key;

		if (sec->twin)
			continue;
		key = canonical ? canonical_name(sec->name) : strdup(sec->name);
		if (!key)
			goto out;
		htable_for_each(&table, node, hash_string(key)) {
			struct keyed *e = container_of(node, struct keyed, node);
			struct section *psec = e->sec;

			if (psec->twin || strcmp(e->key, key) ||
			    psec->sh.sh_type != sec->sh.sh_type)
				continue;
			sec->twin = psec;
			psec->twin = sec;
			break;
		}
		free(key);
	}
	ret = 0;
out:
	if (k)
		for (i = 0; i < d->patched->nr_sections; i++)
			free(k[i].key);
	free(k);
	htable_free(&table);
	return ret;
}

/* Sections left unpaired (no symbol of their own) pair by name. */
static int pair_sections(struct diff *d)
{
	/* Exactly, then numbering aside (".rodata.f.constprop.0"). */
	return pair_sections_by(d, false) || pair_sections_by(d, true) ? -1 : 0;
}

int correlate(struct diff *d)
{
	find_cold_children(d->orig);
	find_cold_children(d->patched);
	if (find_static_local_owners(d->orig) || find_static_local_owners(d->patched))
		return -1;
	/* Exact keys first, then statics whose owning function changed name. */
	if (pair_symbols(d, symbol_key, false) || pair_symbols(d, loose_key, true))
		return -1;
	return pair_sections(d);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * What the other objects of the same patch add (--new-symbols).
 *
 * The differ sees one object at a time, so a function that one patched file
 * adds and another calls is in neither this object's original nor the
 * running kernel: without help, the reference looks unresolvable.  The
 * driver lists, before the diffs start, the symbols each patched object
 * defines and its original does not, one per line:
 *
 *	NAME BINDING OBJECT		BINDING: global, weak or local
 *
 * A reference to a listed global or weak symbol stays an ordinary relocation:
 * the differ outputs are linked together (ld -r) before kbuild builds the
 * module, and that link resolves it.  The object that adds such a symbol
 * carries it even when its own code does not use it.  Listed locals only
 * explain why a reference to a static of another file cannot work.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

struct new_symbol {
	struct hnode node;
	char *name;
	char *object;
	bool global;		/* STB_GLOBAL or STB_WEAK */
};

static int add_new_symbol(struct diff *d, const char *name, bool global, const char *object)
{
	struct new_symbol *s, **grown;

	grown = realloc(d->new_symbols, (d->nr_new_symbols + 1) * sizeof(*grown));
	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	d->new_symbols = grown;
	s = calloc(1, sizeof(*s));
	if (!s || !(s->name = strdup(name)) || !(s->object = strdup(object))) {
		pb_error("out of memory");
		if (s)
			free(s->name);
		free(s);
		return -1;
	}
	s->global = global;
	d->new_symbols[d->nr_new_symbols++] = s;
	if (htable_add(&d->new_symbol_names, &s->node, hash_string(name))) {
		pb_error("out of memory");
		return -1;
	}
	return 0;
}

int read_new_symbols(struct diff *d, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *fields[4], *save;
	size_t cap = 0;
	unsigned int nr = 0, n;
	int ret = -1;

	if (!f) {
		pb_error("%s: cannot open: %m", path);
		return -1;
	}
	if (htable_init(&d->new_symbol_names, 0)) {
		pb_error("out of memory");
		goto out;
	}
	while (getline(&line, &cap, f) >= 0) {
		nr++;
		n = 0;
		for (char *w = strtok_r(line, " \t\n", &save); w && n < 4;
		     w = strtok_r(NULL, " \t\n", &save))
			fields[n++] = w;
		if (!n || fields[0][0] == '#')
			continue;
		if (n != 3 || (strcmp(fields[1], "global") && strcmp(fields[1], "weak") &&
			       strcmp(fields[1], "local"))) {
			pb_error("%s:%u: expected 'NAME BINDING OBJECT' (BINDING global, weak or local)",
				 path, nr);
			goto out;
		}
		if (add_new_symbol(d, fields[0], strcmp(fields[1], "local"), fields[2]))
			goto out;
	}
	if (ferror(f)) {
		pb_error("%s: read error", path);
		goto out;
	}
	ret = 0;
out:
	free(line);
	fclose(f);
	return ret;
}

/* The object that adds @name with that binding, or NULL. */
const char *new_symbol_object(const struct diff *d, const char *name, bool global)
{
	struct hnode *node;

	htable_for_each(&d->new_symbol_names, node, hash_string(name)) {
		struct new_symbol *s = container_of(node, struct new_symbol, node);

		if (s->global == global && !strcmp(s->name, name))
			return s->object;
	}
	return NULL;
}

/*
 * Does the patched object add @sym, a global that other objects of the
 * patch may use?  Such a symbol is carried whether or not this object's
 * own changes need it.
 */
bool is_shared_new_symbol(const struct diff *d, const struct symbol *sym)
{
	return d->nr_new_symbols && sym->elf == d->patched && sym->sec && !sym->twin &&
	       sym->bind != STB_LOCAL && (sym->type == STT_FUNC || sym->type == STT_OBJECT) &&
	       new_symbol_object(d, sym->name, true);
}

void free_new_symbols(struct diff *d)
{
	for (unsigned int i = 0; i < d->nr_new_symbols; i++) {
		free(d->new_symbols[i]->name);
		free(d->new_symbols[i]->object);
		free(d->new_symbols[i]);
	}
	free(d->new_symbols);
	d->new_symbols = NULL;
	d->nr_new_symbols = 0;
	htable_free(&d->new_symbol_names);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * What the patch author told the differ to leave alone, with
 * PATCH_IGNORE_FUNCTION() and PATCH_IGNORE_SECTION() (kmod/patch-author.h):
 * records in .patch.ignore.functions (a pointer to the function) and
 * .patch.ignore.sections (a pointer to the section's name).
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "patch-records.h"

static int add_ignored(void ***list, unsigned int *nr, void *item)
{
	void **grown = realloc(*list, (*nr + 1) * sizeof(**list));

	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	grown[(*nr)++] = item;
	*list = grown;
	return 0;
}

int read_ignores(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		bool funcs = !strcmp(sec->name, PATCH_IGNORE_FUNCTIONS_SECTION);
		bool sections = !strcmp(sec->name, PATCH_IGNORE_SECTIONS_SECTION);
		struct reloc *reloc;

		if (!funcs && !sections)
			continue;
		for_each_reloc(sec, reloc) {
			struct target t;

			if (resolve_target(reloc, &t))
				return -1;
			if (funcs && t.kind == TARGET_SYMBOL && t.sym->type == STT_FUNC) {
				if (add_ignored((void ***)&d->ignored_funcs, &d->nr_ignored_funcs,
						t.sym))
					return -1;
			} else if (sections && t.kind == TARGET_STRING) {
				if (add_ignored((void ***)&d->ignored_sections,
						&d->nr_ignored_sections, (void *)t.string))
					return -1;
			} else {
				char loc[ELF_LOCATION_LEN];

				pb_error("%s: the record at %s does not point at a %s",
					 d->patched->path,
					 elf_location(sec, reloc->offset, loc, sizeof(loc)),
					 funcs ? "function" : "section name");
				return -1;
			}
		}
	}
	return 0;
}

bool is_ignored_function(const struct diff *d, const struct symbol *patched)
{
	unsigned int i;

	for (i = 0; i < d->nr_ignored_funcs; i++)
		if (d->ignored_funcs[i] == patched)
			return true;
	return false;
}

bool is_ignored_by_author(const struct diff *d, const struct section *sec)
{
	unsigned int i;

	for (i = 0; i < d->nr_ignored_sections; i++)
		if (!strcmp(d->ignored_sections[i], sec->name))
			return true;
	return false;
}

void free_ignores(struct diff *d)
{
	free(d->ignored_funcs);
	free(d->ignored_sections);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Special sections: tables the kernel walks (ftrace call sites, bug table,
 * exception table, ...) whose entries point into functions.  The output
 * keeps exactly the entries that describe included functions, with their
 * relocations rewritten to the included copies.
 */
#include <stdlib.h>
#include <string.h>

#include "include.h"
#include "output.h"

struct special_section {
	const char *name;
	unsigned int entsize;		/* 0: one entry per relocation */
};

/* Entry sizes of x86-64 kernel objects (see kernel-abi.md). */
static const struct special_section special_sections[] = {
	{ "__mcount_loc", 8 },
};

static const struct special_section *find_special(const struct section *sec)
{
	unsigned int i;

	for (i = 0; i < sizeof(special_sections) / sizeof(special_sections[0]); i++)
		if (!strcmp(sec->name, special_sections[i].name))
			return &special_sections[i];
	return NULL;
}

bool is_special_section(const struct section *sec)
{
	return find_special(sec) != NULL;
}

/* Sections that never take part in a comparison or the output. */
bool is_ignored_section(const struct section *sec)
{
	static const char *const prefixes[] = {
		".comment", ".note", ".discard", ".debug_", ".eh_frame", ".group",
		".llvm_addrsig", ".BTF",
	};
	unsigned int i;

	if (sec->sh.sh_type == SHT_SYMTAB || sec->sh.sh_type == SHT_STRTAB ||
	    sec->sh.sh_type == SHT_RELA || sec->sh.sh_type == SHT_SYMTAB_SHNDX ||
	    sec->sh.sh_type == SHT_GROUP)
		return true;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* Does the entry at [off, off+size) describe code the output carries? */
static int entry_is_included(struct diff *d, struct section *sec, unsigned long off,
			     unsigned long size, bool *keep)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	*keep = false;
	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + size;
	     reloc++) {
		struct target t;

		if (resolve_target(reloc, &t))
			return -1;
		if (t.kind != TARGET_SYMBOL || t.sym->type != STT_FUNC || !t.sym->sec)
			continue;
		/* The first code reference decides: it is where the entry applies. */
		*keep = t.sym->include;
		return 0;
	}
	(void)d;
	return 0;
}

static int filter_one(struct diff *d, struct section *sec, unsigned int entsize)
{
	struct section *out = NULL;
	unsigned long off;

	if (!entsize || sec->size % entsize) {
		pb_error("%s: section %s: size %zu is not a multiple of its entry size %u",
			 d->patched->path, sec->name, sec->size, entsize);
		return -1;
	}
	for (off = 0; off < sec->size; off += entsize) {
		unsigned long dst_off;
		unsigned char *grown;
		bool keep;

		if (entry_is_included(d, sec, off, entsize, &keep))
			return -1;
		if (!keep)
			continue;
		if (!out) {
			out = elf_add_section(d->out, sec->name, sec->sh.sh_type,
					      sec->sh.sh_flags & ~SHF_GROUP, NULL, 0,
					      sec->sh.sh_entsize, sec->sh.sh_addralign);
			if (!out)
				return -1;
		}
		dst_off = out->size;
		grown = realloc(out->data, out->size + entsize);
		if (!grown) {
			pb_error("out of memory");
			return -1;
		}
		memcpy(grown + dst_off, sec->data + off, entsize);
		out->data = grown;
		out->data_owned = true;
		out->size += entsize;
		out->sh.sh_size = out->size;
		if (copy_relocs(d, sec, off, entsize, out, dst_off, true))
			return -1;
	}
	return 0;
}

int filter_special_sections(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *special = find_special(sec);

		if (special && filter_one(d, sec, special->entsize))
			return -1;
	}
	return 0;
}

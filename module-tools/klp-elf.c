// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for livepatch modules on top of the ELF model: reading modules
 * with klp relocation sections, klp names, .modinfo.  See klp-elf.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "klp-elf.h"

bool klp_is_klp_rela(const struct section *sec)
{
	return sec->sh.sh_type == SHT_RELA &&
	       ((sec->sh.sh_flags & SHF_RELA_LIVEPATCH) ||
		!strncmp(sec->name, KLP_RELA_PREFIX, strlen(KLP_RELA_PREFIX)));
}

/* Read the entries of @rela into @holder->relocs, each relocating @base. */
static int read_rela_entries(struct elf *elf, struct section *rela, struct section *base,
			     struct section *holder)
{
	size_t n = rela->size / sizeof(Elf64_Rela), i;

	holder->relocs = calloc(n ? n : 1, sizeof(*holder->relocs));
	if (!holder->relocs) {
		pb_error("out of memory");
		return -1;
	}
	holder->nr_relocs = holder->alloc_relocs = n;
	for (i = 0; i < n; i++) {
		struct reloc *reloc = &holder->relocs[i];
		unsigned int symidx;
		Elf64_Rela r;

		memcpy(&r, rela->data + i * sizeof(r), sizeof(r));
		symidx = ELF64_R_SYM(r.r_info);
		reloc->sec = base;
		reloc->offset = r.r_offset;
		reloc->type = ELF64_R_TYPE(r.r_info);
		reloc->addend = r.r_addend;
		reloc->idx = i;
		reloc->sym = find_symbol_by_index(elf, symidx);
		if (!reloc->sym) {
			pb_error("%s: section %s: relocation %zu names symbol %u, which does not exist",
				 elf->path, rela->name, i, symidx);
			return -1;
		}
		if (base->sh.sh_type != SHT_NOBITS &&
		    (reloc->offset > base->size ||
		     base->size - reloc->offset < reloc_width(reloc->type))) {
			char loc[ELF_LOCATION_LEN];

			pb_error("%s: section %s: relocation %zu at %s is outside %s",
				 elf->path, rela->name, i,
				 elf_location(base, reloc->offset, loc, sizeof(loc)), base->name);
			return -1;
		}
	}
	elf_sort_relocs(holder);
	return 0;
}

static int read_relocation_section(struct elf *elf, struct section *rela)
{
	bool klp = klp_is_klp_rela(rela);
	struct section *base;

	if (rela->sh.sh_entsize != sizeof(Elf64_Rela) || rela->size % sizeof(Elf64_Rela)) {
		pb_error("%s: section %s: bad relocation entry size", elf->path, rela->name);
		return -1;
	}
	base = find_section_by_index(elf, rela->sh.sh_info);
	if (!base || base == rela || base->sh.sh_type == SHT_RELA) {
		if (klp)
			return 0;	/* for the checker to report */
		pb_error("%s: section %s: sh_info %u does not name a section", elf->path,
			 rela->name, rela->sh.sh_info);
		return -1;
	}
	if (!elf->symtab) {
		pb_error("%s: section %s: the object has no symbol table", elf->path, rela->name);
		return -1;
	}
	if (!klp && rela->sh.sh_link != elf->symtab->index) {
		pb_error("%s: section %s: sh_link does not name the symbol table", elf->path,
			 rela->name);
		return -1;
	}
	rela->base = base;
	if (klp) {
		rela->explicit_rela = true;
		return read_rela_entries(elf, rela, base, rela);
	}
	if (base->rela) {
		pb_error("%s: section %s is relocated by both %s and %s", elf->path, base->name,
			 base->rela->name, rela->name);
		return -1;
	}
	base->rela = rela;
	return read_rela_entries(elf, rela, base, base);
}

struct elf *klp_elf_open(const char *path)
{
	struct section *sec;
	struct elf *elf;
	unsigned int i;

	elf = elf_open(path, ELF_OPEN_RELOCATABLE | ELF_OPEN_NO_RELOCS);
	if (!elf)
		return NULL;
	for_each_section(elf, sec, i) {
		if (sec->sh.sh_type == SHT_REL) {
			pb_error("%s: section %s: SHT_REL relocations are not used on x86-64",
				 path, sec->name);
			goto fail;
		}
		if (sec->sh.sh_type == SHT_RELA && read_relocation_section(elf, sec))
			goto fail;
	}
	return elf;
fail:
	elf_close(elf);
	return NULL;
}

void klp_drop_unloaded_references(struct elf *elf, const struct section *removed)
{
	struct section *sec;
	unsigned int i, j, kept;

	for_each_section(elf, sec, i) {
		if ((sec->sh.sh_flags & SHF_ALLOC) || sec->explicit_rela || !sec->nr_relocs)
			continue;
		for (j = kept = 0; j < sec->nr_relocs; j++)
			if (sec->relocs[j].sym->sec != removed)
				sec->relocs[kept++] = sec->relocs[j];
		sec->nr_relocs = kept;
	}
}

const char *klp_check_objname(const char *objname)
{
	size_t len = strlen(objname), i;

	if (!len)
		return "it is empty";
	if (len > KLP_OBJNAME_MAX)
		return "it is longer than 55 characters";
	for (i = 0; i < len; i++) {
		unsigned char c = objname[i];

		if (c == '-')
			return "module names use '_' where the file name has '-'";
		if (!isalnum(c) && c != '_')
			return "it has characters other than letters, digits and '_'";
	}
	return NULL;
}

const char *klp_check_symname(const char *name)
{
	size_t len = strlen(name);

	if (!len)
		return "it is empty";
	if (len > KLP_SYMNAME_MAX)
		return "it is longer than 511 characters";
	if (strchr(name, ','))
		return "it contains ','";
	return NULL;
}

int klp_parse_sym_name(const char *name, struct klp_sym_name *out, const char **why)
{
	const char *obj, *dot, *sym, *comma, *pos, *p;

	if (strncmp(name, KLP_SYM_PREFIX, strlen(KLP_SYM_PREFIX))) {
		*why = "it does not start with .klp.sym.";
		return -1;
	}
	obj = name + strlen(KLP_SYM_PREFIX);
	dot = strchr(obj, '.');
	if (!dot || dot == obj) {
		*why = "it has no object name field";
		return -1;
	}
	if (dot - obj > KLP_OBJNAME_MAX) {
		*why = "its object name is longer than 55 characters";
		return -1;
	}
	sym = dot + 1;
	comma = strchr(sym, ',');
	if (!comma) {
		*why = "it has no ',<sympos>' field";
		return -1;
	}
	if (comma == sym) {
		*why = "its symbol name field is empty";
		return -1;
	}
	if (comma - sym > KLP_SYMNAME_MAX) {
		*why = "its symbol name is longer than 511 characters";
		return -1;
	}
	pos = comma + 1;
	if (!*pos) {
		*why = "its sympos field is empty";
		return -1;
	}
	for (p = pos; *p; p++) {
		if (!isdigit((unsigned char)*p)) {
			*why = "its sympos field is not a decimal number";
			return -1;
		}
	}
	out->sympos = strtoul(pos, NULL, 10);
	memcpy(out->objname, obj, dot - obj);
	out->objname[dot - obj] = '\0';
	memcpy(out->name, sym, comma - sym);
	out->name[comma - sym] = '\0';
	return 0;
}

int klp_parse_rela_name(const char *name, char objname[KLP_OBJNAME_MAX + 1],
			const char **secname, const char **why)
{
	const char *obj, *dot;

	if (strncmp(name, KLP_RELA_PREFIX, strlen(KLP_RELA_PREFIX))) {
		*why = "it does not start with .klp.rela.";
		return -1;
	}
	obj = name + strlen(KLP_RELA_PREFIX);
	dot = strchr(obj, '.');
	if (!dot || dot == obj) {
		*why = "it has no object name field";
		return -1;
	}
	if (dot - obj > KLP_OBJNAME_MAX) {
		*why = "its object name is longer than 55 characters";
		return -1;
	}
	if (!dot[1]) {
		*why = "it has no section name field";
		return -1;
	}
	memcpy(objname, obj, dot - obj);
	objname[dot - obj] = '\0';
	*secname = dot + 1;
	return 0;
}

const char *klp_section_string(const struct section *sec, unsigned long offset)
{
	const char *s;

	if (!sec->data || offset >= sec->size)
		return NULL;
	s = (const char *)sec->data + offset;
	return memchr(s, '\0', sec->size - offset) ? s : NULL;
}

int klp_reloc_place(const struct reloc *reloc, struct section **sec, unsigned long *offset)
{
	const struct symbol *sym = reloc->sym;
	long off;

	if (!sym->sec)
		return -1;
	/* Computed exactly: a corrupt offset or addend must not overflow. */
	if (__builtin_add_overflow(sym->offset, reloc->addend, &off) ||
	    off < 0 || (unsigned long)off > sym->sec->size)
		return -1;
	*sec = sym->sec;
	*offset = off;
	return 0;
}

/*
 * The value of the first "key=" entry of .modinfo at or after *off, or NULL;
 * *off is left after that entry.
 */
static const char *modinfo_next(const struct elf *elf, const char *key, size_t *off)
{
	const struct section *sec = find_section_by_name(elf, ".modinfo");
	size_t keylen = strlen(key);

	if (!sec || !sec->data)
		return NULL;
	while (*off < sec->size) {
		const char *s = (const char *)sec->data + *off;
		const char *nul = memchr(s, '\0', sec->size - *off);
		size_t len = nul ? (size_t)(nul - s) : sec->size - *off;

		if (!nul)
			return NULL;	/* an unterminated last entry */
		*off += len + 1;
		if (len > keylen && !strncmp(s, key, keylen) && s[keylen] == '=')
			return s + keylen + 1;
	}
	return NULL;
}

const char *klp_modinfo_get(const struct elf *elf, const char *key)
{
	size_t off = 0;

	return modinfo_next(elf, key, &off);
}

bool klp_modinfo_has(const struct elf *elf, const char *key, const char *value)
{
	const char *v;
	size_t off = 0;

	while ((v = modinfo_next(elf, key, &off)))
		if (!strcmp(v, value))
			return true;
	return false;
}

bool klp_loader_accepts_reloc(unsigned int type)
{
	switch (type) {
	case R_X86_64_NONE:
	case R_X86_64_64:
	case R_X86_64_32:
	case R_X86_64_32S:
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
	case R_X86_64_PC64:
		return true;
	default:
		return false;
	}
}

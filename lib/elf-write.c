// SPDX-License-Identifier: GPL-2.0
/*
 * Building and writing objects with the ELF model: new objects
 * (elf_create), writable copies of objects read (elf_copy), and elf_write,
 * which assigns the final indices and lets libelf lay the file out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf-internal.h"

/* ---- building --------------------------------------------------------- */

struct elf *elf_create(const char *path)
{
	struct elf *elf = xcalloc(1, sizeof(*elf));

	if (!elf)
		return NULL;
	elf_version(EV_CURRENT);
	elf->path = strdup(path);
	elf->fd = -1;
	elf->writable = true;
	elf->ehdr.e_ident[EI_CLASS] = ELFCLASS64;
	elf->ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	elf->ehdr.e_type = ET_REL;
	elf->ehdr.e_machine = EM_X86_64;
	elf->ehdr.e_version = EV_CURRENT;
	if (grow_array((void **)&elf->sections, &elf->alloc_sections, 1, sizeof(void *)) ||
	    grow_array((void **)&elf->symbols, &elf->alloc_symbols, 1, sizeof(void *)) ||
	    htable_init(&elf->section_names, 64) || htable_init(&elf->symbol_names, 64)) {
		elf_close(elf);
		return NULL;
	}
	elf->nr_sections = elf->nr_symbols = 1;
	return elf;
}

struct section *elf_add_section(struct elf *elf, const char *name, unsigned int type,
				unsigned long flags, const void *data, size_t size,
				unsigned long entsize, unsigned long align)
{
	struct section *sec;

	if (grow_array((void **)&elf->sections, &elf->alloc_sections, elf->nr_sections + 1,
		       sizeof(void *)))
		return NULL;
	sec = xcalloc(1, sizeof(*sec));
	if (!sec)
		return NULL;
	sec->elf = elf;
	sec->name = strdup(name);
	sec->index = elf->nr_sections;
	sec->sh.sh_type = type;
	sec->sh.sh_flags = flags;
	sec->sh.sh_entsize = entsize;
	sec->sh.sh_addralign = align ? align : 1;
	sec->sh.sh_size = size;
	sec->size = size;
	if (type != SHT_NOBITS && size) {
		sec->data = malloc(size);
		if (!sec->data) {
			pb_error("out of memory");
			return NULL;
		}
		if (data)
			memcpy(sec->data, data, size);
		else
			memset(sec->data, 0, size);
		sec->data_owned = true;
	}
	if (!sec->name || add_section_name(elf, sec))
		return NULL;
	elf->sections[elf->nr_sections++] = sec;
	return sec;
}

static struct symbol *new_symbol(struct elf *elf, const char *name, unsigned char bind,
				 unsigned char type)
{
	struct symbol *sym;

	if (grow_array((void **)&elf->symbols, &elf->alloc_symbols, elf->nr_symbols + 1,
		       sizeof(void *)))
		return NULL;
	sym = xcalloc(1, sizeof(*sym));
	if (!sym)
		return NULL;
	sym->elf = elf;
	sym->name = strdup(name);
	sym->bind = bind;
	sym->type = type;
	sym->index = elf->nr_symbols;
	if (!sym->name || add_symbol_name(elf, sym))
		return NULL;
	elf->symbols[elf->nr_symbols++] = sym;
	return sym;
}

struct symbol *elf_add_symbol(struct elf *elf, const char *name, unsigned char bind,
			      unsigned char type, unsigned char other, struct section *sec,
			      unsigned long offset, unsigned long size)
{
	struct symbol *sym = new_symbol(elf, name, bind, type);

	if (!sym)
		return NULL;
	sym->other = other;
	sym->sec = sec;
	sym->shndx = sec ? sec->index : SHN_UNDEF;
	sym->offset = offset;
	sym->size = size;
	if (type == STT_SECTION && sec && !sec->secsym)
		sec->secsym = sym;
	return sym;
}

struct symbol *elf_add_special_symbol(struct elf *elf, const char *name, unsigned char bind,
				      unsigned char type, unsigned int shndx)
{
	struct symbol *sym = new_symbol(elf, name, bind, type);

	if (sym)
		sym->shndx = shndx;
	return sym;
}

struct reloc *elf_add_reloc(struct section *sec, unsigned long offset, unsigned int type,
			    struct symbol *sym, long addend)
{
	struct reloc *reloc;

	if (grow_array((void **)&sec->relocs, &sec->alloc_relocs, sec->nr_relocs + 1,
		       sizeof(*sec->relocs)))
		return NULL;
	reloc = &sec->relocs[sec->nr_relocs];
	reloc->sec = sec->explicit_rela ? sec->base : sec;
	reloc->offset = offset;
	reloc->type = type;
	reloc->sym = sym;
	reloc->addend = addend;
	reloc->idx = sec->nr_relocs++;
	return reloc;
}

struct section *elf_add_rela_section(struct elf *elf, const char *name, struct section *base,
				     unsigned long flags)
{
	struct section *rela = elf_add_section(elf, name, SHT_RELA, flags, NULL, 0,
					       sizeof(Elf64_Rela), 8);

	if (!rela)
		return NULL;
	rela->explicit_rela = true;
	rela->base = base;
	return rela;
}

static bool is_symtab_part(const struct elf *src, const struct section *sec)
{
	size_t shstrndx = 0;

	if (sec->sh.sh_type == SHT_SYMTAB || sec->sh.sh_type == SHT_SYMTAB_SHNDX)
		return true;
	if (src->symtab && sec->index == src->symtab->sh.sh_link)
		return true;
	return !elf_getshdrstrndx(src->elf, &shstrndx) && sec->index == shstrndx;
}

struct elf *elf_copy(struct elf *src, const char *path,
		     bool (*drop)(const struct section *sec, void *arg), void *arg)
{
	struct elf *dst = elf_create(path);
	struct section *sec;
	struct symbol *sym;
	unsigned int i, n;

	if (!dst)
		return NULL;
	dst->ehdr = src->ehdr;

	for_each_section(src, sec, i) {
		struct section *copy;

		sec->out = NULL;
		if (is_symtab_part(src, sec) || (drop && drop(sec, arg)))
			continue;
		if (sec->sh.sh_type == SHT_RELA)
			continue;	/* below, once every base has its copy */
		copy = elf_add_section(dst, sec->name, sec->sh.sh_type, sec->sh.sh_flags,
				       sec->data, sec->size, sec->sh.sh_entsize,
				       sec->sh.sh_addralign);
		if (!copy)
			goto fail;
		copy->sh = sec->sh;
		copy->sh.sh_name = 0;
		copy->twin = sec;
		sec->out = copy;
	}
	/* Relocation sections, in their places relative to the others. */
	for_each_section(src, sec, i) {
		struct section *rela;

		if (sec->sh.sh_type != SHT_RELA || (drop && drop(sec, arg)) ||
		    !sec->base || !sec->base->out)
			continue;
		rela = elf_add_rela_section(dst, sec->name, sec->base->out, sec->sh.sh_flags);
		if (!rela)
			goto fail;
		rela->twin = sec;
		sec->out = rela;
	}
	/* Put every copy back in the order of the input file. */
	n = 1;
	for_each_section(src, sec, i)
		if (sec->out)
			dst->sections[n++] = sec->out;
	for (i = 1; i < n; i++)
		dst->sections[i]->index = i;
	for_each_section(src, sec, i)
		if (sec->out && sec->sh.sh_link && sec->sh.sh_type != SHT_RELA) {
			struct section *l = find_section_by_index(src, sec->sh.sh_link);

			if (l && l->out)
				sec->out->link = l->out;
		}

	for_each_symbol(src, sym, i) {
		struct symbol *copy;

		sym->out = NULL;
		if (sym->sec && !sym->sec->out)
			continue;
		if (sym->sec)
			copy = elf_add_symbol(dst, sym->name, sym->bind, sym->type, sym->other,
					      sym->sec->out, sym->offset, sym->size);
		else {
			copy = elf_add_special_symbol(dst, sym->name, sym->bind, sym->type,
						      sym->shndx);
			if (copy) {
				copy->offset = sym->offset;
				copy->size = sym->size;
				copy->other = sym->other;
			}
		}
		if (!copy)
			goto fail;
		copy->twin = sym;
		sym->out = copy;
	}

	for_each_section(src, sec, i) {
		struct section *rela = sec->rela ? sec->rela->out : NULL;
		struct reloc *reloc;

		/* klp relocation sections hold their own relocations. */
		if (sec->explicit_rela)
			rela = sec->out;
		if (!sec->out || !sec->nr_relocs || !rela)
			continue;
		for_each_reloc(sec, reloc) {
			if (!reloc->sym->out) {
				char loc[ELF_LOCATION_LEN];

				pb_error("%s: relocation at %s refers to %s, which is being removed",
					 src->path, elf_location(sec, reloc->offset, loc, sizeof(loc)),
					 reloc->sym->name);
				goto fail;
			}
			if (!elf_add_reloc(rela, reloc->offset, reloc->type, reloc->sym->out,
					   reloc->addend))
				goto fail;
		}
	}
	return dst;
fail:
	elf_close(dst);
	return NULL;
}

/* ---- writing ---------------------------------------------------------- */

struct strtab {
	char *buf;
	size_t len, alloc;
};

static size_t strtab_add(struct strtab *t, const char *s)
{
	size_t n = strlen(s) + 1, off;

	if (t->len + n > t->alloc) {
		size_t alloc = t->alloc ? t->alloc : 256;
		char *p;

		while (t->len + n > alloc)
			alloc *= 2;
		p = realloc(t->buf, alloc);
		if (!p) {
			pb_error("out of memory");
			return (size_t)-1;
		}
		t->buf = p;
		t->alloc = alloc;
	}
	if (!t->len) {
		t->buf[0] = '\0';
		t->len = 1;
		if (!*s)
			return 0;
	}
	if (!*s)
		return 0;
	off = t->len;
	memcpy(t->buf + off, s, n);
	t->len += n;
	return off;
}

/*
 * Place the symbols in their final order: the null symbol, STT_FILE and
 * section symbols and other locals in the order they were added, then the
 * globals and weaks.  ELF requires every local to come before the first
 * global; sh_info of .symtab is the index of that first global.
 */
static unsigned int order_symbols(struct elf *elf, struct symbol **order, unsigned int *count)
{
	unsigned int i, n = 1, first_global;
	struct symbol *sym;

	order[0] = NULL;
	for_each_symbol(elf, sym, i)
		if (sym->bind == STB_LOCAL && !sym->omit)
			order[n++] = sym;
	first_global = n;
	for_each_symbol(elf, sym, i)
		if (sym->bind != STB_LOCAL && !sym->omit)
			order[n++] = sym;
	*count = n;
	/* Omitted symbols go last, past the written table. */
	for_each_symbol(elf, sym, i)
		if (sym->omit)
			order[n++] = sym;
	for (i = 1; i < n; i++)
		order[i]->index = i;
	return first_global;
}

static int write_fail(struct elf *elf, const char *what)
{
	pb_error("%s: writing %s: %s", elf->path, what, elf_errmsg(-1));
	return -1;
}

/* Attach a data buffer to a new section header and set its fields. */
static int fill_scn(struct elf *elf, Elf_Scn *scn, struct section *sec, Elf_Type type)
{
	Elf_Data *data = elf_newdata(scn);
	GElf_Shdr sh;

	if (!data)
		return write_fail(elf, sec->name);
	data->d_buf = sec->data;
	data->d_size = sec->size;
	data->d_type = type;
	data->d_align = sec->sh.sh_addralign;
	data->d_version = EV_CURRENT;
	if (!gelf_getshdr(scn, &sh))
		return write_fail(elf, sec->name);
	sh = sec->sh;
	if (sec->link)
		sh.sh_link = sec->link->index;
	sh.sh_size = sec->size;
	sh.sh_offset = 0;
	sh.sh_addr = 0;
	if (!gelf_update_shdr(scn, &sh))
		return write_fail(elf, sec->name);
	return 0;
}

int elf_write(struct elf *elf)
{
	struct section *sec, *symtab, *strtab, *shstrtab, *xindex = NULL;
	unsigned int i, nsyms, first_global, nr_user;
	struct strtab names = {0}, shnames = {0};
	struct symbol **order = NULL, *sym;
	Elf64_Sym *syms = NULL;
	Elf32_Word *xidx = NULL;
	int ret = -1, fd = -1;
	Elf *out = NULL;
	Elf_Scn *scn;
	GElf_Ehdr eh;

	if (!elf->writable) {
		pb_error("%s: internal error: object was opened for reading", elf->path);
		return -1;
	}

	/* Drop any generated sections from an earlier write. */
	nr_user = 1;
	for (i = 1; i < elf->nr_sections; i++) {
		sec = elf->sections[i];
		if (sec->rela_owned)
			continue;
		sec->index = nr_user;
		elf->sections[nr_user++] = sec;
	}
	elf->nr_sections = nr_user;

	/* One relocation section per relocated section, right after the others. */
	for (i = 1; i < nr_user; i++) {
		struct section *base = elf->sections[i];
		char *name;

		if (!base->nr_relocs || base->explicit_rela)
			continue;
		elf_sort_relocs(base);
		if (asprintf(&name, ".rela%s", base->name) < 0)
			goto out;
		sec = elf_add_section(elf, name, SHT_RELA,
				      SHF_INFO_LINK | (base->sh.sh_flags & SHF_ALLOC ? 0 : 0) |
				      (base->sh.sh_flags & SHF_RELA_LIVEPATCH),
				      NULL, (size_t)base->nr_relocs * sizeof(Elf64_Rela),
				      sizeof(Elf64_Rela), 8);
		free(name);
		if (!sec)
			goto out;
		sec->rela_owned = true;
		sec->base = base;
		base->rela = sec;
		sec->sh.sh_info = base->index;
	}
	symtab = elf_add_section(elf, ".symtab", SHT_SYMTAB, 0, NULL, 0, sizeof(Elf64_Sym), 8);
	strtab = elf_add_section(elf, ".strtab", SHT_STRTAB, 0, NULL, 0, 0, 1);
	shstrtab = elf_add_section(elf, ".shstrtab", SHT_STRTAB, 0, NULL, 0, 0, 1);
	if (!symtab || !strtab || !shstrtab)
		goto out;
	symtab->rela_owned = strtab->rela_owned = shstrtab->rela_owned = true;
	if (elf->nr_sections >= SHN_LORESERVE) {
		xindex = elf_add_section(elf, ".symtab_shndx", SHT_SYMTAB_SHNDX, 0, NULL, 0,
					 sizeof(Elf32_Word), 4);
		if (!xindex)
			goto out;
		xindex->rela_owned = true;
	}
	elf->symtab = symtab;

	/* Symbols: final order, then the table itself. */
	order = xcalloc(elf->nr_symbols, sizeof(*order));
	if (!order)
		goto out;
	first_global = order_symbols(elf, order, &nsyms);
	syms = xcalloc(nsyms, sizeof(*syms));
	xidx = xcalloc(nsyms, sizeof(*xidx));
	if (!syms || !xidx)
		goto out;
	strtab_add(&names, "");
	for (i = 1; i < nsyms; i++) {
		Elf64_Sym *s = &syms[i];
		unsigned int shndx;

		sym = order[i];
		s->st_name = sym->type == STT_SECTION ? 0 : strtab_add(&names, sym->name);
		if (s->st_name == (Elf64_Word)-1)
			goto out;
		s->st_info = ELF64_ST_INFO(sym->bind, sym->type);
		s->st_other = sym->other;
		s->st_value = sym->offset;
		s->st_size = sym->size;
		shndx = sym->sec ? sym->sec->index : sym->shndx;
		if (sym->sec && shndx >= SHN_LORESERVE) {
			s->st_shndx = SHN_XINDEX;
			xidx[i] = shndx;
		} else {
			s->st_shndx = shndx;
		}
	}
	/* The order array now maps new index -> symbol; keep it for lookups. */
	for (i = 1; i < elf->nr_symbols; i++)
		elf->symbols[i] = order[i];

	symtab->data = (unsigned char *)syms;
	symtab->size = (size_t)nsyms * sizeof(*syms);
	symtab->data_owned = true;
	syms = NULL;
	symtab->sh.sh_link = strtab->index;
	symtab->sh.sh_info = first_global;
	if (xindex) {
		xindex->data = (unsigned char *)xidx;
		xindex->size = (size_t)nsyms * sizeof(*xidx);
		xindex->data_owned = true;
		xindex->sh.sh_link = symtab->index;
		xidx = NULL;
	}

	/* Relocation contents now that symbol indices are final. */
	for (i = 1; i < elf->nr_sections; i++) {
		struct section *rela = elf->sections[i], *holder;
		Elf64_Rela *r;
		unsigned int j;

		if (rela->sh.sh_type != SHT_RELA || !(rela->rela_owned || rela->explicit_rela))
			continue;
		/* Generated sections take the base's relocs; explicit ones hold their own. */
		holder = rela->explicit_rela ? rela : rela->base;
		if (rela->explicit_rela) {
			elf_sort_relocs(rela);
			if (rela->data_owned)
				free(rela->data);
			rela->size = (size_t)rela->nr_relocs * sizeof(Elf64_Rela);
			rela->data = xcalloc(rela->nr_relocs, sizeof(Elf64_Rela));
			if (!rela->data)
				goto out;
			rela->data_owned = true;
		}
		r = (Elf64_Rela *)rela->data;
		rela->sh.sh_link = symtab->index;
		rela->sh.sh_info = rela->base->index;
		for (j = 0; j < holder->nr_relocs; j++) {
			struct reloc *reloc = &holder->relocs[j];

			r[j].r_offset = reloc->offset;
			r[j].r_info = ELF64_R_INFO(reloc->sym->index, reloc->type);
			r[j].r_addend = reloc->addend;
		}
	}

	/* Section names. */
	strtab_add(&shnames, "");
	for (i = 1; i < elf->nr_sections; i++) {
		size_t off = strtab_add(&shnames, elf->sections[i]->name);

		if (off == (size_t)-1)
			goto out;
		elf->sections[i]->sh.sh_name = off;
	}
	strtab->data = (unsigned char *)names.buf;
	strtab->size = names.len;
	strtab->data_owned = true;
	names.buf = NULL;
	shstrtab->data = (unsigned char *)shnames.buf;
	shstrtab->size = shnames.len;
	shstrtab->data_owned = true;
	shnames.buf = NULL;

	/* Now the file. */
	fd = open(elf->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		pb_error("%s: %s", elf->path, strerror(errno));
		goto out;
	}
	out = elf_begin(fd, ELF_C_WRITE, NULL);
	if (!out || !gelf_newehdr(out, ELFCLASS64) || !gelf_getehdr(out, &eh)) {
		write_fail(elf, "the ELF header");
		goto out;
	}
	for (i = 1; i < elf->nr_sections; i++) {
		Elf_Type type = ELF_T_BYTE;

		sec = elf->sections[i];
		scn = elf_newscn(out);
		if (!scn) {
			write_fail(elf, sec->name);
			goto out;
		}
		switch (sec->sh.sh_type) {
		case SHT_SYMTAB:
			type = ELF_T_SYM;
			break;
		case SHT_RELA:
			type = ELF_T_RELA;
			break;
		case SHT_SYMTAB_SHNDX:
			type = ELF_T_WORD;
			break;
		}
		if (fill_scn(elf, scn, sec, type))
			goto out;
	}
	memcpy(eh.e_ident, elf->ehdr.e_ident, EI_NIDENT);
	eh.e_ident[EI_MAG0] = ELFMAG0;
	eh.e_ident[EI_MAG1] = ELFMAG1;
	eh.e_ident[EI_MAG2] = ELFMAG2;
	eh.e_ident[EI_MAG3] = ELFMAG3;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_REL;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_flags = elf->ehdr.e_flags;
	/*
	 * Past SHN_LORESERVE sections, the real name table index lives in
	 * sh_link of section 0 (libelf moves the count to its sh_size itself).
	 */
	if (shstrtab->index >= SHN_LORESERVE) {
		Elf_Scn *zero = elf_getscn(out, 0);
		GElf_Shdr sh0;

		if (!zero || !gelf_getshdr(zero, &sh0)) {
			write_fail(elf, "section 0");
			goto out;
		}
		sh0.sh_link = shstrtab->index;
		if (!gelf_update_shdr(zero, &sh0)) {
			write_fail(elf, "section 0");
			goto out;
		}
		eh.e_shstrndx = SHN_XINDEX;
	} else {
		eh.e_shstrndx = shstrtab->index;
	}
	if (!gelf_update_ehdr(out, &eh)) {
		write_fail(elf, "the ELF header");
		goto out;
	}
	if (elf_update(out, ELF_C_WRITE) < 0) {
		write_fail(elf, "the file");
		goto out;
	}
	ret = 0;
out:
	if (out)
		elf_end(out);
	if (fd >= 0 && close(fd) && !ret) {
		pb_error("%s: %s", elf->path, strerror(errno));
		ret = -1;
	}
	if (ret && fd >= 0)
		unlink(elf->path);
	free(order);
	free(syms);
	free(xidx);
	free(names.buf);
	free(shnames.buf);
	return ret;
}


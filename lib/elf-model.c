// SPDX-License-Identifier: GPL-2.0
/*
 * Reading ELF objects into the model, and looking things up in it.  See
 * elf-model.h; building and writing objects is in elf-write.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf-internal.h"

const char *pb_progname = "patch-build";

void pb_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: error: ", pb_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void pb_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: ", pb_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}


void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		pb_error("out of memory");
	return p;
}

/* Grow a pointer array to hold at least @need entries. */
int grow_array(void **array, unsigned int *alloc, unsigned int need, size_t size)
{
	unsigned int n = *alloc ? *alloc : 16;
	void *p;

	if (need <= *alloc)
		return 0;
	while (n < need)
		n *= 2;
	p = realloc(*array, (size_t)n * size);
	if (!p) {
		pb_error("out of memory");
		return -1;
	}
	memset((char *)p + (size_t)*alloc * size, 0, (size_t)(n - *alloc) * size);
	*array = p;
	*alloc = n;
	return 0;
}

/* ---- lookups ---------------------------------------------------------- */

struct section *find_section_by_name(const struct elf *elf, const char *name)
{
	struct hnode *node;

	htable_for_each(&elf->section_names, node, hash_string(name)) {
		struct section *sec = container_of(node, struct section, name_node);

		if (!strcmp(sec->name, name))
			return sec;
	}
	return NULL;
}

struct section *find_section_by_index(const struct elf *elf, unsigned int idx)
{
	return idx && idx < elf->nr_sections ? elf->sections[idx] : NULL;
}

/* With several symbols of one name, prefer the first in the symbol table. */
struct symbol *find_symbol_by_name(const struct elf *elf, const char *name)
{
	struct symbol *sym, *best = NULL;
	struct hnode *node;

	for_each_symbol_by_name(elf, name, sym, node)
		if (!best || sym->index < best->index)
			best = sym;
	return best;
}

struct symbol *find_symbol_by_index(const struct elf *elf, unsigned int idx)
{
	return idx && idx < elf->nr_symbols ? elf->symbols[idx] : NULL;
}

/* Index of the first symbol in sec->syms with offset >= @offset. */
static unsigned int lower_bound_sym(const struct section *sec, unsigned long offset)
{
	unsigned int lo = 0, hi = sec->nr_syms;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (sec->syms[mid]->offset < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int sym_kind_rank(const struct symbol *sym)
{
	switch (sym->type) {
	case STT_FUNC:
		return 0;
	case STT_OBJECT:
		return 1;
	default:
		return 2;
	}
}

struct symbol *find_symbol_by_offset(const struct section *sec, unsigned long offset)
{
	struct symbol *best = NULL;
	unsigned int i;

	for (i = lower_bound_sym(sec, offset); i < sec->nr_syms; i++) {
		struct symbol *sym = sec->syms[i];

		if (sym->offset != offset)
			break;
		if (!best || sym_kind_rank(sym) < sym_kind_rank(best))
			best = sym;
	}
	return best;
}

struct symbol *find_symbol_containing(const struct section *sec, unsigned long offset)
{
	unsigned int i = lower_bound_sym(sec, offset + 1);

	/* Walk back over symbols starting at or before @offset. */
	while (i-- > 0) {
		struct symbol *sym = sec->syms[i];

		if (sym->size && offset < sym->offset + sym->size &&
		    (sym->type == STT_FUNC || sym->type == STT_OBJECT))
			return sym;
		/* Symbols do not nest in practice; stop at the first sized one. */
		if (sym->size && sym->type != STT_NOTYPE)
			return NULL;
	}
	return NULL;
}

struct reloc *find_reloc_from(const struct section *sec, unsigned long offset)
{
	unsigned int lo = 0, hi = sec->nr_relocs;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (sec->relocs[mid].offset < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sec->nr_relocs ? &sec->relocs[lo] : NULL;
}

struct reloc *find_reloc_at(const struct section *sec, unsigned long offset)
{
	struct reloc *r = find_reloc_from(sec, offset);

	return r && r->offset == offset ? r : NULL;
}

/* ---- names and kinds -------------------------------------------------- */

bool is_text_section(const struct section *sec)
{
	return sec->sh.sh_type == SHT_PROGBITS && (sec->sh.sh_flags & SHF_EXECINSTR);
}

bool is_rela_section(const struct section *sec)
{
	return sec->sh.sh_type == SHT_RELA;
}

bool is_string_section(const struct section *sec)
{
	return (sec->sh.sh_flags & SHF_STRINGS) != 0;
}

const char *reloc_type_name(unsigned int type)
{
	static const char *const names[] = {
		[R_X86_64_NONE] = "R_X86_64_NONE",	[R_X86_64_64] = "R_X86_64_64",
		[R_X86_64_PC32] = "R_X86_64_PC32",	[R_X86_64_GOT32] = "R_X86_64_GOT32",
		[R_X86_64_PLT32] = "R_X86_64_PLT32",	[R_X86_64_GOTPCREL] = "R_X86_64_GOTPCREL",
		[R_X86_64_32] = "R_X86_64_32",		[R_X86_64_32S] = "R_X86_64_32S",
		[R_X86_64_PC64] = "R_X86_64_PC64",	[R_X86_64_GOTPCRELX] = "R_X86_64_GOTPCRELX",
		[R_X86_64_REX_GOTPCRELX] = "R_X86_64_REX_GOTPCRELX",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return "R_X86_64_unknown";
}

unsigned int reloc_width(unsigned int type)
{
	switch (type) {
	case R_X86_64_NONE:
		return 0;
	case R_X86_64_64:
	case R_X86_64_PC64:
		return 8;
	default:
		return 4;
	}
}

const char *symbol_display_name(const struct symbol *sym)
{
	if (sym->type == STT_SECTION && sym->sec)
		return sym->sec->name;
	return sym->name;
}

struct symbol *find_symbol_ending_at(const struct section *sec, unsigned long offset)
{
	struct symbol *sym;

	if (!offset)
		return NULL;
	sym = find_symbol_containing(sec, offset - 1);
	return sym && sym->offset + sym->size == offset ? sym : NULL;
}

/* The one function or data object of @sec, when it holds exactly one. */
static struct symbol *sole_symbol(const struct section *sec)
{
	struct symbol *only = NULL;
	unsigned int i;

	for (i = 0; i < sec->nr_syms; i++) {
		struct symbol *sym = sec->syms[i];

		if (!sym->size || (sym->type != STT_FUNC && sym->type != STT_OBJECT))
			continue;
		if (only)
			return NULL;
		only = sym;
	}
	return only;
}

/*
 * The symbol a reference at @off of @sec lands in: the one containing it,
 * else one starting there, else one ending there.  The end counts: "table +
 * ARRAY_SIZE(table)" bounds a loop and must stay tied to the table.  Past
 * both ends, a section that holds one object (-fdata-sections) is that
 * object: "table - 4" indexes it from 1, and the section moves as a whole.
 */
struct symbol *find_symbol_referenced(const struct section *sec, long off)
{
	struct symbol *sym = NULL;

	if (off >= 0 && (unsigned long)off <= sec->size) {
		sym = find_symbol_containing(sec, off);
		if (!sym)
			sym = find_symbol_by_offset(sec, off);
		if (!sym)
			sym = find_symbol_ending_at(sec, off);
	}
	return sym ? sym : sole_symbol(sec);
}

const char *elf_location(const struct section *sec, unsigned long offset, char *buf,
			 size_t len)
{
	const struct symbol *sym = find_symbol_containing(sec, offset);

	if (!sym)
		sym = find_symbol_by_offset(sec, offset);
	if (sym && sym->type != STT_SECTION)
		snprintf(buf, len, "%s+0x%lx (%s+0x%lx)", sym->name, offset - sym->offset,
			 sec->name, offset);
	else
		snprintf(buf, len, "%s+0x%lx", sec->name, offset);
	return buf;
}

/* ---- reading ---------------------------------------------------------- */

int add_section_name(struct elf *elf, struct section *sec)
{
	return htable_add(&elf->section_names, &sec->name_node, hash_string(sec->name));
}

int add_symbol_name(struct elf *elf, struct symbol *sym)
{
	return htable_add(&elf->symbol_names, &sym->name_node, hash_string(sym->name));
}

/* Kernel objects align sections to a few pages at most. */
#define MAX_SECTION_ALIGN	(1UL << 20)

static int read_sections(struct elf *elf)
{
	size_t shnum, shstrndx, i;
	Elf_Scn *scn = NULL;

	if (elf_getshdrnum(elf->elf, &shnum) || elf_getshdrstrndx(elf->elf, &shstrndx)) {
		ELF_ERR(elf, "reading the section header table");
		return -1;
	}
	if (shnum >= 0x7fffffff) {
		pb_error("%s: implausible section count %zu", elf->path, shnum);
		return -1;
	}
	elf->sections = xcalloc(shnum, sizeof(*elf->sections));
	if (!elf->sections)
		return -1;
	elf->nr_sections = elf->alloc_sections = shnum;
	if (htable_init(&elf->section_names, shnum))
		return -1;

	for (i = 1; i < shnum; i++) {
		struct section *sec;
		const char *name;
		Elf_Data *data;

		scn = elf_getscn(elf->elf, i);
		sec = xcalloc(1, sizeof(*sec));
		if (!scn || !sec) {
			if (!scn)
				ELF_ERR(elf, "reading a section header");
			free(sec);
			return -1;
		}
		elf->sections[i] = sec;
		sec->elf = elf;
		sec->index = i;
		if (!gelf_getshdr(scn, &sec->sh)) {
			ELF_ERR(elf, "reading a section header");
			return -1;
		}
		name = elf_strptr(elf->elf, shstrndx, sec->sh.sh_name);
		if (!name) {
			pb_error("%s: section %zu has an invalid name offset", elf->path, i);
			return -1;
		}
		sec->name = strdup(name);
		if (!sec->name || add_section_name(elf, sec))
			return -1;
		/* The writer pads to it: 2^44 would make a file of terabytes. */
		if (elf->ehdr.e_type == ET_REL &&
		    (sec->sh.sh_addralign & (sec->sh.sh_addralign - 1) ||
		     sec->sh.sh_addralign > MAX_SECTION_ALIGN)) {
			pb_error("%s: section %s: implausible alignment %lu", elf->path,
				 sec->name, (unsigned long)sec->sh.sh_addralign);
			return -1;
		}

		/* An SHT_NULL header is inactive: its other fields mean nothing. */
		if (sec->sh.sh_type == SHT_NOBITS || sec->sh.sh_type == SHT_NULL) {
			sec->size = sec->sh.sh_type == SHT_NOBITS ? sec->sh.sh_size : 0;
			continue;
		}
		data = elf_getdata(scn, NULL);
		if (!data && sec->sh.sh_size) {
			pb_error("%s: section %s: reading contents: %s", elf->path, sec->name,
				 elf_errmsg(-1));
			return -1;
		}
		if (data) {
			sec->data = data->d_buf;
			sec->size = data->d_size;
		}
		if (sec->sh.sh_type == SHT_SYMTAB) {
			if (elf->symtab) {
				pb_error("%s: more than one symbol table", elf->path);
				return -1;
			}
			elf->symtab = sec;
		}
	}
	return 0;
}

static int read_symbols(struct elf *elf)
{
	struct section *symtab = elf->symtab, *shndx_sec = NULL;
	Elf_Data *data, *shndx_data = NULL;
	struct symbol *file = NULL;
	unsigned int i, count;

	if (!symtab)
		return 0;
	if (symtab->sh.sh_entsize != sizeof(Elf64_Sym) || !symtab->size) {
		pb_error("%s: section %s: bad symbol entry size", elf->path, symtab->name);
		return -1;
	}
	for (i = 1; i < elf->nr_sections; i++) {
		struct section *sec = elf->sections[i];

		if (sec->sh.sh_type == SHT_SYMTAB_SHNDX && sec->sh.sh_link == symtab->index)
			shndx_sec = sec;
	}
	data = elf_getdata(elf_getscn(elf->elf, symtab->index), NULL);
	if (shndx_sec)
		shndx_data = elf_getdata(elf_getscn(elf->elf, shndx_sec->index), NULL);
	if (!data) {
		ELF_ERR(elf, "reading .symtab");
		return -1;
	}
	if (symtab->sh.sh_link >= elf->nr_sections || !elf->sections[symtab->sh.sh_link] ||
	    elf->sections[symtab->sh.sh_link]->sh.sh_type != SHT_STRTAB) {
		pb_error("%s: section %s: sh_link does not name a string table", elf->path,
			 symtab->name);
		return -1;
	}

	count = symtab->size / sizeof(Elf64_Sym);
	elf->symbols = xcalloc(count, sizeof(*elf->symbols));
	if (!elf->symbols)
		return -1;
	elf->nr_symbols = elf->alloc_symbols = count;
	if (htable_init(&elf->symbol_names, count))
		return -1;

	for (i = 1; i < count; i++) {
		struct symbol *sym = xcalloc(1, sizeof(*sym));
		Elf32_Word xindex = 0;
		const char *name;
		GElf_Sym gsym;

		if (!sym)
			return -1;
		elf->symbols[i] = sym;
		sym->elf = elf;
		sym->index = i;
		if (!gelf_getsymshndx(data, shndx_data, i, &gsym, &xindex)) {
			pb_error("%s: symbol %u: %s", elf->path, i, elf_errmsg(-1));
			return -1;
		}
		name = elf_strptr(elf->elf, symtab->sh.sh_link, gsym.st_name);
		if (!name) {
			pb_error("%s: symbol %u has an invalid name offset", elf->path, i);
			return -1;
		}
		sym->bind = GELF_ST_BIND(gsym.st_info);
		sym->type = GELF_ST_TYPE(gsym.st_info);
		sym->other = gsym.st_other;
		sym->shndx = gsym.st_shndx == SHN_XINDEX ? xindex : gsym.st_shndx;
		sym->offset = gsym.st_value;
		sym->size = gsym.st_size;

		if (gsym.st_shndx == SHN_XINDEX && !shndx_data) {
			pb_error("%s: symbol %u uses SHN_XINDEX without .symtab_shndx",
				 elf->path, i);
			return -1;
		}
		if (sym->shndx != SHN_UNDEF &&
		    (sym->shndx < SHN_LORESERVE || gsym.st_shndx == SHN_XINDEX)) {
			sym->sec = find_section_by_index(elf, sym->shndx);
			if (!sym->sec) {
				pb_error("%s: symbol %s: section index %u out of range",
					 elf->path, name, sym->shndx);
				return -1;
			}
		}

		if (sym->type == STT_SECTION && sym->sec) {
			/* Section symbols are nameless; give them the section's. */
			name = sym->sec->name;
			if (!sym->sec->secsym)
				sym->sec->secsym = sym;
		}
		sym->name = strdup(name);
		if (!sym->name || add_symbol_name(elf, sym))
			return -1;

		if (sym->type == STT_FILE)
			file = sym;
		else if (sym->bind == STB_LOCAL)
			sym->file = file;
	}
	return elf_index_section_symbols(elf);
}

static int compare_sym_offset(const void *a, const void *b)
{
	const struct symbol *sa = *(struct symbol *const *)a, *sb = *(struct symbol *const *)b;

	if (sa->offset != sb->offset)
		return sa->offset < sb->offset ? -1 : 1;
	return sa->index < sb->index ? -1 : sa->index > sb->index;
}

int elf_index_section_symbols(struct elf *elf)
{
	unsigned int i, *fill;
	struct symbol *sym;
	struct section *sec;

	for_each_section(elf, sec, i) {
		free(sec->syms);
		sec->syms = NULL;
		sec->nr_syms = 0;
	}
	for_each_symbol(elf, sym, i)
		if (sym->sec && sym->type != STT_SECTION)
			sym->sec->nr_syms++;

	fill = xcalloc(elf->nr_sections, sizeof(*fill));
	if (!fill)
		return -1;
	for_each_section(elf, sec, i) {
		if (sec->nr_syms && !(sec->syms = xcalloc(sec->nr_syms, sizeof(*sec->syms)))) {
			free(fill);
			return -1;
		}
	}
	for_each_symbol(elf, sym, i)
		if (sym->sec && sym->type != STT_SECTION)
			sym->sec->syms[fill[sym->sec->index]++] = sym;
	free(fill);

	for_each_section(elf, sec, i)
		if (sec->nr_syms > 1)
			qsort(sec->syms, sec->nr_syms, sizeof(*sec->syms), compare_sym_offset);
	return 0;
}

static int compare_reloc_offset(const void *a, const void *b)
{
	const struct reloc *ra = a, *rb = b;

	if (ra->offset != rb->offset)
		return ra->offset < rb->offset ? -1 : 1;
	return ra->idx < rb->idx ? -1 : ra->idx > rb->idx;
}

void elf_sort_relocs(struct section *sec)
{
	if (sec->nr_relocs > 1)
		qsort(sec->relocs, sec->nr_relocs, sizeof(*sec->relocs), compare_reloc_offset);
}

static int read_relocs(struct elf *elf)
{
	struct section *rela, *holder;
	unsigned int i, j;

	for_each_section(elf, rela, i) {
		struct section *base;
		Elf_Data *data;

		if (rela->sh.sh_type == SHT_REL) {
			pb_error("%s: section %s: SHT_REL relocations are not used on x86-64",
				 elf->path, rela->name);
			return -1;
		}
		if (rela->sh.sh_type != SHT_RELA)
			continue;
		if (rela->sh.sh_entsize != sizeof(Elf64_Rela)) {
			pb_error("%s: section %s: bad relocation entry size", elf->path, rela->name);
			return -1;
		}
		base = find_section_by_index(elf, rela->sh.sh_info);
		if (!base || base == rela) {
			pb_error("%s: section %s: sh_info %u does not name a section", elf->path,
				 rela->name, rela->sh.sh_info);
			return -1;
		}
		if (!elf->symtab || rela->sh.sh_link != elf->symtab->index) {
			pb_error("%s: section %s: sh_link does not name the symbol table",
				 elf->path, rela->name);
			return -1;
		}
		/*
		 * klp relocation sections (.klp.rela.vmlinux.text.foo) relocate a
		 * section that has its ordinary .rela section too: they hold
		 * their relocations themselves.
		 */
		holder = base;
		if (rela->sh.sh_flags & SHF_RELA_LIVEPATCH) {
			holder = rela;
			rela->explicit_rela = true;
		} else if (base->rela) {
			pb_error("%s: section %s is relocated by both %s and %s", elf->path,
				 base->name, base->rela->name, rela->name);
			return -1;
		} else {
			base->rela = rela;
		}
		rela->base = base;

		data = elf_getdata(elf_getscn(elf->elf, rela->index), NULL);
		if (!data && rela->sh.sh_size) {
			ELF_ERR(elf, "reading relocations");
			return -1;
		}
		holder->nr_relocs = holder->alloc_relocs =
			data ? data->d_size / sizeof(Elf64_Rela) : 0;
		holder->relocs = xcalloc(holder->nr_relocs, sizeof(*holder->relocs));
		if (!holder->relocs)
			return -1;
		for (j = 0; j < holder->nr_relocs; j++) {
			struct reloc *reloc = &holder->relocs[j];
			unsigned int symidx;
			GElf_Rela r;

			if (!gelf_getrela(data, j, &r)) {
				pb_error("%s: section %s: relocation %u: %s", elf->path, rela->name,
					 j, elf_errmsg(-1));
				return -1;
			}
			symidx = GELF_R_SYM(r.r_info);
			reloc->sec = base;
			reloc->offset = r.r_offset;
			reloc->type = GELF_R_TYPE(r.r_info);
			reloc->addend = r.r_addend;
			reloc->idx = j;
			reloc->sym = find_symbol_by_index(elf, symidx);
			if (!reloc->sym) {
				pb_error("%s: section %s: relocation %u names symbol %u, which does not exist",
					 elf->path, rela->name, j, symidx);
				return -1;
			}
			/* Written so that an offset near 2^64 cannot wrap past the check. */
			if (base->sh.sh_type != SHT_NOBITS &&
			    (r.r_offset > base->size ||
			     base->size - r.r_offset < reloc_width(reloc->type))) {
				char loc[ELF_LOCATION_LEN];

				pb_error("%s: section %s: relocation %u at %s is outside %s",
					 elf->path, rela->name, j,
					 elf_location(base, reloc->offset, loc, sizeof(loc)), base->name);
				return -1;
			}
		}
		elf_sort_relocs(holder);
	}
	return 0;
}

struct elf *elf_open(const char *path, int flags)
{
	struct elf *elf;

	elf_version(EV_CURRENT);
	elf = xcalloc(1, sizeof(*elf));
	if (!elf)
		return NULL;
	elf->path = strdup(path);
	elf->fd = open(path, O_RDONLY);
	if (elf->fd < 0) {
		pb_error("%s: %s", path, strerror(errno));
		goto fail;
	}
	elf->elf = elf_begin(elf->fd, ELF_C_READ_MMAP, NULL);
	if (!elf->elf) {
		ELF_ERR(elf, "not an ELF file");
		goto fail;
	}
	if (elf_kind(elf->elf) != ELF_K_ELF) {
		pb_error("%s: not an ELF file", path);
		goto fail;
	}
	if (!gelf_getehdr(elf->elf, &elf->ehdr)) {
		ELF_ERR(elf, "reading the ELF header");
		goto fail;
	}
	if (elf->ehdr.e_ident[EI_CLASS] != ELFCLASS64 || elf->ehdr.e_machine != EM_X86_64) {
		pb_error("%s: not an x86-64 ELF64 object (class %d, machine %d)", path,
			 elf->ehdr.e_ident[EI_CLASS], elf->ehdr.e_machine);
		goto fail;
	}
	if (!(flags & ELF_OPEN_ANY_TYPE) && elf->ehdr.e_type != ET_REL) {
		pb_error("%s: not a relocatable object (ELF type %d; expected ET_REL)", path,
			 elf->ehdr.e_type);
		goto fail;
	}
	/*
	 * libelf takes a section header table past the end of the file (a
	 * truncated object) for no sections at all: say so instead.
	 */
	{
		size_t file_size = 0;
		uint64_t end;

		elf_rawfile(elf->elf, &file_size);
		end = elf->ehdr.e_shoff + (uint64_t)(elf->ehdr.e_shnum ? elf->ehdr.e_shnum : 1) *
					  elf->ehdr.e_shentsize;
		if (!elf->ehdr.e_shoff || elf->ehdr.e_shoff > file_size || end > file_size) {
			pb_error("%s: truncated or corrupt: no section header table within its %zu bytes",
				 path, file_size);
			goto fail;
		}
	}
	if (read_sections(elf) || read_symbols(elf))
		goto fail;
	if (!(flags & ELF_OPEN_NO_RELOCS) && read_relocs(elf))
		goto fail;
	return elf;
fail:
	elf_close(elf);
	return NULL;
}

void elf_close(struct elf *elf)
{
	unsigned int i;

	if (!elf)
		return;
	for (i = 1; i < elf->nr_sections; i++) {
		struct section *sec = elf->sections[i];

		if (!sec)
			continue;
		if (sec->data_owned)
			free(sec->data);
		free(sec->relocs);
		free(sec->syms);
		free(sec->insns);
		free(sec->name);
		free(sec);
	}
	for (i = 1; i < elf->nr_symbols; i++) {
		if (!elf->symbols[i])
			continue;
		free(elf->symbols[i]->name);
		free(elf->symbols[i]);
	}
	free(elf->sections);
	free(elf->symbols);
	htable_free(&elf->section_names);
	htable_free(&elf->symbol_names);
	if (elf->elf)
		elf_end(elf->elf);
	if (elf->fd >= 0)
		close(elf->fd);
	free(elf->path);
	free(elf);
}

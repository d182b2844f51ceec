// SPDX-License-Identifier: GPL-2.0
/*
 * Writing the output object: the included functions and data, each in a
 * section of its own, the string literals they use, the anonymous sections
 * they need, filtered special sections, and undefined symbols for every
 * reference to the running kernel.
 */
#include <stdlib.h>
#include <string.h>

#include "anon.h"
#include "reference.h"
#include "insn.h"
#include "output.h"

/* ---- string literals --------------------------------------------------- */

struct pooled_string {
	struct hnode node;
	unsigned long offset;		/* in the pool's section */
	size_t len;
};

struct string_pool {
	struct string_pool *next;
	struct section *sec;		/* output section */
	unsigned long flags, align;
	struct htable strings;
	struct pooled_string **all;
	unsigned int nr, alloc;
	size_t capacity;		/* bytes allocated for sec->data */
};

static struct string_pool *find_pool(struct diff *d, const struct section *src)
{
	struct string_pool *pool;
	char name[64];

	for (pool = d->pools; pool; pool = pool->next)
		if (pool->flags == src->sh.sh_flags && pool->align == src->sh.sh_addralign)
			return pool;
	pool = calloc(1, sizeof(*pool));
	if (!pool || htable_init(&pool->strings, 64)) {
		free(pool);
		pb_error("out of memory");
		return NULL;
	}
	pool->flags = src->sh.sh_flags;
	pool->align = src->sh.sh_addralign;
	snprintf(name, sizeof(name), ".rodata.str1.%lu", pool->align ? pool->align : 1);
	pool->sec = elf_add_section(d->out, name, SHT_PROGBITS, pool->flags, NULL, 0, 1,
				    pool->align);
	if (!pool->sec || !elf_add_symbol(d->out, "", STB_LOCAL, STT_SECTION, 0, pool->sec, 0, 0))
		return NULL;
	pool->next = d->pools;
	d->pools = pool;
	return pool;
}

/* Offset of @t's string in the output, adding it on first use. */
static long pool_string(struct diff *d, const struct target *t, struct section **sec)
{
	struct string_pool *pool = find_pool(d, t->sec);
	uint64_t hash = hash_bytes(t->string, t->string_len);
	struct pooled_string *s;
	struct hnode *node;
	unsigned char *grown;

	if (!pool)
		return -1;
	*sec = pool->sec;
	htable_for_each(&pool->strings, node, hash) {
		s = container_of(node, struct pooled_string, node);
		if (s->len == t->string_len &&
		    !memcmp(pool->sec->data + s->offset, t->string, s->len))
			return s->offset;
	}
	s = calloc(1, sizeof(*s));
	grown = pool->sec->data;
	if (s && pool->sec->size + t->string_len > pool->capacity) {
		size_t cap = pool->capacity ? pool->capacity : 256;

		while (cap < pool->sec->size + t->string_len)
			cap *= 2;
		grown = realloc(pool->sec->data, cap);
		if (grown)
			pool->capacity = cap;
	}
	if (!s || !grown) {
		free(s);
		pb_error("out of memory");
		return -1;
	}
	memcpy(grown + pool->sec->size, t->string, t->string_len);
	s->offset = pool->sec->size;
	s->len = t->string_len;
	pool->sec->data = grown;
	pool->sec->data_owned = true;
	pool->sec->size += t->string_len;
	pool->sec->sh.sh_size = pool->sec->size;
	if (pool->nr == pool->alloc) {
		unsigned int n = pool->alloc ? pool->alloc * 2 : 32;
		struct pooled_string **all = realloc(pool->all, n * sizeof(*all));

		if (!all) {
			free(s);
			pb_error("out of memory");
			return -1;
		}
		pool->all = all;
		pool->alloc = n;
	}
	pool->all[pool->nr++] = s;
	if (htable_add(&pool->strings, &s->node, hash))
		return -1;
	return s->offset;
}

void free_string_pools(struct diff *d)
{
	struct string_pool *pool, *next;

	for (pool = d->pools; pool; pool = next) {
		next = pool->next;
		for (unsigned int i = 0; i < pool->nr; i++)
			free(pool->all[i]);
		free(pool->all);
		htable_free(&pool->strings);
		free(pool);
	}
	d->pools = NULL;
}

/* ---- symbols ----------------------------------------------------------- */

/* The output's undefined symbol standing for the running kernel's @name. */
static struct symbol *undefined_symbol(struct diff *d, const char *name, unsigned char type)
{
	struct symbol *sym;
	struct hnode *node;

	for_each_symbol_by_name(d->out, name, sym, node)
		if (sym->shndx == SHN_UNDEF && !sym->sec && sym->bind != STB_LOCAL)
			return sym;
	/* Undefined symbols must be global; STT_NOTYPE as a compiler would. */
	(void)type;
	return elf_add_special_symbol(d->out, name, STB_GLOBAL, STT_NOTYPE, SHN_UNDEF);
}

static const char *output_name(const struct symbol *p)
{
	return p->twin ? p->twin->name : p->name;
}

static const char *section_name_for(const struct symbol *p, char *buf, size_t len)
{
	const struct section *sec = p->sec;
	bool alone = sec->nr_syms == 1 && p->offset == 0;

	if (alone || p->type != STT_FUNC)
		return sec->name;
	snprintf(buf, len, ".text.%s", output_name(p));
	return buf;
}

/* Copy one included symbol (function or data) into a section of its own. */
/*
 * Kernels with call depth tracking (6.2+) put 16 bytes of NOPs before each
 * function and patch calls to land there; a carried function keeps them.
 */
#define FUNCTION_PADDING 16

static unsigned long function_padding(const struct symbol *p)
{
	unsigned long off;
	struct insn insn;

	if (p->type != STT_FUNC || !p->sec->data || p->offset < FUNCTION_PADDING)
		return 0;
	/* NOPs (or int3 fill) decoded from there must end exactly at the function. */
	for (off = p->offset - FUNCTION_PADDING; off < p->offset; off += insn.length)
		if (insn_decode(p->sec, off, &insn) ||
		    (insn.kind != INSN_NOP && insn.kind != INSN_TRAP))
			return 0;
	return off == p->offset ? FUNCTION_PADDING : 0;
}

static int emit_symbol(struct diff *d, struct symbol *p)
{
	struct section *src = p->sec, *sec;
	unsigned char bind = p->bind;
	unsigned long size = carried_size(p), pad;
	char name[512];

	if (p->offset > src->size || size > src->size - p->offset) {
		pb_error("%s: %s lies outside its section %s", d->patched->path, p->name, src->name);
		return -1;
	}
	pad = function_padding(p);
	sec = elf_add_section(d->out, section_name_for(p, name, sizeof(name)),
			      src->sh.sh_type, src->sh.sh_flags & ~SHF_GROUP,
			      src->data ? src->data + p->offset - pad : NULL, pad + size,
			      src->sh.sh_entsize, src->sh.sh_addralign);
	if (!sec || !elf_add_symbol(d->out, "", STB_LOCAL, STT_SECTION, 0, sec, 0, 0))
		return -1;
	/*
	 * A changed function becomes local: the running kernel keeps its
	 * global of that name, and pointers to it must reach the original.
	 */
	if (p->status == CHANGED || p->status == CARRIED || p->parent)
		bind = STB_LOCAL;
	p->out = elf_add_symbol(d->out, output_name(p), bind, p->type, p->other, sec, pad,
				p->size);
	if (!p->out)
		return -1;
	sec->twin = src;
	sec->priv = p;
	return 0;
}

/* The carried pieces of an anonymous section, in their original order. */
static int emit_pieces(struct diff *d, struct section *src)
{
	struct section *sec;
	unsigned int i;

	sec = elf_add_section(d->out, src->name, src->sh.sh_type, src->sh.sh_flags & ~SHF_GROUP,
			      NULL, 0, src->sh.sh_entsize, src->sh.sh_addralign);
	if (!sec || !elf_add_symbol(d->out, "", STB_LOCAL, STT_SECTION, 0, sec, 0, 0))
		return -1;
	src->out = sec;
	sec->twin = src;
	for (i = 0; i < anon_count(src); i++) {
		struct anon_range r;
		unsigned char *grown;
		unsigned long len;

		if (!anon_is_included(src, i))
			continue;
		if (anon_piece(src, anon_start(src, i), &r))
			return -1;
		len = r.end - r.start;
		anon_set_dst(src, i, sec->size);
		if (src->sh.sh_type != SHT_NOBITS && len) {
			grown = realloc(sec->data, sec->size + len);
			if (!grown) {
				pb_error("out of memory");
				return -1;
			}
			memcpy(grown + sec->size, src->data + r.start, len);
			sec->data = grown;
			sec->data_owned = true;
		}
		sec->size += len;
		sec->sh.sh_size = sec->size;
	}
	return 0;
}

static int copy_piece_relocs(struct diff *d, struct section *src)
{
	unsigned int i;

	for (i = 0; i < anon_count(src); i++) {
		struct anon_range r;

		if (!anon_is_included(src, i))
			continue;
		if (anon_piece(src, anon_start(src, i), &r) ||
		    copy_relocs(d, src, r.start, r.end - r.start, src->out, anon_dst(src, i), false))
			return -1;
	}
	return 0;
}

/* The output symbol and addend for relocation @reloc of included code. */
int map_reloc(struct diff *d, const struct reloc *reloc, bool force_copy,
	      struct symbol **sym, long *addend)
{
	struct reference ref;
	struct section *pool_sec;
	long off;

	if (decide_reference(d, reloc, force_copy, &ref))
		return -1;
	switch (ref.kind) {
	case REF_COPY:
		if (!ref.sym->out) {
			pb_error("%s: internal error: %s is referenced but was not included",
				 d->patched->path, ref.sym->name);
			return -1;
		}
		*sym = ref.sym->out;
		*addend = ref.t.delta;
		return 0;
	case REF_ORIGINAL:
		*sym = ref.sym->twin->out;
		if (!*sym) {
			*sym = undefined_symbol(d, ref.sym->twin->name, ref.sym->twin->type);
			ref.sym->twin->out = *sym;
		}
		*addend = ref.t.delta;
		if (!*sym)
			return -1;
		(*sym)->twin = ref.sym->twin;	/* what it stands for, for klp.c */
		return 0;
	case REF_EXTERN:
		*sym = undefined_symbol(d, ref.sym->name, ref.sym->type);
		*addend = ref.t.delta;
		if (!*sym)
			return -1;
		if (!(*sym)->twin)
			(*sym)->twin = ref.sym;
		return 0;
	case REF_STRING:
		off = pool_string(d, &ref.t, &pool_sec);
		if (off < 0)
			return -1;
		*sym = pool_sec->secsym;
		*addend = off + ref.t.delta;
		return 0;
	case REF_SECTION: {
		struct anon_range r;

		if (anon_piece(ref.t.sec, ref.t.offset, &r))
			return -1;
		if (!ref.t.sec->out || !anon_is_included(ref.t.sec, r.index)) {
			char loc[ELF_LOCATION_LEN];

			pb_error("%s: internal error: %s was not included", d->patched->path,
				 elf_location(ref.t.sec, ref.t.offset, loc, sizeof(loc)));
			return -1;
		}
		*sym = ref.t.sec->out->secsym;
		/* Modulo 2^64, as the linker adds: a corrupt addend must not overflow. */
		*addend = (long)((unsigned long)ref.t.delta + anon_dst(ref.t.sec, r.index) -
				 r.start);
		return 0;
	}
	}
	return -1;
}

/* Copy the relocations of [off, off+len) of @src into @dst at @dst_off. */
int copy_relocs(struct diff *d, struct section *src, unsigned long off, unsigned long len,
		struct section *dst, unsigned long dst_off, bool force_copy)
{
	struct reloc *reloc = src->nr_relocs ? find_reloc_from(src, off) : NULL;

	for (; reloc && reloc < src->relocs + src->nr_relocs && reloc->offset < off + len;
	     reloc++) {
		struct symbol *sym;
		long addend;

		if (map_reloc(d, reloc, force_copy, &sym, &addend))
			return -1;
		if (!elf_add_reloc(dst, reloc->offset - off + dst_off, reloc->type, sym, addend))
			return -1;
	}
	return 0;
}

int build_output(struct diff *d, const char *path)
{
	struct symbol *sym, *file = NULL;
	struct section *sec;
	unsigned int i;

	d->out = elf_create(path);
	if (!d->out)
		return -1;

	/* The source file name lets lookup find the right block of locals. */
	for_each_symbol(d->orig, sym, i)
		if (sym->type == STT_FILE) {
			file = sym;
			break;
		}
	if (file && !elf_add_symbol(d->out, file->name, STB_LOCAL, STT_FILE, 0, NULL, 0, 0))
		return -1;
	if (file)
		d->out->symbols[d->out->nr_symbols - 1]->shndx = SHN_ABS;

	/* Sections and symbols first, in the patched object's order... */
	for_each_symbol(d->patched, sym, i)
		if (sym->include && emit_symbol(d, sym))
			return -1;
	for_each_section(d->patched, sec, i)
		if (sec->include && emit_pieces(d, sec))
			return -1;

	/* ...then their relocations, which may point at any of them. */
	for_each_symbol(d->patched, sym, i) {
		if (!sym->include)
			continue;
		if (copy_relocs(d, sym->sec, sym->offset, sym->out->sec->size - sym->out->offset,
				sym->out->sec, sym->out->offset, false))
			return -1;
	}
	for_each_section(d->patched, sec, i)
		if (sec->include && copy_piece_relocs(d, sec))
			return -1;

	return 0;
}

/* The last section of every output, as of every compiled object. */
int finish_output(struct diff *d)
{
	/* Declare a non-executable stack. */
	return elf_add_section(d->out, ".note.GNU-stack", SHT_PROGBITS, 0, NULL, 0, 0, 1) ? 0 : -1;
}

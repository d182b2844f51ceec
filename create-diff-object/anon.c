// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous sections: code or data without symbols that functions refer to
 * by section and offset, such as the fallback tests static_cpu_has() puts
 * in .altinstr_aux or a jump table in .rodata.<function>.  One such section
 * is often shared by many functions, each using its own piece, so it is
 * split into pieces at every offset something outside it refers to: a
 * piece runs from one such offset to the next.  Pieces are compared and
 * carried one by one, so that one function's change neither marks the
 * others changed nor drags their pieces along.
 */
#include <stdlib.h>
#include <string.h>

#include "anon.h"

static int compare_offsets(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Where in @sec a relocation of code or data elsewhere points. */
static bool referenced_offset(const struct reloc *reloc, const struct section *sec,
			      unsigned long *off)
{
	long target;

	if (reloc->sym->sec != sec || reloc->sym->type != STT_SECTION)
		return false;
	target = reloc->addend;
	/* In code, a PC-relative addend is biased by the instruction's tail. */
	if ((reloc->type == R_X86_64_PC32 || reloc->type == R_X86_64_PLT32) &&
	    is_text_section(reloc->sec))
		target += 4;
	if (target < 0 || (unsigned long)target > sec->size)
		return false;
	*off = target;
	return true;
}

static struct anon_pieces *pieces_of(struct section *sec)
{
	struct anon_pieces *p = sec->priv;
	struct section *other;
	unsigned int i, alloc = 16;

	if (p)
		return p;
	p = calloc(1, sizeof(*p));
	if (!p || !(p->starts = malloc(alloc * sizeof(*p->starts)))) {
		free(p);
		return NULL;
	}
	p->starts[p->nr++] = 0;
	for_each_section(sec->elf, other, i) {
		struct reloc *reloc;
		unsigned long off;

		if (other == sec)
			continue;
		for_each_reloc(other, reloc) {
			if (!referenced_offset(reloc, sec, &off))
				continue;
			if (p->nr == alloc) {
				unsigned long *grown = realloc(p->starts, 2 * alloc * sizeof(*grown));

				if (!grown)
					return NULL;
				p->starts = grown;
				alloc *= 2;
			}
			p->starts[p->nr++] = off;
		}
	}
	qsort(p->starts, p->nr, sizeof(*p->starts), compare_offsets);
	/* Remove duplicates. */
	for (i = 1, alloc = 1; i < p->nr; i++)
		if (p->starts[i] != p->starts[alloc - 1])
			p->starts[alloc++] = p->starts[i];
	p->nr = alloc;
	p->dst = calloc(p->nr, sizeof(*p->dst));
	p->included = calloc(p->nr, sizeof(*p->included));
	if (!p->dst || !p->included)
		return NULL;
	sec->priv = p;
	return p;
}

int anon_piece(struct section *sec, unsigned long off, struct anon_range *r)
{
	struct anon_pieces *p = pieces_of(sec);
	unsigned int lo = 0, hi;

	if (!p) {
		pb_error("out of memory");
		return -1;
	}
	/* The last piece start at or before @off. */
	hi = p->nr;
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (p->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	r->index = lo;
	r->start = p->starts[lo];
	r->end = lo + 1 < p->nr ? p->starts[lo + 1] : sec->size;
	return 0;
}

int anon_include(struct section *sec, unsigned long off, bool *added, struct anon_range *r)
{
	struct anon_pieces *p;

	if (anon_piece(sec, off, r))
		return -1;
	p = sec->priv;
	*added = !p->included[r->index];
	p->included[r->index] = true;
	sec->include = true;
	return 0;
}

bool anon_is_included(const struct section *sec, unsigned int index)
{
	const struct anon_pieces *p = sec->priv;

	return p && index < p->nr && p->included[index];
}

void anon_set_dst(struct section *sec, unsigned int index, unsigned long dst)
{
	struct anon_pieces *p = sec->priv;

	p->dst[index] = dst;
}

unsigned long anon_dst(const struct section *sec, unsigned int index)
{
	const struct anon_pieces *p = sec->priv;

	return p->dst[index];
}

unsigned long anon_start(const struct section *sec, unsigned int index)
{
	const struct anon_pieces *p = sec->priv;

	return p->starts[index];
}

unsigned int anon_count(const struct section *sec)
{
	const struct anon_pieces *p = sec->priv;

	return p ? p->nr : 0;
}

void anon_free(struct elf *elf)
{
	struct section *sec;
	unsigned int i;

	if (!elf)
		return;
	for_each_section(elf, sec, i) {
		struct anon_pieces *p = sec->priv;

		if (!p)
			continue;
		free(p->starts);
		free(p->dst);
		free(p->included);
		free(p);
		sec->priv = NULL;
	}
}

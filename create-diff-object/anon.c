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
#include "insn.h"

static int compare_offsets(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Where in @sec a relocation of code or data elsewhere points. */
static bool referenced_offset(const struct reloc *reloc, const struct section *sec,
			      unsigned long *off)
{
	const char *why;
	long target, bias;

	if (reloc->sym->sec != sec || reloc->sym->type != STT_SECTION)
		return false;
	/*
	 * In code, a PC-relative addend is biased by the instruction's tail.
	 * A corrupt addend that overflows points at no piece.
	 */
	if (reloc_bias(reloc, &bias, &why) || __builtin_add_overflow(reloc->addend, bias, &target))
		return false;
	if (target < 0 || (unsigned long)target > sec->size)
		return false;
	*off = target;
	return true;
}

/*
 * The offsets into every section that relocations of other sections point
 * at, gathered in one pass over all relocations of the object (a pass per
 * anonymous section would make the differ quadratic): section i's offsets
 * are offs[first[i]] up to offs[first[i + 1]].  Kept for the few objects a
 * run reads, and freed with their pieces.
 */
struct ref_index {
	const struct elf *elf;
	unsigned int nr_sections;
	unsigned int *first;
	unsigned long *offs;
};

#define MAX_INDEXED_OBJECTS 4
static struct ref_index ref_indexes[MAX_INDEXED_OBJECTS];

/* Relocation @reloc refers to a piece of another section: which, where. */
static struct section *reference_of(const struct reloc *reloc, unsigned int nr_sections,
				    unsigned long *off)
{
	struct section *target = reloc->sym->sec;

	if (!target || target == reloc->sec || target->index >= nr_sections ||
	    !referenced_offset(reloc, target, off))
		return NULL;
	return target;
}

static struct ref_index *ref_index_of(const struct elf *elf)
{
	struct ref_index *ri = NULL;
	struct section *sec, *target;
	struct reloc *reloc;
	unsigned int i, n = elf->nr_sections, *fill;
	unsigned long off;

	for (i = 0; i < MAX_INDEXED_OBJECTS; i++) {
		if (ref_indexes[i].elf == elf)
			return &ref_indexes[i];
		if (!ri && !ref_indexes[i].elf)
			ri = &ref_indexes[i];
	}
	if (!ri)
		return NULL;
	ri->first = calloc(n + 1, sizeof(*ri->first));
	fill = calloc(n + 1, sizeof(*fill));
	if (!ri->first || !fill)
		goto fail;
	for_each_section(elf, sec, i)
		for_each_reloc(sec, reloc)
			if ((target = reference_of(reloc, n, &off)))
				ri->first[target->index + 1]++;
	for (i = 1; i <= n; i++)
		ri->first[i] += ri->first[i - 1];
	ri->offs = malloc((ri->first[n] ? ri->first[n] : 1) * sizeof(*ri->offs));
	if (!ri->offs)
		goto fail;
	for_each_section(elf, sec, i)
		for_each_reloc(sec, reloc)
			if ((target = reference_of(reloc, n, &off)))
				ri->offs[ri->first[target->index] + fill[target->index]++] = off;
	free(fill);
	ri->elf = elf;
	ri->nr_sections = n;
	return ri;
fail:
	free(fill);
	free(ri->first);
	ri->first = NULL;
	return NULL;
}

static void ref_index_free(const struct elf *elf)
{
	unsigned int i;

	for (i = 0; i < MAX_INDEXED_OBJECTS; i++) {
		if (ref_indexes[i].elf != elf)
			continue;
		free(ref_indexes[i].first);
		free(ref_indexes[i].offs);
		memset(&ref_indexes[i], 0, sizeof(ref_indexes[i]));
	}
}

static struct anon_pieces *pieces_of(struct section *sec)
{
	struct anon_pieces *p = sec->priv;
	struct ref_index *ri;
	unsigned int i, n, from;

	if (p)
		return p;
	ri = ref_index_of(sec->elf);
	if (!ri || sec->index >= ri->nr_sections)
		return NULL;
	from = ri->first[sec->index];
	n = ri->first[sec->index + 1] - from;
	p = calloc(1, sizeof(*p));
	if (!p || !(p->starts = malloc((n + 1) * sizeof(*p->starts)))) {
		free(p);
		return NULL;
	}
	p->starts[0] = 0;
	memcpy(p->starts + 1, ri->offs + from, n * sizeof(*p->starts));
	p->nr = n + 1;
	qsort(p->starts, p->nr, sizeof(*p->starts), compare_offsets);
	/* Remove duplicates. */
	for (i = 1, n = 1; i < p->nr; i++)
		if (p->starts[i] != p->starts[n - 1])
			p->starts[n++] = p->starts[i];
	p->nr = n;
	p->dst = calloc(p->nr, sizeof(*p->dst));
	p->included = calloc(p->nr, sizeof(*p->included));
	if (!p->dst || !p->included) {
		free(p->starts);
		free(p->dst);
		free(p->included);
		free(p);
		return NULL;
	}
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
	ref_index_free(elf);
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

// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>

#include "hash.h"

int htable_init(struct htable *t, size_t expected)
{
	unsigned int bits = 4;

	while ((1UL << bits) < expected * 2 && bits < 30)
		bits++;
	t->buckets = calloc(1UL << bits, sizeof(*t->buckets));
	if (!t->buckets)
		return -1;
	t->bits = bits;
	t->count = 0;
	return 0;
}

void htable_free(struct htable *t)
{
	free(t->buckets);
	t->buckets = NULL;
	t->count = 0;
}

static int htable_grow(struct htable *t)
{
	unsigned int bits = t->bits + 1;
	size_t old_size = 1UL << t->bits, i;
	struct hnode **buckets = calloc(1UL << bits, sizeof(*buckets));

	if (!buckets)
		return -1;
	for (i = 0; i < old_size; i++) {
		struct hnode *n = t->buckets[i], *next;

		for (; n; n = next) {
			struct hnode **head = &buckets[n->hash & ((1UL << bits) - 1)];

			next = n->next;
			n->next = *head;
			*head = n;
		}
	}
	free(t->buckets);
	t->buckets = buckets;
	t->bits = bits;
	return 0;
}

/*
 * Insert at the head of the chain: O(1) even when thousands of entries share
 * a key (kernel objects have many locals called "__key.0").  Iteration order
 * among equal keys is therefore unspecified; callers that need an order
 * (sympos, first match) establish it themselves.
 */
int htable_add(struct htable *t, struct hnode *node, uint64_t hash)
{
	struct hnode **head;

	if (!t->buckets && htable_init(t, 0))
		return -1;
	if (t->count + 1 > (1UL << t->bits) && htable_grow(t))
		return -1;
	node->hash = hash;
	head = &t->buckets[hash & ((1UL << t->bits) - 1)];
	node->next = *head;
	*head = node;
	t->count++;
	return 0;
}

/* 64-bit FNV-1a, finished with a mixer so that low bits spread well. */
uint64_t hash_bytes(const void *p, size_t len)
{
	const unsigned char *c = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (len--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return hash_u64(h);
}

uint64_t hash_string(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return hash_u64(h);
}

uint64_t hash_u64(uint64_t v)
{
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	v *= 0xc4ceb9fe1a85ec53ULL;
	v ^= v >> 33;
	return v;
}

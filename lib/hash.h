/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intrusive chained hash tables.  Objects embed a struct hnode; the table
 * only links them, so one object can sit in several tables at once (a
 * symbol by name and by index, say) without extra allocations.  Tables grow
 * by doubling, so inserting n objects costs O(n) overall.
 */
#ifndef PB_HASH_H
#define PB_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hnode {
	struct hnode *next;
	uint64_t hash;
};

struct htable {
	struct hnode **buckets;
	unsigned int bits;
	size_t count;
};

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* Size the table for about @expected entries; 0 picks a small default. */
int htable_init(struct htable *t, size_t expected);
void htable_free(struct htable *t);
int htable_add(struct htable *t, struct hnode *node, uint64_t hash);

static inline struct hnode *htable_first(const struct htable *t, uint64_t hash)
{
	struct hnode *n;

	if (!t->buckets)
		return NULL;
	for (n = t->buckets[hash & ((1UL << t->bits) - 1)]; n; n = n->next)
		if (n->hash == hash)
			return n;
	return NULL;
}

static inline struct hnode *htable_next(const struct hnode *node)
{
	struct hnode *n;

	for (n = node->next; n; n = n->next)
		if (n->hash == node->hash)
			return n;
	return NULL;
}

/* Walk every node whose hash equals @hash; callers still compare keys. */
#define htable_for_each(t, pos, hashval) \
	for (pos = htable_first(t, hashval); pos; pos = htable_next(pos))

uint64_t hash_string(const char *s);
uint64_t hash_bytes(const void *p, size_t len);
uint64_t hash_u64(uint64_t v);

#endif

/*
 * The layout check reads only the structs patched code uses; struct stats
 * is reached only through a pointer member of the parameter's struct, and
 * still counts: a member added in its middle grows it.
 */
struct stats {
	long lookups;
	long hits;
};

struct cache {
	int size;
	struct stats *stats;
};

long cache_hits(struct cache *c)
{
	return c->stats->hits;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Reading struct and union layouts from DWARF with libdwarf.  Only the
 * top-level named definitions of each compilation unit are read: that is
 * where C puts the types headers declare.
 */
#include <stdlib.h>
#include <string.h>

#include <libdwarf/dwarf.h>
#include <libdwarf/libdwarf.h>

#include "dwarf-types.h"
#include "elf-model.h"

struct type_info *find_type(const struct type_table *t, const char *name)
{
	struct hnode *node;

	htable_for_each(&t->types, node, hash_string(name)) {
		struct type_info *ti = container_of(node, struct type_info, node);

		if (!strcmp(ti->name, name))
			return ti;
	}
	return NULL;
}

/*
 * dwarf_siblingof_b(), refusing a sibling that does not lie after @die.
 * DWARF's siblings only go forward; a DW_AT_sibling that points back (a
 * corrupt object) would send a walk round the same DIEs for ever.
 */
static int next_sibling(Dwarf_Debug dbg, Dwarf_Die die, Dwarf_Die *next, Dwarf_Error *err)
{
	Dwarf_Off here, there;
	int ret = dwarf_siblingof_b(dbg, die, 1, next, err);

	if (ret != DW_DLV_OK)
		return ret;
	if (dwarf_dieoffset(die, &here, err) != DW_DLV_OK ||
	    dwarf_dieoffset(*next, &there, err) != DW_DLV_OK || there <= here) {
		dwarf_dealloc(dbg, *next, DW_DLA_DIE);
		*next = NULL;
		return DW_DLV_ERROR;
	}
	return DW_DLV_OK;
}

/*
 * Whether every directory of @lines has a name, and every file entry a
 * name and a directory the table has.  Debian 12's libdwarf (20210528)
 * builds dwarf_srcfiles()' paths without checking either (DWARF 5's
 * directory 0 of an empty table, or directory N of N), and reads past its
 * own array on a corrupt object.
 */
static bool file_table_sound(Dwarf_Line_Context lines, Dwarf_Unsigned version)
{
	/* DWARF 5 numbers the directories from 0, the earlier versions from 1. */
	Dwarf_Signed first = version >= 5 ? 0 : 1, nr_dirs = 0, base, count, end, i;
	Dwarf_Error err = NULL;

	if (dwarf_srclines_include_dir_count(lines, &nr_dirs, &err) != DW_DLV_OK ||
	    dwarf_srclines_files_indexes(lines, &base, &count, &end, &err) != DW_DLV_OK)
		return false;
	for (i = first; i < first + nr_dirs; i++) {
		const char *dir = NULL;

		if (dwarf_srclines_include_dir_data(lines, i, &dir, &err) != DW_DLV_OK || !dir)
			return false;
	}
	for (i = base; i < end; i++) {
		Dwarf_Unsigned dir, mtime, length;
		Dwarf_Form_Data16 *md5;
		const char *name = NULL;

		if (dwarf_srclines_files_data_b(lines, i, &name, &dir, &mtime, &length, &md5,
						&err) != DW_DLV_OK || !name)
			return false;
		/* DWARF 5 counts from directory 0; before it, 0 is the unit's own. */
		if (version >= 5 ? dir >= (Dwarf_Unsigned)nr_dirs : dir > (Dwarf_Unsigned)nr_dirs)
			return false;
	}
	return true;
}

/* dwarf_srcfiles(), for a unit whose file table is sound; else no names. */
static int cu_srcfiles(Dwarf_Die cu, char ***files, Dwarf_Signed *nr_files, Dwarf_Error *err)
{
	Dwarf_Line_Context lines;
	Dwarf_Unsigned version;
	Dwarf_Small tables;
	bool sound;
	int ret;

	ret = dwarf_srclines_b(cu, &version, &tables, &lines, err);
	if (ret != DW_DLV_OK)
		return ret;
	sound = file_table_sound(lines, version);
	dwarf_srclines_dealloc_b(lines);
	if (!sound)
		return DW_DLV_NO_ENTRY;
	return dwarf_srcfiles(cu, files, nr_files, err);
}

static bool get_unsigned(Dwarf_Die die, Dwarf_Half attr, Dwarf_Unsigned *value)
{
	Dwarf_Attribute a;
	Dwarf_Error err = NULL;
	Dwarf_Signed s;

	if (dwarf_attr(die, attr, &a, &err) != DW_DLV_OK)
		return false;
	if (dwarf_formudata(a, value, &err) == DW_DLV_OK)
		return true;
	if (dwarf_formsdata(a, &s, &err) == DW_DLV_OK && s >= 0) {
		*value = s;
		return true;
	}
	return false;
}

static char *get_name(Dwarf_Die die)
{
	Dwarf_Error err = NULL;
	char *name = NULL;

	if (dwarf_diename(die, &name, &err) != DW_DLV_OK)
		return NULL;
	return name;
}

static bool is_declaration(Dwarf_Die die)
{
	Dwarf_Bool has = 0;
	Dwarf_Error err = NULL;

	return dwarf_hasattr(die, DW_AT_declaration, &has, &err) == DW_DLV_OK && has;
}

static int read_members(Dwarf_Debug dbg, Dwarf_Die die, struct type_info *ti)
{
	Dwarf_Error err = NULL;
	Dwarf_Die child, next;
	int ret;

	ret = dwarf_child(die, &child, &err);
	while (ret == DW_DLV_OK) {
		Dwarf_Half tag;

		if (dwarf_tag(child, &tag, &err) == DW_DLV_OK && tag == DW_TAG_member) {
			struct type_member *m, *grown;
			Dwarf_Unsigned off = 0;
			char *name = get_name(child);

			grown = realloc(ti->members, (ti->nr_members + 1) * sizeof(*grown));
			if (!grown)
				return -1;
			ti->members = grown;
			m = &ti->members[ti->nr_members++];
			get_unsigned(child, DW_AT_data_member_location, &off);
			m->offset = off;
			m->name = strdup(name ? name : "");
			if (!m->name)
				return -1;
		}
		ret = next_sibling(dbg, child, &next, &err);
		dwarf_dealloc(dbg, child, DW_DLA_DIE);
		child = next;
	}
	return ret == DW_DLV_ERROR ? -1 : 0;
}

static bool is_wanted(const char *name, const char *const *wanted, unsigned int nr)
{
	unsigned int i;

	if (!wanted)
		return true;
	for (i = 0; i < nr; i++)
		if (!strcmp(name, wanted[i]))
			return true;
	return false;
}

static void free_type_info(struct type_info *ti)
{
	unsigned int i;

	for (i = 0; i < ti->nr_members; i++)
		free(ti->members[i].name);
	free(ti->members);
	free(ti->decl_file);
	free(ti->name);
	free(ti);
}

static void set_decl_file(struct type_info *ti, Dwarf_Die die, char **files,
			  Dwarf_Signed nr_files, Dwarf_Half version)
{
	Dwarf_Unsigned idx, line;

	if (!files || !get_unsigned(die, DW_AT_decl_file, &idx))
		return;
	/* DWARF 5 numbers files from 0, earlier versions from 1. */
	if (version < 5) {
		if (!idx)
			return;
		idx--;
	}
	if ((Dwarf_Signed)idx >= nr_files)
		return;
	ti->decl_file = strdup(files[idx]);
	if (get_unsigned(die, DW_AT_decl_line, &line))
		ti->decl_line = line;
}

/* A unit's file names, for DW_AT_decl_file. */
struct file_names {
	char **files;
	Dwarf_Signed nr;
	Dwarf_Half version;
};

/* Read the definition @die (a struct or union named @name) into @t. */
static int add_type(Dwarf_Debug dbg, Dwarf_Die die, Dwarf_Half tag, const char *name,
		    const struct file_names *fl, struct type_table *t, struct type_info **added)
{
	struct type_info *ti;
	Dwarf_Unsigned size;

	if (!get_unsigned(die, DW_AT_byte_size, &size))
		return 0;
	ti = calloc(1, sizeof(*ti));
	if (!ti || !(ti->name = strdup(name))) {
		free(ti);
		return -1;
	}
	ti->is_union = tag == DW_TAG_union_type;
	ti->size = size;
	set_decl_file(ti, die, fl->files, fl->nr, fl->version);
	if (read_members(dbg, die, ti) ||
	    htable_add(&t->types, &ti->node, hash_string(ti->name))) {
		free_type_info(ti);
		return -1;
	}
	t->count++;
	if (added)
		*added = ti;
	return 0;
}

static int read_cu(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, struct type_table *t,
		   const char *const *wanted, unsigned int nr_wanted)
{
	Dwarf_Error err = NULL;
	Dwarf_Signed nr_files = 0;
	char **files = NULL;
	struct file_names fl;
	Dwarf_Die die, next;
	int ret;

	if (cu_srcfiles(cu, &files, &nr_files, &err) != DW_DLV_OK)
		files = NULL;
	fl = (struct file_names){ files, nr_files, version };

	ret = dwarf_child(cu, &die, &err);
	while (ret == DW_DLV_OK) {
		Dwarf_Half tag;
		char *name;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK &&
		    (tag == DW_TAG_structure_type || tag == DW_TAG_union_type) &&
		    !is_declaration(die) && (name = get_name(die)) &&
		    is_wanted(name, wanted, nr_wanted) && !find_type(t, name) &&
		    add_type(dbg, die, tag, name, &fl, t, NULL)) {
			ret = DW_DLV_ERROR;
			break;
		}
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}
	if (files) {
		Dwarf_Signed i;

		for (i = 0; i < nr_files; i++)
			dwarf_dealloc(dbg, files[i], DW_DLA_STRING);
		dwarf_dealloc(dbg, files, DW_DLA_LIST);
	}
	return ret == DW_DLV_ERROR ? -1 : 0;
}

/*
 * Call @fn on each compilation unit of @path until it returns non-zero
 * (1: stop, -1: error).  *has_dwarf says whether the file had debug info.
 */
static int walk_cus(const char *path, bool *has_dwarf,
		    int (*fn)(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, void *ctx),
		    void *ctx)
{
	Dwarf_Debug dbg = NULL;
	Dwarf_Error err = NULL;
	int ret;

	*has_dwarf = false;
	ret = dwarf_init_path(path, NULL, 0, DW_DLC_READ, DW_GROUPNUMBER_ANY, NULL, NULL,
			      &dbg, NULL, 0, NULL, &err);
	if (ret == DW_DLV_NO_ENTRY)
		return 0;		/* no debug info: nothing to learn */
	if (ret != DW_DLV_OK) {
		pb_error("%s: reading DWARF: %s", path, err ? dwarf_errmsg(err) : "failed");
		/* Without a Dwarf_Debug, no dwarf_finish() frees the error. */
		if (err)
			dwarf_dealloc_error(dbg, err);
		return -1;
	}
	*has_dwarf = true;

	for (;;) {
		Dwarf_Unsigned header_length, abbrev_offset, next_cu, typeoff;
		Dwarf_Half version, address_size, length_size, extension_size, header_type;
		Dwarf_Sig8 signature;
		Dwarf_Die cu;

		ret = dwarf_next_cu_header_d(dbg, 1, &header_length, &version, &abbrev_offset,
					     &address_size, &length_size, &extension_size,
					     &signature, &typeoff, &next_cu, &header_type, &err);
		if (ret == DW_DLV_NO_ENTRY)
			break;
		if (ret != DW_DLV_OK)
			goto error;
		if (dwarf_siblingof_b(dbg, NULL, 1, &cu, &err) != DW_DLV_OK)
			goto error;
		ret = fn(dbg, cu, version, ctx);
		dwarf_dealloc(dbg, cu, DW_DLA_DIE);
		if (ret < 0)
			goto error;
		if (ret)
			break;
	}
	dwarf_finish(dbg, &err);
	return 0;
error:
	pb_error("%s: reading DWARF: %s", path, err ? dwarf_errmsg(err) : "malformed");
	dwarf_finish(dbg, &err);
	return -1;
}

struct types_walk {
	struct type_table *t;
	const char *const *wanted;
	unsigned int nr_wanted;
};

static int types_of_cu(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, void *ctx)
{
	struct types_walk *w = ctx;

	if (read_cu(dbg, cu, version, w->t, w->wanted, w->nr_wanted))
		return -1;
	/* Found them all? */
	return w->wanted && w->t->count == w->nr_wanted;
}

int load_types(const char *path, struct type_table *t, const char *const *wanted,
	       unsigned int nr_wanted)
{
	struct types_walk w = { t, wanted, nr_wanted };

	memset(t, 0, sizeof(*t));
	if (htable_init(&t->types, wanted ? nr_wanted : 1024))
		return -1;
	return walk_cus(path, &t->has_dwarf, types_of_cu, &w);
}

/*
 * The types patched code uses: those of the named functions' return value,
 * parameters and local variables (of the functions they inline too),
 * through pointers, typedefs and arrays, and then those of these types'
 * members, transitively.  Only the definitions in the same unit count.
 */
struct def_node {
	struct hnode node;
	const char *name;		/* libdwarf's, valid until dwarf_finish() */
	Dwarf_Off off;
	bool queued;
};

struct used_walk {
	struct type_table *t;
	struct htable names;		/* what is asked for, by name without suffix */
	struct htable defs;		/* the unit's struct/union definitions by name */
	struct htable walked;		/* abstract subprograms already walked, by offset */
	struct htable types_seen;	/* type DIEs already followed, by offset */
	Dwarf_Off *queue;		/* definitions to read */
	unsigned int nr_queued, queue_alloc;
	int error;
};

static struct def_node *find_def(const struct used_walk *w, const char *name)
{
	struct hnode *node;

	htable_for_each(&w->defs, node, hash_string(name)) {
		struct def_node *def = container_of(node, struct def_node, node);

		if (!strcmp(def->name, name))
			return def;
	}
	return NULL;
}

static void queue_def(struct used_walk *w, const char *name)
{
	struct def_node *def = find_def(w, name);
	Dwarf_Off *grown;

	if (!def || def->queued || find_type(w->t, name))
		return;
	if (w->nr_queued == w->queue_alloc) {
		w->queue_alloc = w->queue_alloc ? 2 * w->queue_alloc : 64;
		grown = realloc(w->queue, w->queue_alloc * sizeof(*grown));
		if (!grown) {
			w->error = -1;
			return;
		}
		w->queue = grown;
	}
	def->queued = true;
	w->queue[w->nr_queued++] = def->off;
}

/* Has the type at @off been followed already?  Marks it if not. */
static bool seen_type(struct used_walk *w, Dwarf_Off off)
{
	struct hnode *node;

	htable_for_each(&w->types_seen, node, hash_u64(off))
		return true;
	node = calloc(1, sizeof(*node));
	if (!node || htable_add(&w->types_seen, node, hash_u64(off))) {
		free(node);
		w->error = -1;
		return true;
	}
	return false;
}

/*
 * Follow @die's DW_AT_type through pointers, typedefs, qualifiers and
 * arrays to a named struct or union, and queue it.  Every type on the way
 * is followed once: most members share a few types.
 */
static void use_type_of(Dwarf_Debug dbg, Dwarf_Die die, struct used_walk *w)
{
	Dwarf_Error err = NULL;
	Dwarf_Die type = NULL, prev = NULL;
	int depth;

	for (depth = 0; depth < 16; depth++, prev = type) {
		Dwarf_Attribute a;
		Dwarf_Half tag;
		Dwarf_Off off;
		char *name;

		if (dwarf_attr(type ? type : die, DW_AT_type, &a, &err) != DW_DLV_OK ||
		    dwarf_global_formref(a, &off, &err) != DW_DLV_OK || seen_type(w, off) ||
		    dwarf_offdie_b(dbg, off, 1, &type, &err) != DW_DLV_OK)
			break;
		if (prev)
			dwarf_dealloc(dbg, prev, DW_DLA_DIE);
		if (dwarf_tag(type, &tag, &err) != DW_DLV_OK)
			break;
		if (tag == DW_TAG_structure_type || tag == DW_TAG_union_type) {
			name = get_name(type);
			if (name)
				queue_def(w, name);
			break;
		}
		if (tag != DW_TAG_pointer_type && tag != DW_TAG_typedef &&
		    tag != DW_TAG_const_type && tag != DW_TAG_volatile_type &&
		    tag != DW_TAG_restrict_type && tag != DW_TAG_atomic_type &&
		    tag != DW_TAG_array_type)
			break;
	}
	if (type)
		dwarf_dealloc(dbg, type, DW_DLA_DIE);
}

/* A DIE's DW_AT_abstract_origin, or NULL. */
static Dwarf_Die origin_of(Dwarf_Debug dbg, Dwarf_Die die, Dwarf_Off *off)
{
	Dwarf_Error err = NULL;
	Dwarf_Attribute a;
	Dwarf_Die origin;

	if (dwarf_attr(die, DW_AT_abstract_origin, &a, &err) != DW_DLV_OK ||
	    dwarf_global_formref(a, off, &err) != DW_DLV_OK ||
	    dwarf_offdie_b(dbg, *off, 1, &origin, &err) != DW_DLV_OK)
		return NULL;
	return origin;
}

static void walk_scope(Dwarf_Debug dbg, Dwarf_Die scope, struct used_walk *w, int depth);

/* An inlined function's abstract instance: its parameters and locals, once. */
static void walk_origin(Dwarf_Debug dbg, Dwarf_Die die, struct used_walk *w, int depth)
{
	struct hnode *node;
	Dwarf_Die origin;
	Dwarf_Off off;

	origin = origin_of(dbg, die, &off);
	if (!origin)
		return;
	htable_for_each(&w->walked, node, hash_u64(off))
		break;
	if (!node) {
		node = calloc(1, sizeof(*node));
		if (!node || htable_add(&w->walked, node, hash_u64(off))) {
			free(node);
			w->error = -1;
		} else {
			use_type_of(dbg, origin, w);
			walk_scope(dbg, origin, w, depth + 1);
		}
	}
	dwarf_dealloc(dbg, origin, DW_DLA_DIE);
}

static void walk_scope(Dwarf_Debug dbg, Dwarf_Die scope, struct used_walk *w, int depth)
{
	Dwarf_Error err = NULL;
	Dwarf_Die die, next;
	int ret;

	if (depth > 64)
		return;
	ret = dwarf_child(scope, &die, &err);
	while (ret == DW_DLV_OK && !w->error) {
		Dwarf_Half tag;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK) {
			switch (tag) {
			case DW_TAG_formal_parameter:
			case DW_TAG_variable:
				use_type_of(dbg, die, w);
				walk_origin(dbg, die, w, depth);
				break;
			case DW_TAG_inlined_subroutine:
				walk_origin(dbg, die, w, depth);
				/* Its own blocks and inlines too. */
				__attribute__((__fallthrough__));
			case DW_TAG_lexical_block:
				walk_scope(dbg, die, w, depth + 1);
				break;
			}
		}
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}
}

struct name_node {
	struct hnode node;
	const char *name;
	size_t len;
	bool body;			/* patched code: its body counts too */
};

/* The names asked for, without the compiler's suffixes (.cold, .isra.0, .12). */
static int hash_names(struct htable *names, const char *const *syms, unsigned int nr,
		      bool body)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		struct name_node *n = calloc(1, sizeof(*n));

		if (!n)
			return -1;
		n->name = syms[i];
		n->len = strcspn(n->name, ".");
		n->body = body;
		if (htable_add(names, &n->node, hash_bytes(n->name, n->len))) {
			free(n);
			return -1;
		}
	}
	return 0;
}

/* 0: not asked for; 1: referenced; 2: patched code. */
static int used_name(const struct used_walk *w, const char *name)
{
	size_t len = strlen(name);
	struct hnode *node;
	int use = 0;

	htable_for_each(&w->names, node, hash_bytes(name, len)) {
		struct name_node *n = container_of(node, struct name_node, node);

		if (n->len == len && !strncmp(n->name, name, len))
			use = n->body ? 2 : use ? use : 1;
	}
	return use;
}

/* A function's signature: its return and parameter types. */
static void use_signature(Dwarf_Debug dbg, Dwarf_Die func, struct used_walk *w)
{
	Dwarf_Error err = NULL;
	Dwarf_Die die, next;
	int ret;

	use_type_of(dbg, func, w);
	ret = dwarf_child(func, &die, &err);
	while (ret == DW_DLV_OK) {
		Dwarf_Half tag;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK && tag == DW_TAG_formal_parameter)
			use_type_of(dbg, die, w);
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}
}

/* Queue the members' types of the definition at @off after reading it. */
static void read_used(Dwarf_Debug dbg, Dwarf_Off off, const struct file_names *fl,
		      struct used_walk *w)
{
	Dwarf_Error err = NULL;
	Dwarf_Die die, child, next;
	Dwarf_Half tag;
	char *name;
	int ret;

	if (dwarf_offdie_b(dbg, off, 1, &die, &err) != DW_DLV_OK)
		return;
	if (dwarf_tag(die, &tag, &err) != DW_DLV_OK || !(name = get_name(die)) ||
	    find_type(w->t, name) || add_type(dbg, die, tag, name, fl, w->t, NULL)) {
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		return;
	}
	ret = dwarf_child(die, &child, &err);
	while (ret == DW_DLV_OK) {
		if (dwarf_tag(child, &tag, &err) == DW_DLV_OK && tag == DW_TAG_member)
			use_type_of(dbg, child, w);
		ret = next_sibling(dbg, child, &next, &err);
		dwarf_dealloc(dbg, child, DW_DLA_DIE);
		child = next;
	}
	dwarf_dealloc(dbg, die, DW_DLA_DIE);
}

static void free_nodes(struct htable *t, size_t offset)
{
	unsigned int b;

	for (b = 0; t->buckets && b < (1U << t->bits); b++) {
		struct hnode *node = t->buckets[b], *next;

		for (; node; node = next) {
			next = node->next;
			free((char *)node - offset);
		}
	}
	htable_free(t);
}

static int used_types_of_cu(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, void *ctx)
{
	struct used_walk *w = ctx;
	Dwarf_Error err = NULL;
	Dwarf_Signed nr_files = 0;
	char **files = NULL;
	struct file_names fl;
	Dwarf_Die die, next;
	unsigned int i;
	int ret;

	if (htable_init(&w->defs, 0) || htable_init(&w->walked, 0) ||
	    htable_init(&w->types_seen, 0))
		return -1;
	w->nr_queued = 0;
	/* The definitions by name first: a function may use a type defined after it. */
	ret = dwarf_child(cu, &die, &err);
	while (ret == DW_DLV_OK && !w->error) {
		struct def_node *def;
		Dwarf_Half tag;
		char *name;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK &&
		    (tag == DW_TAG_structure_type || tag == DW_TAG_union_type) &&
		    !is_declaration(die) && (name = get_name(die)) && !find_def(w, name)) {
			def = calloc(1, sizeof(*def));
			if (!def || dwarf_dieoffset(die, &def->off, &err) != DW_DLV_OK ||
			    htable_add(&w->defs, &def->node, hash_string(name))) {
				free(def);
				w->error = -1;
			} else {
				def->name = name;
			}
		}
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}
	if (ret == DW_DLV_ERROR)
		w->error = -1;

	ret = dwarf_child(cu, &die, &err);
	while (ret == DW_DLV_OK && !w->error) {
		Dwarf_Half tag;
		char *name;

		int use = 0;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK &&
		    (tag == DW_TAG_subprogram || tag == DW_TAG_variable) &&
		    (name = get_name(die)))
			use = used_name(w, name);
		/* A declaration has the type too. */
		if (use && tag == DW_TAG_variable) {
			use_type_of(dbg, die, w);
		} else if (use) {
			use_signature(dbg, die, w);
			if (use == 2 && !is_declaration(die))
				walk_scope(dbg, die, w, 0);
		}
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}

	if (cu_srcfiles(cu, &files, &nr_files, &err) != DW_DLV_OK)
		files = NULL;
	fl = (struct file_names){ files, nr_files, version };
	/* Reading a definition may queue more: the queue grows as it is walked. */
	for (i = 0; i < w->nr_queued && !w->error; i++)
		read_used(dbg, w->queue[i], &fl, w);
	if (files) {
		Dwarf_Signed f;

		for (f = 0; f < nr_files; f++)
			dwarf_dealloc(dbg, files[f], DW_DLA_STRING);
		dwarf_dealloc(dbg, files, DW_DLA_LIST);
	}
	free_nodes(&w->defs, offsetof(struct def_node, node));
	free_nodes(&w->walked, 0);
	free_nodes(&w->types_seen, 0);
	return w->error;
}

int load_used_types(const char *path, struct type_table *t, const char *const *code,
		    unsigned int nr_code, const char *const *refs, unsigned int nr_refs)
{
	struct used_walk w = { .t = t };
	int ret = -1;

	memset(t, 0, sizeof(*t));
	if (!htable_init(&t->types, 0) && !htable_init(&w.names, nr_code + nr_refs) &&
	    !hash_names(&w.names, code, nr_code, true) &&
	    !hash_names(&w.names, refs, nr_refs, false))
		ret = walk_cus(path, &t->has_dwarf, used_types_of_cu, &w);
	free_nodes(&w.names, offsetof(struct name_node, node));
	free(w.queue);
	return ret;
}

bool find_decl_line(const struct decl_lines *t, const char *name, unsigned long *line)
{
	struct hnode *node;

	htable_for_each(&t->funcs, node, hash_string(name)) {
		struct decl_line *dl = container_of(node, struct decl_line, node);

		if (!strcmp(dl->name, name)) {
			*line = dl->line;
			return true;
		}
	}
	return false;
}

/* The top-level function definitions of a unit (inline ones included). */
static int decl_lines_of_cu(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, void *ctx)
{
	struct decl_lines *t = ctx;
	Dwarf_Error err = NULL;
	Dwarf_Die die, next;
	int ret;

	(void)version;
	ret = dwarf_child(cu, &die, &err);
	while (ret == DW_DLV_OK) {
		Dwarf_Unsigned line;
		struct decl_line *dl;
		unsigned long dummy;
		Dwarf_Half tag;
		char *name;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK && tag == DW_TAG_subprogram &&
		    !is_declaration(die) && (name = get_name(die)) &&
		    get_unsigned(die, DW_AT_decl_line, &line) &&
		    !find_decl_line(t, name, &dummy)) {
			dl = calloc(1, sizeof(*dl));
			if (!dl || !(dl->name = strdup(name))) {
				free(dl);
				ret = DW_DLV_ERROR;
				break;
			}
			dl->line = line;
			if (htable_add(&t->funcs, &dl->node, hash_string(dl->name))) {
				free(dl->name);
				free(dl);
				ret = DW_DLV_ERROR;
				break;
			}
		}
		ret = next_sibling(dbg, die, &next, &err);
		dwarf_dealloc(dbg, die, DW_DLA_DIE);
		die = next;
	}
	return ret == DW_DLV_ERROR ? -1 : 0;
}

int load_decl_lines(const char *path, struct decl_lines *t)
{
	memset(t, 0, sizeof(*t));
	t->loaded = true;
	if (htable_init(&t->funcs, 0) ||
	    walk_cus(path, &t->has_dwarf, decl_lines_of_cu, t)) {
		t->failed = true;
		return -1;
	}
	return 0;
}

void free_decl_lines(struct decl_lines *t)
{
	unsigned int b;

	if (!t->funcs.buckets)
		return;
	for (b = 0; b < (1U << t->funcs.bits); b++) {
		struct hnode *node = t->funcs.buckets[b], *next;

		for (; node; node = next) {
			struct decl_line *dl = container_of(node, struct decl_line, node);

			next = node->next;
			free(dl->name);
			free(dl);
		}
	}
	htable_free(&t->funcs);
}

void free_types(struct type_table *t)
{
	unsigned int b;

	if (!t->types.buckets)
		return;
	for (b = 0; b < (1U << t->types.bits); b++) {
		struct hnode *node = t->types.buckets[b], *next;

		for (; node; node = next) {
			next = node->next;
			free_type_info(container_of(node, struct type_info, node));
		}
	}
	htable_free(&t->types);
}

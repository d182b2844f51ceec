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

/* Size of a member's type, following typedefs and qualifiers. */
static unsigned long member_type_size(Dwarf_Debug dbg, Dwarf_Die die)
{
	Dwarf_Error err = NULL;
	Dwarf_Unsigned size;
	int depth;

	for (depth = 0; depth < 16; depth++) {
		Dwarf_Attribute a;
		Dwarf_Off off;
		Dwarf_Die type;

		if (dwarf_attr(die, DW_AT_type, &a, &err) != DW_DLV_OK ||
		    dwarf_global_formref(a, &off, &err) != DW_DLV_OK ||
		    dwarf_offdie_b(dbg, off, 1, &type, &err) != DW_DLV_OK)
			return 0;
		if (get_unsigned(type, DW_AT_byte_size, &size))
			return size;
		die = type;
	}
	return 0;
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
			m->size = member_type_size(dbg, child);
			if (!m->name)
				return -1;
		}
		ret = dwarf_siblingof_b(dbg, child, 1, &next, &err);
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

static int read_cu(Dwarf_Debug dbg, Dwarf_Die cu, Dwarf_Half version, struct type_table *t,
		   const char *const *wanted, unsigned int nr_wanted)
{
	Dwarf_Error err = NULL;
	Dwarf_Signed nr_files = 0;
	char **files = NULL;
	Dwarf_Die die, next;
	int ret;

	if (dwarf_srcfiles(cu, &files, &nr_files, &err) != DW_DLV_OK)
		files = NULL;

	ret = dwarf_child(cu, &die, &err);
	while (ret == DW_DLV_OK) {
		Dwarf_Unsigned size;
		Dwarf_Half tag;
		char *name;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK &&
		    (tag == DW_TAG_structure_type || tag == DW_TAG_union_type) &&
		    !is_declaration(die) && (name = get_name(die)) &&
		    is_wanted(name, wanted, nr_wanted) && !find_type(t, name) &&
		    get_unsigned(die, DW_AT_byte_size, &size)) {
			struct type_info *ti = calloc(1, sizeof(*ti));

			if (!ti || !(ti->name = strdup(name))) {
				free(ti);
				ret = DW_DLV_ERROR;
				break;
			}
			ti->is_union = tag == DW_TAG_union_type;
			ti->size = size;
			set_decl_file(ti, die, files, nr_files, version);
			if (read_members(dbg, die, ti) ||
			    htable_add(&t->types, &ti->node, hash_string(ti->name))) {
				free_type_info(ti);
				ret = DW_DLV_ERROR;
				break;
			}
			t->count++;
		}
		ret = dwarf_siblingof_b(dbg, die, 1, &next, &err);
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
		ret = dwarf_siblingof_b(dbg, die, 1, &next, &err);
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

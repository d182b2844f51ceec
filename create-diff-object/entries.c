// SPDX-License-Identifier: GPL-2.0
/*
 * Entries of the special tables (see sections.c): their sizes (DWARF, the
 * patched object's own, else the target kernel's, or --entry-size; never a
 * table compiled in here), which function an entry describes, where an
 * alternative's replacement is, whose static key an entry uses.  Queries
 * the include pass, the checks and the output's filter share.
 */
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "reference.h"

static const char *const special_types[] = {
	"bug_entry", "exception_table_entry", "jump_entry", "alt_instr",
	"paravirt_patch_site", "static_call_site", "orc_entry",
};
#define NR_SPECIAL_TYPES (sizeof(special_types) / sizeof(special_types[0]))

long entry_size_override(const struct diff *d, const char *type)
{
	unsigned int i;

	for (i = 0; i < d->nr_entry_sizes; i++)
		if (!strcmp(d->entry_sizes[i].type, type))
			return d->entry_sizes[i].size;
	return -1;
}

/* The target's type facts: the patched object's DWARF, else vmlinux's. */
struct type_info *special_type(struct diff *d, const char *type)
{
	struct type_table *own = patched_types(d, special_types, NR_SPECIAL_TYPES);
	struct type_info *ti;

	ti = own ? find_type(own, type) : NULL;
	if (ti)
		return ti;
	if (d->vmlinux && !d->target_types_loaded) {
		d->target_types_loaded = true;
		if (load_types(d->vmlinux, &d->target_types, special_types, NR_SPECIAL_TYPES))
			d->target_types_failed = true;
	}
	if (d->vmlinux && !d->target_types_failed)
		return find_type(&d->target_types, type);
	return NULL;
}

long entry_size(struct diff *d, const struct special_section *s,
		       const struct section *sec)
{
	struct type_info *ti;
	long size;

	if (!s->type)
		return s->fixed_size;
	size = entry_size_override(d, s->type);
	if (size > 0)
		return size;
	ti = special_type(d, s->type);
	if (ti)
		return ti->size;
	if (sec->sh.sh_entsize)
		return sec->sh.sh_entsize;
	pb_error("%s: section %s: the size of struct %s is unknown: give --vmlinux with debug info, or --entry-size %s=BYTES",
		 d->patched->path, sec->name, s->type, s->type);
	return -1;
}

long member_offset(struct diff *d, const char *type, const char *member, long fallback)
{
	struct type_info *ti = special_type(d, type);
	unsigned int i;

	for (i = 0; ti && i < ti->nr_members; i++)
		if (!strcmp(ti->members[i].name, member))
			return ti->members[i].offset;
	return fallback;
}

/*
 * Older kernels lay out some tables with a ".balign" before each record
 * rather than after it (12-byte .parainstructions records that DWARF sizes
 * at 16), so the last record lacks its tail padding: the section is
 * 16n - 4 bytes.  Accept exactly that: only the last record is short, by
 * less than the section's alignment, and no member (by DWARF, when known)
 * starts in the missing bytes.
 */
int check_record_layout(struct diff *d, const struct special_section *s,
			       const struct section *sec, long size)
{
	unsigned long have = sec->size % size;
	struct type_info *ti;
	unsigned int i;

	if (!have)
		return 0;
	if (size - have >= sec->sh.sh_addralign) {
		pb_error("%s: section %s: size %zu is not a multiple of its entry size %ld, and the last entry lacks more than alignment padding (%lu bytes, alignment %lu)",
			 d->patched->path, sec->name, sec->size, size, size - have,
			 (unsigned long)sec->sh.sh_addralign);
		return -1;
	}
	ti = s->type ? special_type(d, s->type) : NULL;
	for (i = 0; ti && ti->size == (unsigned long)size && i < ti->nr_members; i++) {
		const struct type_member *m = &ti->members[i];

		/* A member that starts in the missing bytes is data, not padding. */
		if (m->offset >= have) {
			pb_error("%s: section %s: size %zu is not a multiple of its entry size %ld, and the last entry ends before member %s.%s",
				 d->patched->path, sec->name, sec->size, size, s->type,
				 m->name[0] ? m->name : "(anonymous)");
			return -1;
		}
	}
	return 0;
}

/* Does the entry at [off, off+size) describe code the output carries? */
int entry_is_included(struct section *sec, unsigned long off, unsigned long size,
			     bool *keep, struct symbol **func)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	*keep = false;
	*func = NULL;
	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + size;
	     reloc++) {
		struct target t;

		if (resolve_target(reloc, &t))
			return -1;
		if (t.kind != TARGET_SYMBOL || t.sym->type != STT_FUNC || !t.sym->sec)
			continue;
		/* The first code reference decides: it is where the entry applies. */
		*keep = t.sym->include;
		*func = t.sym;
		return 0;
	}
	return 0;
}

int for_each_kept_entry(struct diff *d, unsigned int flags, kept_entry_fn fn)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = special_section_of(sec);
		unsigned long off;
		long size;
		int ret;

		if (!s || (s->flags & (DROP | CARRY_ALL)) || (s->flags & flags) != flags ||
		    !sec->size)
			continue;
		size = entry_size(d, s, sec);
		if (size <= 0 || check_record_layout(d, s, sec, size))
			return -1;
		for (off = 0; off < sec->size; off += size) {
			struct symbol *func;
			bool keep;

			if (entry_is_included(sec, off, size, &keep, &func))
				return -1;
			if (keep && (ret = fn(d, s, sec, off, size, func)))
				return ret;
		}
	}
	return 0;
}

/*
 * The replacement code of the alternative at @off of @sec: the range
 * [repl, repl + replacementlen) of *@repl_sec (NULL when it has none).
 */
int replacement_range(struct diff *d, struct section *sec, unsigned long off,
			     struct section **repl_sec, unsigned long *repl_off,
			     unsigned long *len)
{
	long repl_field = member_offset(d, "alt_instr", "repl_offset", 4);
	/* Without DWARF: replacementlen is the last byte in every layout so far. */
	long len_field = member_offset(d, "alt_instr", "replacementlen",
				       entry_size_override(d, "alt_instr") - 1);
	char loc[ELF_LOCATION_LEN];
	struct reloc *reloc;

	*repl_sec = NULL;
	if (len_field < 0) {
		pb_error("%s: section %s: cannot find alt_instr.replacementlen; give --vmlinux with debug info",
			 d->patched->path, sec->name);
		return -1;
	}
	reloc = find_reloc_at(sec, off + repl_field);
	if (!reloc || !reloc->sym->sec)
		return 0;
	if (!sec->data || off + len_field >= sec->size) {
		pb_error("%s: the entry at %s: alt_instr.replacementlen (at %ld) lies past the end of the section",
			 d->patched->path, elf_location(sec, off, loc, sizeof(loc)), len_field);
		return -1;
	}
	*repl_off = reloc->sym->offset + reloc->addend;
	*len = sec->data[off + len_field];
	if (*repl_off > reloc->sym->sec->size || *len > reloc->sym->sec->size - *repl_off) {
		pb_error("%s: the entry at %s points outside %s", d->patched->path,
			 elf_location(sec, off, loc, sizeof(loc)), reloc->sym->sec->name);
		return -1;
	}
	*repl_sec = reloc->sym->sec;
	return 0;
}

/*
 * A static key or static call key of another module cannot be used: the
 * kernel processes these entries when the livepatch loads, before that
 * module's symbols can be resolved.  Tracepoints and dynamic debug sites
 * of another module can simply stay off (their entries are dropped); any
 * other such key is refused (checks.c) before the output is built.
 */
int entry_key_verdict(struct diff *d, const struct special_section *s, struct section *sec,
		      unsigned long off, unsigned long size, struct key_verdict *v)
{
	long key_off = member_offset(d, s->type, s->key_member, -1);
	struct reference ref;
	struct reloc *reloc;
	const char *owner;

	memset(v, 0, sizeof(*v));
	v->kind = KEY_OURS;
	if (key_off < 0)
		key_off = size - 8;	/* the key is the last field in both tables */
	reloc = find_reloc_at(sec, off + key_off);
	if (!reloc)
		return 0;
	if (decide_reference(d, reloc, false, &ref))
		return -1;
	if (ref.kind != REF_ORIGINAL && ref.kind != REF_EXTERN)
		return 0;
	owner = symbol_owner(d, ref.kind == REF_ORIGINAL ? ref.sym->twin : ref.sym);
	if (!owner || !strcmp(owner, "vmlinux") || (d->objname && !strcmp(owner, d->objname)))
		return 0;
	v->key = ref.sym->name;
	v->owner = owner;
	v->kind = !strncmp(ref.sym->name, "__tracepoint_", 13) || strstr(ref.sym->name, "ddebug") ?
		  KEY_DROP : KEY_FOREIGN;
	return 0;
}

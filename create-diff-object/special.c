// SPDX-License-Identifier: GPL-2.0
/*
 * Special sections: tables the kernel walks (ftrace call sites, bug table,
 * exception table, jump labels, alternatives, ORC...) whose entries point
 * into functions.  The output keeps exactly the entries that describe
 * included functions, with their relocations rewritten to the included
 * copies, and drops the rest.
 *
 * Entry sizes of struct-based tables come from DWARF (the patched object's
 * own, else the target kernel's), or from --entry-size; never from a table
 * compiled in here.  Tables of plain 32-bit offsets or 64-bit addresses
 * have their size by definition.
 */
#include <stdlib.h>
#include <string.h>

#include "dwarf-types.h"
#include "include.h"
#include "output.h"
#include "patch-records.h"
#include "special.h"

enum special_flags {
	KEY_AT_MEMBER = 1,	/* entry refers to a static key / static call key */
	ALT_REPLACEMENT = 2,	/* entry refers to code in .altinstr_replacement */
	PARALLEL_ORC = 4,	/* .orc_unwind_ip: .orc_unwind has one entry per entry */
	DROP = 8,		/* never carried */
	CARRY_ALL = 16,		/* the patch author's records: every entry travels */
};

struct special_section {
	const char *name;
	bool prefix;			/* name is a prefix (".initcall") */
	const char *type;		/* struct giving the entry size, or NULL */
	unsigned int fixed_size;	/* entry size when there is no struct */
	int flags;
	const char *key_member;		/* KEY_AT_MEMBER: the member holding the key */
};

static const struct special_section special_sections[] = {
	{ "__mcount_loc", false, NULL, 8, 0, NULL },
	{ "__bug_table", false, "bug_entry", 0, 0, NULL },
	{ "__ex_table", false, "exception_table_entry", 0, 0, NULL },
	{ "__jump_table", false, "jump_entry", 0, KEY_AT_MEMBER, "key" },
	{ ".altinstructions", false, "alt_instr", 0, ALT_REPLACEMENT, NULL },
	{ ".parainstructions", false, "paravirt_patch_site", 0, 0, NULL },
	{ ".static_call_sites", false, "static_call_site", 0, KEY_AT_MEMBER, "key" },
	{ ".smp_locks", false, NULL, 4, 0, NULL },
	{ ".retpoline_sites", false, NULL, 4, 0, NULL },
	{ ".return_sites", false, NULL, 4, 0, NULL },
	{ ".call_sites", false, NULL, 4, 0, NULL },
	{ ".ibt_endbr_seal", false, NULL, 4, 0, NULL },
	{ ".orc_unwind_ip", false, NULL, 4, PARALLEL_ORC, NULL },
	/* What the patch author declares with kmod/patch-author.h. */
	{ PATCH_CALLBACKS_SECTION, false, NULL, sizeof(struct patch_callback), CARRY_ALL, NULL },
	{ PATCH_STATES_SECTION, false, NULL, sizeof(struct patch_state), CARRY_ALL, NULL },
	{ ".patch.ignore.", true, NULL, 0, DROP, NULL },
	/* Carried alongside the tables above, never on their own. */
	{ ".orc_unwind", false, NULL, 0, DROP, NULL },
	{ ".altinstr_replacement", false, NULL, 0, DROP, NULL },
	/* Descriptions with no code to patch, or that a livepatch cannot extend. */
	{ ".printk_index", false, NULL, 0, DROP, NULL },
	{ "__tracepoints", true, NULL, 0, DROP, NULL },
	{ ".initcall", true, NULL, 0, DROP, NULL },
	{ "__ksymtab", true, NULL, 0, DROP, NULL },
	{ "___ksymtab", true, NULL, 0, DROP, NULL },
	{ "__kcrctab", true, NULL, 0, DROP, NULL },
	{ ".static_call.text", false, NULL, 0, DROP, NULL },
	{ ".static_call_tramp_key", false, NULL, 0, DROP, NULL },
	{ "__param", false, NULL, 0, DROP, NULL },
	{ ".modinfo", false, NULL, 0, DROP, NULL },
	{ "__versions", false, NULL, 0, DROP, NULL },
	{ ".gnu.linkonce.this_module", false, NULL, 0, DROP, NULL },
	{ "__patchable_function_entries", false, NULL, 0, DROP, NULL },
};

#define NR_SPECIAL (sizeof(special_sections) / sizeof(special_sections[0]))

static const struct special_section *find_special(const struct section *sec)
{
	unsigned int i;

	/* Most sections of an object are per-function or per-variable ones. */
	if (!strncmp(sec->name, ".text.", 6) || !strncmp(sec->name, ".data.", 6) ||
	    !strncmp(sec->name, ".rodata.", 8) || !strncmp(sec->name, ".bss.", 5))
		return NULL;

	for (i = 0; i < NR_SPECIAL; i++) {
		const struct special_section *s = &special_sections[i];

		if (s->prefix ? !strncmp(sec->name, s->name, strlen(s->name)) :
				!strcmp(sec->name, s->name))
			return s;
	}
	return NULL;
}

bool is_special_section(const struct section *sec)
{
	return find_special(sec) != NULL;
}

/*
 * Data whose descriptors always travel with the code that uses them:
 * dynamic debug's, in __dyndbg (__verbose in older kernels).
 */
bool is_copied_data_section(const struct section *sec)
{
	return !strcmp(sec->name, "__dyndbg") || !strcmp(sec->name, "__dyndbg_classes") ||
	       !strcmp(sec->name, "__verbose");
}

/* Sections that never take part in a comparison or the output. */
bool is_ignored_section(const struct section *sec)
{
	static const char *const prefixes[] = {
		".comment", ".note", ".discard", ".debug_", ".eh_frame", ".group",
		".llvm_addrsig", ".BTF", ".gnu.build.attributes",
	};
	unsigned int i;

	if (sec->sh.sh_type == SHT_SYMTAB || sec->sh.sh_type == SHT_STRTAB ||
	    sec->sh.sh_type == SHT_RELA || sec->sh.sh_type == SHT_SYMTAB_SHNDX ||
	    sec->sh.sh_type == SHT_GROUP)
		return true;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* ---- entry sizes -------------------------------------------------------- */

static const char *const special_types[] = {
	"bug_entry", "exception_table_entry", "jump_entry", "alt_instr",
	"paravirt_patch_site", "static_call_site", "orc_entry",
};
#define NR_SPECIAL_TYPES (sizeof(special_types) / sizeof(special_types[0]))

static long entry_size_override(const struct diff *d, const char *type)
{
	unsigned int i;

	for (i = 0; i < d->nr_entry_sizes; i++)
		if (!strcmp(d->entry_sizes[i].type, type))
			return d->entry_sizes[i].size;
	return -1;
}

/* The target's type facts: the patched object's DWARF, else vmlinux's. */
static struct type_info *special_type(struct diff *d, const char *type)
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

static long entry_size(struct diff *d, const struct special_section *s,
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

static long member_offset(struct diff *d, const char *type, const char *member, long fallback)
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
static int check_record_layout(struct diff *d, const struct special_section *s,
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

/* ---- keeping entries ----------------------------------------------------- */

/* Does the entry at [off, off+size) describe code the output carries? */
static int entry_is_included(struct section *sec, unsigned long off, unsigned long size,
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

static struct section *output_section_like(struct diff *d, struct section *sec)
{
	if (!sec->out) {
		sec->out = elf_add_section(d->out, sec->name, sec->sh.sh_type,
					   sec->sh.sh_flags & ~SHF_GROUP, NULL, 0,
					   sec->sh.sh_entsize, sec->sh.sh_addralign);
		if (sec->out && !elf_add_symbol(d->out, "", STB_LOCAL, STT_SECTION, 0, sec->out,
						0, 0))
			return NULL;
	}
	return sec->out;
}

/* Append @len bytes (zeros when @bytes is NULL) to @dst; returns their offset. */
static long append_bytes(struct section *dst, const unsigned char *bytes, unsigned long len)
{
	unsigned long dst_off = dst->size;
	unsigned char *grown;

	if (dst->sh.sh_type == SHT_NOBITS) {
		dst->size += len;
		dst->sh.sh_size = dst->size;
		return dst_off;
	}
	grown = realloc(dst->data, dst->size + len);
	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	if (bytes)
		memcpy(grown + dst_off, bytes, len);
	else
		memset(grown + dst_off, 0, len);
	dst->data = grown;
	dst->data_owned = true;
	dst->size += len;
	dst->sh.sh_size = dst->size;
	return dst_off;
}

/* Append the entry at @off of @sec, a short last record padded to @size. */
static long append_entry(struct section *dst, const struct section *sec, unsigned long off,
			 unsigned long size)
{
	unsigned long have = sec->size - off < size ? sec->size - off : size;
	long dst_off;

	dst_off = append_bytes(dst, sec->data ? sec->data + off : NULL, have);
	if (dst_off >= 0 && have < size && append_bytes(dst, NULL, size - have) < 0)
		return -1;
	return dst_off;
}

/*
 * A static key or static call key of another module cannot be used: the
 * kernel processes these entries when the livepatch loads, before that
 * module's symbols can be resolved.
 */
static int check_key(struct diff *d, const struct special_section *s, struct section *sec,
		     unsigned long off, unsigned long size, struct symbol *func, bool *drop)
{
	long key_off = member_offset(d, s->type, s->key_member, -1);
	struct reference ref;
	struct reloc *reloc;
	const char *owner;

	*drop = false;
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
	/* Tracepoints and dynamic debug sites can simply stay off. */
	if (!strncmp(ref.sym->name, "__tracepoint_", 13) || strstr(ref.sym->name, "ddebug")) {
		pb_warn("%s: %s: dropping the %s entry for %s (its key lives in module %s); it stays in its default state",
			d->patched->path, func->name, sec->name, ref.sym->name, owner);
		*drop = true;
		return 0;
	}
	refuse(d, func, "function %s uses %s %s, whose key lives in module %s; use static_key_enabled() or a plain call instead",
	       func->twin ? func->twin->name : func->name,
	       !strcmp(sec->name, "__jump_table") ? "the static key" : "the static call",
	       ref.sym->name, owner);
	return 0;
}

/*
 * The replacement code of the alternative at @off of @sec: the range
 * [repl, repl + replacementlen) of *@repl_sec (NULL when it has none).
 */
static int replacement_range(struct diff *d, struct section *sec, unsigned long off,
			     struct section **repl_sec, unsigned long *repl_off,
			     unsigned long *len)
{
	long repl_field = member_offset(d, "alt_instr", "repl_offset", 4);
	/* Without DWARF: replacementlen is the last byte in every layout so far. */
	long len_field = member_offset(d, "alt_instr", "replacementlen",
				       entry_size_override(d, "alt_instr") - 1);
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
		pb_error("%s: section %s: the entry at 0x%lx: alt_instr.replacementlen (at %ld) lies past the end of the section",
			 d->patched->path, sec->name, off, len_field);
		return -1;
	}
	*repl_off = reloc->sym->offset + reloc->addend;
	*len = sec->data[off + len_field];
	if (*repl_off > reloc->sym->sec->size || *len > reloc->sym->sec->size - *repl_off) {
		pb_error("%s: section %s: entry at 0x%lx points outside %s", d->patched->path,
			 sec->name, off, reloc->sym->sec->name);
		return -1;
	}
	*repl_sec = reloc->sym->sec;
	return 0;
}

/*
 * Carry an alternative's replacement code and point the entry's relocation
 * at the copy.
 */
static int carry_replacement(struct diff *d, struct section *sec, unsigned long off,
			     struct section *out, unsigned long dst_off)
{
	long repl_field = member_offset(d, "alt_instr", "repl_offset", 4);
	struct section *repl_sec, *repl_out;
	unsigned long repl_off, len, i;
	struct reloc *copy = NULL;
	long new_off;

	if (replacement_range(d, sec, off, &repl_sec, &repl_off, &len))
		return -1;
	if (!repl_sec)
		return 0;
	repl_out = output_section_like(d, repl_sec);
	if (!repl_out)
		return -1;
	new_off = append_bytes(repl_out, repl_sec->data ? repl_sec->data + repl_off : NULL, len);
	if (new_off < 0 || copy_relocs(d, repl_sec, repl_off, len, repl_out, new_off, false))
		return -1;

	/* Re-aim the entry's relocation (copied already) at the carried bytes. */
	for (i = 0; i < out->nr_relocs; i++)
		if (out->relocs[i].offset == dst_off + repl_field)
			copy = &out->relocs[i];
	if (!copy)
		return 0;
	copy->sym = repl_out->secsym;
	copy->addend = new_off;
	return 0;
}

static int copy_entry_relocs(struct diff *d, struct section *sec, unsigned long off,
			     unsigned long size, struct section *out, unsigned long dst_off,
			     const struct special_section *s)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + size;
	     reloc++) {
		struct symbol *sym;
		long addend;

		/* The replacement pointer is re-aimed by carry_replacement(). */
		if ((s->flags & ALT_REPLACEMENT) && reloc->sym->sec &&
		    !strcmp(reloc->sym->sec->name, ".altinstr_replacement")) {
			if (!output_section_like(d, reloc->sym->sec))
				return -1;
			sym = reloc->sym->sec->out->secsym;
			addend = 0;
		} else if (map_reloc(d, reloc, true, &sym, &addend)) {
			return -1;
		}
		if (!elf_add_reloc(out, reloc->offset - off + dst_off, reloc->type, sym, addend))
			return -1;
	}
	return 0;
}

static int filter_one(struct diff *d, struct section *sec, const struct special_section *s)
{
	struct section *out = NULL, *orc = NULL, *orc_out = NULL;
	long size = entry_size(d, s, sec), orc_size = 0;
	unsigned long off;

	if (size <= 0 || check_record_layout(d, s, sec, size))
		return -1;
	if (s->flags & PARALLEL_ORC) {
		struct type_info *ti = special_type(d, "orc_entry");

		orc = find_section_by_name(d->patched, ".orc_unwind");
		orc_size = entry_size_override(d, "orc_entry");
		if (orc_size <= 0 && ti)
			orc_size = ti->size;
		if (orc && orc_size <= 0 && orc->size == sec->size / size * 6)
			orc_size = 6;	/* the only size consistent with the section */
		if (!orc || orc_size <= 0 || orc->size != sec->size / size * orc_size) {
			pb_error("%s: .orc_unwind does not match .orc_unwind_ip (give --entry-size orc_entry=BYTES)",
				 d->patched->path);
			return -1;
		}
	}

	for (off = 0; off < sec->size; off += size) {
		struct symbol *func;
		unsigned long dst_off;
		bool keep, drop;

		if (s->flags & CARRY_ALL) {
			keep = true;
			func = NULL;
		} else if (entry_is_included(sec, off, size, &keep, &func)) {
			return -1;
		}
		if (!keep)
			continue;
		if (s->flags & KEY_AT_MEMBER) {
			if (check_key(d, s, sec, off, size, func, &drop))
				return -1;
			if (drop)
				continue;
		}
		out = output_section_like(d, sec);
		if (!out)
			return -1;
		dst_off = append_entry(out, sec, off, size);
		if ((long)dst_off < 0 || copy_entry_relocs(d, sec, off, size, out, dst_off, s))
			return -1;
		if ((s->flags & ALT_REPLACEMENT) && carry_replacement(d, sec, off, out, dst_off))
			return -1;
		if (orc) {
			unsigned long i = off / size;

			orc_out = output_section_like(d, orc);
			if (!orc_out || append_bytes(orc_out, orc->data ? orc->data + i * orc_size : NULL,
						     orc_size) < 0)
				return -1;
		}
	}
	return 0;
}

/* What the kept entry at @off of @sec points at besides @func's code. */
static int include_entry(struct diff *d, const struct special_section *s, struct section *sec,
			 unsigned long off, unsigned long size, struct symbol *func)
{
	struct reloc *reloc = sec->nr_relocs ? find_reloc_from(sec, off) : NULL;

	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + size;
	     reloc++) {
		struct section *repl_sec;
		unsigned long repl_off, len;

		/* Carried as the replacement's bytes, whose code may need more. */
		if ((s->flags & ALT_REPLACEMENT) && reloc->sym->sec &&
		    !strcmp(reloc->sym->sec->name, ".altinstr_replacement")) {
			if (replacement_range(d, sec, off, &repl_sec, &repl_off, &len))
				return -1;
			if (repl_sec && include_range(d, repl_sec, repl_off, len, func, false))
				return -1;
			continue;
		}
		/* As copy_entry_relocs() maps it. */
		if (include_range(d, sec, reloc->offset, 1, func, true))
			return -1;
	}
	return 0;
}

int include_entry_needs(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = find_special(sec);
		unsigned long off;
		long size;

		if (!s || (s->flags & (DROP | CARRY_ALL)) || !sec->size)
			continue;
		size = entry_size(d, s, sec);
		if (size <= 0 || check_record_layout(d, s, sec, size))
			return -1;
		for (off = 0; off < sec->size; off += size) {
			struct symbol *func;
			bool keep;

			if (entry_is_included(sec, off, size, &keep, &func))
				return -1;
			if (keep && include_entry(d, s, sec, off, size, func))
				return -1;
		}
	}
	return 0;
}

/* The author's records point at new code and data: include what they need. */
int include_author_records(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = find_special(sec);
		struct reloc *reloc;

		if (!s || !(s->flags & CARRY_ALL))
			continue;
		/* As copy_entry_relocs() maps them. */
		for_each_reloc(sec, reloc)
			if (include_range(d, sec, reloc->offset, 1, NULL, true))
				return -1;
	}
	return 0;
}

int filter_special_sections(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = find_special(sec);

		if (!s || (s->flags & DROP) || !sec->size)
			continue;
		if (filter_one(d, sec, s))
			return -1;
	}
	return 0;
}

void free_special(struct diff *d)
{
	free_types(&d->object_types);
	free_types(&d->target_types);
}

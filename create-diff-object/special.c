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

#include "entries.h"
#include "reference.h"
#include "output.h"
#include "patch-records.h"
#include "sections.h"
#include "special.h"

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
		struct key_verdict key;
		bool keep;

		if (s->flags & CARRY_ALL) {
			keep = true;
			func = NULL;
		} else if (entry_is_included(sec, off, size, &keep, &func)) {
			return -1;
		}
		if (!keep)
			continue;
		/* A foreign key was refused before; a droppable one stays off. */
		if (s->flags & KEY_AT_MEMBER) {
			if (entry_key_verdict(d, s, sec, off, size, &key))
				return -1;
			if (key.kind != KEY_OURS)
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
int filter_special_sections(struct diff *d)
{
	struct section *sec;
	unsigned int i;

	for_each_section(d->patched, sec, i) {
		const struct special_section *s = special_section_of(sec);

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

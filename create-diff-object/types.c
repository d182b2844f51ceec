// SPDX-License-Identifier: GPL-2.0
/*
 * The patched object's type facts from DWARF, loaded once and only when a
 * pass asks (the layout checks, the special tables' entry sizes), after
 * checking what libdwarf cannot be trusted to read.  A leaf.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/*
 * The fixed part of a DWARF 5 list unit header after its length, as
 * compilers write it for x86-64: version 5, 8-byte addresses, no segment
 * selectors, and an offset array inside the unit.
 */
static bool list_header_ok(const unsigned char *h, unsigned long len, unsigned int offset_size)
{
	uint16_t version;
	uint32_t count;

	memcpy(&version, h, 2);
	memcpy(&count, h + 4, 4);
	return version == 5 && h[2] == 8 && h[3] == 0 && count <= (len - 8) / offset_size;
}

/*
 * libdwarf (20210528) frees memory twice when it rejects the header of a
 * .debug_rnglists or .debug_loclists unit (a length past the section, a
 * version or an address size it does not take): check every unit header,
 * and that no relocation (libdwarf applies them) rewrites one, before
 * handing the object to it.  It takes any section of those names, ".dwo"
 * variants included, whatever its type.
 */
static int check_dwarf_list_units(const struct section *sec)
{
	unsigned long off = 0, len, hdr;
	char loc[ELF_LOCATION_LEN];
	const struct reloc *r;

	if (strncmp(sec->name, ".debug_rnglists", 15) && strncmp(sec->name, ".debug_loclists", 15))
		return 0;
	if (!sec->data || (sec->sh.sh_flags & SHF_COMPRESSED))
		return 0;	/* libdwarf inflates these itself */
	while (off < sec->size) {
		uint32_t len32;
		uint64_t len64;

		if (sec->size - off < 4)
			goto bad;
		memcpy(&len32, sec->data + off, 4);
		len = len32;
		hdr = 4;
		if (len32 == 0xffffffff) {
			if (sec->size - off < 12)
				goto bad;
			memcpy(&len64, sec->data + off + 4, 8);
			len = len64;
			hdr = 12;
		} else if (len32 >= 0xfffffff0) {
			goto bad;
		}
		/* version, address size, segment selector size, offset count */
		if (len < 8 || len > sec->size - off - hdr ||
		    !list_header_ok(sec->data + off + hdr, len, hdr == 4 ? 4 : 8))
			goto bad;
		for (r = find_reloc_from(sec, off > 8 ? off - 8 : 0);
		     r && r < sec->relocs + sec->nr_relocs && r->offset < off + hdr + 8; r++)
			if (r->offset + reloc_width(r->type) > off)
				goto bad;
		off += hdr + len;
	}
	return 0;
bad:
	pb_error("%s: malformed unit header at %s", sec->elf->path,
		 elf_location(sec, off, loc, sizeof(loc)));
	return -1;
}

/*
 * Can libdwarf be asked about @elf?  Not without a .debug_info section:
 * opening it costs more than the whole diff of an object without one.
 */
static int check_readable_dwarf(struct elf *elf, bool *has)
{
	struct section *sec;
	unsigned int i;

	*has = false;
	if (!find_section_by_name(elf, ".debug_info"))
		return 0;
	for_each_section(elf, sec, i)
		if (check_dwarf_list_units(sec))
			return -1;
	*has = true;
	return 0;
}

/* Decided once per object, so that a broken unit is reported once. */
int has_readable_dwarf(struct diff *d, struct elf *elf, bool *has)
{
	struct dwarf_verdict *v = elf == d->orig ? &d->dwarf_verdicts[0] : &d->dwarf_verdicts[1];

	if (!v->decided) {
		v->decided = true;
		v->rc = check_readable_dwarf(elf, &v->has);
	}
	*has = v->has;
	return v->rc;
}

void warn_unreadable(struct elf *elf, const struct type_table *t)
{
	if (!t->has_dwarf)
		pb_warn("%s: libdwarf cannot read this object's debug info (it has %u sections); type layout checks skipped",
			elf->path, elf->nr_sections);
}

struct type_table *patched_types(struct diff *d, const char *const *wanted,
				 unsigned int nr_wanted)
{
	bool has;

	if (!d->types_loaded) {
		d->types_loaded = true;
		memset(&d->object_types, 0, sizeof(d->object_types));
		if (has_readable_dwarf(d, d->patched, &has) ||
		    (has && load_types(d->patched->path, &d->object_types, wanted, nr_wanted)))
			d->object_types_failed = true;
	}
	return d->object_types_failed ? NULL : &d->object_types;
}

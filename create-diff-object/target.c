// SPDX-License-Identifier: GPL-2.0
/*
 * Where a relocation really points, independent of how the compiler spelled
 * it (see struct target): a symbol plus a delta, a string literal by its
 * bytes, or a place in an anonymous section.  A leaf every pass uses; it
 * decides nothing about the patch.
 */
#include <limits.h>
#include <string.h>

#include "insn.h"
#include "target.h"

int resolve_target(const struct reloc *reloc, struct target *t)
{
	struct symbol *sym = reloc->sym;
	struct section *sec = sym->sec;
	char loc[ELF_LOCATION_LEN];
	const char *why;
	long bias, off;

	memset(t, 0, sizeof(*t));
	/*
	 * A PC-relative field in code is biased by the bytes from it to the
	 * end of its instruction; the decoder says how many.
	 */
	if (reloc_bias(reloc, &bias, &why)) {
		pb_error("%s: relocation at %s: %s", reloc->sec->elf->path,
			 elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)), why);
		return -1;
	}
	t->bias = bias;
	if (!sec || (sym->type != STT_SECTION && !is_string_section(sec))) {
		t->kind = TARGET_SYMBOL;
		t->sym = sym;
		t->delta = reloc->addend;
		return 0;
	}

	if (__builtin_add_overflow(reloc->addend, bias, &off) ||
	    __builtin_add_overflow(off, sym->type == STT_SECTION ? 0 : (long)sym->offset, &off))
		off = LONG_MIN;

	if (is_string_section(sec) && sec->sh.sh_entsize <= 1 && sec->data) {
		/*
		 * Assemblers keep local labels (".LC0") for references into
		 * mergeable strings; those are strings too.
		 */
		unsigned long start, end;

		if (off < 0 || (unsigned long)off >= sec->size) {
			pb_error("%s: relocation at %s points outside string section %s",
				 sec->elf->path,
				 elf_location(reloc->sec, reloc->offset, loc, sizeof(loc)),
				 sec->name);
			return -1;
		}
		start = off;
		while (start > 0 && sec->data[start - 1])
			start--;
		end = off;
		while (end < sec->size && sec->data[end])
			end++;
		t->kind = TARGET_STRING;
		t->sec = sec;
		t->offset = start;
		t->string = (const char *)sec->data + start;
		t->string_len = end - start + (end < sec->size);
		t->delta = off - bias - (long)start;
		return 0;
	}

	if (sym->type != STT_SECTION) {
		t->kind = TARGET_SYMBOL;
		t->sym = sym;
		t->delta = reloc->addend;
		return 0;
	}
	t->sym = off == LONG_MIN ? NULL : find_symbol_referenced(sec, off);
	if (t->sym) {
		t->kind = TARGET_SYMBOL;
		t->delta = (long)((unsigned long)reloc->addend - t->sym->offset);
		return 0;
	}
	t->kind = TARGET_SECTION;
	t->sec = sec;
	t->delta = reloc->addend;
	/* Modulo 2^64 as a linker computes it: a corrupt addend must not overflow. */
	t->offset = (unsigned long)reloc->addend + (unsigned long)bias;
	return 0;
}

bool is_call_reloc(const struct reloc *reloc)
{
	return reloc->type == R_X86_64_PLT32 || is_branch_reloc(reloc);
}

/*
 * With -pg -mfentry every traced function starts with "call __fentry__"
 * (after an endbr64 when the kernel has IBT); after objtool has turned it
 * into a NOP, __mcount_loc still records where it is.
 */
bool has_fentry_call(const struct symbol *func)
{
	const struct section *mcount;
	unsigned long site = func->offset;
	struct reloc *reloc;
	struct insn insn;

	if (!insn_decode(func->sec, site, &insn) && insn.kind == INSN_ENDBR)
		site += insn.length;
	if (!insn_decode(func->sec, site, &insn) && insn.kind == INSN_CALL && insn.imm[0].size) {
		reloc = find_reloc_at(func->sec, site + insn.imm[0].offset);
		if (reloc && !strcmp(reloc->sym->name, "__fentry__"))
			return true;
	}

	mcount = find_section_by_name(func->elf, "__mcount_loc");
	if (!mcount)
		return false;
	for_each_reloc((struct section *)mcount, reloc) {
		struct target t;

		if (!resolve_target(reloc, &t) && t.kind == TARGET_SYMBOL &&
		    t.sym == func && (unsigned long)target_offset(&t) == site - func->offset)
			return true;
	}
	return false;
}

/* Read-only data the compiler invents; its names carry no identity. */
bool is_compiler_generated_data(const struct symbol *sym)
{
	static const char *const prefixes[] = {
		"__func__.", "__FUNCTION__.", "__PRETTY_FUNCTION__.", "CSWTCH.",
		".compoundliteral", ".L",
	};
	unsigned int i;

	if (sym->bind != STB_LOCAL || sym->type == STT_FUNC || !sym->sec)
		return false;
	if (sym->sec->sh.sh_flags & (SHF_WRITE | SHF_EXECINSTR))
		return false;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sym->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

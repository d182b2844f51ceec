// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-module: what the loader and the livepatch core need of the
 * module's relocation sections (normal and .klp.rela.*), of its livepatch
 * symbols (.klp.sym.*) and of its symbols' bounds.
 */
#include <string.h>

#include "check-module.h"
#include "klp-elf.h"

/* Are @off..+@width of @sec also written by one of its normal relocations? */
static const struct reloc *normal_reloc_overlapping(const struct section *sec, unsigned long off,
						    unsigned int width)
{
	const struct reloc *reloc = find_reloc_from(sec, off >= 8 ? off - 8 : 0);

	for (; reloc && reloc < sec->relocs + sec->nr_relocs && reloc->offset < off + width;
	     reloc++)
		if (reloc->type != R_X86_64_NONE &&
		    reloc->offset + reloc_width(reloc->type) > off)
			return reloc;
	return NULL;
}

static void check_klp_reloc(struct checker *c, const struct section *rela, const char *objname,
			    const struct reloc *reloc)
{
	const struct section *base = rela->base;
	char loc[ELF_LOCATION_LEN];
	const struct symbol *sym = reloc->sym;
	unsigned int width = reloc_width(reloc->type), i;
	struct klp_sym_name parsed;
	const struct reloc *other;
	const char *why;

	if (!klp_loader_accepts_reloc(reloc->type))
		problem(c, "%s: relocation at %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), reloc->type,
			reloc_type_name(reloc->type));
	if (sym->shndx != SHN_LIVEPATCH) {
		problem(c, "%s: relocation at %s: symbol '%s' is not a livepatch symbol (st_shndx 0x%x, not SHN_LIVEPATCH)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
			symbol_display_name(sym), sym->shndx);
		return;
	}
	if (klp_parse_sym_name(sym->name, &parsed, &why))
		return;		/* reported with the symbol */
	if (strcmp(parsed.objname, "vmlinux") == 0 && strcmp(objname, "vmlinux"))
		problem(c, "%s: relocation at %s refers to vmlinux symbol %s: 6.1 refuses vmlinux symbols in module-specific sections (use .klp.rela.vmlinux.*, or a normal relocation for an exported symbol)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), sym->name);
	else if (strcmp(parsed.objname, objname))
		problem(c, "%s: relocation at %s refers to %s, a symbol of '%s', not of '%s'",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)), sym->name,
			parsed.objname, objname);

	if (base->data && width && reloc->offset + width <= base->size) {
		for (i = 0; i < width; i++) {
			if (base->data[reloc->offset + i]) {
				problem(c, "%s: relocation at %s: the %u bytes there are not zero: the loader refuses to relocate over them",
					rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
					width);
				break;
			}
		}
	}
	other = width ? normal_reloc_overlapping(base, reloc->offset, width) : NULL;
	if (other) {
		char other_loc[ELF_LOCATION_LEN];

		problem(c, "%s: relocation at %s: the place is also written by a normal relocation (%s at %s)",
			rela->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
			reloc_type_name(other->type),
			elf_location(base, other->offset, other_loc, sizeof(other_loc)));
	}
}

static void check_klp_section(struct checker *c, const struct section *sec)
{
	const unsigned long want = SHF_ALLOC | SHF_RELA_LIVEPATCH;
	char objname[KLP_OBJNAME_MAX + 1];
	const struct section *base;
	const struct reloc *reloc;
	const char *secname, *why;
	bool named = true;

	if (sec->sh.sh_type != SHT_RELA) {
		problem(c, "%s: type %u, not SHT_RELA", sec->name, sec->sh.sh_type);
		return;
	}
	if ((sec->sh.sh_flags & want) != want)
		problem(c, "%s: flags 0x%lx lack %s%s%s", sec->name, (unsigned long)sec->sh.sh_flags,
			sec->sh.sh_flags & SHF_ALLOC ? "" : "SHF_ALLOC",
			(sec->sh.sh_flags & want) ? "" : " and ",
			sec->sh.sh_flags & SHF_RELA_LIVEPATCH ? "" : "SHF_RELA_LIVEPATCH (0x00100000)");
	if (!c->mod->symtab || sec->sh.sh_link != c->mod->symtab->index)
		problem(c, "%s: sh_link %u is not the symbol table", sec->name, sec->sh.sh_link);
	base = sec->base;
	if (!base) {
		problem(c, "%s: sh_info %u does not name a section", sec->name, sec->sh.sh_info);
		return;
	}
	if (!(base->sh.sh_flags & SHF_ALLOC))
		problem(c, "%s: relocates %s, which is not loaded (not SHF_ALLOC)", sec->name,
			base->name);
	if (klp_parse_rela_name(sec->name, objname, &secname, &why)) {
		problem(c, "%s: flagged SHF_RELA_LIVEPATCH but not named .klp.rela.<object>.<section>: %s",
			sec->name, why);
		named = false;
	} else {
		if ((why = klp_check_objname(objname)))
			problem(c, "%s: bad object name '%s': %s", sec->name, objname, why);
		if (strcmp(secname, base->name) &&
		    !(base->name[0] == '.' && !strcmp(secname, base->name + 1)))
			problem(c, "%s: named for section '%s' but relocates %s (sh_info %u)",
				sec->name, secname, base->name, base->index);
		if (strcmp(objname, "vmlinux") && !declares_object(c, objname))
			problem(c, "%s: the patch has no object '%s' (in .patch.funcs or .patch.callbacks), so the livepatch core never applies this section",
				sec->name, objname);
	}
	for_each_reloc(sec, reloc) {
		char loc[ELF_LOCATION_LEN];

		if (named)
			check_klp_reloc(c, sec, objname, reloc);
		else if (!klp_loader_accepts_reloc(reloc->type))
			problem(c, "%s: relocation at %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
				sec->name, elf_location(base, reloc->offset, loc, sizeof(loc)),
				reloc->type, reloc_type_name(reloc->type));
	}
}

void check_sections(struct checker *c)
{
	const struct reloc *reloc;
	struct section *sec;
	unsigned int i;

	for_each_section(c->mod, sec, i) {
		if (klp_is_klp_rela(sec) ||
		    !strncmp(sec->name, KLP_RELA_PREFIX, strlen(KLP_RELA_PREFIX))) {
			check_klp_section(c, sec);
			continue;
		}
		if (sec->sh.sh_type != SHT_RELA || !sec->base ||
		    !(sec->base->sh.sh_flags & SHF_ALLOC))
			continue;
		/* A relocation the loader applies when the module loads. */
		for_each_reloc(sec->base, reloc) {
			char loc[ELF_LOCATION_LEN];

			elf_location(sec->base, reloc->offset, loc, sizeof(loc));
			if (!klp_loader_accepts_reloc(reloc->type))
				problem(c, "%s: relocation at %s against %s: type %u (%s) is not applied by the 6.1 x86-64 loader",
					sec->name, loc, symbol_display_name(reloc->sym),
					reloc->type, reloc_type_name(reloc->type));
			if (reloc->sym->shndx == SHN_LIVEPATCH)
				problem(c, "%s: relocation at %s: livepatch symbol %s in a normal relocation section (the loader cannot resolve it)",
					sec->name, loc, reloc->sym->name);
			else if (reloc->sym->sec && !(reloc->sym->sec->sh.sh_flags & SHF_ALLOC))
				problem(c, "%s: relocation at %s refers to %s in %s, which is not loaded: the loader would resolve it outside the module",
					sec->name, loc, symbol_display_name(reloc->sym),
					reloc->sym->sec->name);
		}
	}
}

void check_livepatch_symbols(struct checker *c)
{
	struct klp_sym_name parsed;
	struct symbol *sym;
	const char *why;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		bool klp_named = !strncmp(sym->name, KLP_SYM_PREFIX, strlen(KLP_SYM_PREFIX));

		if (sym->shndx != SHN_LIVEPATCH) {
			if (klp_named)
				problem(c, "symbol %s: named like a livepatch symbol but st_shndx is 0x%x, not SHN_LIVEPATCH",
					sym->name, sym->shndx);
			continue;
		}
		if (klp_parse_sym_name(sym->name, &parsed, &why)) {
			problem(c, "symbol %s: not a well-formed .klp.sym.<object>.<name>,<sympos>: %s",
				sym->name, why);
			continue;
		}
		if ((why = klp_check_objname(parsed.objname)))
			problem(c, "symbol %s: bad object name '%s': %s", sym->name, parsed.objname, why);
		if (sym->bind != STB_GLOBAL)
			problem(c, "symbol %s: binding %u, not STB_GLOBAL", sym->name, sym->bind);
		if (c->lookup)
			check_target_symbol(c, sym->name, parsed.objname, parsed.name,
					    parsed.sympos, false);
	}
}

/*
 * A defined symbol must lie inside its section: the loader and kallsyms
 * take its value and size on trust.
 */
void check_symbol_bounds(struct checker *c)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(c->mod, sym, i) {
		unsigned long size;

		if (!sym->sec)
			continue;
		size = sym->sec->sh.sh_size;
		if (sym->offset > size || sym->size > size - sym->offset)
			problem(c, "symbol %s: 0x%lx+0x%lx lies outside %s (0x%lx bytes)",
				sym->name, sym->offset, sym->size, sym->sec->name, size);
	}
}

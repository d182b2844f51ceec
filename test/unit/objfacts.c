// SPDX-License-Identifier: GPL-2.0
/*
 * objfacts: check one fact about a relocatable object, for the unit tests.
 *
 *   objfacts OBJ defined NAME      a symbol NAME is defined (not SHN_UNDEF)
 *   objfacts OBJ undefined NAME    NAME is in the symbol table, never defined
 *   objfacts OBJ absent NAME       no symbol is called NAME
 *   objfacts OBJ func NAME         NAME is a defined STT_FUNC with a size
 *   objfacts OBJ reloc FROM TO     a relocation inside FROM (or its .cold
 *                                  part; or section FROM when no symbol has
 *                                  that name) targets TO
 *   objfacts OBJ string FROM TEXT  a relocation inside FROM points at the
 *                                  string literal TEXT (C escapes \n \t \\
 *                                  \" allowed) in a defined string section
 *   objfacts OBJ dump              print sections, symbols and relocations
 *
 * Section symbols are known by their section's name, so "defined .rodata.f"
 * and "reloc f .rodata.f" work for sections that have no named symbol, such
 * as a jump table.  A relocation against a section symbol also targets the
 * named symbol that covers the place it points to.
 *
 * Exit status: 0 the fact holds, 1 it does not (the reason goes to stderr),
 * 2 usage or read error.  Built on the project's ELF model; no libelf here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf-model.h"

#define FACT_HOLDS	0
#define FACT_FAILS	1
#define FACT_ERROR	2

static const char *obj_path;

static void fact_fails(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fact_fails(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "objfacts: %s: ", obj_path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool is_defined(const struct symbol *sym)
{
	return sym->shndx != SHN_UNDEF;
}

static unsigned int count_named(const struct elf *elf, const char *name, unsigned int *defined)
{
	struct symbol *sym;
	struct hnode *node;
	unsigned int n = 0;

	*defined = 0;
	for_each_symbol_by_name(elf, name, sym, node) {
		n++;
		if (is_defined(sym))
			(*defined)++;
	}
	return n;
}

static int check_defined(const struct elf *elf, const char *name)
{
	unsigned int defined, n = count_named(elf, name, &defined);

	if (defined)
		return FACT_HOLDS;
	if (n)
		fact_fails("%s is in the symbol table but undefined", name);
	else
		fact_fails("no symbol named %s", name);
	return FACT_FAILS;
}

static int check_undefined(const struct elf *elf, const char *name)
{
	unsigned int defined, n = count_named(elf, name, &defined);

	if (n && !defined)
		return FACT_HOLDS;
	if (defined)
		fact_fails("%s is defined (%u of %u symbols with that name)", name, defined, n);
	else
		fact_fails("no symbol named %s (expected an undefined reference)", name);
	return FACT_FAILS;
}

static int check_absent(const struct elf *elf, const char *name)
{
	unsigned int defined, n = count_named(elf, name, &defined);

	if (!n)
		return FACT_HOLDS;
	fact_fails("%s is present (%u symbols, %u defined)", name, n, defined);
	return FACT_FAILS;
}

static int check_func(const struct elf *elf, const char *name)
{
	struct symbol *sym, *seen = NULL;
	struct hnode *node;

	for_each_symbol_by_name(elf, name, sym, node) {
		if (sym->type == STT_FUNC && sym->size && is_defined(sym))
			return FACT_HOLDS;
		seen = sym;
	}
	if (!seen)
		fact_fails("no symbol named %s", name);
	else
		fact_fails("%s is not a defined, sized function (type %u, size %lu, %s)", name,
			   seen->type, seen->size, is_defined(seen) ? "defined" : "undefined");
	return FACT_FAILS;
}

/*
 * Where a relocation against a section symbol points.  PC-relative fields
 * are relative to the end of the instruction, which the relocation does not
 * record, so try the usual distances (a bare displacement, or one followed
 * by an 8-bit or 32-bit immediate).
 */
static bool section_reloc_hits(const struct reloc *reloc, const char *to)
{
	static const long pcrel_bias[] = { 4, 5, 8 };
	const struct section *target = reloc->sym->sec;
	const struct symbol *sym;
	unsigned int i;

	if (reloc->sym->type != STT_SECTION || !target)
		return false;
	switch (reloc->type) {
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
		for (i = 0; i < sizeof(pcrel_bias) / sizeof(pcrel_bias[0]); i++) {
			sym = find_symbol_containing(target, reloc->addend + pcrel_bias[i]);
			if (sym && !strcmp(sym->name, to))
				return true;
		}
		return false;
	default:
		sym = find_symbol_containing(target, reloc->addend);
		return sym && !strcmp(sym->name, to);
	}
}

static bool reloc_targets(const struct reloc *reloc, const char *to)
{
	return !strcmp(reloc->sym->name, to) || section_reloc_hits(reloc, to);
}

/* Decode the escapes a C literal may use in a test file: \n \t \\ \". */
static char *unescape(const char *text)
{
	char *out = malloc(strlen(text) + 1), *p = out;

	if (!out)
		return NULL;
	for (; *text; text++) {
		if (*text != '\\' || !text[1]) {
			*p++ = *text;
			continue;
		}
		switch (*++text) {
		case 'n':	*p++ = '\n'; break;
		case 't':	*p++ = '\t'; break;
		default:	*p++ = *text; break;
		}
	}
	*p = '\0';
	return out;
}

/* Does @reloc point at the start of the literal @want in a string section? */
static bool reloc_points_at_string(const struct reloc *reloc, const char *want)
{
	const struct section *target = reloc->sym->sec;
	long where = (long)reloc->sym->offset + reloc->addend;
	size_t len = strlen(want);

	if (!target || !is_string_section(target) || !target->data)
		return false;
	if (reloc->type == R_X86_64_PC32 || reloc->type == R_X86_64_PLT32)
		where += 4;
	if (where < 0 || (size_t)where + len + 1 > target->size)
		return false;
	return !memcmp(target->data + where, want, len + 1);
}

typedef bool (*reloc_match_fn)(const struct reloc *reloc, const char *arg);

/* The relocations of @sym: those of its section inside [offset, offset + size). */
static bool symbol_has_reloc(const struct symbol *sym, reloc_match_fn match, const char *arg)
{
	const struct section *sec = sym->sec;
	const struct reloc *reloc;
	bool whole = !sym->size || sec->nr_syms <= 1;

	for_each_reloc(sec, reloc) {
		if (!whole && (reloc->offset < sym->offset ||
			       reloc->offset >= sym->offset + sym->size))
			continue;
		if (match(reloc, arg))
			return true;
	}
	return false;
}

/* @name is @from or one of its split-off parts: from.cold, from.cold.N */
static bool is_part_of(const char *name, const char *from)
{
	size_t len = strlen(from);

	if (strncmp(name, from, len))
		return false;
	name += len;
	return !*name || !strcmp(name, ".cold") || !strncmp(name, ".cold.", 6);
}

/*
 * Is there a relocation in @from (a symbol and its .cold parts or, when no
 * symbol has that name, a section such as a jump table) that @match likes?
 */
static int check_relocs_of(const struct elf *elf, const char *from, reloc_match_fn match,
			   const char *arg, const char *what)
{
	const struct reloc *reloc;
	const struct section *sec;
	unsigned int i, found = 0;
	struct symbol *sym;

	for_each_symbol(elf, sym, i) {
		if (!sym->sec || sym->type == STT_SECTION || !is_part_of(sym->name, from))
			continue;
		found++;
		if (symbol_has_reloc(sym, match, arg))
			return FACT_HOLDS;
	}
	if (found) {
		fact_fails("no relocation in %s %s", from, what);
		return FACT_FAILS;
	}

	sec = find_section_by_name(elf, from);
	if (!sec) {
		fact_fails("no defined symbol or section named %s", from);
		return FACT_FAILS;
	}
	for_each_reloc(sec, reloc)
		if (match(reloc, arg))
			return FACT_HOLDS;
	fact_fails("no relocation in section %s %s", from, what);
	return FACT_FAILS;
}

static int check_reloc(const struct elf *elf, const char *from, const char *to)
{
	char what[512];

	snprintf(what, sizeof(what), "targets %s", to);
	return check_relocs_of(elf, from, reloc_targets, to, what);
}

static int check_string(const struct elf *elf, const char *from, const char *text)
{
	char *want = unescape(text), what[512];
	int ret;

	if (!want)
		return FACT_ERROR;
	snprintf(what, sizeof(what), "points at the string \"%s\"", text);
	ret = check_relocs_of(elf, from, reloc_points_at_string, want, what);
	free(want);
	return ret;
}

static const char *bind_name(unsigned char bind)
{
	switch (bind) {
	case STB_LOCAL:		return "LOCAL";
	case STB_GLOBAL:	return "GLOBAL";
	case STB_WEAK:		return "WEAK";
	default:		return "?";
	}
}

static const char *type_name(unsigned char type)
{
	switch (type) {
	case STT_NOTYPE:	return "NOTYPE";
	case STT_OBJECT:	return "OBJECT";
	case STT_FUNC:		return "FUNC";
	case STT_SECTION:	return "SECTION";
	case STT_FILE:		return "FILE";
	default:		return "?";
	}
}

static void dump_symbol_place(const struct symbol *sym)
{
	if (sym->sec)
		printf("%-24s", sym->sec->name);
	else if (sym->shndx == SHN_UNDEF)
		printf("%-24s", "UNDEF");
	else if (sym->shndx == SHN_ABS)
		printf("%-24s", "ABS");
	else if (sym->shndx == SHN_LIVEPATCH)
		printf("%-24s", "LIVEPATCH");
	else
		printf("shndx 0x%-18x", sym->shndx);
}

static void dump(const struct elf *elf)
{
	const struct reloc *reloc;
	struct section *sec;
	struct symbol *sym;
	unsigned int i;

	printf("sections:\n");
	for_each_section(elf, sec, i)
		printf("  [%3u] %-32s type %2u flags 0x%-4lx size 0x%lx\n", sec->index, sec->name,
		       sec->sh.sh_type, (unsigned long)sec->sh.sh_flags, (unsigned long)sec->size);

	printf("symbols:\n");
	for_each_symbol(elf, sym, i) {
		printf("  [%3u] %-6s %-7s ", sym->index, bind_name(sym->bind), type_name(sym->type));
		dump_symbol_place(sym);
		printf(" 0x%-6lx size %-5lu %s\n", sym->offset, sym->size, sym->name);
	}

	printf("relocations:\n");
	for_each_section(elf, sec, i) {
		if (!sec->nr_relocs)
			continue;
		printf("  %s:\n", sec->name);
		for_each_reloc(sec, reloc) {
			const struct symbol *in = find_symbol_containing(sec, reloc->offset);

			printf("    0x%-6lx %-16s %s%+ld", reloc->offset, reloc_type_name(reloc->type),
			       symbol_display_name(reloc->sym), reloc->addend);
			if (in)
				printf("    (in %s+0x%lx)", in->name, reloc->offset - in->offset);
			putchar('\n');
		}
	}
}

static int usage(void)
{
	fprintf(stderr,
		"usage: objfacts OBJ defined|undefined|absent|func NAME\n"
		"       objfacts OBJ reloc FROMSYM TOSYM\n"
		"       objfacts OBJ string FROMSYM TEXT\n"
		"       objfacts OBJ dump\n");
	return FACT_ERROR;
}

int main(int argc, char **argv)
{
	const char *fact;
	struct elf *elf;
	int ret;

	pb_progname = "objfacts";
	if (argc < 3)
		return usage();
	obj_path = argv[1];
	fact = argv[2];
	if (!strcmp(fact, "dump") ? argc != 3 :
	    !strcmp(fact, "reloc") || !strcmp(fact, "string") ? argc != 5 : argc != 4)
		return usage();

	elf = elf_open(obj_path, ELF_OPEN_RELOCATABLE);
	if (!elf)
		return FACT_ERROR;

	if (!strcmp(fact, "dump")) {
		dump(elf);
		ret = FACT_HOLDS;
	} else if (!strcmp(fact, "defined")) {
		ret = check_defined(elf, argv[3]);
	} else if (!strcmp(fact, "undefined")) {
		ret = check_undefined(elf, argv[3]);
	} else if (!strcmp(fact, "absent")) {
		ret = check_absent(elf, argv[3]);
	} else if (!strcmp(fact, "func")) {
		ret = check_func(elf, argv[3]);
	} else if (!strcmp(fact, "reloc")) {
		ret = check_reloc(elf, argv[3], argv[4]);
	} else if (!strcmp(fact, "string")) {
		ret = check_string(elf, argv[3], argv[4]);
	} else {
		ret = usage();
	}
	elf_close(elf);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * create-diff-object: compare an object built from the original source with
 * the same object built from the patched source, and write an object that
 * holds only what changed, ready to become part of a livepatch module.
 *
 * Exit status: 0 output written, 1 error, 2 unsafe change (each reason
 * printed), 3 no functional change.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "anon.h"
#include "diff.h"
#include "output.h"
#include "special.h"

#include "lookup.h"

#define MAX_MODULES 64

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif

static void usage(FILE *f)
{
	fprintf(f,
		"usage: create-diff-object [OPTIONS] ORIG.o PATCHED.o OUTPUT.o\n"
		"\n"
		"Compare an object built from the original source with the same object\n"
		"built from the patched source (both with -ffunction-sections\n"
		"-fdata-sections) and write OUTPUT.o holding only the changed and new\n"
		"functions and what they need.\n"
		"\n"
		"  -e, --explain        say why each function is in the output\n"
		"  -n, --objname NAME   the object's owner: vmlinux or a module name\n"
		"  -k, --vmlinux FILE   the target kernel (DWARF for entry sizes, symbols)\n"
		"  -y, --symvers FILE   the target's Module.symvers (exports and CRCs)\n"
		"  -m, --module KO      a module of the target whose symbols the patch uses\n"
		"                       (the object's own module, for --objname NAME)\n"
		"  -N, --new-symbols FILE\n"
		"                       what the other objects of the patch add, one\n"
		"                       'NAME BINDING OBJECT' line each (BINDING global,\n"
		"                       weak or local): references to those globals stay\n"
		"                       for the module's link to resolve\n"
		"  -s, --entry-size STRUCT=BYTES\n"
		"                       size of a special-section entry type, for kernels\n"
		"                       without debug info (e.g. bug_entry=12)\n"
		"  -v, --verbose        report how symbols were paired\n"
		"  -h, --help           show this help\n"
		"  -V, --version        show the version\n"
		"\n"
		"Exit status: 0 output written; 1 error; 2 the change cannot be live\n"
		"patched safely (every reason is printed); 3 no functional change (no\n"
		"output written).\n");
}

static const char *first_file_symbol(const struct elf *elf)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(elf, sym, i)
		if (sym->type == STT_FILE)
			return sym->name;
	return NULL;
}

static int check_same_source(const struct diff *d)
{
	const char *o = first_file_symbol(d->orig), *p = first_file_symbol(d->patched);

	if (o && p && strcmp(o, p)) {
		pb_error("%s and %s were compiled from different source files (%s, %s)",
			 d->orig->path, d->patched->path, o, p);
		return -1;
	}
	return 0;
}

/* The passes read each symbol's bytes: they must lie in its section. */
static int check_symbol_bounds(const struct elf *elf)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(elf, sym, i) {
		if (!sym->sec || (sym->offset <= sym->sec->size &&
				  sym->size <= sym->sec->size - sym->offset))
			continue;
		pb_error("%s: symbol %u (%s): bytes 0x%lx-0x%lx lie outside %s (0x%zx bytes)",
			 elf->path, i, sym->name, sym->offset, sym->offset + sym->size,
			 sym->sec->name, sym->sec->size);
		return -1;
	}
	return 0;
}

static void report_pairing(const struct diff *d)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(d->orig, sym, i) {
		if (sym->type == STT_SECTION || sym->type == STT_FILE)
			continue;
		if (sym->twin && strcmp(sym->name, sym->twin->name))
			fprintf(stderr, "paired %s with %s\n", sym->name, sym->twin->name);
		else if (!sym->twin && sym->shndx != SHN_UNDEF)
			fprintf(stderr, "%s: only in the original\n", sym->name);
	}
	for_each_symbol(d->patched, sym, i)
		if (!sym->twin && sym->type != STT_SECTION && sym->shndx != SHN_UNDEF)
			fprintf(stderr, "%s: only in the patched object\n", sym->name);
}

/* --entry-size STRUCT=BYTES */
static int add_entry_size(struct diff *d, char *arg)
{
	char *eq = strchr(arg, '='), *end;
	struct entry_size *grown;
	long size;

	size = eq ? strtol(eq + 1, &end, 0) : 0;
	if (!eq || eq == arg || *end || size <= 0 || size > 4096) {
		pb_error("--entry-size takes STRUCT=BYTES, e.g. bug_entry=12 (got '%s')", arg);
		return -1;
	}
	grown = realloc(d->entry_sizes, (d->nr_entry_sizes + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	*eq = '\0';
	d->entry_sizes = grown;
	d->entry_sizes[d->nr_entry_sizes].type = arg;
	d->entry_sizes[d->nr_entry_sizes++].size = size;
	return 0;
}

static int refused(struct diff *d)
{
	print_refusals(d);
	return EXIT_UNSAFE;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "objname", required_argument, NULL, 'n' },
		{ "vmlinux", required_argument, NULL, 'k' },
		{ "entry-size", required_argument, NULL, 's' },
		{ "symvers", required_argument, NULL, 'y' },
		{ "module", required_argument, NULL, 'm' },
		{ "new-symbols", required_argument, NULL, 'N' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *symvers = NULL, *new_symbols = NULL, *modules[MAX_MODULES];
	unsigned int nr_modules = 0, i;
	struct diff d = {0};
	int opt, status = EXIT_ERROR;

	pb_progname = "create-diff-object";
	while ((opt = getopt_long(argc, argv, "en:k:s:y:m:N:vhV", options, NULL)) != -1) {
		switch (opt) {
		case 'e':
			d.explain = true;
			break;
		case 'n':
			/* The kernel spells module names with '_' for '-'. */
			for (char *c = optarg; *c; c++)
				if (*c == '-')
					*c = '_';
			d.objname = optarg;
			break;
		case 'k':
			d.vmlinux = optarg;
			break;
		case 's':
			if (add_entry_size(&d, optarg))
				goto out;
			break;
		case 'y':
			symvers = optarg;
			break;
		case 'm':
			if (nr_modules < MAX_MODULES)
				modules[nr_modules++] = optarg;
			else {
				pb_error("at most %d --module options", MAX_MODULES);
				goto out;
			}
			break;
		case 'N':
			new_symbols = optarg;
			break;
		case 'v':
			d.verbose = true;
			break;
		default:
			if (pb_common_option(opt, usage, "create-diff-object"))
				return EXIT_OUTPUT;
			goto out;
		}
	}
	if (argc - optind != 3) {
		pb_error("expected ORIG.o PATCHED.o OUTPUT.o (see --help)");
		goto out;
	}

	if (new_symbols && read_new_symbols(&d, new_symbols))
		goto out;
	if (d.vmlinux || symvers || nr_modules) {
		d.lookup = lookup_open(d.vmlinux, symvers);
		if (!d.lookup)
			goto out;
		for (i = 0; i < nr_modules; i++)
			if (lookup_add_module(d.lookup, modules[i]))
				goto out;
	}

	d.orig = elf_open(argv[optind], ELF_OPEN_RELOCATABLE);
	if (!d.orig)
		goto out;
	d.patched = elf_open(argv[optind + 1], ELF_OPEN_RELOCATABLE);
	if (!d.patched)
		goto out;
	/*
	 * The stages, in order.  Every refusal is decided before any output
	 * exists: after what changed, and after what the changes need.
	 */
	if (check_symbol_bounds(d.orig) || check_symbol_bounds(d.patched) ||
	    check_same_source(&d) ||
	    correlate(&d))			/* pair the two objects' symbols */
		goto out;
	if (d.verbose)
		report_pairing(&d);
	if (read_ignores(&d) ||			/* the author's PATCH_IGNORE_* records */
	    compare_objects(&d) ||		/* what changed */
	    check_safety(&d))			/* what of it cannot be patched */
		goto out;
	if (d.nr_refusals) {
		status = refused(&d);
		goto out;
	}
	if (!has_patchable_change(&d)) {
		fprintf(stderr, "%s: %s: no functional change\n", pb_progname, argv[optind + 1]);
		status = EXIT_NO_CHANGE;
		goto out;
	}
	if (include_changes(&d) ||		/* what the changes need */
	    check_carried_entries(&d))		/* what of it cannot be carried */
		goto out;
	if (d.nr_refusals) {
		status = refused(&d);
		goto out;
	}
	if (build_output(&d, argv[optind + 2]) ||	/* the functions and data */
	    filter_special_sections(&d) ||	/* their entries of the kernel's tables */
	    add_livepatch_records(&d) ||	/* .patch.funcs, klp relocation records */
	    finish_output(&d) ||
	    elf_write(d.out))
		goto out;
	print_report(&d, stdout);
	status = fflush(stdout) ? EXIT_ERROR : EXIT_OUTPUT;
out:
	if (d.lookup)
		lookup_close(d.lookup);
	free_special(&d);
	free_decl_lines(&d.orig_decls);
	free_decl_lines(&d.patched_decls);
	free_ignores(&d);
	free_new_symbols(&d);
	free(d.entry_sizes);
	free_string_pools(&d);
	anon_free(d.orig);
	anon_free(d.patched);
	free_reasons(&d);
	free(d.queue);
	elf_close(d.out);
	elf_close(d.patched);
	elf_close(d.orig);
	return status;
}

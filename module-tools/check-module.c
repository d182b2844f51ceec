// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-module: validate a livepatch module against what the 6.1
 * kernel's module loader and livepatch core accept, in the manner of
 * elflint: each check looks at one structure, prints one line per problem
 * and counts it.  With the target kernel's files it also checks that every
 * symbol the module needs exists there: exports and CRCs (Module.symvers),
 * klp symbols and patched functions (vmlinux, the target's modules).
 *
 * Exit status: 0 no problem, 1 problems found (each printed), 2 the module
 * or a target file could not be read.
 *
 * This file holds the options, the module's own checks and main; the
 * other checks are listed in check-module.h.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "check-module.h"
#include "check-relocs.h"
#include "klp-elf.h"
#include "lookup.h"
#include "patch-records.h"

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif

void problem(struct checker *c, const char *fmt, ...)
{
	/* --list-funcs keeps stdout for the list. */
	FILE *f = c->listing ? stderr : stdout;
	va_list ap;

	fprintf(f, "%s: ", c->path);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	c->problems++;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: patch-check-module [OPTIONS] MODULE.ko\n"
		"\n"
		"Check a livepatch module against the livepatch ABI of the 6.1 kernel,\n"
		"and against the target kernel's files when they are given.  Prints one\n"
		"line per problem and their count.\n"
		"\n"
		"  -k, --vmlinux FILE        the target vmlinux: klp symbols and patched\n"
		"                            functions must resolve in it\n"
		"  -s, --symvers FILE        the target's Module.symvers: undefined symbols\n"
		"                            must be exported, with the same CRCs\n"
		"  -m, --module-dir DIR      the target's modules (searched for <name>.ko)\n"
		"  -r, --vermagic STRING     the vermagic the module must carry\n"
		"  -R, --kernel-release REL  the kernel release its vermagic must start with\n"
		"  -p, --patched OBJ         a patched object the module was made from\n"
		"                            (repeat for each): every relocation inside a\n"
		"                            function or data object the module carries\n"
		"                            must point where the patched object's does\n"
		"  -L, --list-funcs          print what the module redirects, one\n"
		"                            OBJNAME<TAB>NAME<TAB>SYMPOS line per record\n"
		"      --relocs-only         MODULE is a differ output, not a linked module:\n"
		"                            check only its relocations (with --patched)\n"
		"  -q, --quiet               print only the problems, not the count\n"
		"  -h, --help                show this help\n"
		"  -V, --version             show the version\n"
		"\n"
		"Exit status: 0 no problem; 1 problems found; 2 a file could not be read.\n");
}
/* ---- the checks ----------------------------------------------------------- */

static void check_modinfo(struct checker *c)
{
	const char *livepatch = klp_modinfo_get(c->mod, "livepatch");
	const char *vermagic = klp_modinfo_get(c->mod, "vermagic");

	if (!find_section_by_name(c->mod, ".modinfo")) {
		problem(c, ".modinfo: missing (not a kernel module)");
		return;
	}
	if (!livepatch)
		problem(c, ".modinfo: no livepatch=Y: klp_enable_patch() refuses the module (MODULE_INFO(livepatch, \"Y\"))");
	else if (strcmp(livepatch, "Y"))
		problem(c, ".modinfo: livepatch=%s, not livepatch=Y", livepatch);
	if (!vermagic) {
		problem(c, ".modinfo: no vermagic=: the module loader refuses the module");
		return;
	}
	if (c->vermagic && strcmp(vermagic, c->vermagic))
		problem(c, ".modinfo: vermagic '%s' differs from the target's '%s'", vermagic,
			c->vermagic);
	if (c->release) {
		size_t len = strlen(c->release);

		if (strncmp(vermagic, c->release, len) || (vermagic[len] && vermagic[len] != ' '))
			problem(c, ".modinfo: vermagic '%s' is not for kernel release %s", vermagic,
				c->release);
	}
}

static void check_this_module(struct checker *c)
{
	if (!find_section_by_name(c->mod, ".gnu.linkonce.this_module"))
		problem(c, ".gnu.linkonce.this_module: missing (the module was not built by kbuild/modpost)");
}

static void check_leftovers(struct checker *c)
{
	struct section *sec = find_section_by_name(c->mod, PATCH_KLP_RELOCS_SECTION);

	if (sec)
		problem(c, "%s: intermediate records left over (%zu bytes): run patch-post-link on the module",
			sec->name, sec->size);
}

static void guard_problem(void *arg, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	problem(arg, "%s", buf);
}

/* The relocation guard: see check-relocs.h. */
static int check_relocations(struct checker *c, bool quiet)
{
	struct reloc_guard g = {
		.mod = c->mod, .patched = c->patched, .nr_patched = c->nr_patched,
		.lookup = c->lookup, .problem = guard_problem, .arg = c,
	};

	if (check_reloc_mapping(&g))
		return -1;
	if (!quiet && c->nr_patched)
		printf("%s: %u relocations of %u symbols point where the patched objects' do\n",
		       c->path, g.relocs_checked, g.symbols_checked);
	return 0;
}

static int add_patched(struct checker *c, const char *path)
{
	struct elf **grown = realloc(c->patched, (c->nr_patched + 1) * sizeof(*grown));

	if (!grown) {
		pb_error("out of memory");
		return -1;
	}
	c->patched = grown;
	c->patched[c->nr_patched] = elf_open(path, ELF_OPEN_RELOCATABLE);
	if (!c->patched[c->nr_patched])
		return -1;
	c->nr_patched++;
	return 0;
}

static int check_module(struct checker *c)
{
	if (c->relocs_only)
		return 0;
	check_modinfo(c);
	check_this_module(c);
	check_leftovers(c);
	if (check_patch_funcs(c) || collect_callback_objects(c))
		return -1;
	check_sections(c);
	check_symbol_bounds(c);
	check_livepatch_symbols(c);
	if (c->have_symvers) {
		check_undefined_symbols(c);
		check_versions(c);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "vmlinux", required_argument, NULL, 'k' },
		{ "symvers", required_argument, NULL, 's' },
		{ "module-dir", required_argument, NULL, 'm' },
		{ "vermagic", required_argument, NULL, 'r' },
		{ "kernel-release", required_argument, NULL, 'R' },
		{ "patched", required_argument, NULL, 'p' },
		{ "relocs-only", no_argument, NULL, 'O' },
		{ "list-funcs", no_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *vmlinux = NULL, *symvers = NULL, *patched[64];
	unsigned int nr_patched = 0, i;
	struct checker c = { 0 };
	bool quiet = false;
	int opt, ret = 2;

	pb_progname = "patch-check-module";
	while ((opt = getopt_long(argc, argv, "k:s:m:r:R:p:LqhV", options, NULL)) != -1) {
		switch (opt) {
		case 'k':
			vmlinux = optarg;
			break;
		case 's':
			symvers = optarg;
			break;
		case 'm':
			c.module_dir = optarg;
			break;
		case 'r':
			c.vermagic = optarg;
			break;
		case 'R':
			c.release = optarg;
			break;
		case 'p':
			if (nr_patched == sizeof(patched) / sizeof(patched[0])) {
				pb_error("at most %zu --patched objects", sizeof(patched) / sizeof(patched[0]));
				return 2;
			}
			patched[nr_patched++] = optarg;
			break;
		case 'O':
			c.relocs_only = true;
			break;
		case 'L':
			c.listing = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			return pb_common_option(opt, usage, "patch-check-module") ? 0 : 2;
		}
	}
	if (argc - optind != 1) {
		pb_error("expected one module (try --help)");
		return 2;
	}
	c.path = argv[optind];
	c.mod = klp_elf_open(c.path);
	if (!c.mod)
		goto out;
	if (c.listing) {
		ret = list_funcs(&c) || c.problems ? 1 : 0;
		goto out;
	}
	if (symvers && read_target_symvers(&c, symvers))
		goto out;
	if (vmlinux || c.module_dir) {
		c.lookup = lookup_open(vmlinux, NULL);
		if (!c.lookup)
			goto out;
		c.have_vmlinux = vmlinux != NULL;
	}
	if (c.module_dir && scan_module_dir(&c, c.module_dir))
		goto out;
	if (c.relocs_only && !nr_patched) {
		pb_error("--relocs-only needs --patched");
		goto out;
	}
	for (i = 0; i < nr_patched; i++)
		if (add_patched(&c, patched[i]))
			goto out;
	if (check_module(&c) || check_relocations(&c, quiet))
		goto out;
	if (!quiet)
		printf("%s: %u problem%s\n", c.path, c.problems, c.problems == 1 ? "" : "s");
	ret = c.problems ? 1 : 0;
out:
	free_target_modules(&c);
	if (c.lookup)
		lookup_close(c.lookup);
	free_target_symvers(&c);
	free(c.objnames);
	for (i = 0; i < c.nr_patched; i++)
		elf_close(c.patched[i]);
	free(c.patched);
	elf_close(c.mod);
	return ret;
}

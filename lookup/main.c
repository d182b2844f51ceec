// SPDX-License-Identifier: GPL-2.0
/*
 * lookup: resolve symbols against the target kernel, the way a livepatch
 * will name them: owner (vmlinux or a module), sympos, export and CRC.
 *
 * Exit status: 0 every symbol was found; 1 an error, or a symbol missing
 * or ambiguous (each one reported on stderr).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "elf-model.h"
#include "lookup.h"

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif

struct options {
	const char *vmlinux;
	const char *symvers;
	const char **modules;
	unsigned int nr_modules;
	const char *object;
	const char *objname;
	const char **lists;
	unsigned int nr_lists;
};

/* What --object contributes: the object and its locals. */
struct object {
	struct elf *elf;
	struct lookup_object_locals locals;
	const char *objname;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lookup [OPTIONS] SYMBOL... (- reads names from stdin)\n"
		"       lookup [OPTIONS] --list NAME\n"
		"\n"
		"Resolve symbols against the target kernel as a livepatch names them: the\n"
		"binary that owns each (vmlinux or a module), its sympos among same-named\n"
		"symbols in kallsyms order, whether it is exported, and its CRC.\n"
		"\n"
		"  -k, --vmlinux FILE   the target's vmlinux (unstripped)\n"
		"  -s, --symvers FILE   the target's Module.symvers\n"
		"  -m, --module KO      a module's .ko (repeat for several)\n"
		"  -o, --object OBJ.o   resolve the object's own static symbols through its\n"
		"                       FILE block in the target\n"
		"  -n, --objname NAME   the binary OBJ.o (or the code referring to SYMBOL)\n"
		"                       is part of; default vmlinux, or the only module\n"
		"  -l, --list NAME      list every symbol called NAME with its sympos and\n"
		"                       FILE block (repeat for several)\n"
		"  -h, --help           show this help\n"
		"  -V, --version        show the version\n"
		"\n"
		"Output, one line per symbol:\n"
		"  SYMBOL: OBJNAME sympos=N addr=0x... size=N local|global TYPE [file=F]\n"
		"          [exported(OWNER) crc=0x... [gpl] [ns=NS] | not-exported]\n"
		"\n"
		"Exit status: 0 all found; 1 an error, or a symbol missing or ambiguous.\n");
}

static const char *type_name(unsigned char type)
{
	switch (type) {
	case STT_FUNC:
		return "func";
	case STT_OBJECT:
		return "object";
	case STT_TLS:
		return "tls";
	default:
		return "notype";
	}
}

static void print_result(const char *name, const struct lookup_result *res)
{
	printf("%s: %s", name, res->objname);
	if (res->in_symtab)
		printf(" sympos=%lu addr=0x%lx size=%lu", res->sympos, res->addr, res->size);
	printf(" %s", res->global ? "global" : "local");
	if (res->in_symtab)
		printf(" %s", type_name(res->type));
	if (res->file)
		printf(" file=%s", res->file);
	if (res->global) {
		if (res->exported) {
			printf(" exported(%s) crc=0x%08x", res->export_owner, res->crc);
			if (res->export_type && strstr(res->export_type, "_GPL"))
				printf(" gpl");
			if (res->namespace[0])
				printf(" ns=%s", res->namespace);
		} else {
			printf(" not-exported");
		}
	}
	putchar('\n');
}

static int print_listed(const struct lookup_result *res, void *arg)
{
	print_result(arg, res);
	return 0;
}

static int list_symbol(struct lookup *lookup, const char *name)
{
	int n = lookup_list(lookup, name, print_listed, (void *)name);

	if (n == 0)
		pb_error("'%s': no symbol of that name in the binaries given", name);
	return n > 0 ? 0 : -1;
}

static bool object_defines_local(const struct object *obj, const char *name)
{
	struct symbol *sym;
	struct hnode *node;

	for_each_symbol_by_name(obj->elf, name, sym, node)
		if (sym->bind == STB_LOCAL && sym->sec && sym->type != STT_SECTION &&
		    sym->type != STT_FILE)
			return true;
	return false;
}

static int resolve(struct lookup *lookup, const struct object *obj, const char *name)
{
	struct lookup_result res;
	int ret;

	if (obj->elf && object_defines_local(obj, name))
		ret = lookup_local(lookup, obj->objname, obj->locals.file,
				   obj->locals.names, obj->locals.nr, name, &res);
	else if (obj->objname)
		ret = lookup_global_from(lookup, obj->objname, name, &res);
	else
		ret = lookup_global(lookup, name, &res);
	if (!ret)
		print_result(name, &res);
	return ret;
}

/* "-": the names to resolve, one per line on stdin. */
static int resolve_stdin(struct lookup *lookup, const struct object *obj)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int ret = 0;

	while ((len = getline(&line, &cap, stdin)) >= 0) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len && resolve(lookup, obj, line))
			ret = -1;
	}
	free(line);
	return ret;
}

static int open_object(const struct options *opts, struct lookup *lookup, struct object *obj)
{
	if (opts->objname && !lookup_has_object(lookup, opts->objname)) {
		pb_error("%s: --objname %s: no such binary was given (--vmlinux, --module)",
			 opts->object, opts->objname);
		return -1;
	}
	obj->objname = opts->objname;
	obj->elf = elf_open(opts->object, ELF_OPEN_ANY_TYPE | ELF_OPEN_NO_RELOCS);
	if (!obj->elf)
		return -1;
	return lookup_object_locals(obj->elf, &obj->locals);
}

static int add_arg(const char ***array, unsigned int *nr, const char *arg)
{
	const char **p = realloc(*array, (*nr + 1) * sizeof(*p));

	if (!p) {
		pb_error("out of memory");
		return -1;
	}
	p[(*nr)++] = arg;
	*array = p;
	return 0;
}

static int parse_options(int argc, char **argv, struct options *opts)
{
	static const struct option options[] = {
		{ "vmlinux", required_argument, NULL, 'k' },
		{ "symvers", required_argument, NULL, 's' },
		{ "module", required_argument, NULL, 'm' },
		{ "object", required_argument, NULL, 'o' },
		{ "objname", required_argument, NULL, 'n' },
		{ "list", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "k:s:m:o:n:l:hV", options, NULL)) != -1) {
		switch (opt) {
		case 'k':
			opts->vmlinux = optarg;
			break;
		case 's':
			opts->symvers = optarg;
			break;
		case 'm':
			if (add_arg(&opts->modules, &opts->nr_modules, optarg))
				return -1;
			break;
		case 'o':
			opts->object = optarg;
			break;
		case 'n':
			opts->objname = optarg;
			break;
		case 'l':
			if (add_arg(&opts->lists, &opts->nr_lists, optarg))
				return -1;
			break;
		default:
			if (pb_common_option(opt, usage, "lookup (patch-build)"))
				exit(0);
			return -1;
		}
	}
	if (optind == argc && !opts->nr_lists) {
		pb_error("no symbol to look up (see --help)");
		return -1;
	}
	if (!opts->vmlinux && !opts->nr_modules && !opts->symvers) {
		pb_error("nothing to look in: give --vmlinux, --module or --symvers");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts = { 0 };
	struct object obj = { 0 };
	struct lookup *lookup = NULL;
	int i, status = 1;
	unsigned int j;
	bool failed = false;

	pb_progname = "lookup";
	if (parse_options(argc, argv, &opts))
		goto out;
	lookup = lookup_open(opts.vmlinux, opts.symvers);
	if (!lookup)
		goto out;
	for (j = 0; j < opts.nr_modules; j++)
		if (lookup_add_module(lookup, opts.modules[j]))
			goto out;
	if (opts.object && open_object(&opts, lookup, &obj))
		goto out;
	if (!opts.object && opts.objname) {
		if (!lookup_has_object(lookup, opts.objname)) {
			pb_error("--objname %s: no such binary was given (--vmlinux, --module)",
				 opts.objname);
			goto out;
		}
		obj.objname = opts.objname;
	}

	for (j = 0; j < opts.nr_lists; j++)
		if (list_symbol(lookup, opts.lists[j]))
			failed = true;
	for (i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") ? resolve(lookup, &obj, argv[i]) :
		    resolve_stdin(lookup, &obj))
			failed = true;
	status = failed || fflush(stdout) ? 1 : 0;
out:
	free(obj.locals.names);
	elf_close(obj.elf);
	lookup_close(lookup);
	free(opts.modules);
	free(opts.lists);
	return status;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The library interface as the differ uses it, on test/lookup/run's
 * synthetic kernel: find an object's FILE block once, then resolve its
 * locals in it; globals; listing.
 *
 *   api VMLINUX SYMVERS A_CMDLINE.o
 *
 * Prints one line per failed check and exits 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf-model.h"
#include "lookup.h"

static int failures;

#define CHECK(cond, ...)							\
	do {									\
		if (!(cond)) {							\
			printf("api: %s:%d: ", __FILE__, __LINE__);		\
			printf(__VA_ARGS__);					\
			putchar('\n');						\
			failures++;						\
		}								\
	} while (0)

static int count_listed(const struct lookup_result *res, void *arg)
{
	unsigned long *last = arg;

	CHECK(res->sympos == *last + 1, "listed sympos %lu after %lu", res->sympos, *last);
	*last = res->sympos;
	return 0;
}

static void check_block(struct lookup *lookup, const struct lookup_object_locals *locals)
{
	const struct lookup_block *block, *again;
	struct lookup_result res;

	block = lookup_find_block(lookup, NULL, locals->file, locals->names, locals->nr);
	CHECK(block, "no block for %s", locals->file);
	if (!block)
		return;
	again = lookup_find_block(lookup, "vmlinux", locals->file, locals->names, locals->nr);
	CHECK(again == block, "the same object gave a different block");

	CHECK(!lookup_block_symbol(lookup, block, "helper", &res), "helper not found");
	CHECK(res.sympos == 3 && !res.global && res.in_symtab && !strcmp(res.file, "cmdline.c") &&
	      !strcmp(res.objname, "vmlinux"), "helper: sympos %lu file %s", res.sympos,
	      res.file);
	CHECK(!lookup_block_symbol(lookup, block, "counter", &res) && res.sympos == 2,
	      "counter: sympos %lu", res.sympos);
	/* A global is not a local of the block. */
	CHECK(lookup_block_symbol(lookup, block, "a_entry", &res) == -1,
	      "a_entry found as a local");
}

int main(int argc, char **argv)
{
	struct lookup_object_locals locals;
	struct lookup_result res;
	struct lookup *lookup;
	unsigned long last = 0;
	struct elf *obj;

	if (argc != 4) {
		fprintf(stderr, "usage: api VMLINUX SYMVERS A_CMDLINE.o\n");
		return 2;
	}
	pb_progname = "api";
	lookup = lookup_open(argv[1], argv[2]);
	obj = elf_open(argv[3], ELF_OPEN_RELOCATABLE | ELF_OPEN_NO_RELOCS);
	if (!lookup || !obj || lookup_object_locals(obj, &locals))
		return 2;

	check_block(lookup, &locals);

	CHECK(!lookup_local(lookup, "vmlinux", locals.file, locals.names, locals.nr, "a_only",
			    &res) && res.sympos == 0, "a_only: sympos %lu", res.sympos);
	CHECK(!lookup_global(lookup, "a_entry", &res) && res.exported && res.crc == 0x12345678 &&
	      !strcmp(res.export_owner, "vmlinux") && !strcmp(res.export_type, "EXPORT_SYMBOL"),
	      "a_entry: exported %d crc %#x", res.exported, res.crc);
	CHECK(!lookup_global(lookup, "b_entry", &res) && !strcmp(res.namespace, "MY_NS") &&
	      !strcmp(res.export_type, "EXPORT_SYMBOL_GPL"), "b_entry: namespace %s",
	      res.namespace);
	CHECK(!lookup_global(lookup, "other_fn", &res) && !res.in_symtab &&
	      !strcmp(res.objname, "other_mod"), "other_fn: %s", res.objname);
	CHECK(lookup_global(lookup, "helper", &res) == -1, "helper found as a global");
	CHECK(lookup_has_object(lookup, "vmlinux") && !lookup_has_object(lookup, "fake_mod"),
	      "lookup_has_object");
	CHECK(lookup_list(lookup, "helper", count_listed, &last) == 3 && last == 3,
	      "listed %lu helpers", last);
	CHECK(lookup_list(lookup, "no_such_name", count_listed, &last) == 0, "listed a ghost");

	free(locals.names);
	elf_close(obj);
	lookup_close(lookup);
	return failures ? 1 : 0;
}

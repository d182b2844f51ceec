// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the whole differ, in process.
 *
 * create-diff-object.c is built with -Dmain=cdo_main; every error path of
 * the differ returns to main(), which frees what it holds, so one process
 * runs it over and over.  The input is ORIG FUZZ_SEPARATOR PATCHED, or one
 * object diffed against itself.  The output object goes to a memory file.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int cdo_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fuzz_file orig, patched, output;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_file_init(&orig, "fuzz-diff-orig");
	fuzz_file_init(&patched, "fuzz-diff-patched");
	fuzz_file_init(&output, "fuzz-diff-output");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const size_t seplen = sizeof(FUZZ_SEPARATOR) - 1;
	const uint8_t *sep = memmem(data, size, FUZZ_SEPARATOR, seplen);
	char *argv[] = { "create-diff-object", orig.path, patched.path, output.path, NULL };
	int status;

	if (sep) {
		fuzz_file_set(&orig, data, sep - data);
		fuzz_file_set(&patched, sep + seplen, size - (sep - data) - seplen);
	} else {
		fuzz_file_set(&orig, data, size);
		argv[2] = orig.path;
	}
	fuzz_file_clear(&output);

	optind = 0;		/* getopt starts afresh */
	status = cdo_main(4, argv);
	if (status < 0 || status > 3) {
		fprintf(stderr, "fuzz-diff: create-diff-object returned %d\n", status);
		abort();
	}
	return 0;
}

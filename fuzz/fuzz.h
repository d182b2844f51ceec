/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the libFuzzer targets: inputs are handed to the code under test
 * as files (it opens paths), kept in memory files that live as long as the
 * process.
 */
#ifndef PB_FUZZ_H
#define PB_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_PATH_MAX 64

struct fuzz_file {
	int fd;
	char path[FUZZ_PATH_MAX];	/* /proc/self/fd/N, for open() */
};

/* An empty memory file; aborts when it cannot be made (setup, not input). */
void fuzz_file_init(struct fuzz_file *f, const char *name);
/* Replace the file's contents with @size bytes of @data. */
void fuzz_file_set(struct fuzz_file *f, const uint8_t *data, size_t size);
/* Truncate to nothing (an output left from the previous run). */
void fuzz_file_clear(struct fuzz_file *f);

/*
 * The diff target's input: ORIG, the separator, PATCHED.  Without a
 * separator the whole input is diffed against itself.
 */
#define FUZZ_SEPARATOR "\n--PB-FUZZ-PATCHED--\n"

#endif

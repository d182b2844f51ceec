// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

void fuzz_file_init(struct fuzz_file *f, const char *name)
{
	f->fd = memfd_create(name, MFD_CLOEXEC);
	if (f->fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(f->path, sizeof(f->path), "/proc/self/fd/%d", f->fd);
}

void fuzz_file_clear(struct fuzz_file *f)
{
	if (ftruncate(f->fd, 0)) {
		perror("ftruncate");
		abort();
	}
}

void fuzz_file_set(struct fuzz_file *f, const uint8_t *data, size_t size)
{
	size_t done = 0;

	fuzz_file_clear(f);
	while (done < size) {
		ssize_t n = pwrite(f->fd, data + done, size - done, done);

		if (n <= 0) {
			perror("pwrite");
			abort();
		}
		done += n;
	}
}

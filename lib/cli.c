// SPDX-License-Identifier: GPL-2.0
/* The command-line options every tool shares. */
#include "cli.h"

/* (PB_VERSION comes from the Makefile) */

bool pb_common_option(int opt, void (*usage)(FILE *), const char *name)
{
	switch (opt) {
	case 'h':
		usage(stdout);
		return true;
	case 'V':
		printf("%s %s\n", name, PB_VERSION);
		return true;
	default:
		usage(stderr);
		return false;
	}
}

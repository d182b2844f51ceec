/* SPDX-License-Identifier: GPL-2.0 */
/* The command-line options every tool shares. */
#ifndef PB_CLI_H
#define PB_CLI_H

#include <stdbool.h>
#include <stdio.h>

/*
 * For getopt's answers a tool does not handle itself: -h prints the usage
 * on stdout, -V "NAME VERSION", anything else the usage on stderr.  True
 * when the tool is done and exits with success (-h, -V), false on a usage
 * error, for which each tool has its own exit status.
 */
bool pb_common_option(int opt, void (*usage)(FILE *), const char *name);

#endif

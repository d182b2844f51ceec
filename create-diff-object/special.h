/* SPDX-License-Identifier: GPL-2.0 */
/* Special sections: filtering them into the output (special.c). */
#ifndef PB_SPECIAL_H
#define PB_SPECIAL_H

#include "diff.h"

/*
 * The output stage after build_output(): the entries of the special tables
 * that describe carried code, with their relocations mapped to the output.
 */
int filter_special_sections(struct diff *d);
void free_special(struct diff *d);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* The include pass (include.c): what the changed code needs. */
#ifndef PB_INCLUDE_H
#define PB_INCLUDE_H

#include "diff.h"
#include "reference.h"

/*
 * Carry what the relocations of [@off, @off + @len) of @sec need, on
 * behalf of @user (the function or data they belong to, named in
 * refusals; NULL for the author's records); @force_copy as for
 * decide_reference().
 */
int include_range(struct diff *d, struct section *sec, unsigned long off, unsigned long len,
		  struct symbol *user, bool force_copy);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Special sections: which they are, and filtering them for the output. */
#ifndef PB_SPECIAL_H
#define PB_SPECIAL_H

#include "diff.h"

bool is_special_section(const struct section *sec);
bool is_ignored_section(const struct section *sec);
/* Descriptor data (dynamic debug) carried with the code that uses it. */
bool is_copied_data_section(const struct section *sec);
int filter_special_sections(struct diff *d);
/* Queue what the author's callback and state records point at. */
int include_author_records(struct diff *d);
/*
 * Queue what the kept entries of the tables point at besides the code they
 * describe (dynamic debug descriptors holding a static key, .fixup pieces,
 * what alternative replacements call).
 */
int include_entry_needs(struct diff *d);
void free_special(struct diff *d);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Line-number noise.  A patch that adds lines above a function changes the
 * __LINE__ values that function passes to a few debugging helpers; its code
 * then differs only in those immediates.  The driver's #line rewrite avoids
 * most of this; what remains is recognised here, narrowly: every differing
 * byte must lie in the 32-bit immediate of a "mov $imm32, %reg" whose value
 * is a plausible line number in both versions, and the next call after it
 * must go to a helper known to take a (file, line) pair.
 */
#include <string.h>

#include "diff.h"

static const char *const line_helpers[] = {
	"__might_sleep", "__might_resched", "__might_fault", "__cant_sleep",
	"__cant_migrate", "warn_slowpath_fmt", "lockdep_rcu_suspicious",
};

static bool is_line_helper(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(line_helpers) / sizeof(line_helpers[0]); i++)
		if (!strcmp(name, line_helpers[i]))
			return true;
	return false;
}

/*
 * The mov whose immediate holds byte @pos: opcode B8+r (optionally behind a
 * REX.B prefix) with the immediate at [start + 1, start + 5).
 */
static bool find_mov_imm32(const unsigned char *code, unsigned long len, unsigned long pos,
			   unsigned long *imm)
{
	unsigned long start;

	for (start = pos >= 4 ? pos - 4 : 0; start < pos && start < len; start++) {
		if (code[start] < 0xb8 || code[start] > 0xbf || start + 5 > len)
			continue;
		if (pos >= start + 1 && pos < start + 5) {
			*imm = start + 1;
			return true;
		}
	}
	return false;
}

static unsigned int read_u32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned int)p[3] << 24;
}

/* Does a call to a line-taking helper follow within a few instructions? */
static bool calls_line_helper(const struct section *sec, unsigned long from, unsigned long end)
{
	struct reloc *r = sec->nr_relocs ? find_reloc_from(sec, from) : NULL;

	for (; r && r < sec->relocs + sec->nr_relocs && r->offset < end &&
	       r->offset < from + 48; r++) {
		if (!is_call_reloc(r))
			continue;
		return is_line_helper(r->sym->name);
	}
	return false;
}

bool line_number_only_change(const struct section *o, unsigned long ooff,
			     const struct section *p, unsigned long poff, unsigned long len)
{
	const unsigned char *oc = o->data + ooff, *pc = p->data + poff;
	unsigned long i = 0, imm;

	while (i < len) {
		unsigned int ov, pv;

		if (oc[i] == pc[i]) {
			i++;
			continue;
		}
		if (!find_mov_imm32(oc, len, i, &imm) || oc[imm - 1] != pc[imm - 1])
			return false;
		ov = read_u32(oc + imm);
		pv = read_u32(pc + imm);
		if (ov == 0 || pv == 0 || ov > 1000000 || pv > 1000000)
			return false;
		if (!calls_line_helper(o, ooff + imm + 4, ooff + len) ||
		    !calls_line_helper(p, poff + imm + 4, poff + len))
			return false;
		i = imm + 4;
	}
	return true;
}

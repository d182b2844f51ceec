// SPDX-License-Identifier: GPL-2.0
/*
 * Line-number noise.  A patch that adds lines above a function changes the
 * __LINE__ values that function passes to debugging helpers and to printk;
 * its code then differs only in those immediates.  The driver's #line
 * rewrite avoids most of this; what remains is recognised here, narrowly.
 * Every differing byte must lie in the immediate of a decoded
 * "mov $imm, %reg" that loads an argument register, the register must reach
 * the next call unchanged, and that call must take a line number there:
 *
 * - a helper whose parameter is a line by its signature ((file, line)
 *   helpers such as __might_sleep); or
 * - a printk-like function, the value one of its variadic arguments.  A
 *   number printed may be a real constant, so the shift of the value must
 *   also equal the shift of the function's own definition line (DWARF
 *   DW_AT_decl_line of both objects): without debug info it is a change.
 */
#include <string.h>

#include "diff.h"
#include "insn.h"

/* How far a mov may precede the call that takes its value. */
#define MAX_INSNS_TO_CALL 12

struct line_callee {
	const char *name;
	unsigned int arg;	/* line helper: the line's argument; printk: the format's */
	bool printk;		/* arguments after the format may be the line */
};

static const struct line_callee line_callees[] = {
	/* (file, line, ...): line is argument 1 in every version of these. */
	{ "__might_sleep", 1, false },
	{ "___might_sleep", 1, false },
	{ "__might_resched", 1, false },
	{ "__might_fault", 1, false },
	{ "__cant_sleep", 1, false },
	{ "__cant_migrate", 1, false },
	{ "warn_slowpath_fmt", 1, false },
	{ "lockdep_rcu_suspicious", 1, false },
	/* WARN(), ASSERT_RTNL(), pr_*(), dev_*(), netdev_*(), dynamic pr_debug(). */
	{ "__warn_printk", 0, true },
	{ "_printk", 0, true },
	{ "printk", 0, true },
	{ "_dev_emerg", 1, true },
	{ "_dev_alert", 1, true },
	{ "_dev_crit", 1, true },
	{ "_dev_err", 1, true },
	{ "_dev_warn", 1, true },
	{ "_dev_notice", 1, true },
	{ "_dev_info", 1, true },
	{ "_dev_printk", 2, true },
	{ "netdev_err", 1, true },
	{ "netdev_warn", 1, true },
	{ "netdev_info", 1, true },
	{ "netdev_printk", 2, true },
	{ "__dynamic_pr_debug", 1, true },
	{ "__dynamic_dev_dbg", 2, true },
	{ "__dynamic_netdev_dbg", 2, true },
};

static const struct line_callee *find_callee(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(line_callees) / sizeof(line_callees[0]); i++)
		if (!strcmp(name, line_callees[i].name))
			return &line_callees[i];
	return NULL;
}

/*
 * The callee of the first call after @mov (which loads argument register
 * @arg), if @arg reaches it: straight-line code up to the call within
 * [.., end), nothing in between writing @arg.
 */
static const struct line_callee *callee_of(struct section *sec, const struct insn *mov,
					   int arg, unsigned long end)
{
	unsigned long off = mov->offset + mov->length;
	struct insn_args args;
	struct reloc *reloc;
	struct insn insn;
	unsigned int n;

	for (n = 0; n < MAX_INSNS_TO_CALL && off < end; n++, off += insn.length) {
		if (insn_decode(sec, off, &insn))
			return NULL;
		if (insn.kind == INSN_CALL) {
			if (!insn.imm[0].size || !insn.imm[0].relative)
				return NULL;	/* indirect */
			reloc = find_reloc_at(sec, off + insn.imm[0].offset);
			return reloc ? find_callee(reloc->sym->name) : NULL;
		}
		if (insn.kind == INSN_JUMP || insn.kind == INSN_COND_JUMP || insn.kind == INSN_RET)
			return NULL;
		if (insn_args(sec, &insn, &args) || args.written & (1U << arg))
			return NULL;
	}
	return NULL;
}

/* The line @func (a function or a .cold/.part piece of one) is defined at. */
static bool func_decl_line(struct diff *d, struct decl_lines *lines, struct elf *elf,
			   const struct symbol *func, unsigned long *line)
{
	char name[256];
	size_t len;
	bool has;

	if (!lines->loaded) {
		/* What libdwarf cannot be trusted with is not given to it. */
		if (has_readable_dwarf(d, elf, &has) || !has) {
			lines->loaded = true;
			lines->failed = true;
			return false;
		}
		load_decl_lines(elf->path, lines);
	}
	if (lines->failed || !lines->has_dwarf || !func)
		return false;
	len = strcspn(func->name, ".");
	if (len >= sizeof(name))
		return false;
	memcpy(name, func->name, len);
	name[len] = '\0';
	return find_decl_line(lines, name, line);
}

/* Did the function holding @ooff / @poff move by exactly @shift lines? */
static bool function_moved_by(struct diff *d, struct section *o, unsigned long ooff,
			      struct section *p, unsigned long poff, long shift)
{
	unsigned long oline, pline;

	if (!func_decl_line(d, &d->orig_decls, d->orig, find_symbol_containing(o, ooff), &oline) ||
	    !func_decl_line(d, &d->patched_decls, d->patched, find_symbol_containing(p, poff),
			    &pline))
		return false;
	return (long)(pline - oline) == shift;
}

static unsigned int imm32(const struct section *sec, const struct insn *insn)
{
	const unsigned char *b = sec->data + insn->offset + insn->imm[0].offset;

	return b[0] | b[1] << 8 | b[2] << 16 | (unsigned int)b[3] << 24;
}

/*
 * Does the instruction of @o holding byte @oat (and its twin in @p at the
 * same place) differ only in a line number passed to a line-taking call?
 * Sets *next to the end of the instruction.
 */
static bool is_line_argument(struct diff *d, struct section *o, unsigned long oat,
			     struct section *p, unsigned long delta, unsigned long oend,
			     unsigned long *next)
{
	const struct line_callee *oc, *pc;
	struct insn oi, pi;
	struct insn_args args;
	unsigned int ov, pv, i;
	int arg;

	if (insn_at(o, oat, &oi) || insn_decode(p, oi.offset + delta, &pi) ||
	    oi.length != pi.length || oi.imm[0].size != 4 || pi.imm[0].size != 4 ||
	    oi.imm[0].offset != pi.imm[0].offset || oi.offset + oi.length > oend)
		return false;
	*next = oi.offset + oi.length;
	/* Only the immediate may differ, and it must be a plain number. */
	for (i = 0; i < oi.length; i++)
		if ((i < oi.imm[0].offset || i >= oi.imm[0].offset + 4u) &&
		    o->data[oi.offset + i] != p->data[pi.offset + i])
			return false;
	if (find_reloc_at(o, oi.offset + oi.imm[0].offset) ||
	    find_reloc_at(p, pi.offset + pi.imm[0].offset))
		return false;
	if (insn_args(o, &oi, &args) || args.imm_arg < 0)
		return false;
	arg = args.imm_arg;
	ov = imm32(o, &oi);
	pv = imm32(p, &pi);
	if (ov == 0 || pv == 0 || ov > 1000000 || pv > 1000000)
		return false;

	oc = callee_of(o, &oi, arg, oend);
	pc = callee_of(p, &pi, arg, oend + delta);
	if (!oc || oc != pc)
		return false;
	if (!oc->printk)
		return (unsigned int)arg == oc->arg;
	return (unsigned int)arg > oc->arg &&
	       function_moved_by(d, o, oi.offset, p, pi.offset, (long)pv - (long)ov);
}

bool line_number_only_change(struct diff *d, struct section *o, unsigned long ooff,
			     struct section *p, unsigned long poff, unsigned long len)
{
	unsigned long i = 0, next, delta = poff - ooff;

	if (!is_text_section(o) || !o->data || !p->data)
		return false;
	while (i < len) {
		if (o->data[ooff + i] == p->data[poff + i]) {
			i++;
			continue;
		}
		if (!is_line_argument(d, o, ooff + i, p, delta, ooff + len, &next))
			return false;
		i = next - ooff;
	}
	return true;
}

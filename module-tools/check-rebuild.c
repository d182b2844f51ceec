// SPDX-License-Identifier: GPL-2.0
/*
 * patch-check-rebuild: prove that a function compiled from the pristine
 * source (the driver's "original" object) is the function the target
 * kernel shipped, byte for byte, before a diff against that object is
 * trusted.  A distribution's kernel is rebuilt from its source package
 * with its configuration and compiler; when any of the three is not the
 * one the distribution used, the differ compares against code the running
 * kernel does not have, and the module it makes is wrong.
 *
 * Each function is found in the object and in the shipped binary (a debug
 * vmlinux or a debug .ko) by name; a local with namesakes there is told
 * apart by the FILE block of the object (lookup/).  Their sizes must match
 * and so must their bytes, except for:
 *   - the fields of the object's relocations (and of the shipped .ko's),
 *     which the linker or the module loader fills in;
 *   - the __fentry__ call, which the build may have turned into a 5-byte
 *     NOP (objtool --mnop): both decode as a 5-byte instruction there;
 *   - a jump or jcc to another function that the shipped build, with both
 *     in one .text, shortened to 2 bytes where the object (one section per
 *     function) has a relocated 5- or 6-byte one: the same kind, the same
 *     condition, landing on the shipped copy of the relocation's target.
 * The functions are walked instruction by instruction (lib/insn.c), so
 * that a shortened branch shifts the rest without hiding a difference.
 * Alternatives, jump labels, static calls and return thunks are patched
 * when the kernel runs, not in the file: they need no exception (checked
 * on Debian's 6.1 vmlinux: see test/distro/run).
 *
 * A weak function of the object that the shipped binary has as a global
 * was overridden by another file's definition: the kernel never runs it,
 * and a patch to it would replace the wrong function.  That is refused too.
 *
 * Exit status: 0 every function matches; 1 a function differs (one line
 * each, on stdout); 2 a file could not be read or a function is not in the
 * object.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "elf-model.h"
#include "insn.h"
#include "lookup.h"

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif

#define WHY_MISMATCH "the rebuild does not reproduce the shipped binary (usually another " \
		     "compiler, configuration or source version than the kernel's)"

struct rebuild_check {
	struct elf *orig;		/* the pristine rebuild */
	struct elf *shipped;		/* vmlinux or the .ko */
	const char *shipped_name;	/* its file name, for messages */
	struct lookup *lookup;		/* for locals with namesakes, opened on demand */
	bool lookup_tried;
	unsigned int checked;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: patch-check-rebuild [OPTIONS] ORIGINAL.o SHIPPED FUNCTION...\n"
		"\n"
		"Check that each FUNCTION of ORIGINAL.o (compiled from the pristine source)\n"
		"is byte for byte the function in SHIPPED (the target's debug vmlinux or\n"
		"debug .ko), relocations aside.  Prints one line per function that differs,\n"
		"with the first differing offset.\n"
		"\n"
		"  -a, --all       check every function of ORIGINAL.o (no FUNCTION needed)\n"
		"  -q, --quiet     print only the functions that differ\n"
		"  -h, --help      show this help\n"
		"  -V, --version   show the version\n"
		"\n"
		"Exit status: 0 every function matches; 1 a function differs; 2 a file\n"
		"could not be read or a FUNCTION is not in ORIGINAL.o.\n");
}

static bool is_function(const struct symbol *sym)
{
	return sym->type == STT_FUNC && sym->sec && sym->size;
}

/* The function @name defined in the object; NULL (reported) when none or several. */
static struct symbol *orig_function(const struct rebuild_check *c, const char *name)
{
	struct symbol *sym, *found = NULL;
	struct hnode *node;

	for_each_symbol_by_name(c->orig, name, sym, node) {
		if (!is_function(sym))
			continue;
		if (found) {
			pb_error("%s: more than one function %s", c->orig->path, name);
			return NULL;
		}
		found = sym;
	}
	if (!found)
		pb_error("%s: no function %s", c->orig->path, name);
	return found;
}

/* Where a symbol's bytes are in its section's data (st_value is an address in vmlinux). */
static unsigned long data_offset(const struct symbol *sym)
{
	if (sym->elf->ehdr.e_type == ET_REL)
		return sym->offset;
	return sym->offset - sym->sec->sh.sh_addr;
}

static bool has_bytes(const struct symbol *sym)
{
	return sym->sec->data && data_offset(sym) <= sym->sec->size &&
	       sym->size <= sym->sec->size - data_offset(sym);
}

/* The FILE block of the object names which namesake is ours (lookup/). */
static struct symbol *shipped_by_block(struct rebuild_check *c, const struct symbol *osym)
{
	struct lookup_object_locals locals;
	struct lookup_result res;
	struct symbol *sym;
	struct hnode *node;
	int ret;

	if (!c->lookup_tried) {
		c->lookup_tried = true;
		if (c->shipped->ehdr.e_type == ET_REL) {
			c->lookup = lookup_open(NULL, NULL);
			if (c->lookup && lookup_add_module(c->lookup, c->shipped->path)) {
				lookup_close(c->lookup);
				c->lookup = NULL;
			}
		} else {
			c->lookup = lookup_open(c->shipped->path, NULL);
		}
	}
	if (!c->lookup || lookup_object_locals(c->orig, &locals))
		return NULL;
	ret = lookup_local(c->lookup, NULL, locals.file, locals.names, locals.nr, osym->name,
			   &res);
	free(locals.names);
	if (ret)
		return NULL;
	for_each_symbol_by_name(c->shipped, osym->name, sym, node)
		if (is_function(sym) && sym->bind == STB_LOCAL && sym->offset == res.addr)
			return sym;
	return NULL;
}

/*
 * The shipped function for @osym: the global of that name, or the local
 * one; among several locals, the one of the object's FILE block, else the
 * only one of the same size.  NULL (with *why set) when none is found.
 */
static struct symbol *shipped_function(struct rebuild_check *c, const struct symbol *osym,
				       const char **why)
{
	struct symbol *sym, *found = NULL, *sized = NULL;
	unsigned int nr = 0, nr_sized = 0;
	struct hnode *node;
	bool local = osym->bind == STB_LOCAL;

	for_each_symbol_by_name(c->shipped, osym->name, sym, node) {
		if (!is_function(sym) || (sym->bind == STB_LOCAL) != local)
			continue;
		found = sym;
		nr++;
		if (sym->size == osym->size) {
			sized = sym;
			nr_sized++;
		}
	}
	*why = local ? "no local function of that name" : "no global function of that name";
	if (nr <= 1)
		return found;
	*why = "several functions of that name";
	sym = shipped_by_block(c, osym);
	if (sym)
		return sym;
	if (nr_sized == 1)
		return sized;
	if (!nr_sized)
		*why = "several functions of that name, none of the rebuild's size";
	return NULL;
}

/* Clear @mask over a relocation's field that falls inside [start, start + size). */
static void mask_field(bool *mask, unsigned long start, unsigned long size,
		       unsigned long field, unsigned int width)
{
	unsigned long i;

	for (i = field; i < field + width; i++)
		if (i >= start && i < start + size)
			mask[i - start] = false;
}

/* A mask of @sym's bytes: false where a relocation of its binary fills the field. */
static bool *reloc_mask(const struct symbol *sym, bool relocs)
{
	bool *mask = malloc(sym->size);
	struct reloc *reloc;

	if (!mask) {
		pb_error("out of memory");
		return NULL;
	}
	memset(mask, true, sym->size);
	if (!relocs)
		return mask;
	for (reloc = find_reloc_from(sym->sec, sym->offset);
	     reloc && reloc < sym->sec->relocs + sym->sec->nr_relocs &&
	     reloc->offset < sym->offset + sym->size; reloc++)
		mask_field(mask, sym->offset, sym->size, reloc->offset, reloc_width(reloc->type));
	return mask;
}

/* One function of each side, walked instruction by instruction. */
struct pair {
	struct rebuild_check *c;
	const struct symbol *osym, *ssym;
	const unsigned char *a, *b;	/* their bytes */
	bool *omask, *smask;		/* false: a relocation's field */
	const char *why;		/* what the first difference is, for the message */
};

/* The object's relocation in @insn's branch target field, if it has one. */
static struct reloc *branch_reloc(const struct symbol *osym, const struct insn *insn)
{
	const struct insn_field *imm = &insn->imm[0];
	struct reloc *reloc;

	if (!imm->size || !imm->relative)
		return NULL;
	reloc = find_reloc_at(osym->sec, insn->offset + imm->offset);
	return reloc && is_branch_reloc(reloc) ? reloc : NULL;
}

/* The condition of a jcc: 0x7c (jl rel8) and 0x0f 0x8c (jl rel32) both give 0xc. */
static int jcc_condition(const unsigned char *code, unsigned int length)
{
	if (length == 2 && code[0] >= 0x70 && code[0] <= 0x7f)
		return code[0] & 0xf;
	if (length == 6 && code[0] == 0x0f && code[1] >= 0x80 && code[1] <= 0x8f)
		return code[1] & 0xf;
	return -1;
}

/*
 * Where the object's branch relocation @reloc lands in the shipped binary:
 * its symbol's shipped counterpart (a function, or for a section symbol
 * the function at that offset) plus the offset into it.  -1 when that
 * cannot be told.
 */
static int shipped_target(struct rebuild_check *c, const struct reloc *reloc, long bias,
			  const struct section *in, unsigned long *target)
{
	const struct symbol *tsym = reloc->sym, *ssym;
	long off = reloc->addend + bias;
	const char *why;

	if (!tsym)
		return -1;
	if (tsym->type == STT_SECTION) {
		tsym = find_symbol_containing(tsym->sec, off);
		if (!tsym || tsym->type != STT_FUNC)
			return -1;
		off -= tsym->offset;
	}
	ssym = shipped_function(c, tsym, &why);
	if (!ssym || ssym->sec != in)
		return -1;
	*target = ssym->offset + off;
	return 0;
}

/*
 * A branch to another function that the compiler could not shorten in
 * the object (the target is in another section, or a global) and the
 * assembler or linker of the shipped build did (both in one .text): the
 * same kind of branch, with the same condition, to the same function.
 */
static bool shortened_branch(struct pair *p, const struct insn *oi, const struct insn *si,
			     unsigned long s)
{
	const unsigned char *scode = p->b + s;
	struct reloc *reloc = branch_reloc(p->osym, oi);
	unsigned long target, from;
	const char *why;
	long bias;

	if (!reloc || oi->kind != si->kind || si->length >= oi->length ||
	    (oi->kind != INSN_JUMP && oi->kind != INSN_COND_JUMP) ||
	    !si->imm[0].relative || si->imm[0].size != 1)
		return false;
	if (oi->kind == INSN_COND_JUMP &&
	    (jcc_condition(p->a + (oi->offset - p->osym->offset), oi->length) < 0 ||
	     jcc_condition(p->a + (oi->offset - p->osym->offset), oi->length) !=
	     jcc_condition(scode, si->length)))
		return false;
	p->why = "a shortened branch that does not land where the object's does";
	if (reloc_bias(reloc, &bias, &why) ||
	    shipped_target(p->c, reloc, bias, p->ssym->sec, &target))
		return false;
	from = p->ssym->offset + s + si->length;
	return (long)(target - from) == (signed char)scode[si->imm[0].offset];
}

/* Is @oi at the start of the object's function the call to __fentry__? */
static bool is_fentry_call(const struct symbol *osym, const struct insn *oi)
{
	struct reloc *reloc = branch_reloc(osym, oi);

	return oi->kind == INSN_CALL && oi->length == 5 && reloc && reloc->sym &&
	       !strcmp(reloc->sym->name, "__fentry__");
}

/*
 * Do the instruction @oi of the object and @si of the shipped function
 * (at @s in it) match?  Their bytes outside relocated fields; the
 * __fentry__ call against a 5-byte NOP; a shortened branch.
 */
static bool same_insn(struct pair *p, const struct insn *oi, const struct insn *si,
		      unsigned long s, unsigned long *diff)
{
	unsigned long o = oi->offset - p->osym->offset, i;

	if (is_fentry_call(p->osym, oi) && si->length == 5 &&
	    (si->kind == INSN_NOP || si->kind == INSN_CALL))
		return true;
	if (oi->length != si->length) {
		if (shortened_branch(p, oi, si, s))
			return true;
		for (i = 0; i < oi->length && i < si->length; i++)
			if (p->omask[o + i] && p->smask[s + i] && p->a[o + i] != p->b[s + i])
				break;
		*diff = i;
		if (!p->why)
			p->why = "instructions of different lengths";
		return false;
	}
	for (i = 0; i < oi->length; i++)
		if (p->omask[o + i] && p->smask[s + i] && p->a[o + i] != p->b[s + i]) {
			*diff = i;
			return false;
		}
	return true;
}

/*
 * Walk both functions instruction by instruction.  Returns true with the
 * offsets of the first difference in each, false when they match to the
 * end of both.  A byte that does not decode is compared as a byte.
 */
static bool first_difference(struct pair *p, unsigned long *o_at, unsigned long *s_at)
{
	const struct symbol *osym = p->osym, *ssym = p->ssym;
	unsigned long o = 0, s = 0, diff = 0;
	struct insn oi, si;

	while (o < osym->size && s < ssym->size) {
		if (insn_decode(osym->sec, osym->offset + o, &oi) ||
		    insn_decode(ssym->sec, data_offset(ssym) + s, &si) ||
		    oi.length > osym->size - o || si.length > ssym->size - s) {
			if (p->omask[o] && p->smask[s] && p->a[o] != p->b[s])
				break;
			o++;
			s++;
			continue;
		}
		if (!same_insn(p, &oi, &si, s, &diff)) {
			o += diff;
			s += diff;
			break;
		}
		p->why = NULL;
		o += oi.length;
		s += si.length;
	}
	*o_at = o;
	*s_at = s;
	return o != osym->size || s != ssym->size;
}

/* " (vmlinux-6.1.0-56-cloud-amd64 0xffffffff813f599d)": where a byte is shipped. */
static const char *shipped_place(const struct rebuild_check *c, const struct symbol *ssym,
				 unsigned long off, char *buf, size_t len)
{
	if (c->shipped->ehdr.e_type == ET_REL)
		snprintf(buf, len, "%s %s+0x%lx", c->shipped_name, ssym->sec->name,
			 ssym->offset + off);
	else
		snprintf(buf, len, "%s 0x%lx", c->shipped_name, ssym->offset + off);
	return buf;
}

/* The place of byte @off of @osym, inside it or just past its end. */
static const char *orig_place(const struct symbol *osym, unsigned long off, char *buf,
			      size_t len)
{
	if (off < osym->size)
		return elf_location(osym->sec, osym->offset + off, buf, len);
	snprintf(buf, len, "%s+0x%lx (%s+0x%lx)", osym->name, off, osym->sec->name,
		 osym->offset + off);
	return buf;
}

static void report(struct pair *p, unsigned long o, unsigned long s)
{
	char where[ELF_LOCATION_LEN], there[ELF_LOCATION_LEN];
	const struct symbol *osym = p->osym, *ssym = p->ssym;

	if (o < osym->size && s < ssym->size)
		printf("%s: byte 0x%02x, shipped 0x%02x (%s%s%s)%s", orig_place(osym, o, where,
		       sizeof(where)), p->a[o], p->b[s], shipped_place(p->c, ssym, s, there,
		       sizeof(there)), p->why ? ": " : "", p->why ?: "",
		       osym->size != ssym->size ? ", and the sizes differ" : "");
	else
		printf("%s: the rebuild is %lu bytes, %s's %s %lu", orig_place(osym, o, where,
		       sizeof(where)), osym->size, p->c->shipped_name, ssym->name, ssym->size);
	printf(": " WHY_MISMATCH "\n");
}

/* Compare one function; 0 equal, 1 different (printed), -1 trouble. */
static int check_function(struct rebuild_check *c, const struct symbol *osym)
{
	struct pair p = { .c = c, .osym = osym };
	unsigned long o, s;
	const char *why;
	int ret = -1;

	c->checked++;
	if (!has_bytes(osym)) {
		pb_error("%s: function %s has no contents", c->orig->path, osym->name);
		return -1;
	}
	p.ssym = shipped_function(c, osym, &why);
	if (!p.ssym) {
		printf("%s: not found in %s (%s): " WHY_MISMATCH "\n", osym->name,
		       c->shipped_name, why);
		return 1;
	}
	/* ld keeps a weak definition weak; a global one of that name overrode it */
	if (osym->bind == STB_WEAK && p.ssym->bind == STB_GLOBAL) {
		printf("%s: a weak definition, which %s overrides with another file's global %s: "
		       "the kernel never runs this one; patch the one it runs\n", osym->name,
		       c->shipped_name, osym->name);
		return 1;
	}
	if (!has_bytes(p.ssym)) {
		pb_error("%s: function %s has no contents in %s", c->shipped->path,
			 p.ssym->name, p.ssym->sec->name);
		return -1;
	}
	p.a = osym->sec->data + osym->offset;
	p.b = p.ssym->sec->data + data_offset(p.ssym);
	p.omask = reloc_mask(osym, true);
	/* a .ko's relocations are the module loader's to fill in */
	p.smask = reloc_mask(p.ssym, c->shipped->ehdr.e_type == ET_REL);
	if (p.omask && p.smask) {
		ret = first_difference(&p, &o, &s);
		if (ret)
			report(&p, o, s);
	}
	free(p.omask);
	free(p.smask);
	return ret;
}

/* A function and its .cold part, when the compiler split one off. */
static int check_named(struct rebuild_check *c, const char *name)
{
	struct symbol *osym = orig_function(c, name), *cold;
	char *cold_name;
	struct hnode *node;
	int ret, ret2 = 0;

	if (!osym)
		return -1;
	ret = check_function(c, osym);
	if (asprintf(&cold_name, "%s.cold", name) < 0) {
		pb_error("out of memory");
		return -1;
	}
	for_each_symbol_by_name(c->orig, cold_name, cold, node)
		if (is_function(cold)) {
			ret2 = check_function(c, cold);
			break;
		}
	free(cold_name);
	return ret < 0 || ret2 < 0 ? -1 : ret | ret2;
}

static int check_all(struct rebuild_check *c)
{
	struct symbol *sym;
	unsigned int i;
	int ret, worst = 0;

	for_each_symbol(c->orig, sym, i) {
		if (!is_function(sym))
			continue;
		ret = check_function(c, sym);
		if (ret < 0)
			return -1;
		worst |= ret;
	}
	return worst;
}

/*
 * A vmlinux without its relocations (--emit-relocs leaves millions: reading
 * them would dominate, and the object's own say where the linker wrote); a
 * .ko with them, for the module loader fills those fields in.
 */
static struct elf *open_shipped(const char *path)
{
	struct elf *elf = elf_open(path, ELF_OPEN_ANY_TYPE | ELF_OPEN_NO_RELOCS);

	if (!elf || elf->ehdr.e_type != ET_REL)
		return elf;
	elf_close(elf);
	return elf_open(path, ELF_OPEN_ANY_TYPE);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct rebuild_check c = { 0 };
	bool all = false, quiet = false;
	int opt, i, ret = 0, r;

	pb_progname = "patch-check-rebuild";
	while ((opt = getopt_long(argc, argv, "aqhV", options, NULL)) != -1) {
		switch (opt) {
		case 'a':
			all = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			return pb_common_option(opt, usage, "patch-check-rebuild") ? 0 : 2;
		}
	}
	if (argc - optind < 2 || (argc - optind == 2 && !all)) {
		pb_error("expected ORIGINAL.o, SHIPPED and the functions (try --help)");
		return 2;
	}
	c.orig = elf_open(argv[optind], ELF_OPEN_RELOCATABLE);
	if (!c.orig)
		return 2;
	c.shipped = open_shipped(argv[optind + 1]);
	if (!c.shipped) {
		elf_close(c.orig);
		return 2;
	}
	c.shipped_name = strrchr(c.shipped->path, '/') ? strrchr(c.shipped->path, '/') + 1 :
			 c.shipped->path;
	if (all) {
		ret = check_all(&c);
	} else {
		for (i = optind + 2; i < argc && ret >= 0; i++) {
			r = check_named(&c, argv[i]);
			ret = r < 0 ? -1 : ret | r;
		}
	}
	if (ret >= 0 && !quiet)
		printf("%s: %u function%s checked against %s: %s\n", c.orig->path, c.checked,
		       c.checked == 1 ? "" : "s", c.shipped_name,
		       ret ? "the rebuild differs" : "identical");
	if (c.lookup)
		lookup_close(c.lookup);
	elf_close(c.shipped);
	elf_close(c.orig);
	return ret < 0 ? 2 : ret;
}

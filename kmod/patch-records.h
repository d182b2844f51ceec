/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Records the differ writes into its output object for the later stages.
 * This header is shared by the differ, the post-link step and the patch
 * module (kernel code), so it uses only fixed-size fields.
 *
 * .patch.funcs: one struct patch_func per function the livepatch redirects.
 *   new_func, old_name and objname are filled by R_X86_64_64 relocations
 *   (to the new function, and to strings in .patch.strings), so they are
 *   valid pointers once the module is loaded.  objname is "vmlinux" or a
 *   module name.  The patch module walks this table in its init function.
 *
 * .patch.klp_relocs: one struct patch_klp_reloc per reference to a symbol
 *   that only the livepatch core can resolve (a local or unexported symbol
 *   of the running kernel).  dest is filled by an R_X86_64_64 relocation to
 *   the place to patch (section + offset); name and objname by relocations
 *   to strings in .patch.strings.  The post-link step turns these into
 *   .klp.rela.<objname>.<section> sections and .klp.sym symbols, then
 *   removes .patch.klp_relocs (it is not SHF_ALLOC: never loaded).
 *
 * The patch author's records (kmod/patch-author.h's macros), carried whole
 * by the differ and read by the module's init:
 *   .patch.callbacks          struct patch_callback
 *   .patch.states             struct patch_state (klp_state)
 *   .patch.ignore.functions   struct patch_ignore_function (differ only)
 *   .patch.ignore.sections    struct patch_ignore_section (differ only)
 *
 * This is the one place these layouts are written down: the tools use
 * sizeof/offsetof on these structs, and the assertions at the end keep
 * the layout every reader relies on.
 */
#ifndef PB_PATCH_RECORDS_H
#define PB_PATCH_RECORDS_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
typedef uint64_t u64;
typedef int64_t s64;
typedef uint32_t u32;
#endif

#define PATCH_FUNCS_SECTION		".patch.funcs"
#define PATCH_KLP_RELOCS_SECTION	".patch.klp_relocs"
#define PATCH_STRINGS_SECTION		".patch.strings"

struct patch_func {
	u64 new_func;		/* reloc: the new function */
	u64 old_name;		/* reloc: string, the function's name */
	u64 objname;		/* reloc: string, "vmlinux" or module name */
	u64 old_sympos;		/* 0 unique, else kallsyms position */
};

struct patch_klp_reloc {
	u64 dest;		/* reloc: section + offset to patch */
	u64 name;		/* reloc: string, the symbol's name */
	u64 objname;		/* reloc: string, the symbol's owner */
	u64 sympos;
	s64 addend;
	u32 type;		/* R_X86_64_* */
	u32 reserved;
};

#define PATCH_CALLBACKS_SECTION		".patch.callbacks"
#define PATCH_STATES_SECTION		".patch.states"
#define PATCH_IGNORE_FUNCTIONS_SECTION	".patch.ignore.functions"
#define PATCH_IGNORE_SECTIONS_SECTION	".patch.ignore.sections"

enum patch_callback_kind {
	PATCH_CALLBACK_PRE_PATCH = 1,
	PATCH_CALLBACK_POST_PATCH = 2,
	PATCH_CALLBACK_PRE_UNPATCH = 3,
	PATCH_CALLBACK_POST_UNPATCH = 4,
};

struct patch_callback {
	u64 fn;			/* reloc: the callback */
	u64 objname;		/* reloc: string, or 0 for the patched file's object */
	u32 kind;		/* enum patch_callback_kind */
	u32 reserved;
};

struct patch_state {
	u64 id;
	u64 data;		/* reloc: the author's data, or 0 */
	u32 version;
	u32 reserved;
};

struct patch_ignore_function {
	u64 fn;			/* reloc: the function the differ leaves out */
};

struct patch_ignore_section {
	u64 name;		/* reloc: string, the section's name */
};

/* The layouts every reader (the tools, the module, the author's macros) relies on. */
#define PATCH_RECORD_LAYOUT(type, size)						\
	_Static_assert(sizeof(struct type) == (size), #type " must be " #size " bytes")
#define PATCH_RECORD_FIELD(type, field, off)					\
	_Static_assert(__builtin_offsetof(struct type, field) == (off),		\
		       #type "." #field " must be at " #off)

PATCH_RECORD_LAYOUT(patch_func, 32);
PATCH_RECORD_FIELD(patch_func, new_func, 0);
PATCH_RECORD_FIELD(patch_func, old_name, 8);
PATCH_RECORD_FIELD(patch_func, objname, 16);
PATCH_RECORD_FIELD(patch_func, old_sympos, 24);
PATCH_RECORD_LAYOUT(patch_klp_reloc, 48);
PATCH_RECORD_FIELD(patch_klp_reloc, dest, 0);
PATCH_RECORD_FIELD(patch_klp_reloc, name, 8);
PATCH_RECORD_FIELD(patch_klp_reloc, objname, 16);
PATCH_RECORD_FIELD(patch_klp_reloc, sympos, 24);
PATCH_RECORD_FIELD(patch_klp_reloc, addend, 32);
PATCH_RECORD_FIELD(patch_klp_reloc, type, 40);
PATCH_RECORD_LAYOUT(patch_callback, 24);
PATCH_RECORD_FIELD(patch_callback, fn, 0);
PATCH_RECORD_FIELD(patch_callback, objname, 8);
PATCH_RECORD_FIELD(patch_callback, kind, 16);
PATCH_RECORD_LAYOUT(patch_state, 24);
PATCH_RECORD_FIELD(patch_state, id, 0);
PATCH_RECORD_FIELD(patch_state, data, 8);
PATCH_RECORD_FIELD(patch_state, version, 16);
PATCH_RECORD_LAYOUT(patch_ignore_function, 8);
PATCH_RECORD_LAYOUT(patch_ignore_section, 8);

#endif

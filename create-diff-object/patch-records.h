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

#endif

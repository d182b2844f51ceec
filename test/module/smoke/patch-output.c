// SPDX-License-Identifier: GPL-2.0
/*
 * A hand-made stand-in for the differ's output, for test/module/qemu-smoke:
 * what create-diff-object would write for a change of cmdline_proc_show()
 * in fs/proc/cmdline.c that prefixes /proc/cmdline with "patch-build: ".
 *
 * - the new function, reading saved_command_line (not exported) through an
 *   instruction assembled with a zero displacement and no relocation; the
 *   .patch.klp_relocs record says what goes there (R_X86_64_PC32 against
 *   saved_command_line in vmlinux, addend -4);
 * - its .patch.funcs entry (cmdline_proc_show in vmlinux);
 * - author records: a post-patch and a pre-unpatch callback, and a state
 *   (left out with -DSMOKE_PLAIN, so that the template also runs with
 *   empty .patch.callbacks and .patch.states tables).
 *
 * It is compiled by kbuild against the test kernel (so objtool gives the
 * new function its ORC and return-site entries, as the differ would carry
 * them over) and linked into the template as the prebuilt object.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/printk.h>
#include <linux/seq_file.h>

#include "patch-author.h"
#include "patch-records.h"

#define ADDR(x)		((u64)(unsigned long)(x))
#define R_X86_64_PC32	2

#define STRING(name, text) \
	static const char name[] __used __section(PATCH_STRINGS_SECTION) = text

STRING(str_vmlinux, "vmlinux");
STRING(str_cmdline_proc_show, "cmdline_proc_show");
STRING(str_saved_command_line, "saved_command_line");

/* The 4 zero bytes of the displacement below; set by the asm. */
extern const char smoke_cmdline_disp[];

static noinline int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	const char *cmdline;

	asm("movq 0(%%rip), %0\n\t"
	    ".set smoke_cmdline_disp, . - 4"
	    : "=r"(cmdline));
	seq_printf(m, "patch-build: %s\n", cmdline);
	return 0;
}

static const struct patch_func funcs[] __used __section(PATCH_FUNCS_SECTION) __aligned(8) = {
	{
		.new_func = ADDR(livepatch_cmdline_proc_show),
		.old_name = ADDR(str_cmdline_proc_show),
		.objname = ADDR(str_vmlinux),
	},
};

static const struct patch_klp_reloc klp_relocs[] __used __section(PATCH_KLP_RELOCS_SECTION)
	__aligned(8) = {
	{
		.dest = ADDR(smoke_cmdline_disp),
		.name = ADDR(str_saved_command_line),
		.objname = ADDR(str_vmlinux),
		.sympos = 0,
		.addend = -4,
		.type = R_X86_64_PC32,
	},
};

#ifndef SMOKE_PLAIN
static void smoke_post_patch(struct klp_object *obj)
{
	pr_info("patch-build smoke: post-patch callback for %s\n", obj->name ?: "vmlinux");
}
PATCH_POST_PATCH_CALLBACK(smoke_post_patch);

static void smoke_pre_unpatch(struct klp_object *obj)
{
	pr_info("patch-build smoke: pre-unpatch callback for %s\n", obj->name ?: "vmlinux");
}
PATCH_PRE_UNPATCH_CALLBACK(smoke_pre_unpatch);

PATCH_STATE(0x5b, 1);
#endif

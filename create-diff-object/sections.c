// SPDX-License-Identifier: GPL-2.0
/*
 * What kind of section a section is: a special table the kernel walks (and
 * how its entries are sized and carried), descriptor data, a section that
 * never takes part, boot-time code.  A leaf every pass uses; the table is
 * the one place these facts are written down.
 */
#include <string.h>

#include "patch-records.h"
#include "sections.h"

static const struct special_section special_sections[] = {
	{ "__mcount_loc", false, NULL, 8, 0, NULL },
	{ "__bug_table", false, "bug_entry", 0, 0, NULL },
	{ "__ex_table", false, "exception_table_entry", 0, 0, NULL },
	{ "__jump_table", false, "jump_entry", 0, KEY_AT_MEMBER, "key" },
	{ ".altinstructions", false, "alt_instr", 0, ALT_REPLACEMENT, NULL },
	{ ".parainstructions", false, "paravirt_patch_site", 0, 0, NULL },
	{ ".static_call_sites", false, "static_call_site", 0, KEY_AT_MEMBER, "key" },
	{ ".smp_locks", false, NULL, 4, 0, NULL },
	{ ".retpoline_sites", false, NULL, 4, 0, NULL },
	{ ".return_sites", false, NULL, 4, 0, NULL },
	{ ".call_sites", false, NULL, 4, 0, NULL },
	{ ".ibt_endbr_seal", false, NULL, 4, 0, NULL },
	{ ".orc_unwind_ip", false, NULL, 4, PARALLEL_ORC, NULL },
	/* What the patch author declares with kmod/patch-author.h. */
	{ PATCH_CALLBACKS_SECTION, false, NULL, sizeof(struct patch_callback), CARRY_ALL, NULL },
	{ PATCH_STATES_SECTION, false, NULL, sizeof(struct patch_state), CARRY_ALL, NULL },
	{ ".patch.ignore.", true, NULL, 0, DROP, NULL },
	/* Carried alongside the tables above, never on their own. */
	{ ".orc_unwind", false, NULL, 0, DROP, NULL },
	{ ".altinstr_replacement", false, NULL, 0, DROP, NULL },
	/* Descriptions with no code to patch, or that a livepatch cannot extend. */
	{ ".printk_index", false, NULL, 0, DROP, NULL },
	{ "__tracepoints", true, NULL, 0, DROP, NULL },
	{ ".initcall", true, NULL, 0, DROP, NULL },
	{ "__ksymtab", true, NULL, 0, DROP, NULL },
	{ "___ksymtab", true, NULL, 0, DROP, NULL },
	{ "__kcrctab", true, NULL, 0, DROP, NULL },
	{ ".static_call.text", false, NULL, 0, DROP, NULL },
	{ ".static_call_tramp_key", false, NULL, 0, DROP, NULL },
	{ "__param", false, NULL, 0, DROP, NULL },
	{ ".modinfo", false, NULL, 0, DROP, NULL },
	{ "__versions", false, NULL, 0, DROP, NULL },
	{ ".gnu.linkonce.this_module", false, NULL, 0, DROP, NULL },
	{ "__patchable_function_entries", false, NULL, 0, DROP, NULL },
};

#define NR_SPECIAL (sizeof(special_sections) / sizeof(special_sections[0]))

const struct special_section *special_section_of(const struct section *sec)
{
	unsigned int i;

	/* Most sections of an object are per-function or per-variable ones. */
	if (!strncmp(sec->name, ".text.", 6) || !strncmp(sec->name, ".data.", 6) ||
	    !strncmp(sec->name, ".rodata.", 8) || !strncmp(sec->name, ".bss.", 5))
		return NULL;

	for (i = 0; i < NR_SPECIAL; i++) {
		const struct special_section *s = &special_sections[i];

		if (s->prefix ? !strncmp(sec->name, s->name, strlen(s->name)) :
				!strcmp(sec->name, s->name))
			return s;
	}
	return NULL;
}

bool is_special_section(const struct section *sec)
{
	return special_section_of(sec) != NULL;
}

/*
 * Data whose descriptors always travel with the code that uses them:
 * dynamic debug's, in __dyndbg (__verbose in older kernels).
 */
bool is_copied_data_section(const struct section *sec)
{
	return !strcmp(sec->name, "__dyndbg") || !strcmp(sec->name, "__dyndbg_classes") ||
	       !strcmp(sec->name, "__verbose");
}

/* Sections that never take part in a comparison or the output. */
bool is_ignored_section(const struct section *sec)
{
	static const char *const prefixes[] = {
		".comment", ".note", ".discard", ".debug_", ".eh_frame", ".group",
		".llvm_addrsig", ".BTF", ".gnu.build.attributes",
	};
	unsigned int i;

	if (sec->sh.sh_type == SHT_SYMTAB || sec->sh.sh_type == SHT_STRTAB ||
	    sec->sh.sh_type == SHT_RELA || sec->sh.sh_type == SHT_SYMTAB_SHNDX ||
	    sec->sh.sh_type == SHT_GROUP)
		return true;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* __init and __exit code: run once (or never, when built in) and freed. */
bool is_init_section(const struct section *sec)
{
	return !strncmp(sec->name, ".init.", 6) || !strncmp(sec->name, ".exit.", 6);
}

/*
 * A changed function refers to unnamed places in a section the differ
 * cannot carry (here a .discard section, which the link drops): directly,
 * and through the fix-up of its __ex_table entry.  Each is refused once,
 * with the section and the function named, never reported as an internal
 * error nor carried as a piece.  (The static key inside a descriptor makes
 * the include pass go round twice.)
 */
struct static_key {
	int enabled;
};

struct pb_ddebug {
	const char *format;
	struct static_key key;
} __attribute__((aligned(8)));

static struct pb_ddebug __attribute__((section("__dyndbg"))) pb_desc = { .format = "m" };

const void *pb_mark(void)
{
	const void *p;

	asm goto("1: .byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
		 ".pushsection __jump_table, \"aw\"\n\t"
		 ".balign 8\n\t"
		 ".long 1b - ., %l[l_yes] - .\n\t"
		 ".quad %c0 - .\n\t"
		 ".popsection\n\t"
		 : : "i" (&pb_desc.key) : : l_yes);
	asm(".pushsection .discard.pb_marks, \"a\"\n"
	    "2: .long 0\n"
	    ".popsection\n"
	    "3: lea 2b(%%rip), %0\n"
	    " .pushsection \"__ex_table\",\"a\"\n"
	    " .balign 4\n"
	    " .long 3b - .\n"
	    " .long 2b - .\n"
	    " .long ex_handler_default - .\n"
	    " .popsection\n" : "=r" (p));
	return (const char *)p + 1;
l_yes:
	return 0;
}

int pb_other(int x)
{
	return x + 1;
}

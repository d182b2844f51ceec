/*
 * The same 12-byte records as in 86-parainstructions-short-last, but here
 * DWARF says the struct has a member in the last 4 bytes: the shortfall is
 * not tail padding, so the last record is incomplete and the differ says
 * so rather than read past the section.
 */
struct paravirt_patch_site {
	unsigned char *instr;
	unsigned char type;
	unsigned char len;
	unsigned short clobbers;
	unsigned int extra;
};

/* Puts the struct in DWARF, where the entry size comes from. */
struct paravirt_patch_site *pb_site_type;

#define PB_PVOP(type)							\
	asm volatile("771:\n\tcall *pv_ops_slot(%%rip)\n772:\n"	\
		     ".pushsection .parainstructions,\"a\"\n"		\
		     " .balign 8\n"					\
		     " .quad 771b\n"					\
		     " .byte " #type "\n"				\
		     " .byte 772b-771b\n"				\
		     " .short 0x1\n"					\
		     ".popsection\n" : : : "memory", "rax")

int pb_a(int x)
{
	PB_PVOP(27);
	return x + 1;
}

int pb_b(int x)
{
	PB_PVOP(28);
	return x + 2;
}

int pb_c(int x)
{
	PB_PVOP(29);
	return x + 13;
}

/*
 * Kernels before 6.x emit 12-byte .parainstructions records with a
 * ".balign 8" before each, while DWARF gives struct paravirt_patch_site 16
 * bytes: the section is 16n - 4 bytes, its last record without tail
 * padding.  The records are read all the same, and the kept last record is
 * padded in the output.
 */
struct paravirt_patch_site {
	unsigned char *instr;
	unsigned char type;
	unsigned char len;
	unsigned short clobbers;
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
	return x + 3;
}

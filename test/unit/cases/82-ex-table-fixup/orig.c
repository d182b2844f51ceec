/*
 * Kernels before 5.17 put a user access's fix-up code out of line in
 * .fixup, reached only from the access's __ex_table entry (12 bytes:
 * instruction, fix-up, handler) and jumping back into the function.  The
 * changed function's fix-up piece travels with it; the other's stays.
 */
#define PB_EXTABLE(from, to, handler)				\
	" .pushsection \"__ex_table\",\"a\"\n"			\
	" .balign 4\n"						\
	" .long (" #from ") - .\n"				\
	" .long (" #to ") - .\n"				\
	" .long (" #handler ") - .\n"				\
	" .popsection\n"

#define pb_get_user(x, ptr, err)					\
	asm volatile("1:	movl %2,%1\n"				\
		     "2:\n"						\
		     ".section .fixup,\"ax\"\n"				\
		     "3:	mov %3,%0\n"				\
		     "	xorl %1,%1\n"					\
		     "	jmp 2b\n"					\
		     ".previous\n"					\
		     PB_EXTABLE(1b, 3b, ex_handler_uaccess)		\
		     : "=r" (err), "=r" (x)				\
		     : "m" (*(ptr)), "i" (-14), "0" (err))

int pb_read_a(const int *p)
{
	int err = 0, x;

	pb_get_user(x, p, err);
	return err ? err : x;
}

int pb_read_b(const int *p)
{
	int err = 0, x;

	pb_get_user(x, p, err);
	return err ? err : 2 * x;
}

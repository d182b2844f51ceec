/*
 * The refcount overflow check of older kernels: a conditional jump out of
 * line into .text..refcount (lea; ud2), whose __ex_table entry sends the
 * trap back into the function.  The changed function's piece of
 * .text..refcount travels with it, the lea and the ud2 together.
 */
#define PB_EXTABLE(from, to, handler)				\
	" .pushsection \"__ex_table\",\"a\"\n"			\
	" .balign 4\n"						\
	" .long (" #from ") - .\n"				\
	" .long (" #to ") - .\n"				\
	" .long (" #handler ") - .\n"				\
	" .popsection\n"

static inline __attribute__((always_inline)) void pb_refcount_inc(int *r)
{
	asm volatile("lock incl %0\n\t"
		     "js 111f\n\t"
		     ".pushsection .text..refcount\n"
		     "111:\tlea %0, %%rcx\n"
		     "112:\tud2\n"
		     ".popsection\n"
		     "113:\n"
		     PB_EXTABLE(112b, 113b, ex_handler_refcount)
		     : "+m" (*r) : : "cc", "cx");
}

void pb_get_a(int *r)
{
	pb_refcount_inc(r + 2);
}

void pb_get_b(int *r)
{
	pb_refcount_inc(r + 1);
}

/*
 * A changed function refers to an unnamed place in a section the differ
 * cannot carry (here a .discard section, which the link drops): that is
 * refused with the section and the function named, never reported as an
 * internal error nor carried as a piece.
 */
const void *pb_mark(void)
{
	const void *p;

	asm(".pushsection .discard.pb_marks, \"a\"\n"
	    "1: .long 0\n"
	    ".popsection\n"
	    "lea 1b(%%rip), %0" : "=r" (p));
	return (const char *)p + 1;
}

int pb_other(int x)
{
	return x + 1;
}

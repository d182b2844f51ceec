/*
 * "cmpl $imm32, sym(%rip)" ends 8 bytes after its displacement, so its
 * addend is biased by 8, not 4.  Two local words share one section (laid
 * out in assembly, so the compiler cannot reorder them): the reference to
 * the second is .data.pb_pair + 4 - 8, which the usual bias of 4 would read
 * as the first.  Only decoding the instruction tells them apart.
 */
asm(".pushsection .data.pb_pair, \"aw\"\n"
    ".type pb_first, @object\n.size pb_first, 4\npb_first: .long 1\n"
    ".type pb_second, @object\n.size pb_second, 4\npb_second: .long 2\n"
    ".popsection");
extern int pb_first, pb_second;

int check_second(void)
{
	int r = 0;

	asm volatile("cmpl $0x12345678, %1\n\tsete %b0" : "+q"(r) : "m"(pb_second));
	return r + 7;
}

int read_first(void)
{
	return pb_first;
}

/*
 * With dynamic debug and jump labels, a descriptor in __dyndbg embeds its
 * static key, and print_hex_dump_debug()'s shape tests it without passing
 * the descriptor on: the function's only reference to it is its
 * __jump_table entry, whose key is descriptor + 8.  The descriptor must
 * travel with the changed function all the same; the other function's
 * stays behind.
 */
struct static_key {
	int enabled;
};

struct pb_ddebug {
	const char *format;
	struct static_key key;
} __attribute__((aligned(8)));

void pb_hex_dump(const void *buf, int len);

static inline __attribute__((always_inline)) _Bool pb_static_branch(struct static_key *key)
{
	asm goto("1: .byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
		 ".pushsection __jump_table, \"aw\"\n\t"
		 ".balign 8\n\t"
		 ".long 1b - ., %l[l_yes] - .\n\t"
		 ".quad %c0 + %c1 - .\n\t"
		 ".popsection\n\t"
		 : : "i" (key), "i" (0) : : l_yes);
	return 0;
l_yes:
	return 1;
}

#define pb_dump_debug(buf, len)						\
do {									\
	static struct pb_ddebug __attribute__((section("__dyndbg")))	\
		descriptor = { .format = "dump" };			\
	if (pb_static_branch(&descriptor.key))				\
		pb_hex_dump(buf, len);					\
} while (0)

int pb_read(const char *buf)
{
	pb_dump_debug(buf, 16);
	return buf[0];
}

int pb_write(char *buf)
{
	pb_dump_debug(buf, 8);
	return buf[1];
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 instructions of a code section, decoded with Zydis: which
 * instruction holds a given byte, how long it is, what kind it is, and
 * where its displacement and immediates lie.  Every question about the
 * layout of code (where a PC-relative field's instruction ends, whether a
 * relocation is the target of a call) is answered here, never guessed from
 * the bytes around a relocation.
 */
#ifndef PB_INSN_H
#define PB_INSN_H

#include <stdbool.h>

#include "elf-model.h"

enum insn_kind {
	INSN_OTHER,
	INSN_CALL,
	INSN_JUMP,		/* unconditional */
	INSN_COND_JUMP,
	INSN_RET,
	INSN_ENDBR,
	INSN_NOP,
	INSN_TRAP,		/* int3 */
};

/* A field of an instruction: its offset in the instruction and its size. */
struct insn_field {
	unsigned char offset, size;	/* bytes; size 0: no such field */
	bool relative;			/* immediate: a branch displacement */
};

struct insn {
	unsigned long offset;		/* in its section */
	unsigned int length;
	enum insn_kind kind;
	struct insn_field disp, imm[2];
};

/*
 * The instruction of @sec (a code section) that holds byte @offset.
 * Instructions are decoded from the start of each function (and of the
 * section), the boundaries kept in sec->insns once decoded (freed with the
 * section).  Returns 0, or
 * -1 when @offset lies in no decodable instruction.
 */
int insn_at(struct section *sec, unsigned long offset, struct insn *insn);

/* The instruction starting exactly at @offset; -1 when none decodes there. */
int insn_decode(const struct section *sec, unsigned long offset, struct insn *insn);

/*
 * The bytes from relocation @reloc's field to the end of its instruction:
 * what a PC-relative addend in code is biased by.  0 for relocations in
 * data and for absolute ones.  -1 (with *why set) when the field is not
 * a displacement or immediate of a decoded instruction.
 */
int reloc_bias(const struct reloc *reloc, long *bias, const char **why);

/* Is @reloc the target field of a call or a jump (a tail call)? */
bool is_branch_reloc(const struct reloc *reloc);

/* The integer argument registers in calling-convention order: rdi, rsi, rdx, rcx, r8, r9. */
#define INSN_NR_ARG_REGS 6

/* How an instruction touches the argument registers of a call that follows it. */
struct insn_args {
	unsigned int written;		/* bit i: writes (part of) argument register i */
	int imm_arg;			/* "mov $imm, %e/rXX": the argument register it
					   loads (its value in insn->imm[0]); -1 otherwise */
};

/* Decode @insn (from insn_at or insn_decode) with its operands; -1 when it does not decode. */
int insn_args(const struct section *sec, const struct insn *insn, struct insn_args *args);

#endif

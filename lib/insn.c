// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding x86-64 code with Zydis (libzydis, Debian's libzydis-dev): exact
 * instruction boundaries and field positions, so that a PC-relative
 * relocation's addend is read with the bias of its own instruction.
 *
 * A section is decoded once, on first use, by a linear sweep restarted at
 * every function symbol (and at the start of the section); only the
 * instruction starts are kept, sorted, and an instruction is decoded again
 * when asked for.  Bytes that do not decode are stepped over one at a time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <Zydis/Zydis.h>

#include "insn.h"

struct insn_table {
	unsigned int nr;
	uint32_t start[];
};

static const ZydisDecoder *decoder(void)
{
	static ZydisDecoder dec;
	static bool ready;

	if (!ready) {
		if (ZYAN_FAILED(ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64,
						 ZYDIS_STACK_WIDTH_64)))
			return NULL;
		ready = true;
	}
	return &dec;
}

static enum insn_kind kind_of(const ZydisDecodedInstruction *zi)
{
	if (zi->mnemonic == ZYDIS_MNEMONIC_ENDBR64 || zi->mnemonic == ZYDIS_MNEMONIC_ENDBR32)
		return INSN_ENDBR;
	if (zi->mnemonic == ZYDIS_MNEMONIC_INT3)
		return INSN_TRAP;
	switch (zi->meta.category) {
	case ZYDIS_CATEGORY_CALL:
		return INSN_CALL;
	case ZYDIS_CATEGORY_UNCOND_BR:
		return INSN_JUMP;
	case ZYDIS_CATEGORY_COND_BR:
		return INSN_COND_JUMP;
	case ZYDIS_CATEGORY_RET:
		return INSN_RET;
	case ZYDIS_CATEGORY_NOP:
	case ZYDIS_CATEGORY_WIDENOP:	/* 0f 1f /0: nopl, nopw (the 5-byte NOP) */
		return INSN_NOP;
	default:
		return INSN_OTHER;
	}
}

int insn_decode(const struct section *sec, unsigned long offset, struct insn *insn)
{
	const ZydisDecoder *dec = decoder();
	ZydisDecodedInstruction zi;
	unsigned int i;

	if (!dec || !sec->data || offset >= sec->size ||
	    ZYAN_FAILED(ZydisDecoderDecodeInstruction(dec, NULL, sec->data + offset,
						      sec->size - offset, &zi)))
		return -1;
	memset(insn, 0, sizeof(*insn));
	insn->offset = offset;
	insn->length = zi.length;
	insn->kind = kind_of(&zi);
	if (zi.raw.disp.size) {
		insn->disp.offset = zi.raw.disp.offset;
		insn->disp.size = zi.raw.disp.size / 8;
	}
	for (i = 0; i < 2; i++) {
		if (!zi.raw.imm[i].size)
			continue;
		insn->imm[i].offset = zi.raw.imm[i].offset;
		insn->imm[i].size = zi.raw.imm[i].size / 8;
		insn->imm[i].relative = zi.raw.imm[i].is_relative;
	}
	return 0;
}

/* Sweep [from, to) of @sec, appending instruction starts to @t. */
static void sweep(const struct section *sec, unsigned long from, unsigned long to,
		  struct insn_table *t)
{
	unsigned long off = from;
	struct insn insn;

	while (off < to) {
		if (insn_decode(sec, off, &insn)) {
			off++;
			continue;
		}
		t->start[t->nr++] = off;
		off += insn.length;
	}
}

static struct insn_table *decode_section(const struct section *sec)
{
	struct insn_table *t;
	unsigned long from = 0;
	unsigned int i;

	/* At most one instruction starts at each byte. */
	if (sec->size > UINT32_MAX)
		return NULL;
	t = malloc(sizeof(*t) + sec->size * sizeof(t->start[0]));
	if (!t)
		return NULL;
	t->nr = 0;
	/* sec->syms is sorted by offset: restart the sweep at each function. */
	for (i = 0; i < sec->nr_syms; i++) {
		const struct symbol *sym = sec->syms[i];

		if (sym->type != STT_FUNC || sym->offset <= from || sym->offset > sec->size)
			continue;
		sweep(sec, from, sym->offset, t);
		from = sym->offset;
	}
	sweep(sec, from, sec->size, t);
	return realloc(t, sizeof(*t) + (t->nr ? t->nr : 1) * sizeof(t->start[0])) ?: t;
}

int insn_at(struct section *sec, unsigned long offset, struct insn *insn)
{
	struct insn_table *t;
	unsigned int lo = 0, hi;

	if (!sec->insns)
		sec->insns = decode_section(sec);
	t = sec->insns;
	if (!t || offset >= sec->size)
		return -1;
	/* The last instruction starting at or before @offset. */
	hi = t->nr;
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (t->start[mid] <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || insn_decode(sec, t->start[lo - 1], insn))
		return -1;
	return offset < insn->offset + insn->length ? 0 : -1;
}

/* Which field of @insn does the relocation at @offset of @width bytes fill? */
static const struct insn_field *field_at(const struct insn *insn, unsigned long offset,
					 unsigned int width)
{
	unsigned long at = offset - insn->offset;
	unsigned int i;

	if (insn->disp.size == width && insn->disp.offset == at)
		return &insn->disp;
	for (i = 0; i < 2; i++)
		if (insn->imm[i].size == width && insn->imm[i].offset == at)
			return &insn->imm[i];
	return NULL;
}

int reloc_bias(const struct reloc *reloc, long *bias, const char **why)
{
	unsigned int width = reloc_width(reloc->type);
	struct insn insn;

	*bias = 0;
	*why = NULL;
	if (reloc->type != R_X86_64_PC32 && reloc->type != R_X86_64_PLT32 &&
	    reloc->type != R_X86_64_PC64)
		return 0;
	/* In data (".long target - .") the addend is the target offset itself. */
	if (!is_text_section(reloc->sec))
		return 0;
	if (insn_at(reloc->sec, reloc->offset, &insn)) {
		*why = "no instruction decodes there";
		return -1;
	}
	if (!field_at(&insn, reloc->offset, width)) {
		*why = "it is not a displacement or immediate of its instruction";
		return -1;
	}
	*bias = (long)(insn.offset + insn.length - reloc->offset);
	return 0;
}

bool is_branch_reloc(const struct reloc *reloc)
{
	const struct insn_field *field;
	struct insn insn;

	if (!is_text_section(reloc->sec) || insn_at(reloc->sec, reloc->offset, &insn))
		return false;
	if (insn.kind != INSN_CALL && insn.kind != INSN_JUMP && insn.kind != INSN_COND_JUMP)
		return false;
	field = field_at(&insn, reloc->offset, reloc_width(reloc->type));
	return field && field->relative;
}

/* Which argument register (0..5) @reg is part of, or -1. */
static int arg_index(ZydisRegister reg)
{
	static const ZydisRegister arg_regs[INSN_NR_ARG_REGS] = {
		ZYDIS_REGISTER_RDI, ZYDIS_REGISTER_RSI, ZYDIS_REGISTER_RDX,
		ZYDIS_REGISTER_RCX, ZYDIS_REGISTER_R8, ZYDIS_REGISTER_R9,
	};
	ZydisRegister full = ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64, reg);
	int i;

	for (i = 0; i < INSN_NR_ARG_REGS; i++)
		if (full == arg_regs[i])
			return i;
	return -1;
}

int insn_args(const struct section *sec, const struct insn *insn, struct insn_args *args)
{
	ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
	const ZydisDecoder *dec = decoder();
	ZydisDecodedInstruction zi;
	unsigned int i;
	int arg;

	if (!dec || !sec->data || insn->offset >= sec->size ||
	    ZYAN_FAILED(ZydisDecoderDecodeFull(dec, sec->data + insn->offset,
					       sec->size - insn->offset, &zi, ops)))
		return -1;
	args->written = 0;
	args->imm_arg = -1;
	/* Hidden operands too: rep movs, cpuid, div write argument registers implicitly. */
	for (i = 0; i < zi.operand_count; i++) {
		if (ops[i].type != ZYDIS_OPERAND_TYPE_REGISTER ||
		    !(ops[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE))
			continue;
		arg = arg_index(ops[i].reg.value);
		if (arg >= 0)
			args->written |= 1U << arg;
	}
	/* A 16- or 8-bit mov keeps the register's upper bits: not a whole argument. */
	if (zi.mnemonic == ZYDIS_MNEMONIC_MOV && zi.operand_count_visible == 2 &&
	    ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER && ops[0].size >= 32 &&
	    ops[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE)
		args->imm_arg = arg_index(ops[0].reg.value);
	return 0;
}

/*
 * A __weak default (an architecture hook other code may override) changes.
 * It is patched like any global function.
 */
#define __weak		__attribute__((__weak__))

struct pt_regs {
	unsigned long ip;
	unsigned long sp;
	unsigned long flags;
};

__weak int arch_check_user_regs(const struct pt_regs *regs)
{
	return regs->sp != 0 && (regs->sp & 7) == 0;
}

int ptrace_check_regs(const struct pt_regs *regs)
{
	if (!arch_check_user_regs(regs))
		return -14;
	return 0;
}

/*
 * A notrace function (no __fentry__ call, so ftrace cannot redirect it)
 * changes.  It is reached only through traced callers: they are patched and
 * call the new copy, which is carried in the module but not listed.
 */
#define notrace		__attribute__((__no_instrument_function__))
#define noinline	__attribute__((__noinline__))

struct cpu_state {
	unsigned long flags;
	unsigned long saved;
	int irq_depth;
};

static noinline notrace unsigned long arch_save_flags(struct cpu_state *c)
{
	unsigned long f = c->flags;

	c->saved = f;
	c->flags &= ~0x240UL;
	return f;
}

int cpu_irq_disable(struct cpu_state *c)
{
	unsigned long f = arch_save_flags(c);

	c->irq_depth++;
	return (f & 0x200) != 0;
}

int cpu_irq_disable_nested(struct cpu_state *c, int depth)
{
	int was = 0;

	while (depth--)
		was |= cpu_irq_disable(c) | (arch_save_flags(c) & 1);
	return was;
}

int cpu_irq_depth(struct cpu_state *c)
{
	return c->irq_depth;
}

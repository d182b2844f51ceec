// SPDX-License-Identifier: GPL-2.0
/*
 * What the differ says: the list of patched functions on stdout, with the
 * reasons for each under --explain, and every refusal on stderr.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static void add_reason(struct reason ***tail, struct symbol *sym, const char *fmt, va_list ap)
{
	struct reason *r = calloc(1, sizeof(*r));

	if (!r || vasprintf(&r->text, fmt, ap) < 0) {
		free(r);
		pb_error("out of memory");
		return;
	}
	r->sym = sym;
	**tail = r;
	*tail = &r->next;
}

void explain(struct diff *d, struct symbol *sym, const char *fmt, ...)
{
	va_list ap;

	if (!d->explanations_tail)
		d->explanations_tail = &d->explanations;
	va_start(ap, fmt);
	add_reason(&d->explanations_tail, sym, fmt, ap);
	va_end(ap);
}

void refuse(struct diff *d, struct symbol *sym, const char *fmt, ...)
{
	struct reason **tail, *r;
	va_list ap;

	if (!d->refusals_tail)
		d->refusals_tail = &d->refusals;
	tail = d->refusals_tail;
	va_start(ap, fmt);
	add_reason(&d->refusals_tail, sym, fmt, ap);
	va_end(ap);
	if (d->refusals_tail == tail)
		return;
	/* A pass that runs to a fixed point may find the same reason again. */
	for (r = d->refusals; r != *tail; r = r->next) {
		if (r->sym == sym && !strcmp(r->text, (*tail)->text)) {
			free((*tail)->text);
			free(*tail);
			*tail = NULL;
			d->refusals_tail = tail;
			return;
		}
	}
	d->nr_refusals++;
}

static const char *listed_name(const struct symbol *sym)
{
	return sym->twin ? sym->twin->name : sym->name;
}

/* One line per patched function, in the order of the patched object. */
void print_report(struct diff *d, FILE *f)
{
	struct symbol *sym;
	unsigned int i;

	for_each_symbol(d->patched, sym, i) {
		struct reason *r;

		if (!is_function(sym) || sym->parent || !sym->include)
			continue;
		/* A carried function is a new copy the module holds but does
		 * not redirect (it has no ftrace call): say so, it is in the
		 * module as much as the others. */
		if (sym->status == CHANGED)
			fprintf(f, "changed function: %s\n", listed_name(sym));
		else if (sym->status == NEW)
			fprintf(f, "new function: %s\n", sym->name);
		else if (sym->status == CARRIED)
			fprintf(f, "carried function: %s\n", listed_name(sym));
		if (!d->explain)
			continue;
		for (r = d->explanations; r; r = r->next)
			if (r->sym == sym)
				fprintf(f, "  because: %s\n", r->text);
	}
}

void print_refusals(struct diff *d)
{
	struct reason *r;

	for (r = d->refusals; r; r = r->next)
		fprintf(stderr, "%s: %s: cannot live patch: %s\n", pb_progname,
			d->patched->path, r->text);
	fprintf(stderr, "%s: %s: %u unsafe change%s; no output written\n", pb_progname,
		d->patched->path, d->nr_refusals, d->nr_refusals == 1 ? "" : "s");
}

void free_reasons(struct diff *d)
{
	struct reason *r, *next;

	for (r = d->explanations; r; r = next) {
		next = r->next;
		free(r->text);
		free(r);
	}
	for (r = d->refusals; r; r = next) {
		next = r->next;
		free(r->text);
		free(r);
	}
	d->explanations = d->refusals = NULL;
}

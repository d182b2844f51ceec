// SPDX-License-Identifier: GPL-2.0
/*
 * patch-post-link: turn the differ's intermediate klp relocation records
 * (.patch.klp_relocs, see patch-records.h) in a linked livepatch module into
 * the sections and symbols the livepatch core reads:
 *
 *   .klp.rela.<objname>.<section>   SHT_RELA, SHF_ALLOC | SHF_INFO_LINK |
 *                                   SHF_RELA_LIVEPATCH, relocating <section>
 *   .klp.sym.<objname>.<name>,<pos> global, st_shndx = SHN_LIVEPATCH
 *
 * It runs after the final module link because linkers do not keep these.
 * Every other section, symbol and relocation is carried over unchanged;
 * .patch.klp_relocs and its relocation section are removed.
 *
 * Exit status: 0 written (or nothing to do), 1 error (nothing written).
 */
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "klp-elf.h"
#include "patch-records.h"

#ifndef PB_VERSION
#define PB_VERSION "0.1"
#endif

#define KLP_RELA_FLAGS	(SHF_ALLOC | SHF_INFO_LINK | SHF_RELA_LIVEPATCH)

/* One .patch.klp_relocs record, resolved. */
struct klp_record {
	unsigned int index;		/* position in .patch.klp_relocs */
	struct section *dest_sec;	/* the section to patch */
	unsigned long dest_off;
	const char *name;		/* the symbol, and its owner */
	const char *objname;
	unsigned long sympos;
	long addend;
	unsigned int type;
};

struct post_link {
	struct elf *in;
	struct section *records_sec;
	struct klp_record *recs;
	unsigned int nr_recs;
	unsigned int nr_new_sections, nr_new_symbols;
	bool verbose;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: patch-post-link [OPTIONS] MODULE.ko\n"
		"\n"
		"Turn the intermediate klp relocation records (.patch.klp_relocs) of a\n"
		"linked livepatch module into .klp.rela.<obj>.<section> sections and\n"
		".klp.sym.<obj>.<name>,<pos> symbols, and remove the records.  The module\n"
		"is rewritten in place unless -o is given.\n"
		"\n"
		"  -o, --output FILE    write the result to FILE\n"
		"  -v, --verbose        list every klp relocation written\n"
		"  -q, --quiet          print nothing on success\n"
		"  -h, --help           show this help\n"
		"  -V, --version        show the version\n"
		"\n"
		"Exit status: 0 module written, or nothing to do; 1 error (nothing written).\n");
}

/* The relocation filling field @field of record @i; NULL when there is none. */
static struct reloc *record_field_reloc(struct post_link *pl, unsigned int i, size_t field,
					const char *what)
{
	unsigned long off = (unsigned long)i * sizeof(struct patch_klp_reloc) + field;
	struct reloc *reloc = find_reloc_at(pl->records_sec, off);

	if (!reloc) {
		pb_error("%s: %s record %u: no relocation fills its %s field", pl->in->path,
			 PATCH_KLP_RELOCS_SECTION, i, what);
		return NULL;
	}
	if (reloc->type != R_X86_64_64) {
		pb_error("%s: %s record %u: its %s field is filled by %s, expected R_X86_64_64",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, i, what,
			 reloc_type_name(reloc->type));
		return NULL;
	}
	return reloc;
}

static const char *record_string(struct post_link *pl, unsigned int i, size_t field,
				 const char *what)
{
	struct reloc *reloc = record_field_reloc(pl, i, field, what);
	struct section *sec;
	unsigned long off;
	const char *s;

	if (!reloc)
		return NULL;
	if (klp_reloc_place(reloc, &sec, &off) || !(s = klp_section_string(sec, off))) {
		pb_error("%s: %s record %u: its %s field does not point at a string in this module (%s%+ld)",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, i, what,
			 symbol_display_name(reloc->sym), reloc->addend);
		return NULL;
	}
	return s;
}

static int read_record(struct post_link *pl, unsigned int i, struct klp_record *rec)
{
	const unsigned char *data = pl->records_sec->data + (size_t)i * sizeof(struct patch_klp_reloc);
	struct patch_klp_reloc raw;
	struct reloc *reloc;
	struct section *sec;
	unsigned long off;
	const char *why;

	memcpy(&raw, data, sizeof(raw));
	rec->index = i;
	rec->sympos = raw.sympos;
	rec->addend = raw.addend;
	rec->type = raw.type;

	reloc = record_field_reloc(pl, i, offsetof(struct patch_klp_reloc, dest), "dest");
	if (!reloc)
		return -1;
	if (klp_reloc_place(reloc, &sec, &off)) {
		pb_error("%s: %s record %u: its destination (%s%+ld) is not a place in this module",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, i,
			 symbol_display_name(reloc->sym), reloc->addend);
		return -1;
	}
	rec->dest_sec = sec;
	rec->dest_off = off;
	rec->name = record_string(pl, i, offsetof(struct patch_klp_reloc, name), "name");
	rec->objname = record_string(pl, i, offsetof(struct patch_klp_reloc, objname), "objname");
	if (!rec->name || !rec->objname)
		return -1;

	if (raw.reserved) {
		pb_error("%s: %s record %u (%s): reserved field is 0x%x, not 0", pl->in->path,
			 PATCH_KLP_RELOCS_SECTION, i, rec->name, raw.reserved);
		return -1;
	}
	if ((why = klp_check_objname(rec->objname))) {
		pb_error("%s: %s record %u (%s): bad object name '%s': %s", pl->in->path,
			 PATCH_KLP_RELOCS_SECTION, i, rec->name, rec->objname, why);
		return -1;
	}
	if ((why = klp_check_symname(rec->name))) {
		pb_error("%s: %s record %u: bad symbol name '%.40s': %s", pl->in->path,
			 PATCH_KLP_RELOCS_SECTION, i, rec->name, why);
		return -1;
	}
	return 0;
}

/* Checks on the place a record patches. */
static int check_destination(struct post_link *pl, const struct klp_record *rec)
{
	const struct section *sec = rec->dest_sec;
	unsigned int width = reloc_width(rec->type);
	unsigned long start = rec->dest_off >= 8 ? rec->dest_off - 8 : 0;
	char loc[ELF_LOCATION_LEN];
	struct reloc *reloc;
	unsigned int j;

	if (!klp_loader_accepts_reloc(rec->type)) {
		pb_error("%s: %s record %u (%s): relocation type %u (%s) is not applied by the x86-64 module loader",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, rec->index, rec->name, rec->type,
			 reloc_type_name(rec->type));
		return -1;
	}
	if (!(sec->sh.sh_flags & SHF_ALLOC)) {
		pb_error("%s: %s record %u (%s): destination section %s is not loaded (not SHF_ALLOC)",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, rec->index, rec->name, sec->name);
		return -1;
	}
	elf_location(sec, rec->dest_off, loc, sizeof(loc));
	if (sec->sh.sh_type != SHT_NOBITS && sec->size - rec->dest_off < width) {
		pb_error("%s: %s record %u (%s): destination %s is outside the section",
			 pl->in->path, PATCH_KLP_RELOCS_SECTION, rec->index, rec->name, loc);
		return -1;
	}
	if (sec->data) {
		for (j = 0; j < width; j++) {
			if (sec->data[rec->dest_off + j]) {
				pb_error("%s: %s record %u (%s): the %u bytes at %s are not zero; the kernel refuses to relocate over them",
					 pl->in->path, PATCH_KLP_RELOCS_SECTION, rec->index,
					 rec->name, width, loc);
				return -1;
			}
		}
	}
	/* A normal relocation there would be applied first and leave non-zero bytes. */
	for (reloc = find_reloc_from(sec, start);
	     reloc && reloc < sec->relocs + sec->nr_relocs &&
	     reloc->offset < rec->dest_off + (width ? width : 1); reloc++) {
		if (reloc->offset + reloc_width(reloc->type) > rec->dest_off &&
		    reloc->type != R_X86_64_NONE && width) {
			char other_loc[ELF_LOCATION_LEN];

			pb_error("%s: %s record %u (%s): destination %s is also written by a normal relocation (%s at %s)",
				 pl->in->path, PATCH_KLP_RELOCS_SECTION, rec->index, rec->name,
				 loc, reloc_type_name(reloc->type),
				 elf_location(sec, reloc->offset, other_loc, sizeof(other_loc)));
			return -1;
		}
	}
	return 0;
}

static int compare_by_place(const void *a, const void *b)
{
	const struct klp_record *ra = *(struct klp_record *const *)a;
	const struct klp_record *rb = *(struct klp_record *const *)b;

	if (ra->dest_sec->index != rb->dest_sec->index)
		return ra->dest_sec->index < rb->dest_sec->index ? -1 : 1;
	if (ra->dest_off != rb->dest_off)
		return ra->dest_off < rb->dest_off ? -1 : 1;
	return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* Two records patching overlapping bytes cannot both be applied. */
static int check_overlaps(struct post_link *pl)
{
	struct klp_record **sorted;
	unsigned int i;
	int ret = 0;

	if (pl->nr_recs < 2)
		return 0;
	sorted = calloc(pl->nr_recs, sizeof(*sorted));
	if (!sorted) {
		pb_error("out of memory");
		return -1;
	}
	for (i = 0; i < pl->nr_recs; i++)
		sorted[i] = &pl->recs[i];
	qsort(sorted, pl->nr_recs, sizeof(*sorted), compare_by_place);
	for (i = 1; i < pl->nr_recs; i++) {
		const struct klp_record *a = sorted[i - 1], *b = sorted[i];

		if (a->dest_sec == b->dest_sec &&
		    a->dest_off + reloc_width(a->type) > b->dest_off &&
		    reloc_width(a->type) && reloc_width(b->type)) {
			char loc[ELF_LOCATION_LEN];

			pb_error("%s: %s records %u (%s) and %u (%s) both patch %s",
				 pl->in->path, PATCH_KLP_RELOCS_SECTION, a->index, a->name,
				 b->index, b->name,
				 elf_location(b->dest_sec, b->dest_off, loc, sizeof(loc)));
			ret = -1;
		}
	}
	free(sorted);
	return ret;
}

static int read_records(struct post_link *pl)
{
	struct section *sec = pl->records_sec;
	struct reloc *reloc;
	unsigned int i;
	int ret = 0;

	if (sec->sh.sh_type == SHT_NOBITS || sec->size % sizeof(struct patch_klp_reloc)) {
		pb_error("%s: %s: size %zu is not a multiple of the record size %zu",
			 pl->in->path, sec->name, sec->size, sizeof(struct patch_klp_reloc));
		return -1;
	}
	/* Relocations may only fill the three pointer fields. */
	for_each_reloc(sec, reloc) {
		size_t field = reloc->offset % sizeof(struct patch_klp_reloc);

		if (field != offsetof(struct patch_klp_reloc, dest) &&
		    field != offsetof(struct patch_klp_reloc, name) &&
		    field != offsetof(struct patch_klp_reloc, objname)) {
			char loc[ELF_LOCATION_LEN];

			pb_error("%s: unexpected relocation at %s (record %lu, field offset %zu)",
				 pl->in->path, elf_location(sec, reloc->offset, loc, sizeof(loc)),
				 reloc->offset / sizeof(struct patch_klp_reloc), field);
			return -1;
		}
	}
	pl->nr_recs = sec->size / sizeof(struct patch_klp_reloc);
	pl->recs = calloc(pl->nr_recs ? pl->nr_recs : 1, sizeof(*pl->recs));
	if (!pl->recs) {
		pb_error("out of memory");
		return -1;
	}
	for (i = 0; i < pl->nr_recs; i++) {
		if (read_record(pl, i, &pl->recs[i]) || check_destination(pl, &pl->recs[i]))
			ret = -1;	/* report every bad record */
	}
	if (!ret)
		ret = check_overlaps(pl);
	return ret;
}

static bool drop_records(const struct section *sec, void *arg)
{
	const struct section *records = arg;

	return sec == records || (sec->sh.sh_type == SHT_RELA && sec->base == records);
}

/* The .klp.sym symbol for @rec in @out, created on first use. */
static struct symbol *klp_symbol(struct post_link *pl, struct elf *out,
				 const struct klp_record *rec)
{
	struct symbol *sym;
	char *name;

	if (asprintf(&name, KLP_SYM_PREFIX "%s.%s,%lu", rec->objname, rec->name,
		     rec->sympos) < 0) {
		pb_error("out of memory");
		return NULL;
	}
	sym = find_symbol_by_name(out, name);
	if (sym && sym->shndx != SHN_LIVEPATCH) {
		pb_error("%s: symbol %s already exists and is not a livepatch symbol",
			 pl->in->path, name);
		sym = NULL;
	} else if (!sym) {
		sym = elf_add_special_symbol(out, name, STB_GLOBAL, STT_NOTYPE, SHN_LIVEPATCH);
		if (sym)
			pl->nr_new_symbols++;
	}
	free(name);
	return sym;
}

/* The .klp.rela section for @rec's object and destination, created on first use. */
static struct section *klp_rela_section(struct post_link *pl, struct elf *out,
					const struct klp_record *rec)
{
	const char *secname = rec->dest_sec->name;
	struct section *rela, *base = rec->dest_sec->out;
	char *name;

	/* ".text.foo" gives ".klp.rela.vmlinux.text.foo", as in the kernel's documentation. */
	if (asprintf(&name, KLP_RELA_PREFIX "%s.%s", rec->objname,
		     secname[0] == '.' ? secname + 1 : secname) < 0) {
		pb_error("out of memory");
		return NULL;
	}
	rela = find_section_by_name(out, name);
	if (rela && (!rela->explicit_rela || rela->base != base)) {
		pb_error("%s: section %s already exists and does not relocate %s", pl->in->path,
			 name, secname);
		rela = NULL;
	} else if (!rela) {
		rela = elf_add_rela_section(out, name, base, KLP_RELA_FLAGS);
		if (rela)
			pl->nr_new_sections++;
	}
	free(name);
	return rela;
}

static struct elf *build_output(struct post_link *pl, const char *path)
{
	struct elf *out;
	unsigned int i;

	/* The DWARF of a compiler-built table describes it: leave that zero. */
	klp_drop_unloaded_references(pl->in, pl->records_sec);
	out = elf_copy(pl->in, path, drop_records, pl->records_sec);
	if (!out)
		return NULL;
	for (i = 0; i < pl->nr_recs; i++) {
		const struct klp_record *rec = &pl->recs[i];
		struct section *rela = klp_rela_section(pl, out, rec);
		struct symbol *sym = rela ? klp_symbol(pl, out, rec) : NULL;

		if (!sym || !elf_add_reloc(rela, rec->dest_off, rec->type, sym, rec->addend))
			goto fail;
		if (pl->verbose) {
			char loc[ELF_LOCATION_LEN];

			printf("%s: %s %s%+ld (%s)\n",
			       elf_location(rec->dest_sec, rec->dest_off, loc, sizeof(loc)),
			       reloc_type_name(rec->type), sym->name, rec->addend, rela->name);
		}
	}
	return out;
fail:
	elf_close(out);
	return NULL;
}

/* A temporary file next to @target, created (and so reserved) now. */
static char *make_temp_path(const char *target)
{
	char *tmp;
	int fd;

	if (asprintf(&tmp, "%s.XXXXXX", target) < 0) {
		pb_error("out of memory");
		return NULL;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		pb_error("%s: cannot create a temporary file: %s", tmp, strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Copy @src to @dst byte for byte (nothing to convert, but -o was given). */
static int copy_file(const char *src, const char *dst)
{
	char buf[65536], *tmp = make_temp_path(dst);
	FILE *in = NULL, *out = NULL;
	struct stat st;
	size_t n;
	int ret = -1;

	if (!tmp)
		return -1;
	in = fopen(src, "rb");
	out = fopen(tmp, "wb");
	if (!in || !out || fstat(fileno(in), &st)) {
		pb_error("%s: %s", !in ? src : tmp, strerror(errno));
		goto out;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		if (fwrite(buf, 1, n, out) != n) {
			pb_error("%s: %s", tmp, strerror(errno));
			goto out;
		}
	}
	if (ferror(in)) {
		pb_error("%s: %s", src, strerror(errno));
		goto out;
	}
	if (fclose(out)) {
		out = NULL;
		pb_error("%s: %s", tmp, strerror(errno));
		goto out;
	}
	out = NULL;
	if (chmod(tmp, st.st_mode & 07777) || rename(tmp, dst)) {
		pb_error("%s: %s", dst, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	if (ret)
		unlink(tmp);
	free(tmp);
	return ret;
}

static int post_link(const char *input, const char *output, bool verbose, bool quiet)
{
	struct post_link pl = { .verbose = verbose };
	struct elf *out = NULL;
	char *tmp = NULL;
	struct stat st;
	int ret = 1;

	if (stat(input, &st)) {
		pb_error("%s: %s", input, strerror(errno));
		return 1;
	}
	pl.in = klp_elf_open(input);
	if (!pl.in)
		return 1;
	pl.records_sec = find_section_by_name(pl.in, PATCH_KLP_RELOCS_SECTION);
	if (!pl.records_sec) {
		if (strcmp(input, output) && copy_file(input, output))
			goto out;
		if (!quiet)
			printf("%s: no %s section: nothing to do\n", input,
			       PATCH_KLP_RELOCS_SECTION);
		ret = 0;
		goto out;
	}
	if (read_records(&pl))
		goto out;

	tmp = make_temp_path(output);
	if (!tmp)
		goto out;
	out = build_output(&pl, tmp);
	if (!out || elf_write(out))
		goto out;
	/* In place keeps the module's mode; a new file gets the umask's. */
	if (!strcmp(input, output)) {
		if (chmod(tmp, st.st_mode & 07777)) {
			pb_error("%s: %s", tmp, strerror(errno));
			goto out;
		}
	} else {
		mode_t mask = umask(0);

		umask(mask);
		if (chmod(tmp, 0666 & ~mask)) {
			pb_error("%s: %s", tmp, strerror(errno));
			goto out;
		}
	}
	if (rename(tmp, output)) {
		pb_error("%s: %s", output, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	if (!quiet)
		printf("%s: %u klp relocation%s in %u .klp.rela section%s, %u .klp.sym symbol%s; %s removed\n",
		       output, pl.nr_recs, pl.nr_recs == 1 ? "" : "s", pl.nr_new_sections,
		       pl.nr_new_sections == 1 ? "" : "s", pl.nr_new_symbols,
		       pl.nr_new_symbols == 1 ? "" : "s", PATCH_KLP_RELOCS_SECTION);
	ret = 0;
out:
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	elf_close(out);
	elf_close(pl.in);
	free(pl.recs);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	bool verbose = false, quiet = false;
	int opt;

	pb_progname = "patch-post-link";
	while ((opt = getopt_long(argc, argv, "o:vqhV", options, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			return pb_common_option(opt, usage, "patch-post-link") ? 0 : 1;
		}
	}
	if (argc - optind != 1) {
		pb_error("expected one module (try --help)");
		return 1;
	}
	return post_link(argv[optind], output ? output : argv[optind], verbose && !quiet, quiet);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * modtool: the test helper of test/module/run, on the ELF model.
 *
 *   modtool facts FILE
 *	One line per section, symbol and relocation, in a stable form the
 *	tests grep and compare:
 *	  section NAME type=T flags=0xF link=NAME info=NAME entsize=N size=N data=HASH
 *	  symbol INDEX NAME bind=B type=T shndx=SEC|UNDEF|LIVEPATCH|0xN value=0xV size=N
 *	  reloc RELASEC 0xOFFSET TYPE SYMBOL ADDEND
 *
 *   modtool mangle IN OUT OPERATION ARGS...
 *	Copy IN to OUT through the model, breaking one thing on the way:
 *	  set-flags SECTION FLAGS	  rename-section OLD NEW
 *	  rename-symbol OLD NEW		  set-shndx SYMBOL N
 *	  set-sym-type SYMBOL N		  set-sym-size SYMBOL N
 *	  set-reloc-type RELASEC INDEX TYPE
 *	  set-reloc-addend RELASEC INDEX ADDEND
 *	  add-reloc SECTION OFFSET TYPE SYMBOL ADDEND
 *	  add-undef NAME		  drop-section NAME
 *	  poke SECTION OFFSET BYTE	  modinfo KEY VALUE (VALUE "-": remove)
 *	  set-version NAME CRC
 *	and, written over the file after the model wrote it (the writer
 *	recomputes these fields):
 *	  set-link SECTION N		  set-info SECTION N
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-elf.h"

static const char *type_name(unsigned int type)
{
	static char buf[16];

	switch (type) {
	case SHT_PROGBITS: return "PROGBITS";
	case SHT_NOBITS: return "NOBITS";
	case SHT_RELA: return "RELA";
	case SHT_SYMTAB: return "SYMTAB";
	case SHT_STRTAB: return "STRTAB";
	case SHT_NOTE: return "NOTE";
	}
	snprintf(buf, sizeof(buf), "%u", type);
	return buf;
}

static const char *bind_name(unsigned int bind)
{
	return bind == STB_LOCAL ? "LOCAL" : bind == STB_GLOBAL ? "GLOBAL" :
	       bind == STB_WEAK ? "WEAK" : "OTHER";
}

static const char *sym_type_name(unsigned int type)
{
	static const char *const names[] = { "NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE" };

	return type < 5 ? names[type] : "OTHER";
}

static const char *sec_name(const struct elf *elf, unsigned int idx)
{
	const struct section *sec = find_section_by_index(elf, idx);

	return sec ? sec->name : "-";
}

static int facts(const char *path)
{
	struct elf *elf = klp_elf_open(path);
	struct section *sec;
	struct symbol *sym;
	struct reloc *reloc;
	unsigned int i;

	if (!elf)
		return 1;
	for_each_section(elf, sec, i) {
		printf("section %s type=%s flags=0x%lx link=%s info=%s entsize=%lu size=%zu data=%016llx\n",
		       sec->name, type_name(sec->sh.sh_type), (unsigned long)sec->sh.sh_flags,
		       sec->sh.sh_link ? sec_name(elf, sec->sh.sh_link) : "-",
		       sec->sh.sh_type == SHT_RELA ? sec_name(elf, sec->sh.sh_info) : "-",
		       (unsigned long)sec->sh.sh_entsize, sec->size,
		       sec->data && sec->sh.sh_type != SHT_SYMTAB && sec->sh.sh_type != SHT_STRTAB &&
		       sec->sh.sh_type != SHT_RELA ?
		       (unsigned long long)hash_bytes(sec->data, sec->size) : 0ULL);
	}
	for_each_symbol(elf, sym, i) {
		char shndx[32];

		if (sym->shndx == SHN_UNDEF)
			strcpy(shndx, "UNDEF");
		else if (sym->shndx == SHN_LIVEPATCH)
			strcpy(shndx, "LIVEPATCH");
		else if (sym->sec)
			snprintf(shndx, sizeof(shndx), "%.30s", sym->sec->name);
		else
			snprintf(shndx, sizeof(shndx), "0x%x", sym->shndx);
		printf("symbol %u %s bind=%s type=%s shndx=%s value=0x%lx size=%lu\n", sym->index,
		       sym->type == STT_SECTION ? "[section]" : sym->name[0] ? sym->name : "[none]",
		       bind_name(sym->bind), sym_type_name(sym->type), shndx, sym->offset, sym->size);
	}
	for_each_section(elf, sec, i) {
		const struct section *holder = sec->explicit_rela ? sec : sec->base;

		if (sec->sh.sh_type != SHT_RELA || !holder)
			continue;
		for_each_reloc(holder, reloc)
			printf("reloc %s 0x%lx %s %s %ld\n", sec->name, reloc->offset,
			       reloc_type_name(reloc->type), symbol_display_name(reloc->sym),
			       reloc->addend);
	}
	elf_close(elf);
	return 0;
}

/* ---- mangle ---------------------------------------------------------------- */

static const char *drop_name;

static bool drop_named(const struct section *sec, void *arg)
{
	(void)arg;
	return drop_name && (!strcmp(sec->name, drop_name) ||
			     (sec->sh.sh_type == SHT_RELA && sec->base &&
			      !strcmp(sec->base->name, drop_name)));
}

static struct section *need_section(struct elf *elf, const char *name)
{
	struct section *sec = find_section_by_name(elf, name);

	if (!sec)
		fprintf(stderr, "modtool: no section %s\n", name);
	return sec;
}

static struct symbol *need_symbol(struct elf *elf, const char *name)
{
	struct symbol *sym = find_symbol_by_name(elf, name);

	if (!sym)
		fprintf(stderr, "modtool: no symbol %s\n", name);
	return sym;
}

static int set_modinfo(struct elf *elf, const char *key, const char *value)
{
	struct section *sec = need_section(elf, ".modinfo");
	size_t keylen = strlen(key), off = 0, len = 0;
	char *buf;

	if (!sec)
		return -1;
	buf = calloc(1, sec->size + keylen + strlen(value) + 2);
	while (off < sec->size) {
		const char *s = (const char *)sec->data + off;
		size_t n = strnlen(s, sec->size - off);

		if (n && !(n > keylen && !strncmp(s, key, keylen) && s[keylen] == '=')) {
			memcpy(buf + len, s, n);
			len += n + 1;
		}
		off += n + 1;
	}
	if (strcmp(value, "-"))
		len += sprintf(buf + len, "%s=%s", key, value) + 1;
	if (sec->data_owned)
		free(sec->data);
	sec->data = (unsigned char *)buf;
	sec->size = len;
	sec->data_owned = true;
	return 0;
}

static int set_version(struct elf *elf, const char *name, unsigned long crc)
{
	struct section *sec = need_section(elf, "__versions");
	size_t off;

	if (!sec)
		return -1;
	for (off = 0; off + 64 <= sec->size; off += 64) {
		if (!strcmp((char *)sec->data + off + 8, name)) {
			memcpy(sec->data + off, &crc, sizeof(crc));
			return 0;
		}
	}
	fprintf(stderr, "modtool: no __versions entry for %s\n", name);
	return -1;
}

static int rename_symbol(struct symbol *sym, const char *name)
{
	free(sym->name);
	sym->name = strdup(name);
	return 0;
}

static int mangle_model(struct elf *out, int argc, char **argv)
{
	const char *op = argv[0];
	struct section *sec;
	struct symbol *sym;

#define NEED(n) do { if (argc != (n) + 1) goto usage; } while (0)
	if (!strcmp(op, "set-flags")) {
		NEED(2);
		if (!(sec = need_section(out, argv[1])))
			return -1;
		sec->sh.sh_flags = strtoul(argv[2], NULL, 0);
	} else if (!strcmp(op, "rename-section")) {
		NEED(2);
		if (!(sec = need_section(out, argv[1])))
			return -1;
		free(sec->name);
		sec->name = strdup(argv[2]);
	} else if (!strcmp(op, "rename-symbol")) {
		NEED(2);
		if (!(sym = need_symbol(out, argv[1])))
			return -1;
		rename_symbol(sym, argv[2]);
	} else if (!strcmp(op, "set-shndx") || !strcmp(op, "set-sym-type") ||
		   !strcmp(op, "set-sym-size")) {
		unsigned long v;

		NEED(2);
		if (!(sym = need_symbol(out, argv[1])))
			return -1;
		v = strtoul(argv[2], NULL, 0);
		if (!strcmp(op, "set-shndx")) {
			sym->shndx = v;
			sym->sec = NULL;
		} else if (!strcmp(op, "set-sym-type")) {
			sym->type = v;
		} else {
			sym->size = v;
		}
	} else if (!strcmp(op, "set-reloc-type") || !strcmp(op, "set-reloc-addend")) {
		unsigned long idx;

		NEED(3);
		if (!(sec = need_section(out, argv[1])))
			return -1;
		if (!sec->explicit_rela)
			sec = sec->base;
		idx = strtoul(argv[2], NULL, 0);
		if (!sec || idx >= sec->nr_relocs) {
			fprintf(stderr, "modtool: no relocation %lu in %s\n", idx, argv[1]);
			return -1;
		}
		if (!strcmp(op, "set-reloc-type"))
			sec->relocs[idx].type = strtoul(argv[3], NULL, 0);
		else
			sec->relocs[idx].addend = strtol(argv[3], NULL, 0);
	} else if (!strcmp(op, "add-reloc")) {
		struct section *rela = NULL;
		unsigned int i;

		NEED(5);
		if (!(sec = need_section(out, argv[1])) || !(sym = need_symbol(out, argv[4])))
			return -1;
		/* Copies hold their relocations on their (explicit) relocation section. */
		for (i = 1; i < out->nr_sections && !rela; i++)
			if (out->sections[i]->base == sec && !klp_is_klp_rela(out->sections[i]))
				rela = out->sections[i];
		if (!rela) {
			char name[300];

			snprintf(name, sizeof(name), ".rela%s", sec->name);
			rela = elf_add_rela_section(out, name, sec, SHF_INFO_LINK);
			if (!rela)
				return -1;
		}
		if (!elf_add_reloc(rela, strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0),
				   sym, strtol(argv[5], NULL, 0)))
			return -1;
	} else if (!strcmp(op, "add-undef")) {
		NEED(1);
		if (!elf_add_special_symbol(out, argv[1], STB_GLOBAL, STT_NOTYPE, SHN_UNDEF))
			return -1;
	} else if (!strcmp(op, "poke")) {
		unsigned long off;

		NEED(3);
		if (!(sec = need_section(out, argv[1])))
			return -1;
		off = strtoul(argv[2], NULL, 0);
		if (!sec->data || off >= sec->size) {
			fprintf(stderr, "modtool: offset 0x%lx outside %s\n", off, argv[1]);
			return -1;
		}
		sec->data[off] = strtoul(argv[3], NULL, 0);
	} else if (!strcmp(op, "modinfo")) {
		NEED(2);
		return set_modinfo(out, argv[1], argv[2]);
	} else if (!strcmp(op, "set-version")) {
		NEED(2);
		return set_version(out, argv[1], strtoul(argv[2], NULL, 0));
	} else if (strcmp(op, "drop-section") && strcmp(op, "set-link") && strcmp(op, "set-info")) {
		goto usage;
	}
	return 0;
usage:
	fprintf(stderr, "modtool: bad mangle operation or arguments: %s\n", op);
	return -1;
#undef NEED
}

/* Patch one field of a section header in the written file. */
static int patch_header(const char *path, const char *name, bool link, unsigned int value)
{
	FILE *f = fopen(path, "r+b");
	Elf64_Shdr sh, strsh;
	Elf64_Ehdr eh;
	unsigned int i;
	int ret = -1;

	if (!f || fread(&eh, sizeof(eh), 1, f) != 1)
		goto out;
	if (fseek(f, eh.e_shoff + (long)eh.e_shstrndx * sizeof(sh), SEEK_SET) ||
	    fread(&strsh, sizeof(strsh), 1, f) != 1)
		goto out;
	for (i = 1; i < eh.e_shnum; i++) {
		char buf[256] = "";

		if (fseek(f, eh.e_shoff + (long)i * sizeof(sh), SEEK_SET) ||
		    fread(&sh, sizeof(sh), 1, f) != 1 ||
		    fseek(f, strsh.sh_offset + sh.sh_name, SEEK_SET) ||
		    !fgets(buf, sizeof(buf), f))
			goto out;
		if (strcmp(buf, name))
			continue;
		if (link)
			sh.sh_link = value;
		else
			sh.sh_info = value;
		if (fseek(f, eh.e_shoff + (long)i * sizeof(sh), SEEK_SET) ||
		    fwrite(&sh, sizeof(sh), 1, f) != 1)
			goto out;
		ret = 0;
		break;
	}
	if (ret)
		fprintf(stderr, "modtool: no section %s in %s\n", name, path);
out:
	if (f && fclose(f))
		ret = -1;
	return ret;
}

static int mangle(const char *in_path, const char *out_path, int argc, char **argv)
{
	struct elf *in, *out;
	int ret = 1;

	if (!strcmp(argv[0], "drop-section") && argc == 2)
		drop_name = argv[1];
	in = klp_elf_open(in_path);
	if (!in)
		return 1;
	if (drop_name && find_section_by_name(in, drop_name))
		klp_drop_unloaded_references(in, find_section_by_name(in, drop_name));
	out = elf_copy(in, out_path, drop_named, NULL);
	if (!out || mangle_model(out, argc, argv) ||
	    elf_write(out))
		goto out;
	if ((!strcmp(argv[0], "set-link") || !strcmp(argv[0], "set-info")) && argc == 3 &&
	    patch_header(out_path, argv[1], !strcmp(argv[0], "set-link"),
			 strtoul(argv[2], NULL, 0)))
		goto out;
	ret = 0;
out:
	elf_close(out);
	elf_close(in);
	return ret;
}

int main(int argc, char **argv)
{
	pb_progname = "modtool";
	if (argc == 3 && !strcmp(argv[1], "facts"))
		return facts(argv[2]);
	if (argc >= 5 && !strcmp(argv[1], "mangle"))
		return mangle(argv[2], argv[3], argc - 4, argv + 4);
	fprintf(stderr, "usage: modtool facts FILE | modtool mangle IN OUT OPERATION ARGS...\n");
	return 2;
}

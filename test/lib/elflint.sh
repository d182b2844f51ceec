# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# Independent readers of what the tools write: eu-elflint (elfutils) and
# readelf (binutils), not our ELF model.  Sourced by the test runners.
#
# elflint_object FILE: a relocatable object (a differ output) must be clean.
# elflint_module FILE: a livepatch module must be clean but for what the
#   kernel's livepatch ABI requires and elflint does not know: the
#   SHF_RELA_LIVEPATCH flag (0x100000) of .klp.rela sections, the
#   SHN_LIVEPATCH index (0xff20) of .klp.sym symbols, and the notes kbuild
#   puts in .note.Linux.  Prints what remains; returns 1 when anything does.

elflint_object() {
	local out
	out=$(eu-elflint --gnu-ld "$1" 2>&1) && return 0
	printf '%s\n' "$out"
	return 1
}

elflint_module() {
	local out rest
	out=$(eu-elflint --gnu-ld "$1" 2>&1) && return 0
	rest=$(printf '%s\n' "$out" | grep -vE \
		-e "^section \[ *[0-9]+\] '\.klp\.rela\.[^']*' contains unknown flag\(s\) 0x100000$" \
		-e "^section \[ *[0-9]+\] '\.symtab': symbol [0-9]+ \(\.klp\.sym\.[^)]*\): invalid section index$" \
		-e "^section \[ *[0-9]+\] '\.note\.Linux': unknown object file note type [0-9]+ with owner name 'Linux'" \
		-e '^No errors$' || true)
	[ -z "$rest" ] && return 0
	printf '%s\n' "$rest"
	return 1
}

# elflint_module_tap FILE: elflint_module, with what remains printed as TAP
# comments ("#   ..."), for a runner's check that prints straight to its
# results.
elflint_module_tap() {
	local out
	out=$(elflint_module "$1") && return 0
	printf '%s\n' "$out" | sed 's/^/#   /'
	return 1
}

# readelf_klp_facts FILE: what readelf -W reads of FILE's livepatch ABI, in
# the lines test/module/modtool's "facts" prints for the same things:
#   section .klp.rela.* type=RELA flags=0xN link=NAME info=NAME entsize=N
#   symbol .klp.sym.* bind=B type=T shndx=LIVEPATCH|N|UND|ABS value=0xN size=N
#   reloc .klp.rela.* 0xOFFSET TYPE SYMBOL ADDEND
# readelf shows every OS-specific section flag as 'o'; in a module the one
# such flag is SHF_RELA_LIVEPATCH (0x00100000), and 'o' is read as that.
readelf_klp_facts() {
	readelf -SW "$1" | sed -n 's/^ *\[ *\([0-9]*\)\] /\1 /p' | awk '
		BEGIN {
			split("W 0x1 A 0x2 X 0x4 M 0x10 S 0x20 I 0x40 L 0x80 O 0x100 G 0x200 T 0x400 C 0x800 o 0x100000", f, " ")
			for (i = 1; i < 24; i += 2)
				bit[f[i]] = f[i + 1]
		}
		function hexval(s,    i, v) {
			v = 0
			for (i = 3; i <= length(s); i++)
				v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
			return v
		}
		{
			name[$1] = $2
			# Flg is empty (and its field missing) for sections without flags.
			if (NF == 11) { flags = $8; link = $9; info = $10 } else { flags = ""; link = $8; info = $9 }
			sec[NR] = $2; type[NR] = $3; es[NR] = $7; fl[NR] = flags; lk[NR] = link; inf[NR] = info
		}
		END {
			for (r = 1; r <= NR; r++) {
				if (sec[r] !~ /^\.klp\.rela\./)
					continue
				v = 0
				for (i = 1; i <= length(fl[r]); i++)
					v += hexval(bit[substr(fl[r], i, 1)])
				printf "section %s type=%s flags=0x%x link=%s info=%s entsize=%d\n", sec[r], type[r], v,
					name[lk[r]], name[inf[r]], hexval("0x" es[r])
			}
		}'
	readelf -sW "$1" | awk '
		$8 ~ /^\.klp\.sym\./ || $9 ~ /^\.klp\.sym\./ {
			ndx = $7; sym = $8
			if ($7 == "OS" && $8 == "[0xff20]") { ndx = "LIVEPATCH"; sym = $9 }
			v = $2; sub(/^0+/, "", v)
			printf "symbol %s bind=%s type=%s shndx=%s value=0x%s size=%s\n", sym, $5, $4, ndx,
				v == "" ? "0" : v, $3
		}'
	readelf -rW "$1" | awk '
		function hexval(s,    i, v) {
			v = 0
			for (i = 1; i <= length(s); i++)
				v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
			return v
		}
		/^Relocation section / { rela = $3; gsub(/\047/, "", rela); next }
		rela ~ /^\.klp\.rela\./ && $1 ~ /^[0-9a-f]+$/ && NF == 7 {
			off = $1; sub(/^0+/, "", off)
			printf "reloc %s 0x%s %s %s %s%d\n", rela, off == "" ? "0" : off, $3, $5,
				$6 == "-" ? "-" : "", hexval($7)
		}'
}

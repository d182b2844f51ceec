# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# An independent reader of what the tools write: eu-elflint (elfutils), not
# our ELF model.  Sourced by the test runners.
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

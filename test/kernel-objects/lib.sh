# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# Helpers shared by test/kernel-objects/{compile-pair,run,identity}: find the
# cached test kernel and recompile one of its objects exactly as kbuild did,
# from the command recorded in build-sections/<dir>/.<name>.o.cmd.
#
# Sourced, never run.  Callers use `set -euo pipefail`.

# kobj_find_kernel: print the cached 6.1 test kernel's directory, or nothing
# (and fail) when there is none.
#   PB_KERNEL_DIR       use this directory
#   PB_REQUIRE_KERNEL   set: build the kernel if it is not cached yet
# Otherwise the newest complete 6.1 cache directory is used; this never
# starts a kernel build.
kobj_find_kernel() {
	local top cache stamp best='' best_time=0 t

	if [[ -n ${PB_KERNEL_DIR:-} ]]; then
		[[ -f $PB_KERNEL_DIR/stamp ]] || return 1
		printf '%s\n' "$PB_KERNEL_DIR"
		return 0
	fi
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	if [[ -n ${PB_REQUIRE_KERNEL:-} ]]; then
		"$top/test/kernel/build" --print-dir --version 6.1
		return
	fi
	cache=${PATCH_BUILD_CACHE:-$HOME/.cache/patch-build}
	for stamp in "$cache"/kernel/6.1.*/stamp; do
		[[ -f $stamp ]] || continue
		grep -qx 'version=6.1' "$stamp" || continue
		grep -qx 'build_sections=complete' "$stamp" || continue
		t=$(stat -c %Y "$stamp")
		if ((t > best_time)); then
			best_time=$t
			best=${stamp%/stamp}
		fi
	done
	[[ -n $best ]] || return 1
	printf '%s\n' "$best"
}

# kobj_cmdfile K OBJ: the .cmd file kbuild wrote for OBJ (relative to
# K/build-sections, e.g. kernel/sys.o).
kobj_cmdfile() {
	local dir base

	dir=$(dirname "$2")
	base=$(basename "$2")
	printf '%s\n' "$1/build-sections/$dir/.$base.cmd"
}

# kobj_command K OBJ: print OBJ's recorded command with make's escapes
# undone ('$$' is '$', '$(pound)' is '#').
kobj_command() {
	local cmdfile line

	cmdfile=$(kobj_cmdfile "$1" "$2")
	[[ -f $cmdfile ]] || return 1
	IFS= read -r line < "$cmdfile" || [[ -n $line ]] || return 1
	[[ $line == cmd_*' := '* ]] || return 1
	line=${line#* := }
	line=${line//'$(pound)'/#}
	line=${line//'$$'/$}
	printf '%s\n' "$line"
}

# kobj_drop_depfile CMD: CMD without the -Wp,-MMD,FILE / -Wp,-MD,FILE /
# -Wp,-MT,TARGET dependency-file options.
kobj_drop_depfile() {
	sed -E 's/(^| )-Wp,-M(M?D|T),[^ ]*//g' <<< "$1"
}

# kobj_retarget CMD FROM TO: replace every whitespace-delimited word FROM
# of CMD by TO (TO is shell-quoted).  Fails when FROM does not occur.
kobj_retarget() {
	local cmd=" $1 " from=$2 to out

	to=$(printf '%q' "$3")
	[[ $cmd == *" $from "* ]] || return 1
	out=$cmd
	while [[ $out == *" $from "* ]]; do
		out=${out/" $from "/" $to "}
	done
	out=${out# }
	printf '%s\n' "${out% }"
}

# kobj_compile K OBJ SRCROOT OUT LOG: compile K/build-sections/OBJ again from
# its recorded command, with the sources under SRCROOT instead of K/src,
# into OUT (the objtool pass included).  Compiler and objtool output goes to
# LOG.  Only for objects kbuild compiled with gcc (relative target name);
# never writes into K.
kobj_compile() {
	local k=$1 obj=$2 srcroot=$3 out=$4 log=$5 cmd cc tool='' sep

	cmd=$(kobj_command "$k" "$obj") || {
		echo "no recorded command for $obj" > "$log"
		return 1
	}
	sep='; ./tools/objtool/objtool '
	if [[ $cmd == *"$sep"* ]]; then
		cc=${cmd%%"$sep"*}
		tool="./tools/objtool/objtool ${cmd#*"$sep"}"
	else
		cc=$cmd
	fi
	case $cc in
	gcc\ * | *-gcc\ *) ;;
	*)
		echo "$obj: not a compiler command: ${cc:0:80}" > "$log"
		return 1 ;;
	esac
	cc=$(kobj_drop_depfile "$cc")
	if [[ $srcroot != "$k/src" ]]; then
		cc=${cc//"$k/src"/"$srcroot"}
	fi
	cc=$(kobj_retarget "$cc" "$obj" "$out") || {
		echo "$obj: '-o $obj' not found in its command" > "$log"
		return 1
	}
	if [[ -n $tool ]]; then
		tool=$(kobj_retarget "$tool" "$obj" "$out") || {
			echo "$obj: objtool does not name $obj" > "$log"
			return 1
		}
	fi
	mkdir -p "$(dirname "$out")"
	rm -f "$out"
	(
		cd "$k/build-sections" || exit 1
		bash -c "$cc" || exit 1
		[[ -z $tool ]] || bash -c "$tool" || exit 1
	) > "$log" 2>&1
}

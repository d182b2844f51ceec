# shellcheck shell=bash
# (sourced by patch-build)
#
# Reading kbuild's records: .config values, .o.cmd files (the command that
# built an object, what it depends on), which objects a source file feeds.

# The value of CONFIG_X in the configuration ('' when not set).
config_value() {
	sed -n "s/^CONFIG_$1=//p" "$config" | sed -n 1p
}

# The object built from FILE.c: 'dir/file.o'.
obj_of() {
	echo "${1%.c}.o"
}

# The .cmd file kbuild keeps for OBJ in DIR.
cmd_file_of() {
	local dir=$1 obj=$2 d b
	d=${obj%/*}
	b=${obj##*/}
	[ "$d" != "$obj" ] || d=.
	echo "$dir/$d/.$b.cmd"
}

# Does the build directory hold kbuild's records of a full build?
full_build_records() {
	[ -f "$objdir/vmlinux.a" ] || [ -f "$objdir/built-in.a" ]
}

# Objects (OBJDIR-relative) whose kbuild record lists one of the files
# given, as their source or a dependency: a patched .c and the .c files
# that #include it; for headers, everything that includes them.
objects_depending_on() {
	local dir=$1 spell f
	shift
	spell=$(srctree_spelling "$dir")
	local pats=()
	for f; do
		pats+=(-e "${spell:+$spell/}$f")
	done
	{ grep -rlF --include='.*.o.cmd' "${pats[@]}" "$dir" 2>/dev/null || true; } |
		{ grep -v '\.mod\.o\.cmd$' || true; } |
		while read -r f; do
			f=${f#"$dir"/}
			local d=${f%/*} b=${f##*/}
			[ "$d" != "$f" ] || d=.
			b=${b#.}
			b=${b%.cmd}
			if [ "$d" = . ]; then echo "$b"; else echo "$d/$b"; fi
		done | sort -u
}

# How a build directory's .cmd files spell the source tree: absolute for
# O= builds, empty for in-tree ones.
srctree_spelling() {
	local dir=$1
	if [ "$dir" = "$srcdir" ]; then
		echo ""
	else
		sed -n 's/^include \(.*\)\/Makefile$/\1/p' "$dir/Makefile" | sed -n 1p
	fi
}

# Keep only the objects whose .cmd lists FILE as a source or dependency
# word (not a mere substring of a longer path).
filter_exact_deps() {
	local dir=$1 spell obj cmdf f
	shift
	spell=$(srctree_spelling "$dir")
	while read -r obj; do
		cmdf=$(cmd_file_of "$dir" "$obj")
		for f; do
			if grep -qE "(^| |:=)${spell:+$(re_escape "$spell")/}$(re_escape "$f")( |\\\\|\$)" "$cmdf"; then
				echo "$obj"
				break
			fi
		done
	done
}

re_escape() {
	sed 's/[][\.*^$+?(){}|/]/\\&/g' <<<"$1"
}

# .c files (as objects) in the same directories that #include a patched .c
find_includers() {
	local f d b inc
	for f; do
		d=${f%/*}
		b=${f##*/}
		{ grep -lE "^[[:space:]]*#[[:space:]]*include[[:space:]]+\"(\./)?$(re_escape "$b")\"" \
			"$srcdir/$d"/*.c 2>/dev/null || true; } | while read -r inc; do
			inc=${inc#"$srcdir"/}
			echo "${inc%.c}.o"
		done
	done
}

# The command kbuild ran for OBJ, as recorded in DIR's .cmd file, with
# make's escaping undone.  6.1 records it as cmd_OBJ, 6.3 and later as
# savedcmd_OBJ.
kbuild_command() {
	local dir=$1 obj=$2 cmdf
	cmdf=$(cmd_file_of "$dir" "$obj")
	make -s --no-print-directory -f - <<EOF 2>/dev/null
pound := \#
include $cmdf
\$(info \$(or \$(savedcmd_$obj),\$(cmd_$obj)))
.DEFAULT_GOAL := all
all: ; @:
EOF
}

# Turn kbuild's command for OBJ into one that writes OUT instead, with the
# section flags, and no dependency file.
retarget_command() {
	local cmd=$1 obj=$2 out=$3 w words=() n=0
	read -ra words <<<"$cmd"
	# Only whole words are rewritten; the command has no quoted spaces
	# around them (kbuild quotes only -D values).
	# (sed: an extglob substitution takes a second on a kbuild command)
	cmd=$(sed 's/ -Wp,-MMD,[^ ]* / /' <<<" $cmd ")
	cmd="$cmd "
	for w in "${words[@]}"; do
		[ "$w" != "$obj" ] || n=$((n + 1))
	done
	[ "$n" -ge 1 ] || return 1
	cmd=${cmd// "$obj" / "$out" }
	cmd=${cmd// "$obj;"/ "$out;"}
	cmd=${cmd/ -c -o / $section_flags -c -o }
	[[ $cmd == *" $section_flags -c -o "* ]] || return 1
	echo "${cmd# }"
}

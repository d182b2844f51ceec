# shellcheck shell=bash
# (sourced by patch-build)
#
# Tree mode (a patch that changes headers): the section-flags build of the
# whole kernel is brought up to date, rebuilt with the patched tree (the
# compiler wrapper saves every original output first) and put back.

# The section-flags build: next to a test-kernel build ('build-sections'
# beside 'build', same configuration), else one built once in the cache.
find_sections_dir() {
	local sib key
	sib=$(dirname "$objdir")/build-sections
	if [ -d "$sib" ] && [ -f "$sib/.config" ] && full_build_records &&
		cmp -s <(grep '^CONFIG_' "$sib/.config") <(grep '^CONFIG_' "$config"); then
		sections_dir=$(cd "$sib" && pwd -P)
		return 0
	fi
	key=$( {
		echo "$srcdir"
		grep '^CONFIG_' "$config"
		echo "$cc_version"
	} | sha256sum | cut -c1-16)
	sections_dir=$cache/sections/$key
	[ -f "$sections_dir/.patch-build-complete" ] && return 0
	if [ -f "$srcdir/.config" ] || [ -d "$srcdir/include/config" ]; then
		die "tree mode needs a section-flags build of its own, and kbuild refuses one (O=) while the source tree holds an in-tree build; build the kernel with O= ($srcdir)"
	fi
	say "building a section-flags copy of the kernel, once, in $sections_dir (this takes as long as a kernel build)"
	rm -rf "$sections_dir"
	mkdir -p "$sections_dir"
	cp "$config" "$sections_dir/.config"
	run_or_die "configuring the section-flags build" \
		"${in_chroot[@]}" make -C "$srcdir" O="$sections_dir" olddefconfig
	run_or_die "building the section-flags kernel" \
		"${in_chroot[@]}" make -C "$srcdir" O="$sections_dir" -j"$jobs" KCFLAGS="$section_flags" vmlinux modules
	touch "$sections_dir/.patch-build-complete"
}

# The identity kbuild stamps into include/generated/compile.h, as the
# section-flags build was made: passing it again keeps kbuild from
# rewriting that header (and rebuilding init/version.o later).
sections_build_env() {
	local h=$sections_dir/include/generated/compile.h v
	sections_env=()
	[ -f "$h" ] || return 0
	v=$(sed -n 's/^#define LINUX_COMPILE_BY[[:space:]]*"\(.*\)"$/\1/p' "$h")
	[ -z "$v" ] || sections_env+=("KBUILD_BUILD_USER=$v")
	v=$(sed -n 's/^#define LINUX_COMPILE_HOST[[:space:]]*"\(.*\)"$/\1/p' "$h")
	[ -z "$v" ] || sections_env+=("KBUILD_BUILD_HOST=$v")
}

# make in the section-flags build with the wrapper first in PATH.
#   sections_make SAVE-DIR RECORD-FILE TARGET...
# SAVE-DIR empty: nothing is saved (the outputs are only recorded).
sections_make() {
	local save=$1 record=$2
	shift 2
	run_logged "${in_chroot[@]}" env "${sections_env[@]}" PB_WRAP_DIR="$orig_dir/wrap" PB_SAVE_DIR="$save" \
		PB_RECORD="$record" PATH="$orig_dir/wrap:$PATH" \
		make -C "$srcdir" O="$sections_dir" -j"$jobs" \
		KCFLAGS="$section_flags" "$@"
}

setup_wrapper() {
	local cc=${CC:-gcc}
	mkdir -p "$orig_dir/wrap"
	ln -sf "$cc_wrapper" "$orig_dir/wrap/${cc##*/}"
}

find_tree_objects() {
	local f
	find_sections_dir
	objects_depending_on "$sections_dir" "${touched[@]}" |
		filter_exact_deps "$sections_dir" "${touched[@]}" | mapfile -t candidates
	[ ${#candidates[@]} -gt 0 ] ||
		die "no object of the section-flags build uses ${touched[*]} ($sections_dir)"
	for f in "${c_files[@]}"; do
		[ -f "$(cmd_file_of "$sections_dir" "$(obj_of "$f")")" ] ||
			[ -n "$(printf '%s\n' "${candidates[@]}" | filter_exact_deps "$sections_dir" "$f")" ] ||
			die "$f is not built in this configuration (no $(cmd_file_of "$sections_dir" "$(obj_of "$f")"))"
	done
}

# Files every make run in a build directory rewrites with the same content
# (the O= Makefile, the 'source' link, .missing-syscalls.d) and the
# generated headers: copied, with their times, before kbuild runs, so that
# they can be put back.
snapshot_sections() {
	local f
	mkdir -p "$orig_dir/sections-snap"
	touch "$orig_dir/sections-marker"
	sleep 0.01
	{
		find "$sections_dir" -maxdepth 1 ! -type d -print0
		find "$sections_dir/include/generated" "$sections_dir"/arch/*/include/generated \
			! -type d -print0 2>/dev/null || true
	} | while IFS= read -r -d '' f; do
		f=${f#"$sections_dir"/}
		mkdir -p "$orig_dir/sections-snap/$(dirname "$f")"
		cp -a -T "$sections_dir/$f" "$orig_dir/sections-snap/$f"
	done
	# kbuild's temporary files change directory times: keep them all
	find "$sections_dir" -type d -printf '%T@ %P\0' >"$orig_dir/sections-dirs"
	kbuild_temporaries "$sections_dir" >"$orig_dir/sections-temps"
	sections_dirty=1
}

# Bring the candidates up to date with the pristine tree: normally kbuild
# only checks; objects it rebuilds (a stale section-flags build) are
# recorded, they are legitimately new originals.
tree_originals() {
	local rc=0 n
	setup_wrapper
	sections_build_env
	snapshot_sections
	: >"$orig_dir/updated.list"
	sections_make "" "$orig_dir/updated.list" "${candidates[@]}" || rc=$?
	[ "$rc" -eq 0 ] || command_failed "updating the section-flags build" "$rc" \
		"$last_cmd" "$work/last.out"
	n=$(sort -u "$orig_dir/updated.list" | grep -c . || true)
	[ "$n" -eq 0 ] ||
		warn "$(plural "$n" object) of the section-flags build were out of date and were rebuilt first ($sections_dir)"
}

# Rebuild in the patched tree.  The wrapper saves each original output and
# its .cmd record before the compiler overwrites them.
tree_patched() {
	local rc=0 obj line own
	: >"$patched_dir/rebuilt.list"
	mkdir -p "$patched_dir/sections-saved"
	sections_make "$patched_dir/sections-saved" "$patched_dir/rebuilt.list" "${candidates[@]}" || rc=$?
	[ "$rc" -eq 0 ] || command_failed "building the patched objects" "$rc" \
		"$last_cmd" "$work/last.out"
	objects=()
	other_outputs=()
	load_owner_records
	sort -u "$patched_dir/rebuilt.list" | while read -r line; do
		obj=${line#new }
		if [ "$line" != "$obj" ]; then
			[[ $obj != *.o ]] ||
				die "the patch makes kbuild build a new object, $obj, which cannot be live patched"
			continue
		fi
		mkdir -p "$patched_dir/patched/${obj%/*}" "$orig_dir/orig/${obj%/*}"
		cp -p "$sections_dir/$obj" "$patched_dir/patched/$obj"
		cp -p "$patched_dir/sections-saved/$obj" "$orig_dir/orig/$obj"
		own=
		if [[ $obj == *.o ]] && ! is_assembled "$obj"; then
			own=$(owner_of "$obj") || own=
		fi
		if [ -n "$own" ]; then
			objects+=("$obj")
			owner[$obj]=$own
		else
			other_outputs+=("$obj")
		fi
	done
}

# restore_dir_times DIR LIST MARKER: remove kbuild's temporary directories
# (.tmp_<pid>, left when interrupted) made in DIR since MARKER, and give every other
# directory changed since then the time LIST records for it ('SECONDS PATH'
# records, NUL-terminated, as find -printf '%T@ %P\0' writes them).
restore_dir_times() {
	local dir=$1 rec p
	declare -A when=()
	[ -f "$2" ] || return 0
	while IFS= read -r -d '' rec; do
		when[x${rec#* }]=${rec%% *}
	done <"$2"
	# (only kbuild's temporary directories, and only new ones; find may
	# miss one that goes while it looks)
	{ find "$dir" -mindepth 1 -type d -name '.tmp_*' -newer "$3" -prune -print0 || true; } |
		while IFS= read -r -d '' p; do
			p=${p#"$dir"/}
			[ -n "${when[x$p]:-}" ] || rm -rf "${dir:?}/$p"
		done
	{ find "$dir" -type d -newer "$3" -print0 || true; } | while IFS= read -r -d '' p; do
		if [ "$p" = "$dir" ]; then p=; else p=${p#"$dir"/}; fi
		[ -z "${when[x$p]:-}" ] || touch -m -d "@${when[x$p]}" "$dir/$p"
	done
}

# The files kbuild writes and removes again within one rule: filechk's
# '.NAME.tmp' and '.tmp_NAME', the compiler's dependency file '.NAME.d'
# (fixdep turns it into the .cmd record).  A make stopped by a signal can
# leave one behind.  Prints paths relative to DIR, NUL-terminated.
kbuild_temporaries() {
	local dir=$1
	shift
	{ find "$dir" "$@" ! -type d \( -name '.*.tmp' -o -name '.tmp_*' -o -name '.*.d' \) \
		-printf '%P\0' 2>/dev/null || true; }
}

# Remove the temporaries made in DIR since MARKER that LIST (as
# kbuild_temporaries printed it before the build) does not hold.
remove_new_temporaries() {
	local dir=$1 p
	declare -A had=()
	[ -f "$2" ] || return 0
	while IFS= read -r -d '' p; do had[x$p]=1; done <"$2"
	kbuild_temporaries "$dir" -newer "$3" | while IFS= read -r -d '' p; do
		[ -n "${had[x$p]:-}" ] || rm -f "${dir:?}/$p"
	done
}

# Was OBJ assembled from a .S file (per its saved kbuild record)?
is_assembled() {
	grep -q "^source_$(re_escape "$1") := .*\\.S\$" "$(cmd_file_of "$patched_dir/sections-saved" "$1")" 2>/dev/null
}

# Put the section-flags build back as it was: every output the wrapper
# saved with its kbuild record, the snapshot, and nothing new.
restore_sections() {
	local line f rel restore_failed=0 left=()
	declare -A keep=()
	[ "$sections_dirty" -eq 1 ] || return 0
	{ sort -u "$patched_dir/rebuilt.list" 2>/dev/null || true; } | while read -r line; do
		f=${line#new }
		[ "$line" != "$f" ] || continue
		rm -f "$sections_dir/$f"
		rel=$(dirname "$f")/.$(basename "$f").cmd
		[ ! "$sections_dir/$rel" -nt "$orig_dir/sections-marker" ] || rm -f "$sections_dir/$rel"
	done
	if [ -d "$patched_dir/sections-saved" ]; then
		# (*.tmp.PID: a copy the wrapper was interrupted in)
		find "$patched_dir/sections-saved" -type f ! -name '*.tmp.[0-9]*' -print0 |
			while IFS= read -r -d '' f; do
				rel=${f#"$patched_dir/sections-saved"/}
				cp -p -T --remove-destination "$f" "$sections_dir/$rel" || restore_failed=1
			done
	fi
	{ find "$orig_dir/sections-snap" ! -type d -print0 2>/dev/null || true; } | while IFS= read -r -d '' f; do
		rel=${f#"$orig_dir/sections-snap"/}
		cp -a -T --remove-destination "$f" "$sections_dir/$rel" || restore_failed=1
	done
	remove_new_temporaries "$sections_dir" "$orig_dir/sections-temps" "$orig_dir/sections-marker"
	restore_dir_times "$sections_dir" "$orig_dir/sections-dirs" "$orig_dir/sections-marker"
	# What kbuild legitimately updated before the patch was applied stays.
	{ sort -u "$orig_dir/updated.list" 2>/dev/null || true; } | while read -r f; do
		keep[$f]=1
		keep[$(dirname "$f")/.$(basename "$f").cmd]=1
	done
	{ find "$sections_dir" -newer "$orig_dir/sections-marker" ! -type d -print0 2>/dev/null || true; } |
		while IFS= read -r -d '' f; do
			rel=${f#"$sections_dir"/}
			[ -n "${keep[$rel]:-}" ] || left+=("$rel")
		done
	[ ${#left[@]} -eq 0 ] ||
		warn "the patched build also changed, in $sections_dir: ${left[*]:0:10}${left[10]:+ ...}"
	if [ "$restore_failed" -ne 0 ]; then
		keep_tmp=1
		echo "$me: error: could not restore the section-flags build $sections_dir; originals in $patched_dir/sections-saved" >&2
		return 1
	fi
	sections_dirty=0
	echo "restored the section-flags build $sections_dir" >>"$log"
}

# Outputs rebuilt by a header change that are not objects of vmlinux or a
# module (assembly, boot, vDSO, asm-offsets): they cannot be patched, so
# they must come out the same (code and data; debug info may differ).
check_other_outputs() {
	local obj a b
	for obj in "${other_outputs[@]}"; do
		a=$patched_dir/cmp/orig/$obj
		b=$patched_dir/cmp/patched/$obj
		mkdir -p "${a%/*}" "${b%/*}"
		case $obj in
		*.o)
			objcopy --strip-debug "$orig_dir/orig/$obj" "$a" 2>>"$log" || cp "$orig_dir/orig/$obj" "$a"
			objcopy --strip-debug "$patched_dir/patched/$obj" "$b" 2>>"$log" || cp "$patched_dir/patched/$obj" "$b"
			;;
		*.s)
			# asm-offsets style: only the '->' constants matter
			grep -F -- '->' "$orig_dir/orig/$obj" >"$a" || true
			grep -F -- '->' "$patched_dir/patched/$obj" >"$b" || true
			;;
		*)
			cp "$orig_dir/orig/$obj" "$a"
			cp "$patched_dir/patched/$obj" "$b"
			;;
		esac
		if ! cmp -s "$a" "$b"; then
			finish_unsafe "the change alters $obj, which is not part of vmlinux or a module (assembly, boot, vDSO or generated constants) and cannot be live patched"
		fi
		echo "unchanged: $obj (not diffed)" >>"$log"
	done
}

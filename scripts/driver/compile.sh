# shellcheck shell=bash
# (sourced by patch-build)
#
# Targeted mode's compiles: each object with kbuild's own recorded command,
# retargeted to the work directory with the section flags; or, for trees
# prepared with modules_prepare only, kbuild in a private build directory.

# Compile every object of $objects from the tree as it is now, into
# the stage directory of SIDE (orig: 2-originals/orig/, patched:
# 3-patched/patched/), in parallel.
compile_targeted() {
	local side=$1 obj cmd new base rc failed=() root
	root=$(side_dir "$side")
	mkdir -p "$root/jobs"
	for obj in "${objects[@]}"; do
		mkdir -p "$root/$side/${obj%/*}"
		cmd=$(kbuild_command "$objdir" "$obj") ||
			die "cannot read kbuild's command for $obj ($(cmd_file_of "$objdir" "$obj"))"
		new=$(retarget_command "$cmd" "$obj" "$root/$side/$obj") ||
			die "unexpected kbuild command for $obj ($(cmd_file_of "$objdir" "$obj"))" "$cmd"
		base=$root/jobs/${obj//\//_}
		echo "$new" >"$base.cmd"
		pool_add "$base" "$objdir" "${in_chroot[@]}" sh -c "$new"
	done
	pool_wait_all
	for obj in "${objects[@]}"; do
		base=$root/jobs/${obj//\//_}
		rc=$(job_status "$base")
		cat "$base.out" >>"$log"
		[ "$rc" -eq 0 ] && [ -f "$root/$side/$obj" ] || failed+=("$obj")
	done
	if [ ${#failed[@]} -gt 0 ]; then
		obj=${failed[0]}
		base=$root/jobs/${obj//\//_}
		command_failed "compiling the $side $obj" "$(job_status "$base")" \
			"(cd $objdir && $(cat "$base.cmd"))" "$base.out"
	fi
	[ "$side" = patched ] || return 0
	for obj in "${objects[@]}"; do
		new_compiler_warnings "$obj" "$orig_dir/jobs/${obj//\//_}.out" \
			"$patched_dir/jobs/${obj//\//_}.out"
	done
}

# new_compiler_warnings LABEL ORIG-OUTPUT PATCHED-OUTPUT: pass on the
# compiler's warnings about the patched source that it did not give about
# the original (compared without line and column: the patch moves lines),
# through warn(), with LABEL in front.  Those the original already had are
# the kernel's own, and stay in the log.
new_compiler_warnings() {
	local label=$1 line
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		line=${line/: warning: /: }
		warn "${label:+$label: }${line#"$srcdir/"}"
	done <<<"$(awk '
		function key(l) { sub(/:[0-9]+:[0-9]+: warning: /, ": warning: ", l); return l }
		FILENAME == ARGV[1] { if (/: warning: /) seen[key($0)] = 1; next }
		/^[^ ]+:[0-9]+:[0-9]+: warning: / && !(key($0) in seen) { print }
	' "$2" "$3" 2>>"$log" || true)"
}

# What the private build directory's make runs get besides kbuild_vars.
# CONFIG_DEBUG_INFO_BTF= (on make's command line only: .config and the
# compiles keep it) skips building resolve_btfids and its libbpf, which only
# a vmlinux or .ko link uses: 7 to 9 s of a cold run.  The same KCFLAGS as
# the compiles: other flags would make the first compile redo modpost,
# bounds.s and asm-offsets.s.
private_make_vars=("CONFIG_DEBUG_INFO_BTF=" "KCFLAGS=$section_flags")

# A private build directory for trees prepared with 'make modules_prepare'
# only: prepared once per source tree, configuration and compiler, cached.
prepare_private_build() {
	local key
	key=$( {
		echo "$srcdir"
		grep '^CONFIG_' "$config"
		echo "$cc_version"
		[ ${#kbuild_vars[@]} -eq 0 ] || printf '%s\n' "${kbuild_vars[@]}"
	} | sha256sum | cut -c1-16)
	private_dir=$cache/objdir/$key
	if [ -f "$private_dir/.patch-build-prepared" ]; then
		echo "private build directory $private_dir (cached)" >>"$log"
		return 0
	fi
	say "preparing a private build directory once for this configuration ($private_dir)"
	rm -rf "$private_dir"
	mkdir -p "$private_dir"
	cp "$config" "$private_dir/.config"
	run_or_die "preparing the private build directory" \
		"${in_chroot[@]}" make -C "$srcdir" O="$private_dir" -j"$jobs" "${kbuild_vars[@]}" "${private_make_vars[@]}" \
		olddefconfig modules_prepare
	cmp -s <(grep '^CONFIG_' "$config") <(grep '^CONFIG_' "$private_dir/.config") ||
		die "make olddefconfig changed the configuration in the private build directory ($private_dir/.config)"
	touch "$private_dir/.patch-build-prepared"
}

# Private build: compile with kbuild itself, then keep a copy.  The objects
# and their records are removed first, so that kbuild never takes an object
# left from an earlier (patched, or interrupted) run for an up-to-date one.
compile_private() {
	local side=$1 obj rc=0 root
	root=$(side_dir "$side")
	forget_private_objects
	run_logged "${in_chroot[@]}" make -C "$srcdir" O="$private_dir" -j"$jobs" "${kbuild_vars[@]}" "${private_make_vars[@]}" "${objects[@]}" || rc=$?
	if [ "$rc" -ne 0 ]; then
		# kbuild compiles any .c on request: an original that does not
		# compile is most likely not part of this configuration.
		local what="compiling the patched ${objects[*]}"
		[ "$side" = patched ] ||
			what="compiling the original ${objects[*]} (not built in this configuration?)"
		command_failed "$what" "$rc" "$last_cmd" "$work/last.out"
	fi
	for obj in "${objects[@]}"; do
		mkdir -p "$root/$side/${obj%/*}"
		cp -p "$private_dir/$obj" "$root/$side/$obj"
	done
	cp "$work/last.out" "$root/private.out"
	# (each warning names its source file)
	[ "$side" = orig ] || new_compiler_warnings "" "$orig_dir/private.out" "$patched_dir/private.out"
}

forget_private_objects() {
	local obj
	[ "${private_build:-0}" -eq 1 ] && [ -n "${private_dir:-}" ] || return 0
	for obj in "${objects[@]}"; do
		rm -f "$private_dir/$obj" "$(cmd_file_of "$private_dir" "$obj")"
	done
}

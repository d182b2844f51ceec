# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 3 (patched): the patched files (with #line fix-ups) go into the tree,
# the patched objects are built into 3-patched/obj/, and the tree is put
# back exactly as it was.

# The files written into the tree: the patched files with #line fix-ups.
prepare_compiled_sources() {
	local f rc
	mkdir -p "$patched_dir/compiled-src"
	for f in "${touched[@]}"; do
		mkdir -p "$patched_dir/compiled-src/${f%/*}"
		if [ -n "${existed[$f]:-}" ] && [[ $f == *.[ch] ]]; then
			rc=0
			"$lines_tool" "$patched_dir/pristine/$f" "$check_dir/patched-src/$f" \
				>"$patched_dir/compiled-src/$f" 2>>"$log" || rc=$?
			[ "$rc" -eq 0 ] || die "the #line rewrite of $f failed ($lines_tool)"
			chmod --reference="$check_dir/patched-src/$f" "$patched_dir/compiled-src/$f"
		else
			cp -p "$check_dir/patched-src/$f" "$patched_dir/compiled-src/$f"
		fi
	done
}

stage_patched() {
	local n had_cpath=${CPATH+1} cpath_was=${CPATH-}
	save_tree_state
	prepare_compiled_sources
	# patch-author.h (kmod/) is on the include path of the patched build,
	# and so are the compatible headers of kmod/compat, for patches
	# written for kpatch-build ("kpatch-macros.h", "kpatch-syscall.h") or
	# klp-build (<linux/livepatch_helpers.h>).  Through CPATH, not a -I
	# flag: kbuild's command lines, and with them its decisions about what
	# to rebuild, stay as recorded.  CPATH comes after the kernel's own -I
	# directories, so a kernel's own header of the same name wins.
	export CPATH=$kmod_dir:$kmod_dir/compat${CPATH:+:$CPATH}
	if [ "$mode" = targeted ]; then
		stage_begin patched "compiling $(plural ${#objects[@]} "patched object")"
		apply_to_tree
		if [ "$private_build" -eq 1 ]; then
			compile_private patched
		else
			compile_targeted patched
		fi
	else
		stage_begin patched "rebuilding $(plural ${#candidates[@]} object) in the patched tree"
		apply_to_tree
		tree_patched
	fi
	if [ -n "$had_cpath" ]; then CPATH=$cpath_was; else unset CPATH; fi
	restore_tree || die "could not restore the source tree ($srcdir)"
	restore_sections || die "could not restore the section-flags build ($sections_dir)"
	n=${#objects[@]}
	stage_end "tree restored"
	check_other_outputs
	[ "$n" -gt 0 ] || finish_nothing "the patch changes no object"
}

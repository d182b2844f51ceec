# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 2 (originals): the original objects, built with -ffunction-sections
# -fdata-sections, into 2-originals/obj/.

stage_originals() {
	if [ "$mode" = targeted ]; then
		stage_begin originals "compiling $(plural ${#objects[@]} "original object")"
		if [ "$private_build" -eq 1 ]; then
			prepare_private_build
			compile_private orig
		else
			compile_targeted orig
		fi
	else
		stage_begin originals "finding the objects that use $(plural ${#touched[@]} "changed file")"
		find_tree_objects
		tree_originals
	fi
	stage_end "${sections_dir:+$sections_dir}"
}

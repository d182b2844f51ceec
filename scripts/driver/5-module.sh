# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 5 (module): the differ outputs are linked and the kmod/ template is
# built around them with kbuild.

stage_module() {
	local obj outs=()
	stage_begin module "building the module $name.ko with kbuild"
	for obj in "${diffed[@]}"; do
		outs+=("$diff_dir/diff/$obj")
	done
	[ -f "$kmod_dir/Makefile" ] ||
		die "the patch module template is missing ($kmod_dir); the differ outputs are in $diff_dir/diff"
	run_or_die "linking the differ outputs" ld -r -o "$module_dir/patch-output.o" "${outs[@]}"
	# kbuild builds in kmod/ of the work directory; mapping the work
	# directory away keeps its (random) path out of the module.  The
	# distribution's make variables (its pahole for the BTF of modules,
	# which 6.12's headers make against their vmlinux) apply here too.
	rm -rf "$module_dir/kmod"
	run_or_die "building the patch module" \
		"${in_chroot[@]}" make -C "$kmod_dir" KDIR="$objdir" OBJ="$module_dir/patch-output.o" \
		NAME="$name" BUILD="$module_dir/kmod" ${no_replace_arg:+"$no_replace_arg"} \
		-j"$jobs" KCFLAGS="-ffile-prefix-map=$work/=" "${kbuild_vars[@]}"
	[ -f "$module_dir/kmod/$name.ko" ] || die "kbuild did not produce $name.ko ($module_dir/kmod)"
	stage_end
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 6 (post): the klp sections are made (patch-post-link) and the module
# is checked against the target (patch-check-module, with the relocation
# guard against the patched objects).

# The vermagic the target's loader expects: that of a module built with the
# target, else the string in vmlinux.
target_vermagic() {
	local ko
	if [ -f "$objdir/modules.order" ]; then
		while read -r ko; do
			ko=${ko%.o}
			ko=$objdir/${ko%.ko}.ko
			if [ -f "$ko" ]; then
				modinfo -F vermagic "$ko" 2>/dev/null && return 0
			fi
		done <"$objdir/modules.order"
	fi
	grep -a -m 1 -o "$(re_escape "$release") [A-Za-z0-9_ -]*mod_unload[A-Za-z0-9_ -]*" "$vmlinux" |
		head -n 1 | sed 's/ *$/ /'
}

# Works on a copy of the module stage's output: each stage's directory
# holds what it made, so a run resumed at this stage starts from the same
# module.
stage_post() {
	local ko=$post_dir/$name.ko vermagic args=() d
	stage_begin post "post-link and checking the module"
	[ -x "$post_link" ] || die "the post-link tool is missing ($post_link); run make"
	cp "$module_dir/kmod/$name.ko" "$ko"
	run_or_die "post-link" "$post_link" "$ko"
	[ -x "$check_module" ] || die "the module checker is missing ($check_module); run make"
	vermagic=$(target_vermagic) || vermagic=
	args=(--vmlinux "$vmlinux" --kernel-release "$release")
	[ ! -f "$objdir/Module.symvers" ] || args+=(--symvers "$objdir/Module.symvers")
	[ -z "$vermagic" ] || args+=(--vermagic "$vermagic")
	if full_build_records; then
		args+=(--module-dir "$objdir")
	else
		for d in $(target_module_dirs); do
			args+=(--module-dir "$d")
			break
		done
	fi
	# the relocation guard: every relocation of the module points where
	# the patched object's does
	for d in "${diffed[@]}"; do
		args+=(--patched "$patched_dir/patched/$d")
	done
	run_or_die "checking the module" "$check_module" "${args[@]}" "$ko"
	add_sympos "$ko"
	stage_end
}

# The functions the module redirects: 'OBJNAME<TAB>NAME<TAB>SYMPOS' per record.
module_patch_funcs() {
	"$check_module" --list-funcs "$1"
}

# Fill in the sympos of each function from the module's records.
add_sympos() {
	local ko=$1
	cp "$diff_dir/functions.tsv" "$post_dir/functions.tsv"
	module_patch_funcs "$ko" >"$post_dir/module-funcs.tsv" || return 0
	awk -F'\t' -v OFS='\t' '
		NR == FNR { pos[$1 "\t" $2] = $3; next }
		{
			obj = ($4 == "vmlinux") ? "vmlinux" : $4
			k = obj "\t" $2
			if ($5 == "" && (k in pos)) $5 = pos[k]
			print
		}' "$post_dir/module-funcs.tsv" "$diff_dir/functions.tsv" >"$post_dir/functions.tsv"
}

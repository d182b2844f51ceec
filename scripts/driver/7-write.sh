# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 7 (write): the module is signed if asked and written to the output
# directory (atomically: a temporary name, then a rename).

# Sets sign_tool.
find_sign_file() {
	local t=$objdir/scripts/sign-file
	sign_tool=$t
	[ ! -x "$t" ] || return 0
	# Kernels built without CONFIG_MODULE_SIG do not build it: build it
	# once from the tree's own source.
	t=$cache/tools/sign-file-$(sha256sum <"$srcdir/scripts/sign-file.c" | cut -c1-12)
	[ -z "$chroot_dir" ] || t=$t-${chroot_dir##*/}
	if [ ! -x "$t" ]; then
		mkdir -p "$cache/tools"
		# (a temporary name of its own: runs for other kernels may build it too)
		run_or_die "building sign-file" "${in_chroot[@]}" gcc -O2 -o "$t.tmp.$$" \
			-I"$srcdir/tools/include" "$srcdir/scripts/sign-file.c" -lcrypto
		mv -f "$t.tmp.$$" "$t"
	fi
	sign_tool=$t
}

stage_write() {
	local ko=$write_dir/$name.ko
	cp "$post_dir/$name.ko" "$ko"
	if [ -n "$sign_key" ]; then
		stage_begin write "signing and writing $outdir/$name.ko"
		find_sign_file
		run_or_die "signing the module" "${in_chroot[@]}" "$sign_tool" sha256 "$sign_key" "$sign_cert" "$ko"
	else
		stage_begin write "writing $outdir/$name.ko"
	fi
	# (mktemp: never a name someone else made first, in a shared directory)
	out_tmp=$(mktemp "$outdir/.$name.ko.XXXXXX")
	cp "$ko" "$out_tmp"
	chmod a+r "$out_tmp"
	[ -z "${SOURCE_DATE_EPOCH:-}" ] || touch -m -d "@$SOURCE_DATE_EPOCH" "$out_tmp"
	mv -f "$out_tmp" "$outdir/$name.ko"
	out_tmp=
	module_path=$outdir/$name.ko
	stage_end
}

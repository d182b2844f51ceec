# shellcheck shell=bash
# (sourced by patch-build)
#
# The build chroot: when the host's compiler is not the one that built a
# distribution's kernel, every kbuild command (compiles, modules_prepare,
# the module's build, objtool, sign-file) runs with in_chroot in front: in a
# chroot of the kernel's Debian release holding its compiler
# (patch-build-chroot), with the trees, the cache and the work directory at
# the same paths.  Empty: on the host.  The differ and the other tools
# always run on the host.

in_chroot=()
chroot_dir=

use_build_chroot() {
	local why=$1 cc=${CC:-gcc} rc=0 d qarg=() pkg
	# the package of the compiler that built the kernel (its binary may be
	# named x86_64-linux-gnu-gcc-14, which no package is called)
	pkg=${distro_gcc_package:-$cc}
	[ -x "$chroot_tool" ] || die "the chroot helper is missing ($chroot_tool)"
	[ "$quiet" -eq 0 ] || qarg=(--quiet)
	say "${why:+$why; }compiling in a Debian $distro_suite chroot with $cc"
	chroot_dir=$("$chroot_tool" ensure "${qarg[@]}" --cache "$cache" "$distro_suite" --package "$pkg" \
		2> >(tee -a "$log" | grep -v --line-buffered ': error: ' >&2)) || rc=$?
	[ "$rc" -eq 0 ] || die "no $distro_suite chroot to compile in: $(grep ': error: ' "$log" | tail -n 1 | sed 's/^[^:]*: error: //')"
	mkdir -p "$cache/objdir" "$cache/sections" "$cache/tools"
	in_chroot=("$chroot_tool" run --cache "$cache" "$distro_suite" --package "$pkg")
	# (sign-file is the release's too: the key and certificate are seen)
	for d in "$srcdir" "$objdir" "$work" "$kmod_dir" "$here" "$cache/distro" "$cache/objdir" \
		"$cache/sections" "$cache/tools" ${sign_key:+"$(dirname "$(readlink -f "$sign_key")")"} \
		${sign_cert:+"$(dirname "$(readlink -f "$sign_cert")")"}; do
		[ ! -d "$d" ] || in_chroot+=(--bind "$d")
	done
	in_chroot+=(--)
	# (a PAHOLE the distribution helper gave is the release's own, the
	# version its configuration records, in the cache: it runs there)
	# (the report's distro member says where the compiles ran)
	distro_vars+=("chroot=$chroot_dir")
	echo "compiling in $chroot_dir: $(quote_cmd "${in_chroot[@]}")" >>"$log"
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# --distro: the distribution's own kernel build, fetched and unpacked into
# the cache by patch-build-distro.

# --distro: fetch and unpack the distribution's packages into the cache
# (patch-build-distro) and take the source, build directory (its headers),
# debug vmlinux and modules from there; options given override them.
distro_vars=()
kbuild_vars=()
distro_debug_modules=
prepare_distro() {
	local t0 out rc=0 key value qarg=() distro_image='' distro_modules=''
	t0=$(now_us)
	[ "$quiet" -eq 0 ] || qarg=(--quiet)
	# a failure here is reported like a failed check: one line
	stage_name=check
	[ -x "$distro_tool" ] || die "the distribution helper is missing ($distro_tool)"
	say "preparing $distro kernel $distro_kernel (packages cached in $cache/distro)"
	# its progress shows as it comes; its error becomes ours
	out=$(PATCH_BUILD_CACHE=$cache "$distro_tool" "${qarg[@]}" "$distro" "$distro_kernel" \
		2> >(tee -a "$log" | grep -v --line-buffered ': error: ' >&2)) || rc=$?
	[ "$rc" -eq 0 ] || die "$(sed -n 's/^error=//p' <<<"$out" | tail -n 1)"
	while IFS='=' read -r key value; do
		distro_vars+=("$key=$value")
		case $key in
		srcdir) [ -n "$srcdir" ] || srcdir=$value ;;
		objdir) [ -n "$objdir" ] || objdir=$value ;;
		vmlinux) [ -n "$vmlinux" ] || vmlinux=$value ;;
		debug_modules) distro_debug_modules=$value ;;
		image) distro_image=$value ;;
		modules) distro_modules=$value ;;
		release) kbuild_vars+=("KERNELRELEASE=$value") ;;
		cc) [ -n "${CC:-}" ] || export CC=$value ;;
		pahole) [ -z "$value" ] || kbuild_vars+=("PAHOLE=$value") ;;
		esac
	done <<<"$out"
	kbuild_vars+=("CC=${CC:-gcc}")
	[ -z "$verify_check" ] || [ -n "$verify_kernel" ] || verify_kernel=$distro_image,$distro_modules
	durations+=("distro $(fmt_seconds $(($(now_us) - t0)))")
}

# The distribution's kernel, for the report: what the helper printed.
distro_json() {
	[ ${#distro_vars[@]} -gt 0 ] || { echo null; return; }
	printf '%s\n' "${distro_vars[@]}" |
		jq -R -s 'split("\n") | map(select(length > 0) | capture("^(?<k>[^=]*)=(?<v>.*)$")) |
			map({(.k): .v}) | add'
}

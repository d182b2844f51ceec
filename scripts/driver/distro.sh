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
distro_modules=
distro_suite=
distro_gcc_package=
prepare_distro() {
	local t0 out rc=0 key value qarg=() distro_image=''
	t0=$(now_us)
	[ "$quiet" -eq 0 ] || qarg=(--quiet)
	# a failure here is reported like a failed check: one line
	stage_name=check
	[ -x "$distro_tool" ] || die "the distribution helper is missing ($distro_tool)"
	say "preparing $distro kernel $distro_kernel (packages cached in $cache/distro)"
	distro_source_paths
	# its progress shows as it comes; its error becomes ours
	out=$(PATCH_BUILD_CACHE=$cache "$distro_tool" "${qarg[@]}" "${source_paths[@]}" "$distro" "$distro_kernel" \
		2> >(tee -a "$log" | grep -v --line-buffered ': error: ' >&2)) || rc=$?
	[ "$rc" -eq 0 ] || die "$(sed -n 's/^error=//p' <<<"$out" | tail -n 1 | grep . ||
		echo "the distribution helper failed without saying why (exit status $rc; log: $log)")"
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
		suite) distro_suite=$value ;;
		gcc_package) distro_gcc_package=$value ;;
		kbuild_var) kbuild_vars+=("$value") ;;
		tool_env) export "${value%%=*}=${value#*=}" ;;
		pahole) [ -z "$value" ] || kbuild_vars+=("PAHOLE=$value") ;;
		esac
	done <<<"$out"
	kbuild_vars+=("CC=${CC:-gcc}")
	[ -z "$verify_check" ] || [ -n "$verify_kernel" ] || verify_kernel=$distro_image,$distro_modules
	durations+=("distro $(fmt_seconds $(($(now_us) - t0)))")
}

# A debug module takes seconds to unpack (the xz stream of the debug
# package up to it): the ones the patch most likely needs are unpacked in
# the background from the check stage on, while the objects compile, and
# the diff stage waits for them.  The guess comes from the image's
# modules.order: the module named like the object, in its directory, else
# the only module of that directory.  (The owners themselves are known only
# once kbuild has compiled the objects.)  A wrong guess costs only time.
prefetch_pid=
prefetch_debug_modules() {
	local obj dir base m order=$distro_modules/modules.order names=()
	[ -n "$distro" ] && [ -n "$distro_kernel" ] && [ -f "$order" ] || return 0
	for obj in "${objects[@]}"; do
		dir=${obj%/*}
		base=${obj##*/}
		base=${base%.o}
		[ "$dir" != "$obj" ] || continue
		m=$(grep -m1 -xE "kernel/$(re_escape "$dir/$base")\.ko(\.[a-z]+)?" "$order" || true)
		[ -n "$m" ] || m=$( { grep -xE "kernel/$(re_escape "$dir")/[^/]+\.ko(\.[a-z]+)?" "$order" || true; } |
			awk 'END { if (NR == 1) print }')
		[ -n "$m" ] || continue
		m=$(basename "${m%.ko*}")
		[ -n "$(find "$distro_debug_modules" -name "$m.ko" -print -quit 2>/dev/null)" ] ||
			names+=(--debug-module "$m")
	done
	[ ${#names[@]} -gt 0 ] || return 0
	echo "+ unpacking in the background: ${names[*]}" >>"$log"
	PATCH_BUILD_CACHE=$cache without_lock setsid "$distro_tool" --quiet "${names[@]}" "$distro" "$distro_kernel" \
		>/dev/null 2>>"$log" </dev/null &
	prefetch_pid=$!
}

# Wait for the background unpacking (its result is read from the cache).
wait_prefetch() {
	[ -n "$prefetch_pid" ] || return 0
	wait "$prefetch_pid" 2>/dev/null || true
	prefetch_pid=
}

# The files the patches change, for the helper: the source tree leaves out
# parts no build of ours reads unless a patch is there (--source-path).
# Only plausible paths; check_patches judges the patches later.
source_paths=()
distro_source_paths() {
	local p oldp newp flags f
	for p in "${patches[@]}"; do
		[ -f "$p" ] && [ -r "$p" ] || continue
		parse_patch "$p" | while IFS=$'\t' read -r oldp newp flags; do
			f=${newp#*/}
			case /$f/ in
			//* | */../* | *\"* | /-*) continue ;;
			esac
			[ "$f" != "$newp" ] || continue
			source_paths+=(--source-path "$f")
		done
	done
}

# The distribution's kernel, for the report: what the helper printed.
distro_json() {
	[ ${#distro_vars[@]} -gt 0 ] || { echo null; return; }
	printf '%s\n' "${distro_vars[@]}" |
		jq -R -s 'split("\n") | map(select(length > 0) | capture("^(?<k>[^=]*)=(?<v>.*)$")) |
			map({(.k): .v}) | add'
}

# --distro: every function the patch changes, compiled from the pristine
# source, must be the distribution's own, byte for byte (relocations aside;
# patch-check-rebuild): with another compiler, configuration or source than
# the kernel was built with, the diff would be against code the running
# kernel does not have.  Part of the diff stage, once the changed
# functions are known.
check_distro_rebuild() {
	local tool obj own shipped funcs=() lines=() out rc t0 n=0
	[ -n "$distro" ] || return 0
	t0=$(now_us)
	tool=${PATCH_BUILD_CHECK_REBUILD:-$(find_tool patch-check-rebuild)}
	[ -x "$tool" ] || die "the rebuild check is missing ($tool); run make"
	for obj in "${diffed[@]}"; do
		awk -F '\t' -v obj="$obj" '$1 == "changed" && $3 == obj { print $2 }' \
			"$diff_dir/functions.tsv" | mapfile -t funcs
		[ ${#funcs[@]} -gt 0 ] || continue
		shipped=$vmlinux
		own=${owner[$obj]}
		# (the differ had the debug module unpacked; asking the helper again takes seconds)
		if [ "$own" != vmlinux ] &&
			! shipped=$(find "$distro_debug_modules" \( -name "$own.ko" -o -name "${own//_/-}.ko" \) \
				-print -quit 2>/dev/null | grep .) &&
			! shipped=$(find_module_ko "$own"); then
			die "the $distro debug module $own.ko was not found: the rebuild of $obj cannot be checked against it"
		fi
		rc=0
		out=$("$tool" -q "$orig_dir/orig/$obj" "$shipped" "${funcs[@]}" 2>&1) || rc=$?
		{ echo "rebuild check of $obj against $shipped (exit $rc):"; echo "$out"; } >>"$log"
		mapfile -t lines <<<"$out"
		[ "$rc" -ne 2 ] || die "checking the rebuild of $obj against $shipped failed: ${lines[0]}"
		[ "$rc" -eq 0 ] || die "the pristine $obj is not $distro's build: ${lines[0]}" "${lines[@]:1}"
		n=$((n + ${#funcs[@]}))
	done
	durations+=("rebuild_check $(fmt_seconds $(($(now_us) - t0)))")
	say "the pristine build of $(plural "$n" "changed function") is $distro's, byte for byte ($(fmt_seconds $(($(now_us) - t0)))s)"
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# objtool, where kbuild runs it on linked objects only (delay-objtool).

# Kernels with kbuild's delay-objtool (CONFIG_X86_KERNEL_IBT, CONFIG_LTO_CLANG)
# run objtool on vmlinux.o and on each module's linked object, not on the
# objects: a vmlinux object or one of a multi-object module has no ORC,
# return/call sites or static-call sites for the differ to carry (objtool
# cannot follow the differ's output, whose calls to unexported functions
# became klp records).  The driver runs the kernel's objtool on both sides
# of such objects, with the arguments of the kernel's own records: a
# module object's objtool command (else Makefile.lib's objtool-args-y for
# this configuration), without --module for vmlinux objects.
objtool_cmd=()
setup_objtool() {
	local vars delay bin m cmdf args=() w
	objtool_cmd=()
	vars=$( {
		echo "include $config"
		sed -n '/^ifdef CONFIG_OBJTOOL$/,/^endif # CONFIG_OBJTOOL/p' "$srcdir/scripts/Makefile.lib"
		printf '%s\n' '$(info $(if $(delay-objtool),y,n) $(objtool-args-y))' 'all: ; @:'
	} | make -s --no-print-directory -f - 2>/dev/null) || vars=
	read -r delay vars <<<"$vars"
	[ "$delay" = y ] || return 0
	for bin in "$objdir" "${private_dir:-}" "${sections_dir:-}"; do
		bin=$bin/tools/objtool/objtool
		[ ! -x "$bin" ] || break
	done
	[ -x "$bin" ] || die "this kernel runs objtool on linked objects only (delay-objtool), and its objtool was not found ($objdir/tools/objtool/objtool)"
	{ head -n 20 "$objdir/modules.order" 2>/dev/null || true; } | while read -r m; do
		m=${m%.ko}
		cmdf=$(cmd_file_of "$objdir" "${m%.o}.o")
		sed -n 's/^\(saved\)\{0,1\}cmd_.*objtool\/objtool \([^;]*\) [^ ;]*\( *;.*\)\{0,1\}$/\2/p' "$cmdf" 2>/dev/null |
			read -ra args || true
		[ ${#args[@]} -eq 0 ] || break
	done
	[ ${#args[@]} -gt 0 ] || read -ra args <<<"$vars"
	objtool_cmd=("${in_chroot[@]}" "$bin")
	for w in "${args[@]}"; do
		[ "$w" = --module ] || [ "$w" = --link ] || objtool_cmd+=("$w")
	done
	# as kbuild does with delay-objtool (--ibt requires it)
	objtool_cmd+=(--link)
	echo "objtool for the objects (delay-objtool): $(quote_cmd "${objtool_cmd[@]}")" >>"$log"
}

# Objects objtool already ran on (compiled as single-object modules).
has_objtool_data() {
	grep -qE ' \.(orc_unwind_ip|return_sites|call_sites|retpoline_sites) ' <<<"$(readelf -SW "$1" 2>/dev/null)"
}

# Run objtool on each original and patched object that lacks its data.
objtool_objects() {
	local side obj base mod i bases=() files=() objtool_failed='' warned=()
	[ ${#objtool_cmd[@]} -gt 0 ] || return 0
	mkdir -p "$diff_dir/jobs/objtool"
	for obj in "${objects[@]}"; do
		mod=()
		[ "${owner[$obj]}" = vmlinux ] || mod=(--module)
		for side in orig patched; do
			! has_objtool_data "$diff_dir/$side/$obj" || continue
			base=$diff_dir/jobs/objtool/$side-${obj//\//_}
			bases+=("$base")
			files+=("$side/$obj")
			quote_cmd "${objtool_cmd[@]}" "${mod[@]}" "$side/$obj" >"$base.cmd"
			pool_add "$base" "$diff_dir" "${objtool_cmd[@]}" "${mod[@]}" "$side/$obj"
		done
	done
	pool_wait_all
	for base in "${bases[@]}"; do
		cat "$base.out" >>"$log"
		[ -n "$objtool_failed" ] || [ "$(job_status "$base")" -eq 0 ] || objtool_failed=$base
		# objtool gives up on an object it cannot follow with a warning
		# and exit status 0: say so when the original had no such warning
		if [[ ${base##*/} == patched-* ]] && grep -q 'warning: objtool:' "$base.out" &&
			! cmp -s <(sed 's|patched/||' "$base.out") \
				<(sed 's|orig/||' "${base%/*}/orig-${base##*/patched-}.out" 2>/dev/null); then
			warned+=("$(grep -m 1 'warning: objtool:' "$base.out")")
		fi
	done
	[ ${#warned[@]} -eq 0 ] || warn "objtool on the patched objects: ${warned[*]}"
	[ -z "$objtool_failed" ] || command_failed "running objtool on ${objtool_failed##*/}" "$(job_status "$objtool_failed")" \
		"(cd $diff_dir && $(cat "$objtool_failed.cmd"))" "$objtool_failed.out"
	# --ibt lists the ENDBRs no relocation of the object points at, to be
	# sealed: right for a whole link (vmlinux.o, a module), not for one
	# object whose functions others may call indirectly.
	for i in "${!files[@]}"; do
		run_or_die "removing objtool's .ibt_endbr_seal" objcopy --remove-section=.ibt_endbr_seal \
			--remove-section=.rela.ibt_endbr_seal "$diff_dir/${files[i]}"
	done
}

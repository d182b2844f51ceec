# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 8 (verify): the target kernel boots under QEMU with the module
# (patch-verify) and the check proves the fix is in effect.

# Boot the target kernel with the module and run the check (patch-verify).
stage_verify() {
	local cmd=("$verify_tool" --quiet --kernel "$verify_kernel" --log "$outdir/$name.verify.log")
	[ -n "$verify_kernel" ] || return 0
	stage_begin verify "booting ${verify_kernel%%,*} under QEMU to verify $name.ko"
	[ -z "$verify_check" ] || cmd+=(--check "$verify_check")
	cmd+=("$module_path")
	verify_log=$outdir/$name.verify.log
	echo "+ $(quote_cmd "${cmd[@]}")" >>"$log"
	if verify_line=$("${cmd[@]}" 2>"$verify_dir/verify.err"); then
		verify_result=PASS
	else
		verify_result=FAIL
		# a setup error (exit 2) prints no FAIL line: its reason is the
		# tool's last error message
		[ -n "$verify_line" ] ||
			verify_line=$(sed -n 's/^patch-verify: error: //p' "$verify_dir/verify.err" | tail -n 1)
		[ -n "$verify_line" ] || verify_line="patch-verify ended without a result ($(tail -n 1 "$verify_dir/verify.err"))"
	fi
	cat "$verify_dir/verify.err" >>"$log"
	echo "$verify_line" >>"$log"
	stage_end "$verify_result"
	[ "$verify_result" = PASS ] && return 0
	close_stage_line
	echo "$me: verification failed: ${verify_line#FAIL: }" >&2
	final_status=4
	exit 4
}

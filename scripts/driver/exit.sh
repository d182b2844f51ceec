# shellcheck shell=bash
# (sourced by patch-build)
#
# Every exit path: signals, the EXIT trap that restores the tree, writes the
# report and removes (or keeps) the work directory.

# on_signal SIG: the driver's trap.  A signal sent to the front comes as
# SIGTERM, with its own name noted (front.sh).
on_signal() {
	local sig
	trap '' INT TERM HUP
	sig=$(signal_noted)
	sig=${sig:-$1}
	say_interrupted "$sig"
	exit "$(signal_status "$sig")"
}

say_interrupted() {
	[ "$in_stage" -ne 1 ] || progress $'\n'
	in_stage=0
	echo "$me: interrupted by SIG$1; restoring the source tree" >&2
}

# The output directory this run made (-o), and the parents it made for it,
# go again after a failure, as long as they are empty.
remove_created_outdir() {
	local d=$outdir
	[ -n "$created_outdir" ] || return 0
	while rmdir -- "$d" 2>/dev/null; do
		[ "$d" != "$created_outdir" ] || break
		d=$(dirname -- "$d")
	done
}

cleanup() {
	local rc=$? msg sig
	set +eE
	trap - ERR
	trap '' INT TERM HUP
	# Status 2 with no final status is bash's own: a signal trap whose
	# action failed to parse (front.sh).  The front noted the signal.
	if [ "$rc" -eq 2 ] && [ -z "$final_status" ] && sig=$(signal_noted 0.5) && [ -n "$sig" ]; then
		say_interrupted "$sig"
		rc=$(signal_status "$sig")
	fi
	kill_children
	restore_tree || rc=1
	restore_sections || rc=1
	[ -z "$final_status" ] || rc=$final_status
	if [ -n "$json" ] && [ -n "$work" ] && [ -d "$work" ]; then
		write_json "$rc" || echo "$me: warning: could not write $json" >&2
	fi
	# a module copy cut short by the interrupt
	[ -z "$out_tmp" ] || rm -f "$out_tmp"
	[ "$rc" -eq 0 ] || remove_created_outdir
	# The work directory goes on every exit path, unless asked for (or
	# the tree could not be restored: the originals are in it).
	if [ -n "$work" ] && [ -d "$work" ]; then
		if [ "$keep_tmp" -eq 1 ]; then
			msg="work directory kept: $work"
			[ "$rc" -ne 1 ] || msg="log: $log (work directory kept)"
			echo "$me: $msg" >&2
			# a failed command past the checks: where to pick up again
			if [ "$rc" -eq 1 ] && [ -n "$stage_name" ] && [ "$stage_name" != check ]; then
				echo "$me: to resume at the failed stage: the same command with --work-dir $work --from $stage_name" >&2
			fi
		else
			rm -rf "$work"
			# after a failed command (not a check): how to see all of it
			[ "$rc" -ne 1 ] || [ "$stage_name" = check ] ||
				echo "$me: run again with --keep-tmp to keep the work directory and the full log" >&2
		fi
	fi
	exit "$rc"
}

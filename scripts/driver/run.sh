# shellcheck shell=bash
# (sourced by patch-build)
#
# Running commands: each in its own process group, its output in the log,
# a failure reported with the very command that ran; the job pool that runs
# compiles, objtool and diffs in parallel.

# Children run in their own process groups (setsid) so that an interrupt
# can stop a whole make or compiler pipeline; their pids are kept here.
declare -A pool_active=()
fg_pid=

# without_lock CMD...: exec CMD (in the background job that runs this)
# without the tree lock's descriptor: a compiler or make that outlives a
# killed driver must not keep the tree locked.
without_lock() {
	[ -z "${lock_fd:-}" ] || exec {lock_fd}>&-
	exec "$@"
}

quote_cmd() {
	printf '%q ' "$@"
}

# run_logged CMD...: run CMD with its output in the log (and on stderr with
# --verbose); return its exit status.  For error reports, the command's
# output is also left in $work/last.out and the command itself, quoted as
# it ran, in last_cmd.
last_cmd=
run_logged() {
	local rc=0
	last_cmd=$(quote_cmd "$@")
	echo "+ $last_cmd" >>"$log"
	[ "$verbose" -eq 0 ] || { close_stage_line; echo "+ $last_cmd" >&2; }
	without_lock setsid "$@" >"$work/last.out" 2>&1 </dev/null &
	fg_pid=$!
	wait "$fg_pid" || rc=$?
	fg_pid=
	cat "$work/last.out" >>"$log"
	[ "$verbose" -eq 0 ] || cat "$work/last.out" >&2
	return "$rc"
}

# run_or_die WHAT CMD...: run CMD; on failure say WHAT failed, with the
# command, the end of its output and the log.
run_or_die() {
	local what=$1 rc=0
	shift
	run_logged "$@" || rc=$?
	[ "$rc" -eq 0 ] || command_failed "$what" "$rc" "$last_cmd" "$work/last.out"
}

command_failed() {
	local what=$1 rc=$2 cmd=$3 out=$4 tailtext
	tailtext=$(tail -n 15 "$out" 2>/dev/null | sed 's/^/    /') || true
	die "$what failed (exit status $rc)" "command: $cmd" \
		${tailtext:+"output (last lines):"} ${tailtext:+"$tailtext"}
}

# pool_add BASE DIR CMD...: run CMD in DIR in the background, at most $jobs
# at once; its output goes to BASE.out and its exit status to BASE.rc.
pool_add() {
	local base=$1 dir=$2
	shift 2
	while [ "${#pool_active[@]}" -ge "$jobs" ]; do
		pool_wait_one
	done
	echo "+ (cd $dir && $(quote_cmd "$@"))" >>"$log"
	[ "$verbose" -eq 0 ] || { close_stage_line; echo "+ (cd $dir && $(quote_cmd "$@"))" >&2; }
	rm -f "$base.rc"
	# shellcheck disable=SC2016 # expanded by the child shell
	without_lock setsid bash -c 'base=$1; cd "$2" || exit 1; shift 2
		"$@" >"$base.out" 2>&1 </dev/null
		echo $? >"$base.rc"' pool-job "$base" "$dir" "$@" &
	pool_active[$!]=$base
}

pool_wait_one() {
	local pid=
	wait -n -p pid "${!pool_active[@]}" || true
	if [ -n "$pid" ]; then
		unset "pool_active[$pid]"
	fi
}

pool_wait_all() {
	while [ "${#pool_active[@]}" -gt 0 ]; do
		pool_wait_one
	done
}

# The exit status a pool job left (1 if it left none).
job_status() {
	local rc
	rc=$(cat "$1.rc" 2>/dev/null) || rc=1
	echo "${rc:-1}"
}

kill_children() {
	local pid i
	for pid in "${!pool_active[@]}" $fg_pid ${prefetch_pid:-}; do
		kill -TERM -- "-$pid" 2>/dev/null || true
	done
	for pid in "${!pool_active[@]}" $fg_pid ${prefetch_pid:-}; do
		wait "$pid" 2>/dev/null || true
	done
	# The rest of each group too: make exits on SIGTERM without waiting
	# for its compilers, and one still writing after the tree and the
	# build directory are restored would change them again.  (SIGKILL
	# after 2.5 s, given up after 5 s.)
	for pid in "${!pool_active[@]}" $fg_pid ${prefetch_pid:-}; do
		for ((i = 0; i < 100; i++)); do
			kill -0 -- "-$pid" 2>/dev/null || break
			[ "$i" -ne 50 ] || kill -KILL -- "-$pid" 2>/dev/null || true
			sleep 0.05
		done
	done
	pool_active=()
	fg_pid=
	prefetch_pid=
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# The front process: the pid the user (a terminal, timeout, CI) signals.
#
# Two things in bash 5.2 lose a signal sent to a busy script:
#  - bash parses each $(...) again while it expands it, and a trap taken
#    during that parse inherits the parser's state: its action fails to
#    parse ("trap: line 2: unexpected EOF while looking for matching `)'")
#    and the shell exits with status 2, without the trap's message or exit
#    status (the EXIT trap still runs and restores the tree);
#  - a SIGINT that arrives while a command runs in the foreground is
#    taken for that command's own, and dropped when the command then exits
#    normally (it was sent to the script alone, by kill).
# The driver runs hundreds of $(...) and short commands, so about one
# signal in a hundred was lost.  So the process that takes the signals
# runs no $(...) once it started the driver: it only waits.  On INT, TERM
# or HUP it writes the signal's name into a pipe the driver reads
# (PB_FRONT_FD), then sends the driver SIGTERM, which bash never drops.
# The driver reports the noted signal; when its trap failed to parse, its
# EXIT trap finds the name there too (cleanup in exit.sh).

# Is this the driver under its front?  (The front's parent is not: a
# patch-build started by the driver's commands gets a front of its own.)
under_front() {
	[ "${PB_FRONT_PID:-}" = "$PPID" ]
}

# The signal the front noted ('' when none), waiting up to $1 seconds for
# it (a terminal's Ctrl-C reaches the driver and the front at once).
signal_noted() {
	local sig=''
	[ -n "${PB_FRONT_FD:-}" ] || return 0
	read -t "${1:-0.01}" -r sig <&"$PB_FRONT_FD" 2>/dev/null || true
	case $sig in INT | TERM | HUP) echo "$sig" ;; esac
}

# The exit status of a run a signal ended.
signal_status() {
	case $1 in INT) echo 130 ;; TERM) echo 143 ;; HUP) echo 129 ;; esac
}

# run_front CMD...: run CMD (the driver) as a child, pass INT, TERM and HUP
# on to it as above, exit with its exit status.
run_front() {
	local child rc
	# a pipe (opened read-write through /dev/fd, so that it needs no
	# process to hold its other end)
	if exec {PB_FRONT_FD}<> <(:); then
		export PB_FRONT_FD
	else
		PB_FRONT_FD=
	fi
	export PB_FRONT_PID=$$
	trap 'forward_signal INT' INT
	trap 'forward_signal TERM' TERM
	trap 'forward_signal HUP' HUP
	# The driver dies with the front (SIGKILL to the front is SIGKILL to
	# the driver, as it was before there was a front).  A background job
	# of a non-interactive shell starts with SIGINT and SIGQUIT ignored,
	# and stdin from /dev/null unless given.
	if { : <&0; } 2>/dev/null; then
		env --default-signal=INT,QUIT setpriv --pdeathsig KILL -- "$@" <&0 &
	else
		env --default-signal=INT,QUIT setpriv --pdeathsig KILL -- "$@" &
	fi
	child=$!
	while :; do
		rc=0
		wait "$child" || rc=$?
		# (a wait cut short by a signal: the driver still runs)
		kill -0 "$child" 2>/dev/null || break
	done
	exit "$rc"
}

# (a trap of the front: 'child' is run_front's)
forward_signal() {
	if [ -n "${PB_FRONT_FD:-}" ]; then
		echo "$1" >&"$PB_FRONT_FD"
		kill -s TERM "$child" 2>/dev/null || true
	else
		kill -s "$1" "$child" 2>/dev/null || true
	fi
}

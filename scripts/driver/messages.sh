# shellcheck shell=bash
# (sourced by patch-build)
#
# What the driver prints: progress lines per stage, warnings (to stderr,
# the log and the JSON report), and the one-line error that ends a run.

log=/dev/null
work=
out_tmp=	# the module's temporary name in the output directory while copied
created_outdir=	# the topmost directory -o made (removed after a failure)
stage_no=0
stage_name=
stage_t0=
in_stage=0
warnings=()
nr_printed_warnings=0	# how many of them are on stderr already
durations=()
final_status=

now_us() {
	local t=$EPOCHREALTIME
	echo "${t/./}"
}

# seconds with one decimal from a microsecond count
fmt_seconds() {
	printf '%d.%d' $(($1 / 1000000)) $(($1 / 100000 % 10))
}

progress() {
	[ "$quiet" -eq 1 ] || printf '%s' "$*" >&2
}

# End a stage line that is still open, so that a message can follow.
close_stage_line() {
	if [ "$in_stage" -eq 1 ]; then
		progress $'\n'
		in_stage=2
		flush_warnings
	fi
}

say() {
	close_stage_line
	[ "$quiet" -eq 1 ] || echo "$me: $*" >&2
	echo "$me: $*" >>"$log"
}

# A warning goes to stderr, the log and the --json report.  While a
# stage's progress line is open it waits for the line to end.
warn() {
	warnings+=("$*")
	echo "$me: warning: $*" >>"$log"
	[ "$in_stage" -eq 1 ] || flush_warnings
}

# Print the warnings that are not on stderr yet.
flush_warnings() {
	local w
	for w in "${warnings[@]:nr_printed_warnings}"; do
		[ "$quiet" -eq 1 ] || echo "$me: warning: $w" >&2
	done
	nr_printed_warnings=${#warnings[@]}
}

# die MESSAGE [DETAIL...]: one line that says what went wrong and where,
# then optional detail lines.
die() {
	if [ "$in_stage" -eq 1 ]; then
		[ "$quiet" -eq 1 ] || printf ' failed\n' >&2
		in_stage=0
	fi
	flush_warnings
	echo "$me: error: $1" >&2
	echo "$me: error: $1" >>"$log"
	shift
	local line
	for line; do
		echo "  $line" >&2
		echo "  $line" >>"$log"
	done
	final_status=1
	exit 1
}

internal_error() {
	trap - ERR
	if [ "$BASHPID" != "$$" ]; then
		# a subshell (pipeline, process substitution): its caller decides
		echo "$me: '$2' failed in a subshell (line $1 of $3)" >>"$log"
		exit 1
	fi
	die "internal error: '$2' failed (line $1 of $3)"
}

# (BASH_SOURCE: the stage file the failing command is in)
trap 'internal_error "$LINENO" "$BASH_COMMAND" "${BASH_SOURCE[0]:-$self}"' ERR

stage_begin() {
	stage_no=$((stage_no + 1))
	stage_name=$1
	shift
	stage_t0=$(now_us)
	echo "== [$stage_no/$nr_stages] $* ($(date -u +%H:%M:%S))" >>"$log"
	progress "[$stage_no/$nr_stages] $* ..."
	in_stage=1
	# (for tests: a command told each stage's start, e.g. to interrupt it)
	[ -z "${PATCH_BUILD_STAGE_HOOK:-}" ] ||
		"$PATCH_BUILD_STAGE_HOOK" "$stage_name" "$front_pid" </dev/null >>"$log" 2>&1 || true
}

stage_end() {
	local dt
	dt=$(($(now_us) - stage_t0))
	durations+=("$stage_name $(fmt_seconds "$dt")")
	if [ "$in_stage" -eq 1 ]; then
		progress " $(fmt_seconds "$dt")s${1:+ ($1)}"$'\n'
	else
		progress "[$stage_no/$nr_stages] ... done in $(fmt_seconds "$dt")s${1:+ ($1)}"$'\n'
	fi
	in_stage=0
	flush_warnings
}

plural() {
	if [ "$1" -eq 1 ]; then echo "$1 $2"; else echo "$1 ${3:-${2}s}"; fi
}

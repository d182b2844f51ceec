# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# What every test runner shares about skipping (sourced).  A skipped check
# proved nothing, so under CI (CI=true) and under 'make check' (PB_STRICT=1)
# a skip is a failure, unless the check declares that it does not apply
# here (tap_not_applicable: another kernel generation, a construct this
# kernel does not have).  A skip for something missing (a tool, a kernel,
# root) is a failure there: the project's scripts install and build what
# the tests need.
#
# Every runner reports through these: tap_ok and tap_not_ok for a check
# that ran, tap_skip and tap_not_applicable for one that did not, and
# tap_summary at the end.  They keep the counts in the globals n, passed,
# failed and skipped and print "ok N - ..." / "not ok N - ..." lines.

n=${n:-0}
passed=${passed:-0}
failed=${failed:-0}
skipped=${skipped:-0}

# tap_ok WHAT...: a check passed.
tap_ok() {
	n=$((n + 1))
	passed=$((passed + 1))
	echo "ok $n - $*"
}

# tap_not_ok WHAT [WHY]: a check failed, because WHY.  A runner that shows
# more on a failure (its logs) defines tap_on_failure, called after the line.
tap_not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1${2:+: $2}"
	if declare -F tap_on_failure >/dev/null; then
		tap_on_failure
	fi
}

# Has a check failed so far?
tap_failed() {
	[ "$failed" -gt 0 ]
}

# Is a skip a failure here?
tap_strict() {
	[ "${CI:-}" = true ] || [ "${PB_STRICT:-0}" = 1 ]
}

# tap_skip WHAT [WHY]: WHAT could not run because WHY (something is missing).
tap_skip() {
	if tap_strict; then
		tap_not_ok "$1" "skipped${2:+ ($2)}, and a skip is a failure under CI and make check"
		return 0
	fi
	n=$((n + 1))
	skipped=$((skipped + 1))
	echo "ok $n - $1 # SKIP${2:+ $2}"
}

# tap_not_applicable WHAT WHY: WHAT does not apply here, and WHY says so.
tap_not_applicable() {
	n=$((n + 1))
	skipped=$((skipped + 1))
	echo "ok $n - $1 # SKIP does not apply: $2"
}

# The closing line every runner prints; returns 1 when a check failed.
tap_summary() {
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
}

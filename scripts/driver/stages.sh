# shellcheck shell=bash
# (sourced by patch-build)
#
# The stages in order, their numbered work directories, and resuming.
#
# Each stage has a directory, WORK/N-NAME/, that holds what it makes (the
# original objects in 2-originals/orig/, the patched ones in
# 3-patched/patched/, the differ outputs in 4-diff/diff/, the module in
# 5-module/, 6-post/, 7-write/ ...).  When a stage completes, the variables
# it hands on are saved in its directory ('state', as declare -p prints
# them) with the warnings it gave, and the directory is marked 'complete'.
#
# --work-dir DIR --from STAGE resumes a run kept with --work-dir (or
# --keep-tmp): the check stage always runs again (it takes the tree's lock
# and proves the patches still apply), the stages before STAGE are taken
# from DIR when they completed there for the same inputs, and STAGE and the
# ones after it run again.

stage_order=(check originals patched diff module post write verify)

# What each stage hands on to the later ones, besides its files.
declare -A stage_vars=(
	[check]="mode objects private_build owner touched c_files h_files"
	[originals]="sections_dir candidates private_dir sections_env"
	[patched]="objects other_outputs owner"
	[diff]="diffed"
	[module]=""
	[post]=""
	[write]="module_path"
	[verify]="verify_result verify_log verify_line"
)

# The directory of stage NAME: WORK/N-NAME.
stage_path() {
	local i
	for i in "${!stage_order[@]}"; do
		[ "${stage_order[i]}" != "$1" ] || { echo "$work/$((i + 1))-$1"; return 0; }
	done
	return 1
}

is_stage() {
	stage_path "$1" >/dev/null
}

# Name the stage directories (the stage files use these).
set_stage_dirs() {
	check_dir=$(stage_path check)
	orig_dir=$(stage_path originals)
	patched_dir=$(stage_path patched)
	diff_dir=$(stage_path diff)
	module_dir=$(stage_path module)
	post_dir=$(stage_path post)
	write_dir=$(stage_path write)
	verify_dir=$(stage_path verify)
}

# The side of an object pair's stage directory: orig or patched.
side_dir() {
	case $1 in
	orig) echo "$orig_dir" ;;
	patched) echo "$patched_dir" ;;
	esac
}

# The work directory: a new one, or the one --work-dir names (made when
# missing; one that holds anything must be an earlier run's).
make_work_dir() {
	if [ -z "$work_dir_given" ]; then
		# (mktemp -d: mode 0700)
		work=$(mktemp -d "${TMPDIR:-/tmp}/patch-build.XXXXXX" 2>/dev/null) ||
			die "cannot make a work directory in ${TMPDIR:-/tmp} (TMPDIR)"
	else
		[ -z "$from_stage" ] || [ -f "$work_dir_given/.patch-build-work" ] ||
			die "--from $from_stage: no earlier run was kept in $work_dir_given"
		mkdir -p -- "$work_dir_given" 2>/dev/null ||
			die "cannot make the work directory ($work_dir_given)"
		work=$(cd -- "$work_dir_given" && pwd -P)
		if [ ! -f "$work/.patch-build-work" ] && [ -n "$(ls -A "$work")" ]; then
			work=
			die "the work directory holds files but is not one patch-build made; name an empty or new directory ($work_dir_given)"
		fi
		# a run that starts over keeps nothing of the last one
		[ -n "$from_stage" ] || find "$work" -mindepth 1 -maxdepth 1 ! -name .patch-build-work -exec rm -rf {} +
		rm -rf "$work/tmp" "$work/last.out"
	fi
	touch "$work/.patch-build-work"
	set_stage_dirs
}

# What a run's original objects depend on, and what its patched objects
# depend on besides: a resumed run may only reuse a stage made from the same.
stage_inputs() {
	local key
	key=$( {
		echo "$mode $srcdir $objdir $release ${build_id:-}"
		echo "$cc_version"
		grep '^CONFIG_' "$config"
		printf 'object %s\n' "${objects[@]}"
		# (tree mode: the objects follow from the files the patch touches)
		[ "$mode" != tree ] || printf 'file %s\n' "${touched[@]}"
		[ ${#kbuild_vars[@]} -eq 0 ] || printf '%s\n' "${kbuild_vars[@]}"
	} | sha256sum | cut -c1-16)
	echo "originals $key"
	key=$( {
		echo "$key"
		printf '%s\n' "${patch_sums[@]}"
		echo "$name $replace"
	} | sha256sum | cut -c1-16)
	echo "patched $key"
}

# run_stage NAME: run stage NAME, or take it from the earlier run.
run_stage() {
	local s=$1 dir
	dir=$(stage_path "$s")
	if reuse_stage "$s"; then
		load_stage "$s"
		return 0
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	stage_warnings_from=${#warnings[@]}
	"stage_$s"
	[ "$s" != check ] || stage_inputs >"$check_dir/inputs"
	save_stage "$s"
}

# Is stage NAME one a resumed run takes from the earlier run?
reuse_stage() {
	local s=$1 i
	[ -n "$from_stage" ] && [ "$s" != check ] || return 1
	for i in "${stage_order[@]}"; do
		[ "$i" != "$from_stage" ] || return 1
		[ "$i" != "$s" ] || break
	done
	# Tree mode's originals bring the section-flags build up to date
	# before the patched build: they run again with it.
	if [ "$mode" = tree ] && [ "$s" = originals ] && [ "$from_stage" = patched ]; then
		echo "tree mode: the originals stage runs again with the patched one" >>"$log"
		return 1
	fi
	[ -f "$(stage_path "$s")/complete" ] ||
		die "cannot resume from $from_stage: the $s stage of the earlier run did not complete; resume from $s ($work)"
	check_reuse "$s"
	return 0
}

# The earlier run's stage S must have been made from the same inputs (each
# stage keeps the check stage's record of them).
check_reuse() {
	local s=$1 kind=originals earlier now
	case $s in originals) ;; *) kind=patched ;; esac
	earlier=$(sed -n "s/^$kind //p" "$(stage_path "$s")/inputs" 2>/dev/null || true)
	now=$(sed -n "s/^$kind //p" "$check_dir/inputs")
	[ "$earlier" = "$now" ] && return 0
	if [ "$kind" = originals ]; then
		die "cannot resume from $from_stage: the earlier run built other original objects (another kernel, configuration or set of objects); start again without --from ($work)"
	fi
	die "cannot resume from $from_stage: the patches or options changed since the earlier run; resume from patched ($work)"
}

save_stage() {
	local s=$1 dir v
	dir=$(stage_path "$s")
	{
		for v in ${stage_vars[$s]}; do
			declare -p "$v" 2>/dev/null || true
		done
		declare -p stage_no
		if [ "${#warnings[@]}" -gt "$stage_warnings_from" ]; then
			printf 'stage_warnings=(%s)\n' "$(printf '%q ' "${warnings[@]:stage_warnings_from}")"
		fi
	} | sed 's/^declare /declare -g /' >"$dir/state"
	[ "$s" = check ] || cp "$check_dir/inputs" "$dir/inputs"
	touch "$dir/complete"
}

# Take stage S's variables and warnings from the earlier run.
load_stage() {
	local s=$1 dir w stage_warnings=()
	dir=$(stage_path "$s")
	# shellcheck disable=SC1091 # written by save_stage
	source "$dir/state"
	for w in "${stage_warnings[@]}"; do
		warn "$w"
	done
	progress "[$stage_no/$nr_stages] $s: taken from the earlier run"$'\n'
	echo "== [$stage_no/$nr_stages] $s: taken from the earlier run ($dir)" >>"$log"
}

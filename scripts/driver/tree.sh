# shellcheck shell=bash
# (sourced by patch-build)
#
# The user's source tree: the patched files go in for the patched build and
# the originals always come back, even after a SIGKILL (the journal).

applied=0		# 1 while the tree holds patched files
touched=()		# files the patches change, relative to $srcdir
declare -A existed=()	# touched files that existed before
created_dirs=()		# directories created for new files (deepest last)
declare -A dir_mtimes=() # parent directories of touched files -> mtime
sections_dirty=0	# 1 while the section-flags build holds patched objects

pristine_dir=		# the originals restore_tree puts back

save_tree_state() {
	local f d
	pristine_dir=$patched_dir/pristine
	for f in "${touched[@]}"; do
		if [ -e "$srcdir/$f" ]; then
			existed[$f]=1
			mkdir -p "$patched_dir/pristine/${f%/*}"
			cp -p "$srcdir/$f" "$patched_dir/pristine/$f"
		fi
		d=${f%/*}
		[ "$d" != "$f" ] || d=.
		while [ ! -d "$srcdir/$d" ]; do
			created_dirs+=("$d")
			[[ $d == */* ]] || { d=.; break; }
			d=${d%/*}
		done
		[ -n "${dir_mtimes[$d]:-}" ] || dir_mtimes[$d]=$(stat -c %.9Y "$srcdir/$d")
	done
}

# Put back every touched file from the copies saved before, with their
# modes and times, and remove what the patch created.  Runs from the EXIT
# trap, so it must never stop half way.
restore_tree() {
	local f d i bad=()
	[ "$applied" -eq 1 ] || return 0
	for f in "${touched[@]}"; do
		if [ -n "${existed[$f]:-}" ]; then
			cp -p -T --remove-destination "$pristine_dir/$f" "$srcdir/$f" ||
				bad+=("$f")
		else
			rm -f "$srcdir/$f" || bad+=("$f")
		fi
	done
	for ((i = ${#created_dirs[@]} - 1; i >= 0; i--)); do
		rmdir "$srcdir/${created_dirs[i]}" 2>/dev/null || true
	done
	for d in "${!dir_mtimes[@]}"; do
		[ -d "$srcdir/$d" ] && touch -m -d "@${dir_mtimes[$d]}" "$srcdir/$d"
	done
	for f in "${touched[@]}"; do
		if [ -n "${existed[$f]:-}" ]; then
			cmp -s "$pristine_dir/$f" "$srcdir/$f" || bad+=("$f")
		elif [ -e "$srcdir/$f" ]; then
			bad+=("$f")
		fi
	done
	if [ ${#bad[@]} -gt 0 ]; then
		keep_tmp=1
		echo "$me: error: could not restore ${bad[*]} in $srcdir;" \
			"the originals are in $pristine_dir" >&2
		return 1
	fi
	applied=0
	rm -rf "$lockfile.journal" "$lockfile.journal.tmp"
	echo "restored $(plural ${#touched[@]} file) in $srcdir" >>"$log"
}

# The journal: what apply_to_tree changed, with the originals, beside the
# tree's lock in the cache.  Removed once the tree is restored; a driver
# killed outright (SIGKILL, a crash) leaves it, and the next run on the
# tree puts the files back before anything else (recover_tree).
write_journal() {
	local f d j=$lockfile.journal
	rm -rf "$j.tmp"
	mkdir -p "$j.tmp"
	[ ! -d "$patched_dir/pristine" ] || cp -a "$patched_dir/pristine" "$j.tmp/pristine"
	{
		printf 'pid\t%s\n' "$$"
		printf 'work\t%s\n' "$work"
		for f in "${touched[@]}"; do
			printf 'file\t%s\t%s\n' "${existed[$f]:-0}" "$f"
		done
		for d in "${created_dirs[@]}"; do
			printf 'dir\t%s\n' "$d"
		done
		for d in "${!dir_mtimes[@]}"; do
			printf 'mtime\t%s\t%s\n' "${dir_mtimes[$d]}" "$d"
		done
	} >"$j.tmp/list"
	mv "$j.tmp" "$j"
}

# A journal left by a run that could not restore the tree: restore it now
# (under the lock, so that run is gone) with restore_tree, from the
# journal's originals, or refuse to touch the tree.
recover_tree() {
	local j=$lockfile.journal kind a b pid='' oldwork=''
	rm -rf "$j.tmp"
	[ -d "$j" ] || return 0
	while IFS=$'\t' read -r kind a b; do
		case $kind in
		pid) pid=$a ;;
		work) oldwork=$a ;;
		file) touched+=("$b"); [ "$a" != 1 ] || existed[$b]=1 ;;
		dir) created_dirs+=("$a") ;;
		mtime) dir_mtimes[$b]=$a ;;
		esac
	done <"$j/list"
	pristine_dir=$j/pristine
	applied=1
	restore_tree ||
		die "an earlier run (pid ${pid:-?}) was killed while $srcdir held its patched files, and they could not all be put back; the originals are in $pristine_dir"
	warn "an earlier run (pid ${pid:-?}) was killed while the tree held its patched files: restored $(plural ${#touched[@]} file) in $srcdir"
	# the killed run's work directory, if it is still there
	[[ -z $oldwork || $oldwork != */patch-build.?????? ]] || rm -rf "$oldwork"
	touched=()
	existed=()
	created_dirs=()
	dir_mtimes=()
}

# Write the (patched, #line-adjusted) files into the tree.
apply_to_tree() {
	local f
	# (applied first: a signal while the journal is written still has
	# restore_tree put the originals back and remove the journal)
	applied=1
	write_journal
	for f in "${touched[@]}"; do
		mkdir -p "$srcdir/${f%/*}"
		cp --remove-destination "$patched_dir/compiled-src/$f" "$srcdir/$f"
	done
}

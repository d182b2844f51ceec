#!/usr/bin/env bash
# (sourced, not run)
# shellcheck disable=SC2154 # T, K, verbose, cache: the caller's
# Helpers shared by the test suites that run patch-build on the cached
# test kernel without ever writing to it (test/driver/run,
# test/bad-input/run).  Sourced; the caller sets:
#   T        a private temporary directory
#   K        the test kernel's directory (set by the caller once known)
#   verbose  1 to print what differs when the trees changed
#   cache    the project's cache (PATCH_BUILD_CACHE or ~/.cache/patch-build)
#
# Inside a private mount namespace (unshare -m, as root), the kernel's
# src/, build/ and build-sections/ become overlays whose upper layers live
# in $T/ov; the originals stay visible below, at $T/pristine.  Everything
# a run changed and left changed is then in an upper layer, which makes
# "the trees are byte-identical afterwards" an exact check.

areas=(src build build-sections)
snap_dirs=()	# source directories to take private copies of (snapshot_src)

# The newest cached 6.1 test kernel with a complete section-flags build
# (PB_KERNEL_DIR picks one); prints nothing when there is none.
find_kernel() {
	local stamp best='' best_time=0 t
	if [ -n "${PB_KERNEL_DIR:-}" ]; then
		[ -f "$PB_KERNEL_DIR/stamp" ] && echo "$PB_KERNEL_DIR"
		return
	fi
	for stamp in "$cache"/kernel/6.1.*/stamp; do
		[ -f "$stamp" ] || continue
		grep -qx 'version=6.1' "$stamp" || continue
		grep -qx 'build_sections=complete' "$stamp" || continue
		t=$(stat -c %Y "$stamp")
		if [ "$t" -gt "$best_time" ]; then
			best_time=$t
			best=${stamp%/stamp}
		fi
	done
	[ -n "$best" ] && echo "$best"
}

# Can this process make a private mount namespace with overlays?
can_use_overlays() {
	[ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null && grep -qw overlay /proc/filesystems
}

# A private copy of some directories of the source tree (snapshot_src)
# lies above the shared one, in $T/snap/src.
mount_overlays() {
	local a lower
	for a in "${areas[@]}"; do
		rm -rf "$T/ov/$a.up" "$T/ov/$a.wk"
		mkdir -p "$T/ov/$a.up" "$T/ov/$a.wk"
		lower=$T/pristine/$a
		[ ! -d "$T/snap/$a" ] || lower=$T/snap/$a:$lower
		mount -t overlay overlay \
			-o "lowerdir=$lower,upperdir=$T/ov/$a.up,workdir=$T/ov/$a.wk" "$K/$a" || return 1
	done
}

# snapshot_src DIR...: private copies of these source directories (not
# their subdirectories), taken while no one else has a file in them patched:
# others may run patch-build on the shared test kernel itself, and what it
# has patched for a moment must not show through the overlays.  Nothing
# there is newer than vmlinux unless something is patching it.  Call before
# mount_overlays.
snapshot_src() {
	local d i p
	for d; do
		for ((i = 0; i < 120; i++)); do
			if [ -z "$(find "$T/pristine/src/$d" -maxdepth 1 -newer "$T/pristine/build/vmlinux" | sed -n 1p)" ]; then
				rm -rf "$T/snap/src/$d"
				mkdir -p "$T/snap/src/$d"
				find "$T/pristine/src/$d" -mindepth 1 -maxdepth 1 ! -type d -exec cp -a -t "$T/snap/src/$d" {} +
				touch -r "$T/pristine/src/$d" "$T/snap/src/$d"
				[ -n "$(find "$T/snap/src/$d" -maxdepth 1 -newer "$T/pristine/build/vmlinux" | sed -n 1p)" ] || break
			fi
			sleep 0.5
		done
		# parent directories keep their times
		p=$d
		while [[ $p == */* ]]; do
			p=${p%/*}
			touch -r "$T/pristine/src/$p" "$T/snap/src/$p"
		done
	done
}

reset_overlays() {
	local a
	for a in "${areas[@]}"; do
		umount "$K/$a" 2>/dev/null
	done
	mount_overlays
}

# In the namespace: the original kernel at $T/pristine, overlays on top.
enter_overlays() {
	mkdir -p "$T/pristine"
	mount --bind "$K" "$T/pristine" || { echo "cannot bind-mount $K"; return 1; }
	mount --make-private "$T/pristine" 2>/dev/null
	[ "${#snap_dirs[@]}" -eq 0 ] || snapshot_src "${snap_dirs[@]}"
	mount_overlays || { echo "cannot mount overlays on $K"; return 1; }
}

# Everything the overlays hold differs from the original, or was created
# or deleted: print it.  Silent when the trees are as they were.
changed_files() {
	local a up f rel lower
	for a in "${areas[@]}"; do
		up=$T/ov/$a.up
		while IFS= read -r -d '' f; do
			rel=${f#"$up"/}
			lower=$T/pristine/$a/$rel
			[ ! -e "$T/snap/$a/$rel" ] || lower=$T/snap/$a/$rel
			if [ -c "$f" ]; then
				echo "deleted: $a/$rel"
			elif [ ! -e "$lower" ] && [ ! -L "$lower" ]; then
				echo "created: $a/$rel"
			elif [ -L "$f" ]; then
				[ "$(readlink "$f") $(stat -c %.9Y "$f")" = "$(readlink "$lower") $(stat -c %.9Y "$lower")" ] ||
					echo "link changed: $a/$rel"
			elif [ -d "$f" ]; then
				[ "$(stat -c '%a %.9Y' "$f")" = "$(stat -c '%a %.9Y' "$lower")" ] ||
					echo "directory changed: $a/$rel"
			elif [ -f "$f" ]; then
				cmp -s "$f" "$lower" || echo "content changed: $a/$rel"
				[ "$(stat -c '%a %.9Y' "$f")" = "$(stat -c '%a %.9Y' "$lower")" ] ||
					echo "mode or time changed: $a/$rel"
			fi
		done < <(find "$up" -mindepth 1 -print0)
	done
}

trees_pristine() {
	changed_files >"$T/changed"
	if [ -s "$T/changed" ]; then
		# (always: a CI log must say what differed)
		sed 's/^/#   changed: /' "$T/changed" | sed -n 1,20p
		return 1
	fi
}

# make_patch NAME FILE SED-ARGS...: a -p1 patch of FILE (relative to src/)
# changed by sed, written to $T/patches/NAME.patch.
make_patch() {
	local name=$1 file=$2
	shift 2
	mkdir -p "$T/p/a/${file%/*}" "$T/p/b/${file%/*}" "$T/patches"
	local orig=$T/pristine/src/$file
	[ ! -e "$T/snap/src/$file" ] || orig=$T/snap/src/$file
	cp "$orig" "$T/p/a/$file"
	cp "$orig" "$T/p/b/$file"
	sed -i "$@" "$T/p/b/$file"
	(cd "$T/p" && diff -u "a/$file" "b/$file") >"$T/patches/$name.patch"
	rm -rf "$T/p"
	[ -s "$T/patches/$name.patch" ]
}

# No process of this mount namespace has PATTERN (e.g. a work directory)
# on its command line.  (Others may run builds on the same shared paths
# outside it.)
nothing_runs_in() {
	local pid me
	[ -n "$1" ] || return 1
	me=$(readlink /proc/self/ns/mnt)
	for pid in $(pgrep -f -- "$1"); do
		[ "$(readlink "/proc/$pid/ns/mnt" 2>/dev/null)" != "$me" ] || return 1
	done
	return 0
}

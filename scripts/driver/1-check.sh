# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 1 (check): the tree, configuration, compiler, vmlinux, release,
# output and patches are checked, and the patches are applied to copies of
# the files they touch.  Nothing is touched before every check has passed.
# Decides the mode (targeted or tree) and, in targeted mode, the objects.

default_tree() {
	local kdir
	[ -n "$test_kernel_build" ] && [ -x "$test_kernel_build" ] ||
		die "no --sourcedir given and no default test kernel in this installation"
	say "no --sourcedir: using the project's test kernel ($test_kernel_build)"
	kdir=$("$test_kernel_build" --print-dir) || die "could not prepare the default test kernel ($test_kernel_build)"
	srcdir=$kdir/src
	[ -n "$objdir" ] || objdir=$kdir/build
}

check_tree() {
	[ -d "$srcdir" ] || die "kernel source tree not found ($srcdir)"
	[ -f "$srcdir/Makefile" ] && [ -f "$srcdir/Kconfig" ] ||
		die "not a kernel source tree: no Makefile and Kconfig ($srcdir)"
	srcdir=$(cd "$srcdir" && pwd -P)
	[ -n "$objdir" ] || objdir=$srcdir
	[ -d "$objdir" ] || die "build directory not found ($objdir)"
	objdir=$(cd "$objdir" && pwd -P)
	# The build directory's records name the source tree they were made
	# from; a build directory without them (a distribution's headers) is
	# only used for its configuration, Module.symvers and kbuild.
	if [ "$objdir" != "$srcdir" ] && full_build_records; then
		local src_of_obj
		src_of_obj=$(readlink -f "$objdir/source" 2>/dev/null) ||
			die "the build directory was not configured with O= for a source tree (no $objdir/source)"
		[ "$src_of_obj" = "$srcdir" ] ||
			die "the build directory was configured for another source tree, $src_of_obj ($objdir/source)"
	fi
}

check_config() {
	local v
	[ -n "$config" ] || config=$objdir/.config
	[ -f "$config" ] && [ -r "$config" ] || die "kernel configuration not found ($config)"
	[ "$(config_value LIVEPATCH)" = y ] ||
		die "the kernel is not configured for livepatch: CONFIG_LIVEPATCH is not set ($config)"
	[ "$(config_value DYNAMIC_FTRACE_WITH_REGS)" = y ] ||
		[ "$(config_value DYNAMIC_FTRACE_WITH_ARGS)" = y ] ||
		die "the kernel lacks CONFIG_DYNAMIC_FTRACE_WITH_REGS, which livepatch redirects functions through ($config)"
	[ "$(config_value HAVE_RELIABLE_STACKTRACE)" = y ] ||
		die "the kernel lacks CONFIG_HAVE_RELIABLE_STACKTRACE (x86-64: the ORC unwinder), needed by the consistency model ($config)"
	v=$(config_value CC_IS_GCC)
	[ "$v" = y ] || die "the kernel was not configured for gcc (CONFIG_CC_IS_GCC is not set); only gcc is supported ($config)"
	if [ "$config" != "$objdir/.config" ] && [ -f "$objdir/.config" ] &&
		! cmp -s <(grep '^CONFIG_' "$config") <(grep '^CONFIG_' "$objdir/.config"); then
		die "the configuration differs from the build directory's ($config, $objdir/.config)"
	fi
}

# The compiler kbuild will run must be the one that built the target: the
# host's when it is that one; else, for a distribution's kernel, the one of
# the kernel's own release, in a chroot made once (use_build_chroot, in
# chroot.sh).  PATCH_BUILD_CHROOT=always takes the chroot even when the
# host's would do.
check_compiler() {
	local cc=${CC:-gcc} version_line reason
	vmlinux_gcc=$(readelf -p .comment "$vmlinux" 2>/dev/null |
		sed -n 's/^ *\[ *[0-9a-f]*\] *GCC: //p' | sort -u) || true
	[ -n "$vmlinux_gcc" ] ||
		warn "vmlinux has no .comment section; checking the compiler against the configuration only"
	version_line=$("$cc" --version 2>/dev/null | sed -n 1p) || version_line=
	reason=$(compiler_mismatch "$cc" "$version_line")
	if [ -n "$reason" ] || [ "${PATCH_BUILD_CHROOT:-}" = always ]; then
		[ -n "$distro" ] && [ -n "$distro_suite" ] ||
			die "${reason:-PATCH_BUILD_CHROOT=always needs --distro, with a helper that names the release of the kernel}"
		use_build_chroot "$reason"
		version_line=$("${in_chroot[@]}" "$cc" --version 2>/dev/null | sed -n 1p) || version_line=
		reason=$(compiler_mismatch "$cc" "$version_line")
		[ -z "$reason" ] || die "$reason (in the $distro_suite chroot $chroot_dir)"
	fi
	cc_version=$version_line
}

# compiler_mismatch CC VERSION-LINE: why CC is not the compiler that built
# the target ('' when it is).  vmlinux's .comment: 'GCC: (Debian
# 12.2.0-14+deb12u1) 12.2.0'; the compiler says 'gcc (Debian ...) 12.2.0'.
compiler_mismatch() {
	local cc=$1 version_line=$2 configured
	if [ -z "$version_line" ]; then
		echo "the compiler is not the one that built the target: $cc${vmlinux_gcc:+, which built it ('GCC: $(head -n 1 <<<"$vmlinux_gcc")'),} is not installed ($vmlinux)"
	elif [ -n "$vmlinux_gcc" ] && ! grep -qxF -- "${version_line#* }" <<<"$vmlinux_gcc"; then
		echo "the compiler is not the one that built the target: $cc is '$version_line', vmlinux was built by 'GCC: $(head -n 1 <<<"$vmlinux_gcc")' ($vmlinux)"
	else
		configured=$(config_value CC_VERSION_TEXT)
		configured=${configured#\"}
		configured=${configured%\"}
		[ -z "$configured" ] || [ "$configured" = "$version_line" ] ||
			echo "the compiler is not the one the kernel was configured with: $cc is '$version_line', the configuration says '$configured' ($config)"
	fi
}

check_vmlinux() {
	local magic
	[ -n "$vmlinux" ] || vmlinux=$objdir/vmlinux
	[ -f "$vmlinux" ] && [ -r "$vmlinux" ] ||
		die "vmlinux of the target kernel not found ($vmlinux); pass --vmlinux"
	magic=$(head -c 4 "$vmlinux" | od -An -c | tr -d ' ')
	[ "$magic" = '177ELF' ] || die "not an ELF file ($vmlinux)"
	vmlinux=$(readlink -f "$vmlinux")
}

check_release() {
	local file=$objdir/include/config/kernel.release
	[ -f "$file" ] ||
		die "the build directory is not prepared: no include/config/kernel.release (run make modules_prepare) ($objdir)"
	release=$(cat "$file")
	vmlinux_release=$(grep -a -m 1 -o 'Linux version [^ ]*' "$vmlinux" | sed -n 1p) || true
	vmlinux_release=${vmlinux_release#Linux version }
	[ -n "$vmlinux_release" ] || die "no 'Linux version' banner in vmlinux ($vmlinux)"
	[ "$vmlinux_release" = "$release" ] ||
		die "vmlinux is kernel release $vmlinux_release but the tree builds $release ($vmlinux)"
	build_id=$(readelf -n "$vmlinux" 2>/dev/null | sed -n 's/^ *Build ID: *//p' | sed -n 1p) || true
	# A vmlinux given apart from a build directory that has its own must
	# be that one (the objects are compiled against the build directory).
	# Debian's 6.12 headers hold a vmlinux of .BTF alone (for the BTF of
	# modules), with no code and no build ID: that one is no kernel.
	local own=$objdir/vmlinux own_id
	if [ -f "$own" ] && [ "$(readlink -f "$own")" != "$vmlinux" ] &&
		grep -q ' \.text ' <<<"$(readelf -SW "$own" 2>/dev/null)"; then
		own_id=$(readelf -n "$own" 2>/dev/null | sed -n 's/^ *Build ID: *//p' | sed -n 1p) || true
		[ "$own_id" = "$build_id" ] ||
			die "vmlinux is not the build directory's: its build ID is ${build_id:-missing}, $own has ${own_id:-none} ($vmlinux)"
	fi
}

# Every patch's files: 'OLD NEW FLAGS' per file section, as parsed by awk.
# Hunks are walked by their line counts, so '--- ' inside a hunk is never
# taken for a file header.
parse_patch() {
	awk '
		function flush() {
			if (have) print oldp "\t" newp "\t" flags
			have = 0; flags = ""
		}
		function path(s) {
			sub(/^(---|\+\+\+) /, "", s)
			sub(/\t.*$/, "", s)
			return s
		}
		BEGIN { have = 0; oldn = newn = 0; pending = ""; gitflags = "" }
		oldn > 0 || newn > 0 {
			c = substr($0, 1, 1)
			if (c == "-") oldn--
			else if (c == "+") newn--
			else if (c == "\\") { }
			else { oldn--; newn-- }
			next
		}
		/^diff --git / { flush(); gitflags = ""; next }
		/^GIT binary patch/ || /^Binary files / { print "?\t?\tbinary"; next }
		/^rename from / || /^copy from / { gitflags = gitflags "rename,"; next }
		/^deleted file mode / { gitflags = gitflags "delete,"; next }
		/^new file mode / { gitflags = gitflags "new,"; next }
		/^--- / { pending = path($0); next }
		/^\+\+\+ / {
			if (pending == "") next
			flush()
			oldp = pending; newp = path($0); pending = ""
			flags = gitflags; gitflags = ""; have = 1
			next
		}
		/^@@ / {
			if (!have) next
			n = split($0, w, " ")
			o = substr(w[2], 2); p = substr(w[3], 2)
			if (index(o, ",")) { split(o, f, ","); oldn = f[2] + 0 } else oldn = 1
			if (index(p, ",")) { split(p, f, ","); newn = f[2] + 0 } else newn = 1
			next
		}
		{ pending = "" }
		END { flush() }
	' "$1"
}

# Why a path cannot be live patched ('' when it can).
unpatchable_reason() {
	case $1 in
	*.S | *.s) echo "assembly cannot be live patched" ;;
	arch/*/entry/vdso/* | arch/*/vdso/*) echo "vDSO code runs in user space" ;;
	arch/*/boot/*) echo "boot code does not run after boot" ;;
	arch/x86/realmode/*) echo "real-mode code cannot be live patched" ;;
	arch/x86/purgatory/*) echo "purgatory code cannot be live patched" ;;
	tools/* | scripts/* | usr/*) echo "not part of the kernel image" ;;
	*.c | *.h) ;;
	*) echo "only C sources and headers can be live patched" ;;
	esac
}

# Sets: touched (files), c_files, h_files.
check_patches() {
	local p raw oldp newp flags f reason
	declare -A seen=()
	c_files=()
	h_files=()
	for p in "${patches[@]}"; do
		[ -e "$p" ] || die "patch not found ($p)"
		[ -f "$p" ] && [ -r "$p" ] || die "patch is not a readable file ($p)"
		[ -s "$p" ] || die "patch is empty ($p)"
		raw=$(parse_patch "$p")
		[ -n "$raw" ] || die "no unified diff found in the patch ($p)"
		while IFS=$'\t' read -r oldp newp flags; do
			[[ $flags != *binary* ]] || die "binary patches cannot be applied ($p)"
			[[ $flags != *rename* ]] || die "the patch renames or copies a file, which cannot be live patched ($p)"
			for f in "$oldp" "$newp"; do
				[ "$f" != /dev/null ] || continue
				case $f in
				/*) die "the patch names an absolute path, $f ($p)" ;;
				\"*) die "quoted file names are not supported: $f ($p)" ;;
				esac
				case /$f/ in
				*/../*) die "the patch names a path outside the tree, $f ($p)" ;;
				esac
			done
			if [ "$newp" = /dev/null ] || [[ $flags == *delete* ]]; then
				die "the patch deletes ${oldp#*/}, which cannot be live patched ($p)"
			fi
			f=${newp#*/}
			[ "$f" != "$newp" ] && [ -n "$f" ] ||
				die "cannot strip one directory from $newp (patches must apply with -p1) ($p)"
			reason=$(unpatchable_reason "$f")
			[ -z "$reason" ] || die "the patch changes $f: $reason ($p)"
			if [ -z "${seen[$f]:-}" ]; then
				seen[$f]=1
				touched+=("$f")
				case $f in
				*.c) c_files+=("$f") ;;
				*.h) h_files+=("$f") ;;
				esac
			fi
		done <<<"$raw"
		patch_sums+=("$(sha256sum <"$p" | cut -d' ' -f1) $(readlink -f "$p")")
	done
}

# Apply the patches, in order, to copies of the files they touch: proves
# they apply, without touching the tree, and gives the patched files.
dry_run_patches() {
	local p f out rc
	mkdir -p "$check_dir/patched-src"
	for f in "${touched[@]}"; do
		if [ -e "$srcdir/$f" ]; then
			mkdir -p "$check_dir/patched-src/${f%/*}"
			cp -p "$srcdir/$f" "$check_dir/patched-src/$f"
		fi
	done
	for p in "${patches[@]}"; do
		rc=0
		out=$(patch -p1 -d "$check_dir/patched-src" --batch --forward -r - \
			--no-backup-if-mismatch -i "$(readlink -f "$p")" 2>&1) || rc=$?
		echo "$out" >>"$log"
		if [ "$rc" -ne 0 ]; then
			die "the patch does not apply to $srcdir ($p)" \
				"$(grep -E 'FAILED|can.t find|Skipping|Reversed|malformed|Only garbage|No file' <<<"$out" | sed -n 1,5p)"
		fi
		{ grep -E 'with fuzz|offset' <<<"$out" || true; } | while read -r f; do
			warn "${p##*/}: $f"
		done
	done
}

# Targeted mode: the objects to compile, from the objdir's records: the
# object of each patched .c and of every .c whose recorded dependencies
# list it (a .c that #includes it).
find_targeted_objects() {
	local f obj
	objects=()
	private_build=0
	if full_build_records; then
		objects_depending_on "$objdir" "${c_files[@]}" |
			filter_exact_deps "$objdir" "${c_files[@]}" | mapfile -t objects
		for f in "${c_files[@]}"; do
			obj=$(obj_of "$f")
			[ ! -f "$(cmd_file_of "$objdir" "$obj")" ] || continue
			[ -n "$(printf '%s\n' "${objects[@]}" | filter_exact_deps "$objdir" "$f")" ] ||
				die "$f is not built in this configuration (no $(cmd_file_of "$objdir" "$obj"))"
		done
	else
		# Only 'make modules_prepare' was run here: compile in a private
		# build directory; objects are the .c files and their includers.
		private_build=1
		for f in "${c_files[@]}"; do
			objects+=("$(obj_of "$f")")
		done
		{ printf '%s\n' "${objects[@]}"; find_includers "${c_files[@]}"; } | sort -u | mapfile -t objects
	fi
	[ ${#objects[@]} -gt 0 ] || die "no object of this configuration is built from ${c_files[*]}"
}

check_sign() {
	[ -n "$sign_key" ] || return 0
	[ -r "$sign_key" ] || die "signing key not readable ($sign_key)"
	[ -r "$sign_cert" ] || die "signing certificate not readable ($sign_cert)"
	sign_key=$(readlink -f "$sign_key")
	sign_cert=$(readlink -f "$sign_cert")
}

check_name_and_output() {
	local base
	if [ -z "$name" ]; then
		base=${patches[0]##*/}
		base=${base%.patch}
		base=${base%.diff}
		name=livepatch-$(sed 's/[^A-Za-z0-9_-]/-/g' <<<"$base")
		name=${name:0:55}
	fi
	[[ $name =~ ^[A-Za-z0-9_-]+$ ]] ||
		die "module name may hold only letters, digits, '-' and '_' ($name)"
	[ ${#name} -le 55 ] || die "module name longer than 55 characters ($name)"
	if [ ! -e "$outdir" ]; then
		# made now, and removed again if the run fails (while it is empty)
		created_outdir=$outdir
		while [ ! -e "$(dirname -- "$created_outdir")" ]; do
			created_outdir=$(dirname -- "$created_outdir")
		done
		mkdir -p -- "$outdir" 2>/dev/null || die "cannot create the output directory ($outdir)"
		created_outdir=$(cd -- "$created_outdir" && pwd -P)
	fi
	[ -d "$outdir" ] || die "output directory is not a directory ($outdir)"
	[ -w "$outdir" ] || die "output directory not writable ($outdir)"
	outdir=$(cd "$outdir" && pwd -P)
	if [ -n "$json" ]; then
		[ -d "$(dirname "$json")" ] || die "directory for the JSON report not found ($json)"
		[ -w "$(dirname "$json")" ] || die "directory for the JSON report not writable ($json)"
		[ ! -d "$json" ] || die "the JSON report names a directory ($json)"
		json=$(readlink -f "$json")
	fi
}

check_tools() {
	local t
	for t in "$cdo" "$lines_tool"; do
		[ -x "$t" ] || die "tool not found: $t (run make)"
	done
	for t in patch diff readelf ld jq make setsid flock; do
		command -v "$t" >/dev/null || die "$t not found (run scripts/install-deps)"
	done
}

# One lock per source tree, in the cache (never in the tree).
lockfile=
take_lock() {
	local key holder
	mkdir -p "$cache/locks"
	key=$(printf '%s' "$srcdir" | sha256sum | cut -c1-16)
	lockfile=$cache/locks/$key.lock
	exec {lock_fd}<>"$lockfile"
	if ! flock -n "$lock_fd"; then
		holder=$(cat "$lockfile" 2>/dev/null) || true
		# a distribution's source in the cache is shared by its flavours
		# (a build matrix builds them side by side): wait for it
		if [ -n "$distro" ] && [[ $srcdir == "$cache"/* || $srcdir == "$(readlink -f "$cache")"/* ]]; then
			say "waiting for another patch-build on this source tree${holder:+ (pid ${holder%% *})} ($srcdir)"
			flock "$lock_fd"
		else
			die "another patch-build is using this source tree${holder:+ (pid ${holder%% *})}; try again when it is done ($srcdir)"
		fi
	fi
	echo "$front_pid $srcdir" >"$lockfile"
	recover_tree
}

stage_check() {
	stage_begin check "checking the tree, configuration, toolchain and $(plural ${#patches[@]} patch patches)"
	check_tools
	check_tree
	take_lock
	check_config
	check_vmlinux
	check_compiler
	check_release
	check_name_and_output
	check_sign
	check_patches
	dry_run_patches
	if [ ${#h_files[@]} -gt 0 ]; then
		mode=tree
		[ -z "$distro" ] || full_build_records ||
			die "the patch changes headers (${h_files[*]}): that needs tree mode, a built tree of this kernel with its kbuild records; give it with -s and -O (the $distro packages have none)"
	else
		mode=targeted
		find_targeted_objects
		[ "$private_build" -eq 1 ] || assign_owners
		prefetch_debug_modules
	fi
	stage_end "$mode mode, release $release"
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# Which binary owns an object: vmlinux or a module (kbuild's modules.order
# and .mod files, vmlinux's archives, or the object's own -DMODULE flags).

# kbuild's records of what goes where: modules.order and the .mod files
# (the objects of each module), the archives vmlinux is linked from.
declare -A module_of=()
declare -A module_ko=()
declare -A in_vmlinux=()
declare -A owner=()
owner_records_loaded=0

load_owner_records() {
	local dir=$objdir ko m o
	[ "$owner_records_loaded" -eq 0 ] || return 0
	owner_records_loaded=1
	if ! full_build_records && [ -n "${sections_dir:-}" ]; then
		dir=$sections_dir
	fi
	if [ -f "$dir/modules.order" ]; then
		while read -r ko; do
			[ -n "$ko" ] || continue
			m=${ko%.ko}
			m=${m%.o}
			o=${m##*/}
			[ ! -f "$dir/$m.ko" ] || module_ko[${o//-/_}]=$dir/$m.ko
			[ -f "$dir/$m.mod" ] || continue
			tr ' ' '\n' <"$dir/$m.mod" | while read -r o; do
				[ -n "$o" ] || continue
				o=${o#./}
				module_of[${o#"$dir"/}]=${m##*/}
			done
		done <"$dir/modules.order"
	fi
	for ko in "$dir/vmlinux.a" "$dir/built-in.a" "$dir/lib/lib.a" "$dir"/arch/*/lib/lib.a; do
		[ -f "$ko" ] || continue
		# thin archives: 'ar t' names members by their path
		{ ar t "$ko" 2>/dev/null || true; } | while read -r o; do
			o=${o#"$dir"/}
			in_vmlinux[${o#./}]=1
		done
	done
}

# The owner of OBJ: vmlinux or a module name ('-' turned into '_', as the
# kernel names it).
owner_of() {
	local obj=$1 cmdf modname
	if [ -n "${module_of[$obj]:-}" ]; then
		echo "${module_of[$obj]//-/_}"
		return 0
	fi
	if [ -n "${in_vmlinux[$obj]:-}" ]; then
		echo vmlinux
		return 0
	fi
	# No full-build records (modules_prepare only): kbuild's own flags.
	if [ "${#in_vmlinux[@]}" -eq 0 ]; then
		cmdf=$(cmd_file_of "${private_dir:-$objdir}" "$obj")
		if grep -q -- ' -DMODULE ' "$cmdf" 2>/dev/null; then
			modname=$(grep -o -- "-DKBUILD_MODNAME='\"[^\"]*\"'" "$cmdf" | sed -n 1p | cut -d'"' -f2)
			[ -z "$modname" ] || { echo "$modname"; return 0; }
		elif [ -f "$cmdf" ]; then
			echo vmlinux
			return 0
		fi
	fi
	return 1
}

# Where the target's modules are, when the build directory has none: an
# installed kernel's, or its debug package's (unstripped) copies.
target_module_dirs() {
	local d
	for d in ${distro_debug_modules:+"$distro_debug_modules"} "/usr/lib/debug/lib/modules/$release" "/lib/modules/$release"; do
		[ ! -d "$d" ] || echo "$d"
	done
}

# The target's .ko of module NAME (as the kernel names it), for the
# differ: it resolves the module's own symbols there.
find_module_ko() {
	local name=$1 d
	if [ -n "${module_ko[$name]:-}" ]; then
		echo "${module_ko[$name]}"
		return 0
	fi
	# A distribution's debug modules are unpacked one at a time, on demand.
	if [ -n "$distro" ] && [ -n "$distro_kernel" ]; then
		PATCH_BUILD_CACHE=$cache "$distro_tool" --quiet --debug-module "$name" "$distro" "$distro_kernel" \
			2>>"$log" | sed -n 's/^debug_module=//p' | grep . && return 0
	fi
	for d in $(target_module_dirs); do
		find "$d" \( -name "$name.ko" -o -name "${name//_/-}.ko" \) -print -quit
	done | sed -n 1p | grep .
}

# Targeted mode: every object must belong to vmlinux or a module.
assign_owners() {
	local obj own
	load_owner_records
	for obj in "${objects[@]}"; do
		own=$(owner_of "$obj") ||
			die "${obj%.o}.c is not built in this configuration: $obj is neither in vmlinux nor in a module of modules.order ($objdir)"
		owner[$obj]=$own
	done
	if [ "$private_build" -eq 1 ]; then
		check_private_objects_built
	fi
}

# Without full-build records, a .c kbuild compiles on request may still not
# be part of this configuration: vmlinux must know the file.
check_private_objects_built() {
	local obj files
	files=$(readelf -sW "$vmlinux" | awk '$4 == "FILE" { print $8 }' | sort -u)
	for obj in "${objects[@]}"; do
		[ "${owner[$obj]}" = vmlinux ] || continue
		grep -qxF "$(basename "${obj%.o}.c")" <<<"$files" ||
			die "${obj%.o}.c is not built in this configuration (vmlinux has no symbols from it) ($vmlinux)"
	done
}

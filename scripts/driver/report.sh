# shellcheck shell=bash
# (sourced by patch-build)
#
# The results: the function list, the ends other than success (unsafe,
# nothing to patch) and the --json report.

# The function list: the differ's, with each sympos once the post stage
# has read them from the module.
functions_file() {
	if [ -f "$post_dir/functions.tsv" ]; then
		echo "$post_dir/functions.tsv"
	else
		echo "$diff_dir/functions.tsv"
	fi
}

print_functions() {
	local kind fname obj own sympos base
	while IFS=$'\t' read -r kind fname obj own sympos; do
		printf '%s function: %s (%s, %s%s)\n' "$kind" "$fname" "$own" "$obj" \
			"${sympos:+, sympos $sympos}"
	done <"$(functions_file)"
	if [ "$explain" -eq 1 ]; then
		for obj in "${diffed[@]}"; do
			base=$diff_dir/jobs/${obj//\//_}
			echo "explanation for $obj:"
			grep -E '^(changed|new|carried) function: |^  ' "$base.out" | sed 's/^/  /' || true
		done
	fi
}

finish_unsafe() {
	close_stage_line
	in_stage=0
	echo "$me: the change cannot be live patched: $1" >&2
	final_status=2
	exit 2
}

finish_nothing() {
	close_stage_line
	in_stage=0
	echo "$me: nothing to patch: $1" >&2
	final_status=3
	exit 3
}

klp_relocations_json() {
	[ -n "${module_path:-}" ] && [ -f "$module_path" ] || { echo '[]'; return; }
	readelf -sW "$module_path" 2>/dev/null |
		grep -o '\.klp\.sym\.[^ ]*' | sort -u |
		sed -E 's/^\.klp\.sym\.([^.]*)\.(.*),([0-9]+)$/\1\t\2\t\3/' |
		jq -R -s 'split("\n") | map(select(length > 0) | split("\t") |
			{"object": .[0], "symbol": .[1], "sympos": (.[2] | tonumber? // null)})'
}

write_json() {
	local rc=$1 tmp
	tmp=$(mktemp "$json.tmp.XXXXXX") || return 1
	jq -n \
		--arg version "$pb_version" \
		--arg release "${release:-}" \
		--arg vmlinux "${vmlinux:-}" \
		--arg build_id "${build_id:-}" \
		--argjson distro "$(distro_json)" \
		--arg mode "${mode:-}" \
		--arg name "${name:-}" \
		--arg mpath "${module_path:-}" \
		--arg module_sha "$( [ -n "${module_path:-}" ] && sha256sum <"$module_path" | cut -d' ' -f1)" \
		--argjson replace "$([ "$replace" -eq 1 ] && echo true || echo false)" \
		--argjson signed "$([ -n "$sign_key" ] && [ -n "${module_path:-}" ] && echo true || echo false)" \
		--argjson exit_status "$rc" \
		--arg result "$(case $rc in 0) echo ok ;; 2) echo unsafe ;; 3) echo "nothing to patch" ;; 4) echo "verify failed" ;; 1) echo error ;; *) echo interrupted ;; esac)" \
		--arg patches "$(printf '%s\n' "${patch_sums[@]}")" \
		--arg objects "$(cat "$diff_dir/objects.tsv" 2>/dev/null)" \
		--arg functions "$(cat "$(functions_file)" 2>/dev/null)" \
		--arg warnings "$(printf '%s\n' "${warnings[@]}")" \
		--arg durations "$(printf '%s\n' "${durations[@]}")" \
		--argjson klp "$(klp_relocations_json)" \
		--arg verify "${verify_result:-}" \
		--arg verify_log "${verify_log:-}" \
		--arg resumed_from "${from_stage:-}" \
		'def lines: split("\n") | map(select(length > 0));
		def funcs(k): $functions | lines | map(split("\t")) | map(select(.[0] == k)) |
			map({"name": .[1], "object": .[2], "owner": .[3],
			     "sympos": (.[4] | if . == "" then null else tonumber end)});
		{
			"tool": "patch-build",
			"version": $version,
			"result": $result,
			"exit_status": $exit_status,
			"kernel_release": (if $release == "" then null else $release end),
			"vmlinux": (if $vmlinux == "" then null else $vmlinux end),
			"vmlinux_build_id": (if $build_id == "" then null else $build_id end),
			"distro": $distro,
			"patches": ($patches | lines | map(capture("^(?<sha256>[0-9a-f]+) (?<file>.*)$"))),
			"mode": (if $mode == "" then null else $mode end),
			"replace": $replace,
			"module": (if $mpath == "" then null
				 else {"name": $name, "path": $mpath, "sha256": $module_sha, "signed": $signed} end),
			"objects": ($objects | lines | map(split("\t") |
				{"object": .[0], "owner": .[1], "result": .[2]})),
			"patched_functions": funcs("changed"),
			"new_functions": funcs("new"),
			"carried_functions": funcs("carried"),
			"klp_relocation_targets": $klp,
			"verify": (if $verify == "" then null else {"result": $verify, "console_log": $verify_log} end),
			"warnings": ($warnings | lines),
			"stage_seconds": ($durations | lines | map(split(" ") | {(.[0]): (.[1] | tonumber)}) | add // {}),
			"resumed_from": (if $resumed_from == "" then null else $resumed_from end)
		}' >"$tmp" && chmod a+r "$tmp" && mv -f "$tmp" "$json" && return 0
	rm -f "$tmp"
	return 1
}

# shellcheck shell=bash
# (sourced by patch-build)
#
# Stage 4 (diff): create-diff-object on each object pair, in parallel; the
# changed, new and carried functions are collected for the report.

# What the patch's objects add, for the differ's --new-symbols: each differ
# sees one object, and a function one file adds and another calls is in
# neither that object's original nor the running kernel.  One 'NAME BINDING
# OBJECT' line per function or variable a patched object defines and its
# original does not; only C identifiers, since a reference from another
# file can name nothing else (never 'x.12' or 'f.constprop.0').  A single
# readelf over every object, before any differ starts, rather than a mode of
# the differ: the symbol tables are all it takes, and the differ stays a
# one-object tool.
find_new_symbols() {
	local obj files=()
	: >"$diff_dir/new-symbols"
	[ ${#objects[@]} -gt 0 ] || return 0
	for obj in "${objects[@]}"; do
		files+=("orig/$obj")
	done
	for obj in "${objects[@]}"; do
		files+=("patched/$obj")
	done
	# (two files at least: readelf heads each one with 'File: NAME')
	(cd "$diff_dir" && readelf -sW "${files[@]}") >"$diff_dir/symbols.txt" 2>>"$log" ||
		die "cannot read the symbol tables of the objects (readelf -sW, in $diff_dir)"
	awk '
		/^File: / { side = $2; sub(/\/.*/, "", side); obj = substr($2, length(side) + 2); next }
		$1 !~ /^[0-9]+:$/ || $7 == "UND" || ($4 != "FUNC" && $4 != "OBJECT") { next }
		side == "orig" { known[obj, $8] = 1; next }
		!((obj, $8) in known) && $8 ~ /^[A-Za-z_][A-Za-z0-9_]*$/ { print $8, tolower($5), obj }
	' "$diff_dir/symbols.txt" | sort -u >"$diff_dir/new-symbols"
	rm -f "$diff_dir/symbols.txt"
	[ ! -s "$diff_dir/new-symbols" ] || { echo "symbols the patch adds:"; cat "$diff_dir/new-symbols"; } >>"$log"
}

# Pass on the warnings a tool printed into a job's output ('TOOL: warning:
# TEXT' lines): warn() with the object in front.  The differ names its
# input, orig/OBJ or patched/OBJ; the prefix says that once.
pass_on_warnings() {
	local obj=$1 out=$2 line text
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		text=${line#*: warning: }
		text=${text#"patched/$obj: "}
		text=${text#"orig/$obj: "}
		warn "$obj: $text"
	done <<<"$(grep -E '^[A-Za-z0-9_.-]+: warning: ' "$out" || true)"
}

stage_diff() {
	local obj base rc args=() modargs=() cmd=() ko changed=0 unchanged=0 unsafe=() errors=()
	[ "$mode" = tree ] || [ "$private_build" -eq 0 ] || assign_owners
	stage_begin diff "diffing $(plural ${#objects[@]} object)"
	# (find_module_ko runs in subshells: the wait is here)
	wait_prefetch
	# The pairs, as the differ names them in its messages: orig/OBJ and
	# patched/OBJ, links to the objects of the two earlier stages.
	ln -s "../${orig_dir##*/}/orig" "$diff_dir/orig"
	ln -s "../${patched_dir##*/}/patched" "$diff_dir/patched"
	setup_objtool
	objtool_objects
	mkdir -p "$diff_dir/diff" "$diff_dir/jobs"
	[ ! -f "$objdir/Module.symvers" ] || args+=(--symvers "$objdir/Module.symvers")
	[ "$explain" -eq 0 ] || args+=(--explain)
	find_new_symbols
	[ ! -s "$diff_dir/new-symbols" ] || args+=(--new-symbols new-symbols)
	for obj in "${objects[@]}"; do
		base=$diff_dir/jobs/${obj//\//_}
		mkdir -p "$diff_dir/diff/${obj%/*}"
		modargs=()
		if [ "${owner[$obj]}" != vmlinux ]; then
			if ko=$(find_module_ko "${owner[$obj]}"); then
				modargs=(--module "$ko")
			else
				warn "the target's ${owner[$obj]}.ko was not found (build directory, /lib/modules/$release): its symbols cannot be resolved"
			fi
		fi
		# one array: the command that runs is the command reported
		cmd=("$cdo" "${args[@]}" "${modargs[@]}" --objname "${owner[$obj]}" \
			--vmlinux "$vmlinux" "orig/$obj" "patched/$obj" "diff/$obj")
		quote_cmd "${cmd[@]}" >"$base.cmd"
		pool_add "$base" "$diff_dir" "${cmd[@]}"
	done
	pool_wait_all
	: >"$diff_dir/objects.tsv"
	: >"$diff_dir/functions.tsv"
	for obj in "${objects[@]}"; do
		base=$diff_dir/jobs/${obj//\//_}
		rc=$(job_status "$base")
		{ echo "== $obj (exit $rc)"; cat "$base.out"; } >>"$log"
		pass_on_warnings "$obj" "$base.out"
		case $rc in
		0)
			changed=$((changed + 1))
			diffed+=("$obj")
			printf '%s\t%s\tchanged\n' "$obj" "${owner[$obj]}" >>"$diff_dir/objects.tsv"
			collect_functions "$obj" "$base.out"
			;;
		3)
			unchanged=$((unchanged + 1))
			printf '%s\t%s\tno change\n' "$obj" "${owner[$obj]}" >>"$diff_dir/objects.tsv"
			;;
		2)
			unsafe+=("$obj")
			printf '%s\t%s\tunsafe\n' "$obj" "${owner[$obj]}" >>"$diff_dir/objects.tsv"
			;;
		*)
			errors+=("$obj")
			printf '%s\t%s\terror\n' "$obj" "${owner[$obj]}" >>"$diff_dir/objects.tsv"
			;;
		esac
	done
	if [ ${#errors[@]} -gt 0 ]; then
		obj=${errors[0]}
		base=$diff_dir/jobs/${obj//\//_}
		command_failed "diffing $obj" "$(job_status "$base")" "(cd $diff_dir && $(cat "$base.cmd"))" \
			"$base.out"
	fi
	if [ ${#unsafe[@]} -gt 0 ]; then
		close_stage_line
		for obj in "${unsafe[@]}"; do
			base=$diff_dir/jobs/${obj//\//_}
			grep -v -e '^\(changed\|new\) function: ' -e '^[A-Za-z0-9_.-]*: warning: ' "$base.out" |
				sed "s|^|  $obj: |" >&2 || true
		done
		finish_unsafe "$(plural ${#unsafe[@]} object) cannot be live patched safely: ${unsafe[*]}"
	fi
	stage_end "$changed changed, $unchanged unchanged"
	check_distro_rebuild
	[ "$changed" -gt 0 ] || finish_nothing "no object has a functional change"
}

# Lines 'changed function: X' / 'new function: X' (+ '  because: ...').
collect_functions() {
	local obj=$1 out=$2
	awk -v obj="$obj" -v own="${owner[$obj]}" '
		/^(changed|new|carried) function: / {
			kind = $1; name = $3; sympos = ""
			for (i = 4; i <= NF; i++)
				if ($i ~ /^sympos[=:]?[0-9]*$/) {
					sympos = $i; sub(/^sympos[=:]?/, "", sympos)
					if (sympos == "" && i < NF) sympos = $(i + 1)
				}
			printf "%s\t%s\t%s\t%s\t%s\n", kind, name, obj, own, sympos
		}' "$out" >>"$diff_dir/functions.tsv"
}

# shellcheck shell=bash
# The exp_* globals are read by the runners that source this file.
# shellcheck disable=SC2034
# SPDX-License-Identifier: GPL-2.0
#
# The expect files of the differ's cases (test/unit/cases,
# test/kernel-objects/cases), read by one parser (sourced by both runners).
# One item per line, '#' starts a comment; each runner names the items it
# takes, and its header says what they mean.
#
# expect_parse FILE ITEM...: fill the exp_* globals below from FILE, taking
# only the ITEMs named; on bad input print "expect:LINE: why" and return 1.
#
#   exit N                exp_exit (required)
#   object PATH           exp_object
#   args ARG...           exp_args (words, appended)
#   novmlinux             exp_vmlinux=0 (default 1)
#   changed|new|carried NAME          exp_funcs ("KIND NAME")
#   refuse TEXT / warn TEXT           exp_refuse / exp_warn
#   norefuse TEXT                     exp_nostderr
#   input SECTION FUNC                exp_input ("SECTION FUNC")
#   section SECTION N / nosection SECTION   exp_sections ("SECTION N" / "SECTION -")
#   noracle SECTION                   exp_noracle
#   defined|undefined|absent|func NAME, noklp NAME,
#   klp WHERE NAME [OBJNAME], reloc FROM TO, string FROM TEXT
#                                     exp_facts ("KIND ARGS")
#   reloc FUNC TO+ADDEND (TO-ADDEND; decimal or 0x hex), when the runner
#   takes "addend": exp_facts "addend FUNC TO VALUE"
#
# Output facts and section counts need exit 0.

exp_exit=
exp_object=
exp_vmlinux=1
exp_args=()
exp_funcs=()
exp_refuse=()
exp_warn=()
exp_nostderr=()
exp_input=()
exp_sections=()
exp_noracle=()
exp_facts=()

# LINE without its comment and surrounding white space.
expect_strip_comment() {
	local line=$1

	line=${line%%#*}
	line=${line%"${line##*[![:space:]]}"}
	line=${line#"${line%%[![:space:]]*}"}
	printf '%s' "$line"
}

# expect_takes ITEM ITEM...: is the first among the rest?
expect_takes() {
	local want=$1 item

	shift
	for item; do
		[[ $item != "$want" ]] || return 0
	done
	return 1
}

expect_parse() {
	local file=$1 raw line kind rest nr=0 words
	local -a items

	shift
	items=("$@")
	exp_exit=
	exp_object=
	exp_vmlinux=1
	exp_args=() exp_funcs=() exp_refuse=() exp_warn=() exp_nostderr=()
	exp_input=() exp_sections=() exp_noracle=() exp_facts=()
	while IFS= read -r raw || [[ -n $raw ]]; do
		nr=$((nr + 1))
		line=$(expect_strip_comment "$raw")
		[[ -n $line ]] || continue
		kind=${line%%[[:space:]]*}
		rest=$(expect_strip_comment "${line#"$kind"}")
		if ! expect_takes "$kind" "${items[@]}"; then
			echo "expect:$nr: unknown item '$kind'"
			return 1
		fi
		case $kind in
		exit)
			[[ $rest =~ ^[0-9]+$ ]] || { echo "expect:$nr: bad exit status"; return 1; }
			exp_exit=$rest ;;
		object)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: object needs a path"; return 1; }
			exp_object=$rest ;;
		args)
			[[ -n $rest ]] || { echo "expect:$nr: args needs arguments"; return 1; }
			read -r -a words <<< "$rest"
			exp_args+=("${words[@]}") ;;
		novmlinux)
			exp_vmlinux=0 ;;
		changed | new | carried)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: $kind needs one name"; return 1; }
			exp_funcs+=("$kind $rest") ;;
		refuse)
			[[ -n $rest ]] || { echo "expect:$nr: $kind needs a text"; return 1; }
			exp_refuse+=("$rest") ;;
		warn)
			[[ -n $rest ]] || { echo "expect:$nr: $kind needs a text"; return 1; }
			exp_warn+=("$rest") ;;
		norefuse)
			[[ -n $rest ]] || { echo "expect:$nr: $kind needs a text"; return 1; }
			exp_nostderr+=("$rest") ;;
		input)
			[[ $rest =~ ^[^[:space:]]+[[:space:]]+[^[:space:]]+$ ]] ||
				{ echo "expect:$nr: input needs a section and a function"; return 1; }
			exp_input+=("$rest") ;;
		section)
			[[ $rest =~ ^[^[:space:]]+[[:space:]]+[0-9]+$ ]] ||
				{ echo "expect:$nr: section needs a name and a count"; return 1; }
			exp_sections+=("$rest") ;;
		nosection)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: nosection needs a name"; return 1; }
			exp_sections+=("$rest -") ;;
		noracle)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: noracle needs a name"; return 1; }
			exp_noracle+=("$rest") ;;
		defined | undefined | absent | func)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: $kind needs one name"; return 1; }
			exp_facts+=("$kind $rest") ;;
		klp)
			[[ $rest =~ ^[^[:space:]]+[[:space:]]+[^[:space:]]+([[:space:]]+[^[:space:]]+)?$ ]] ||
				{ echo "expect:$nr: klp needs a place, a name and maybe an object name"; return 1; }
			exp_facts+=("$kind $rest") ;;
		noklp)
			[[ $rest =~ ^[^[:space:]]+$ ]] || { echo "expect:$nr: noklp needs one name"; return 1; }
			exp_facts+=("$kind $rest") ;;
		reloc)
			[[ $rest =~ ^[^[:space:]]+[[:space:]]+[^[:space:]]+$ ]] ||
				{ echo "expect:$nr: reloc needs two names"; return 1; }
			if expect_takes addend "${items[@]}" &&
			   [[ $rest =~ ^([^[:space:]]+)[[:space:]]+([^[:space:]+-]+)([+-])(0x[0-9a-fA-F]+|[0-9]+)$ ]]; then
				exp_facts+=("addend ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} $((${BASH_REMATCH[3]}${BASH_REMATCH[4]}))")
			else
				exp_facts+=("$kind $rest")
			fi ;;
		string)
			[[ $rest =~ ^[^[:space:]]+[[:space:]]+.+$ ]] ||
				{ echo "expect:$nr: string needs a name and a text"; return 1; }
			exp_facts+=("$kind $rest") ;;
		*)
			# A runner named an item this parser does not know.
			echo "expect:$nr: unknown item '$kind'"
			return 1 ;;
		esac
	done < "$file"
	[[ -n $exp_exit ]] || { echo "expect: no exit line"; return 1; }
	if ((${#exp_facts[@]} + ${#exp_sections[@]})) && [[ $exp_exit != 0 ]]; then
		echo "expect: output facts need exit 0"
		return 1
	fi
	return 0
}

# Every path a traced process tree changed: one 'SYSCALL PATH' line per
# successful call that creates, writes, truncates, renames, links,
# removes or changes the attributes of a file or directory.
#
#   strace -f -y -qq -e trace=%file,%process,fchdir -o LOG CMD...
#   awk -v cwd="$PWD" -f written-paths.awk LOG LOG
#
# cwd: the directory CMD started in.  Relative paths are resolved against
# each process's working directory, followed through chdir/fchdir and
# inherited through clone/fork/vfork.  The log is read twice: first for
# who started whom (a child's first calls can come before its parent's
# clone returns in the log), then for the calls.

function norm(p,    n, i, parts, out, k, j) {
	n = split(p, parts, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (parts[i] == "" || parts[i] == ".") continue
		if (parts[i] == "..") { if (k > 0) k--; continue }
		out[++k] = parts[i]
	}
	p = ""
	for (j = 1; j <= k; j++) p = p "/" out[j]
	return p == "" ? "/" : p
}

# a path argument relative to a directory argument (AT_FDCWD or N</dir>)
# (strace -y decodes AT_FDCWD too: 'AT_FDCWD</dir>')
function resolve(pid, dirarg, p) {
	if (substr(p, 1, 1) == "/") return norm(p)
	if (dirarg == "" || dirarg == "AT_FDCWD") return norm(dir_of(pid) "/" p)
	return norm(fdpath(dirarg) "/" p)
}

# A process's working directory; a new process starts in its parent's
# (which cannot change while the parent is in clone).
function dir_of(pid) {
	if (pid in cwd_of) return cwd_of[pid]
	if (pid in parent_of) cwd_of[pid] = dir_of(parent_of[pid])
	else cwd_of[pid] = start
	return cwd_of[pid]
}

# 'N</path>' or 'AT_FDCWD</path>' -> /path
function fdpath(a) {
	sub(/^([0-9]+|AT_FDCWD)</, "", a)
	sub(/>$/, "", a)
	return a
}

function unquote(s) {
	if (substr(s, 1, 1) != "\"") return s
	s = substr(s, 2, length(s) - 2)
	gsub(/\\"/, "\"", s)
	gsub(/\\\\/, "\\", s)
	return s
}

# split the argument list of a call into args[1..n]
function split_args(s,    n, c, i, q, depth, cur) {
	n = 0; cur = ""; q = 0; depth = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q) {
			cur = cur c
			if (c == "\\") { i++; cur = cur substr(s, i, 1); continue }
			if (c == "\"") q = 0
			continue
		}
		if (c == "\"") { q = 1; cur = cur c; continue }
		if (c == "[" || c == "{" || c == "(" || c == "<") depth++
		if (c == "]" || c == "}" || c == ")" || c == ">") depth--
		if (c == "," && depth == 0) {
			args[++n] = cur; cur = ""
			sub(/^ /, "", args[n])
			continue
		}
		cur = cur c
	}
	if (cur != "" || n > 0) { args[++n] = cur; sub(/^ /, "", args[n]) }
	return n
}

function out(call, path) {
	print call " " path
}

BEGIN { start = norm(cwd) }

# pass 1: parents
NR == FNR {
	if ($0 ~ /^[0-9]+ +((clone3?|v?fork)\(|<\.\.\. (clone3?|v?fork) resumed>).* = [0-9]+( |$)/) {
		c = $0
		sub(/.* = /, "", c)
		sub(/ .*/, "", c)
		if (c + 0 > 0 && !((c + 0) in parent_of)) parent_of[c + 0] = $1 + 0
	}
	next
}

{
	line = $0
	if (line !~ /^[0-9]+ /) next
	pid = line; sub(/ .*/, "", pid)
	pid = pid + 0
	rest = substr(line, length(pid) + 2)
	sub(/^ +/, "", rest)
	if (rest ~ / <unfinished \.\.\.>$/) {
		sub(/ <unfinished \.\.\.>$/, "", rest)
		pending[pid] = rest
		next
	}
	if (rest ~ /^<\.\.\. [a-z0-9_]+ resumed>/) {
		sub(/^<\.\.\. [a-z0-9_]+ resumed> ?/, "", rest)
		rest = pending[pid] rest
		delete pending[pid]
	}
	if (rest !~ /^[a-z0-9_]+\(/) next
	call = rest; sub(/\(.*/, "", call)
	# the result: after the last ' = '
	ret = rest
	if (!match(ret, / = -?[0-9]+( |<|$)/)) {
		if (match(ret, / = \?/)) next
		next
	}
	retv = substr(ret, RSTART + 3)
	sub(/[ <].*/, "", retv)
	if (retv + 0 < 0) next
	a = rest
	sub(/^[a-z0-9_]+\(/, "", a)
	# drop ') = ...'
	if (match(a, /\) += -?[0-9?]/)) {
		# the last such match is the end of the argument list
		tmp = a; last = 0; off = 0
		while (match(tmp, /\) += -?[0-9?]/)) { last = off + RSTART; off += RSTART; tmp = substr(tmp, RSTART + 1) }
		a = substr(a, 1, last - 1)
	}
	delete args
	n = split_args(a)

	if (call == "chdir") { cwd_of[pid] = resolve(pid, "", unquote(args[1])); next }
	if (call == "fchdir") { cwd_of[pid] = fdpath(args[1]); next }

	if (call == "open" || call == "creat") {
		if (call == "creat" || args[2] ~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/)
			out(call, resolve(pid, "", unquote(args[1])))
	} else if (call == "openat") {
		if (args[3] ~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/)
			out(call, resolve(pid, args[1], unquote(args[2])))
	} else if (call == "mkdir" || call == "rmdir" || call == "unlink" || call == "truncate" ||
		   call == "chmod" || call == "chown" || call == "lchown" || call == "mknod" ||
		   call == "utime" || call == "utimes") {
		out(call, resolve(pid, "", unquote(args[1])))
	} else if (call == "mkdirat" || call == "unlinkat" || call == "fchmodat" || call == "fchownat" ||
		   call == "mknodat" || call == "futimesat") {
		out(call, resolve(pid, args[1], unquote(args[2])))
	} else if (call == "utimensat") {
		if (args[2] == "NULL") out(call, fdpath(args[1]))
		else out(call, resolve(pid, args[1], unquote(args[2])))
	} else if (call == "rename" || call == "link") {
		if (call == "rename") out(call, resolve(pid, "", unquote(args[1])))
		out(call, resolve(pid, "", unquote(args[2])))
	} else if (call == "renameat" || call == "renameat2" || call == "linkat") {
		if (call != "linkat") out(call, resolve(pid, args[1], unquote(args[2])))
		out(call, resolve(pid, args[3], unquote(args[4])))
	} else if (call == "symlink") {
		out(call, resolve(pid, "", unquote(args[2])))
	} else if (call == "symlinkat") {
		out(call, resolve(pid, args[2], unquote(args[3])))
	}
}

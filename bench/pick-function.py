#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Pick the function bench/kernel-objects changes in a kernel object.

    pick-function.py OBJECT SRCROOT SOURCE.c

Prints "NAME<TAB>FILE<TAB>LINE" (FILE relative to SRCROOT, LINE 1-based: the
line holding the function's opening brace), or nothing (exit 1) when no
function qualifies.  The edit bench/kernel-objects makes is to append
' asm volatile("nop");' to that line: one instruction more in one function,
and no line moves (a moved line would change the __LINE__ of every later
WARN_ON and so every later function; the driver hides that with #line
fix-ups, this benchmark does not use the driver).

A function qualifies when, in OBJECT, it is a function in a section
of its own (.text.NAME, so not __init/__exit code) that starts with an
__fentry__ call (traced: the differ patches it), and, in the source files
(SOURCE.c and the .c files it #includes from its own directory), it is
defined at the start of a line with its '{' alone on a following line, its
first statement is a call or a keyword statement (so that the inserted
statement is not followed by declarations) and its name is never followed
by '(' anywhere else and it has no alias (no caller in the file, so the compiler cannot have
inlined it: the differ must report it and only it).  The first such
function in symbol-table order, global functions first, is chosen, so the choice is reproducible.
"""
import os
import re
import subprocess
import sys


def readelf(*args):
    return subprocess.run(["readelf", "-W", *args], check=True, text=True,
                          capture_output=True).stdout


def sections(obj):
    names = {}
    for m in re.finditer(r"^\s*\[\s*(\d+)\]\s+(\S+)", readelf("-S", obj), re.M):
        names[m.group(1)] = m.group(2)
    return names


def functions(obj, secnames):
    """Global functions, then local ones, each in symbol-table order."""
    out = {"GLOBAL": [], "LOCAL": []}
    syms = [line.split() for line in readelf("-s", obj).splitlines()]
    syms = [f for f in syms if len(f) >= 8 and f[3] == "FUNC" and f[6].isdigit()]
    # aliases (sys_ni_syscall and the weak syscalls that are it) change together
    places = {}
    for f in syms:
        places[(f[6], f[1])] = places.get((f[6], f[1]), 0) + 1
    for f in syms:
        name = f[7]
        if f[4] in out and "." not in name and places[(f[6], f[1])] == 1 \
                and secnames.get(f[6]) == ".text." + name:
            out[f[4]].append(name)
    return out["GLOBAL"] + out["LOCAL"]


def traced(obj):
    """Functions whose relocation section starts with a __fentry__ call."""
    first = {}
    cur = None
    for line in readelf("-r", obj).splitlines():
        m = re.match(r"Relocation section '\.rela\.text\.(\S+)'", line)
        if m:
            cur = m.group(1)
            continue
        if line.startswith("Relocation section"):
            cur = None
            continue
        f = line.split()
        if cur and cur not in first and len(f) >= 5 and re.match(r"^[0-9a-f]+$", f[0]):
            first[cur] = (int(f[0], 16), f[4])
    return {n for n, (off, sym) in first.items() if sym == "__fentry__" and off < 8}


def sources(srcroot, main):
    files = [main]
    d = os.path.dirname(main)
    with open(os.path.join(srcroot, main), errors="replace") as fh:
        for m in re.finditer(r'^\s*#\s*include\s+"([^"/]+\.c)"', fh.read(), re.M):
            inc = os.path.join(d, m.group(1))
            if os.path.isfile(os.path.join(srcroot, inc)):
                files.append(inc)
    return files


FIRST_STMT = re.compile(r"^\t(?:(?:if|for|while|switch|return|do)\b|[a-z_]\w*\()")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: pick-function.py OBJECT SRCROOT SOURCE.c")
    obj, srcroot, main_c = sys.argv[1:]
    secnames = sections(obj)
    fentry = traced(obj)
    texts = {}
    for f in sources(srcroot, main_c):
        with open(os.path.join(srcroot, f), errors="replace") as fh:
            texts[f] = fh.read().split("\n")
    for name in functions(obj, secnames):
        if name not in fentry:
            continue
        call = re.compile(r"\b%s\s*\(" % re.escape(name))
        hits = [(f, i) for f, lines in texts.items()
                for i, line in enumerate(lines) if call.search(line)]
        defs = [(f, i) for f, i in hits
                if re.match(r"^[A-Za-z_]", texts[f][i]) and not texts[f][i].rstrip().endswith(";")]
        # prototypes (column 0, ending in ';') are not calls
        others = [(f, i) for f, i in hits if (f, i) not in defs
                  and not (re.match(r"^[A-Za-z_]", texts[f][i])
                           and texts[f][i].rstrip().endswith(";"))]
        if len(defs) != 1 or others:
            continue
        f, i = defs[0]
        lines = texts[f]
        brace = next((j for j in range(i, min(i + 6, len(lines))) if lines[j] == "{"), None)
        if brace is None or brace + 1 >= len(lines) or not FIRST_STMT.match(lines[brace + 1]):
            continue
        print("%s\t%s\t%d" % (name, f, brace + 1))
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

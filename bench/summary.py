#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print bench/run's summary table from the rows the benchmarks appended.

    summary.py FILE CORES

FILE holds one row a line: CASE, MEASURE, VALUE, TARGET, LOAD, tab-separated.
"""
import sys


def main():
    path, cores = sys.argv[1], sys.argv[2]
    rows = []
    with open(path) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) == 5:
                rows.append(f)
    head = ["case", "measure", "value", "target", "load avg"]
    rows.sort(key=lambda r: r[0][:1])
    width = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
    print("Summary (%s cores; load average: 1-minute, at the measurement):" % cores)

    def show(r):
        print("  ".join(r[i].ljust(width[i]) if i != 2 else r[i].rjust(width[i])
                        for i in range(5)).rstrip())
    show(head)
    show(["-" * w for w in width])
    for r in rows:
        show(r)
    if not rows:
        print("(no figures: every benchmark failed)")


if __name__ == "__main__":
    main()

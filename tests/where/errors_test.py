#!/usr/bin/env python3
"""`huozi where`'s errors: a place with no text, a file not of the publication,
a page past the end, a line past a page's text and a page of several columns
without --column exit 1 with a message saying so; bad syntax exits 2 with
the usage.

Usage: errors_test.py HUOZI SOURCE.xml (the tang-poems sample)"""
import os
import subprocess
import sys

huozi, source = sys.argv[1], sys.argv[2]
newspaper = os.path.join(os.path.dirname(os.path.dirname(source)), "lvliang-2021", "publication.xml")
failures = 0


def expect(args, code, words, publication=source):
    global failures
    p = subprocess.run([huozi, "where", publication, *args], capture_output=True, text=True, timeout=120)
    if p.returncode != code or words not in p.stderr:
        failures += 1
        print(f"FAIL: where {' '.join(args)}: exit {p.returncode} (want {code}), stderr: {p.stderr.strip()[:200]}")


expect(["wuyan-jueju.xml:1"], 1, "no text at or before wuyan-jueju.xml:1")  # the file's XML declaration
expect(["missing.xml:3"], 1, "missing.xml is not a file of")
expect(["--page", "999", "--line", "1"], 1, "there is no page 999")
expect(["--page", "1", "--line", "999"], 1, "has no line 999 of text")
expect(["--page", "5", "--line", "1"], 1, "say which with --column", newspaper)
expect(["--page", "5", "--column", "9", "--line", "1"], 1, "has no line 1 of text", newspaper)
expect(["wuyan-jueju.xml"], 2, "is not FILE.xml:LINE[:COL]")
expect(["wuyan-jueju.xml:0"], 2, "is not FILE.xml:LINE[:COL]")
expect(["wuyan-jueju.xml:3:x"], 2, "is not FILE.xml:LINE[:COL]")
expect(["--line", "3"], 2, "needs a --page before it")
expect(["--page", "3"], 2, "need a --line after them")
expect(["--page", "3", "--line", "0"], 2, "--line takes a whole number")
expect(["--page", "3", "--line", "2", "wuyan-jueju.xml:12"], 2, "give places")
expect(["--frobnicate"], 2, "unknown option")
p = subprocess.run([huozi, "where"], capture_output=True, text=True)
if p.returncode != 2 or "usage: huozi where" not in p.stderr:
    failures += 1
    print("FAIL: where without a source")
print(f"{failures} failures")
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""A rendering of one page compared with a checked-in one, with a tolerance:
what only the eye can judge (dots, ruby, rules, images, FPO boxes) must not
change unnoticed. Pages are rendered in grey at 50 dpi with pdftoppm.
Usage: render_test.py PDF PAGE GOLDEN.pgm [--update]"""
import subprocess
import sys


def render(pdf, page):
    return subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", page, "-l", page, pdf],
                          capture_output=True, check=True).stdout


def parse_pgm(data):
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", "not a PGM"
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][: w * h]


pdf, page, golden = sys.argv[1], sys.argv[2], sys.argv[3]
actual = render(pdf, page)
if "--update" in sys.argv:
    open(golden, "wb").write(actual)
    sys.exit(0)
w1, h1, a = parse_pgm(actual)
w2, h2, b = parse_pgm(open(golden, "rb").read())
if (w1, h1) != (w2, h2):
    print(f"FAIL: page size {w1}x{h1}, expected {w2}x{h2}")
    sys.exit(1)
changed = sum(1 for x, y in zip(a, b) if abs(x - y) > 48)
share = changed / len(a)
print(f"page {page}: {changed} of {len(a)} pixels differ ({100 * share:.3f} %)")
sys.exit(0 if share < 0.002 else 1)

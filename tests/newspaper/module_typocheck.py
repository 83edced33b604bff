#!/usr/bin/env python3
"""typocheck.py's measures, taken story by story on a newspaper page.

usage: module_typocheck.py HUOZI SOURCE.xml PDF TOOLS_DIR --size PT [--gap PT]

typocheck reads a page's rows and cuts them into columns at gutters; on a
newspaper page, headlines and the banner cross every gutter, so it cannot find
the columns. This runs typocheck's own code on each story's text alone: the
characters of body size inside the story's rectangle (from `huozi pages`),
one text column at a time (cut on the grid: --gap is the column gap, 2 em by
default), as if each were a page. Prints typocheck's JSON; its overfull_lines
are counted against each column's edge on the grid.
"""
import contextlib
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_trace import read_pages  # noqa: E402


def measure(pages, pdf, tools, size, gap):
    """typocheck's JSON (a dict) over the stories of `pages` (page_trace.read_pages) in `pdf`.
    Each text column of a story is measured alone (the grid says where the columns are: `gap` is the
    column gap in pt), and overfull_lines counts lines whose ink passes their column's right edge by
    more than 0.1 em (typocheck's own guess of the edge fails on a column of two or three lines)."""
    sys.path.insert(0, tools)
    import typocheck

    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf], capture_output=True, check=True).stdout
    overfull = []

    def columns():
        for page, trace in zip(ET.fromstring(xml).iter("page"), pages):
            chars = []
            for font in page.iter("font"):
                if abs(float(font.get("size")) - size) > 0.05:
                    continue  # headlines, kickers: not the text columns
                for ch in font.iter("char"):
                    c = ch.get("c")
                    if c and c.strip():
                        q = [float(v) for v in ch.get("quad").split()]
                        chars.append((float(ch.get("x")), float(ch.get("y")), c, q[2] - q[0]))
            for m in trace["modules"]:
                if m["kind"] != "article":
                    continue
                x, y, w, h = m["rect"]
                width = (w - (m["span"] - 1) * gap) / m["span"]
                step = width + gap
                cols = [{} for _ in range(m["span"])]
                for cx, cy, c, cw in chars:
                    if x - 1 <= cx <= x + w + 1 and y <= cy <= y + h + size:
                        k = min(m["span"] - 1, max(0, int((cx - x + gap / 2) // step)))
                        cols[k].setdefault(round(cy, 1), []).append((cx, c, cw))
                for k, rows in enumerate(cols):
                    lines = [sorted(rows[key]) for key in sorted(rows)]
                    right = x + k * step + width
                    overfull.extend((m["what"], "".join(c for _, c, _ in ln)) for ln in lines
                                    if typocheck.ink_end(ln) > right + 0.1 * size)
                    if lines:
                        yield lines

    saved_pages_of, saved_argv = typocheck.pages_of, sys.argv
    typocheck.pages_of = lambda _pdf: columns()
    sys.argv = ["typocheck.py", pdf, "--size", str(size)]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            typocheck.main()
    finally:
        typocheck.pages_of, sys.argv = saved_pages_of, saved_argv
    result = json.loads(out.getvalue())
    result["overfull_lines"] = len(overfull)
    result["overfull_examples"] = overfull[:5]
    return result


def main():
    huozi, source, pdf, tools = sys.argv[1:5]
    size = float(sys.argv[sys.argv.index("--size") + 1])
    gap = float(sys.argv[sys.argv.index("--gap") + 1]) if "--gap" in sys.argv else 2 * size
    pages, _ = read_pages(huozi, source)
    print(json.dumps(measure(pages, pdf, tools, size, gap), ensure_ascii=False))


if __name__ == "__main__":
    main()

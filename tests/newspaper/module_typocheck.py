#!/usr/bin/env python3
"""typocheck.py's measures, taken story by story on a newspaper page.

usage: module_typocheck.py HUOZI SOURCE.xml PDF TOOLS_DIR --size PT

typocheck reads a page's rows and cuts them into columns at gutters; on a
newspaper page, headlines and the banner cross every gutter, so it cannot find
the columns. This runs typocheck's own code on each story's text alone: the
characters of body size inside the story's rectangle (from `huozi pages`),
one story at a time, as if each were a page. Prints typocheck's JSON.
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


def measure(pages, pdf, tools, size):
    """typocheck's JSON (a dict) over the stories of `pages` (page_trace.read_pages) in `pdf`."""
    sys.path.insert(0, tools)
    import typocheck

    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf], capture_output=True, check=True).stdout

    def stories():
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
                rows = {}
                for cx, cy, c, cw in chars:
                    if x - 1 <= cx <= x + w + 1 and y <= cy <= y + h + size:
                        rows.setdefault(round(cy, 1), []).append((cx, c, cw))
                if rows:
                    yield [sorted(rows[k]) for k in sorted(rows)]

    saved_pages_of, saved_argv = typocheck.pages_of, sys.argv
    typocheck.pages_of = lambda _pdf: stories()
    sys.argv = ["typocheck.py", pdf, "--size", str(size)]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            typocheck.main()
    finally:
        typocheck.pages_of, sys.argv = saved_pages_of, saved_argv
    return json.loads(out.getvalue())


def main():
    huozi, source, pdf, tools = sys.argv[1:5]
    size = float(sys.argv[sys.argv.index("--size") + 1])
    pages, _ = read_pages(huozi, source)
    print(json.dumps(measure(pages, pdf, tools, size), ensure_ascii=False))


if __name__ == "__main__":
    main()

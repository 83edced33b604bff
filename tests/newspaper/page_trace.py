"""Reads the modules of newspaper pages from `huozi pages`: each page's size and
its module rectangles (head, banner, stories, pictures) as the composer placed
them. Shared by the newspaper tests."""
import re
import subprocess

PAGE = re.compile(r"^page (\d+) \(([\d.]+)x([\d.]+)\)")
MODULE = re.compile(
    r"^  module (?P<what>.+?) columns (?P<c0>\d+)-(?P<c1>\d+) (?:above|lines (?P<l0>\d+)-(?P<l1>\d+)) "
    r"at (?P<x>[\d.]+),(?P<y>[\d.]+) (?P<w>[\d.]+)x(?P<h>[\d.]+)"
    r"(?: text (?P<text>\d+))?(?: feet (?P<feet>[\d ]+))?$")


def read_pages(huozi, source):
    """[{number, width, height, modules: [{what, kind, column, span, line, lines, rect, text, feet}]}]"""
    out = subprocess.run([huozi, "pages", source], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"huozi pages {source} failed:\n{out.stderr}")
    pages = []
    for line in out.stdout.splitlines():
        if m := PAGE.match(line):
            pages.append({"number": int(m[1]), "width": float(m[2]), "height": float(m[3]), "modules": []})
        elif m := MODULE.match(line):
            above = m["l0"] is None
            pages[-1]["modules"].append({
                "what": m["what"], "kind": m["what"].split()[0],
                "column": int(m["c0"]) - 1, "span": int(m["c1"]) - int(m["c0"]) + 1,
                "line": -1 if above else int(m["l0"]) - 1,
                "lines": 0 if above else int(m["l1"]) - int(m["l0"]) + 1,
                "rect": tuple(float(m[k]) for k in ("x", "y", "w", "h")),
                "text": int(m["text"]) - 1 if m["text"] else None,
                "feet": [int(f) - 1 for f in m["feet"].split()] if m["feet"] else [],
            })
    return pages, out.stderr

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
TEXT = re.compile(r"^  text ([\d.]+),([\d.]+) ([\d.]+)pt (.*)$")
BOX = re.compile(r"^  box ([\d.]+),([\d.]+) ([\d.]+)x([\d.]+)( fpo)?$")


def read_pages(huozi, source, trace=None):
    """(pages, stderr) of `huozi pages SOURCE`, or of the trace file `trace` when given.
    pages: [{number, width, height, label, modules: [{what, kind, id, column, span, line, lines, rect, text,
    feet}], texts: [(x, baseline, size, text)], boxes: [(x, y, w, h, fpo)]}]"""
    if trace:
        with open(trace, encoding="utf-8") as f:
            return parse_pages(f.read()), ""
    out = subprocess.run([huozi, "pages", source], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"huozi pages {source} failed:\n{out.stderr}")
    return parse_pages(out.stdout), out.stderr


def parse_pages(trace):
    pages = []
    for line in trace.splitlines():
        if m := PAGE.match(line):
            label = line.split(" label ", 1)[1] if " label " in line else ""
            pages.append({"number": int(m[1]), "width": float(m[2]), "height": float(m[3]), "label": label,
                          "modules": [], "texts": [], "boxes": []})
        elif m := TEXT.match(line):
            pages[-1]["texts"].append((float(m[1]), float(m[2]), float(m[3]), m[4]))
        elif m := BOX.match(line):
            pages[-1]["boxes"].append((float(m[1]), float(m[2]), float(m[3]), float(m[4]), bool(m[5])))
        elif m := MODULE.match(line):
            above = m["l0"] is None
            pages[-1]["modules"].append({
                "what": m["what"], "kind": m["what"].split()[0],
                "id": m["what"].split()[1] if " " in m["what"] else "",
                "column": int(m["c0"]) - 1, "span": int(m["c1"]) - int(m["c0"]) + 1,
                "line": -1 if above else int(m["l0"]) - 1,
                "lines": 0 if above else int(m["l1"]) - int(m["l0"]) + 1,
                "rect": tuple(float(m[k]) for k in ("x", "y", "w", "h")),
                "text": int(m["text"]) - 1 if m["text"] else None,
                "feet": [int(f) - 1 for f in m["feet"].split()] if m["feet"] else [],
            })
    return pages

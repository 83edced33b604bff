#!/usr/bin/env python3
"""Builds a newspaper edition's PDF and holds every page to what a page composer owes.

usage: check_page.py HUOZI SOURCE.xml WORKDIR [--tools DIR] [--trace FILE] [--budget SECONDS]

From `huozi pages SOURCE.xml` (or --trace FILE: a saved or deliberately broken
trace, to see the checks fail), per page:
- modules: no two overlap, as rectangles on the grid and in points; each
  inside the page and the grid's columns;
- the module area covered: in every grid column the modules follow each other
  with at most one line (the rule's) between them from the area's first line,
  and the bottom one ends on the area's last line;
- stories: text in every one of its columns, the columns balanced (feet within
  one line of each other) and reaching the module's last line within one line
  (a story cut for a jump: its columns full);
- the banner across all columns, above every module;
- each FPO placeholder box with its caption directly under it (within about
  two line pitches) and inside its horizontal extent;
- placed modules where the source placed them; a module given span= at that span;
- every module of the source on some page;
- jumps: a story cut with "（转第N版）" goes on on page N, whose part says
  "（上接第M版）", and every such part comes from a cut.
Pages that huozi adds after the source's last page (for jumped text) are not
held to cover the area; their fill is reported.
For the whole PDF: huozi's exit status 0 (any warning it prints is reported);
pdfcheck.py's char_recall 1.0 against the source's text (tests/pdf/source_text.py)
and no kinsoku violation; module_typocheck.py: no overfull line, Han gap p95
<= 0.15 em, every Han-Latin pair spaced.
Exits 1 on any failure, printing each.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from page_trace import read_pages  # noqa: E402
import module_typocheck  # noqa: E402

# Grid lines between two modules stacked in a band: one (its rule goes in it),
# or two where the composer spreads a band's slack (news_pack.h: gap_lines + gap_flex).
MAX_GAP = 2

SOURCE_TEXT = os.path.join(os.path.dirname(HERE), "pdf", "source_text.py")
UNITS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
ASCENT_EM = 0.88  # layout's kAscentEm: a line's em box top above its baseline
EPS = 0.5  # pt


class Source:
    """What the checks need of the source: its grid, pages and modules."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        layout = root.find("layout")
        a = layout.attrib if layout is not None else {}
        self.body = self.length(a.get("body-size", "10.5pt"), 10.5)
        self.pitch = self.body * float(a.get("leading", "1.7"))
        self.columns = int(a.get("columns", "1"))
        gap = re.match(r"^\s*([\d.]+)\s*em\s*$", a.get("column-gap", "2em"))
        self.gap = max(1, round(float(gap[1]))) * self.body if gap else 2 * self.body
        self.margins = [self.length(a[k], None) if k in a else None for k in ("margin-top", "margin-bottom")]
        self.pages = []
        self.modules = {}  # id -> {kind, span, place, page}
        self.captions = []
        for p, page in enumerate(root.iter("page")):
            ids = []
            for child in page:
                if child.tag in ("article", "photos", "figure"):
                    ident = child.get("id", "")
                    place = tuple(int(child.get(k)) for k in ("column", "row", "span", "rows")) if child.get("row") else None
                    self.modules[ident] = {"kind": child.tag, "span": int(child.get("span", "0")), "place": place, "page": p}
                    ids.append(ident)
            self.pages.append({"banner": page.find("banner") is not None, "modules": ids})
        for fig in root.iter("figure"):
            cap = fig.find("caption")
            if cap is not None and fig.find("placeholder") is not None:
                self.captions.append("".join("".join(cap.itertext()).split())[:3])

    @staticmethod
    def length(text, default):
        m = re.match(r"^\s*([\d.]+)\s*(pt|mm|cm|in)?\s*$", text)
        return float(m[1]) * UNITS[m[2] or "pt"] if m else default

    def block_bottom(self, page_height):
        """The foot of the text block's last line's em box (page_geometry.cpp), or None without margins."""
        top, bottom = self.margins
        if top is None or bottom is None:
            return None
        height = page_height - top - bottom
        lines = max(1, int((height - self.body) / self.pitch + 1e-9) + 1)
        used = (lines - 1) * self.pitch + self.body
        return top + max(0.0, height - used) / 2 + used


def overlap(a, b):
    return min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]) > EPS and min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > EPS


def inside(text, rect, size):
    x, y, w, h = rect
    tx, base = text[0], text[1]
    return x - EPS <= tx <= x + w + EPS and y - EPS <= base - ASCENT_EM * text[2] and base <= y + h + size


def check_page(src, page, index, fail, info, fill=True):
    where = f"page {index + 1} (版 {page['label'] or page['number']})"
    mods = [m for m in page["modules"] if m["line"] >= 0]
    above = {m["kind"]: m for m in page["modules"] if m["line"] < 0}
    added = index >= len(src.pages)
    C = src.columns
    # Area lines, from the grid: every module's top and the block's foot.
    bottom = src.block_bottom(page["height"])
    area = None
    for m in mods:
        if bottom is None:
            break
        n = m["line"] + round((bottom - m["rect"][1] - src.body) / src.pitch) + 1
        if area is not None and n != area:
            fail(f"{where}: {m['what']}'s top at y {m['rect'][1]} is not on the grid of the others")
        area = n if area is None else area
    if area is None and mods:
        area = max(m["line"] + m["lines"] for m in mods)
        info(f"{where}: no margins in the source: the area taken as its lowest module's foot, line {area}")
    for m in page["modules"]:
        x, y, w, h = m["rect"]
        if m["column"] < 0 or m["column"] + m["span"] > C:
            fail(f"{where}: {m['what']} takes columns {m['column'] + 1}-{m['column'] + m['span']} of {C}")
        if x < -EPS or y < -EPS or x + w > page["width"] + EPS or y + h > page["height"] + EPS:
            fail(f"{where}: {m['what']} reaches off the page: {m['rect']}")
        if m["line"] >= 0 and m["line"] + m["lines"] > area:
            fail(f"{where}: {m['what']} ends on line {m['line'] + m['lines']}, below the area's last line {area}")
    # No overlap: on the grid and in points.
    for i, a in enumerate(page["modules"]):
        for b in page["modules"][:i]:
            if a["line"] >= 0 and b["line"] >= 0:
                if (a["column"] < b["column"] + b["span"] and b["column"] < a["column"] + a["span"]
                        and a["line"] < b["line"] + b["lines"] and b["line"] < a["line"] + a["lines"]):
                    fail(f"{where}: {a['what']} and {b['what']} overlap on the grid")
            if overlap(a["rect"], b["rect"]):
                fail(f"{where}: {a['what']} and {b['what']} overlap on the page: {a['rect']} {b['rect']}")
    # The banner across the page, above the modules.
    if index < len(src.pages) and src.pages[index]["banner"]:
        banner = above.get("banner")
        if not banner:
            fail(f"{where}: the source's banner is not on the page")
        else:
            if banner["column"] != 0 or banner["span"] != C:
                fail(f"{where}: the banner takes columns {banner['column'] + 1}-{banner['column'] + banner['span']}, not 1-{C}")
            head = above.get("head")
            if head and abs(head["rect"][2] - banner["rect"][2]) > EPS:
                fail(f"{where}: the banner is {banner['rect'][2]} pt wide, the head {head['rect'][2]}")
            low = banner["rect"][1] + banner["rect"][3]
            for m in mods:
                if m["rect"][1] < low - EPS:
                    fail(f"{where}: {m['what']} starts above the banner's foot")
    # Stories: text in every column, balanced, down to the module's foot; cuts and continuations.
    cuts, continued = [], []
    for m in mods:
        if m["kind"] != "article":
            continue
        texts = [t for t in page["texts"] if inside(t, m["rect"], src.body)]
        jump = next((re.search(r"（转第(\d+)版）", t[3]) for t in texts if "（转第" in t[3]), None)
        came = next((re.search(r"（上接第(\d+)版）", t[3]) for t in texts if "（上接第" in t[3]), None)
        if jump:
            cuts.append((m["id"], int(jump[1])))
        if came:
            continued.append((m["id"], int(came[1])))
        feet, last = m["feet"], m["line"] + m["lines"] - 1
        if len(feet) != m["span"]:
            fail(f"{where}: {m['what']} spans {m['span']} columns but sets text in {len(feet)}")
        if feet and not jump and max(feet) - min(feet) > 1:
            fail(f"{where}: {m['what']}'s columns are not balanced: feet {[f + 1 for f in feet]}")
        if feet and min(feet) < last - 1:
            fail(f"{where}: {m['what']}'s text stops at line {min(feet) + 1}, its module at {last + 1}: a hole")
    # The area covered, column by column.
    if area is not None and not added:
        for c in range(C):
            stack = sorted((m for m in mods if m["column"] <= c < m["column"] + m["span"]), key=lambda m: m["line"])
            end = 0
            for k, m in enumerate(stack):
                gap = m["line"] - end
                if gap > (MAX_GAP if k else 0):
                    fail(f"{where}: column {c + 1}: lines {end + 1}-{m['line']} empty, above {m['what']}")
                end = max(end, m["line"] + m["lines"])
            # The measure: every column reaches the foot within one line.
            if end < area - 1 or end > area:
                last = stack[-1]["what"] if stack else "nothing"
                (fail if fill else info)(f"{where}: column {c + 1} ends on line {end} ({last}), the area on line {area}")
    elif added:
        used = sum(m["span"] * m["lines"] for m in mods)
        info(f"{where}: added by huozi for jumped text; modules cover {used} of {C * (area or 0)} column-lines")
    # Each FPO box: its caption under it.
    for x, y, w, h, fpo in page["boxes"]:
        if not fpo:
            continue
        foot = y + h
        under = [t for t in page["texts"]
                 if foot - EPS <= t[1] - ASCENT_EM * t[2] <= foot + 2 * src.pitch and x - src.body <= t[0] <= x + w / 2]
        if not any(t[3][:3] in src.captions or t[3][:2] in {c[:2] for c in src.captions} for t in under):
            fail(f"{where}: the FPO box at {x},{y} ({w}x{h}) has no caption directly under it"
                 + (f" (under it: {[t[3][:8] for t in under]})" if under else ""))
    return area, cuts, continued


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("huozi")
    ap.add_argument("source")
    ap.add_argument("work")
    ap.add_argument("--tools", default=os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "shared", "tools"))
    ap.add_argument("--trace", help="read this `huozi pages` output instead of running it")
    ap.add_argument("--budget", type=float, default=0, help="fail when the PDF build takes longer (s)")
    ap.add_argument("--no-fill", action="store_true", help="report, not fail, columns that end short of the area")
    a = ap.parse_args()
    huozi = os.path.abspath(a.huozi)
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL:", msg)

    def info(msg):
        print("note:", msg)

    os.makedirs(a.work, exist_ok=True)
    start = time.perf_counter()
    build = subprocess.run([huozi, "build", a.source, "--pdf", "-o", os.path.join(a.work, "pdf")],
                           capture_output=True, text=True)
    took = time.perf_counter() - start
    print(f"== huozi build: exit {build.returncode}, {took:.2f} s")
    for line in build.stderr.splitlines():
        print("  huozi:", line)
    if build.returncode != 0:
        fail(f"huozi build exited {build.returncode}")
        sys.exit(1)
    if a.budget and took > a.budget:
        fail(f"the build took {took:.2f} s, over the budget of {a.budget} s")
    pdf = build.stdout.strip().splitlines()[-1]

    src = Source(a.source)
    pages, stderr = read_pages(huozi, a.source, a.trace)
    print(f"== {len(pages)} pages from {a.trace or 'huozi pages'} ({len(src.pages)} in the source)")
    if not pages:
        fail("no pages")
    cuts, continued = [], []
    labels = {}
    for i, page in enumerate(pages):
        labels[page["label"] or str(page["number"])] = i
        area, c, k = check_page(src, page, i, fail, info, not a.no_fill)
        cuts += [(i, ident, to) for ident, to in c]
        continued += [(i, ident, frm) for ident, frm in k]
        stories = sum(m["kind"] == "article" for m in page["modules"])
        print(f"  page {i + 1} (版 {page['label']}): {len(page['modules'])} modules, {stories} stories, "
              f"area {area} lines")
    # Every source module somewhere; placed ones where placed; a given span kept.
    seen = {}
    for page in pages:
        for m in page["modules"]:
            seen.setdefault(m["id"], []).append(m)
    for ident, s in src.modules.items():
        if ident not in seen:
            fail(f"{s['kind']} {ident} of the source is on no page")
            continue
        first = seen[ident][0]
        if s["place"]:
            c, r, sp, rows = s["place"]
            if (first["column"] + 1, first["line"] + 1, first["span"], first["lines"]) != (c, r, sp, rows):
                fail(f"{first['what']} is at column {first['column'] + 1} line {first['line'] + 1} span "
                     f"{first['span']} rows {first['lines']}, placed at {s['place']}")
        elif s["span"] and first["span"] != s["span"]:
            fail(f"{first['what']} has span={s['span']} in the source but takes {first['span']} columns")
    # Jumps: each cut goes on where it says, and each continuation comes from a cut.
    for i, ident, to in cuts:
        j = labels.get(str(to))
        frm = pages[i]["label"] or str(pages[i]["number"])
        if j is None or j <= i:
            fail(f"article {ident} on page {i + 1} jumps to 第{to}版, which is not a later page")
        elif (j, ident, int(frm)) not in continued:
            fail(f"article {ident} jumps to 第{to}版, but no part of it there says （上接第{frm}版）")
    for j, ident, frm in continued:
        if not any(ident == c_id and str(to) == (pages[j]["label"] or str(pages[j]["number"])) for _, c_id, to in cuts):
            fail(f"article {ident} on page {j + 1} says （上接第{frm}版） but no page cut it")
    print(f"== jumps: {len(cuts)} cut, {len(continued)} continued")

    # All the text, no kinsoku violation.
    with open(os.path.join(a.work, "source.txt"), "w", encoding="utf-8") as f:
        f.write(subprocess.run([sys.executable, SOURCE_TEXT, a.source], capture_output=True, text=True, check=True).stdout)
    check = subprocess.run([sys.executable, os.path.join(a.tools, "pdfcheck.py"), pdf, os.path.join(a.work, "source.txt")],
                           capture_output=True, text=True)
    if check.returncode != 0:
        fail(f"pdfcheck.py failed: {check.stderr[-400:]}")
    else:
        p = json.loads(check.stdout)
        fid, kin = p["fidelity"], p["kinsoku"]
        print(f"== pdfcheck: char_recall {fid['char_recall']}, ngram_recall {fid['ngram_recall']}, "
              f"kinsoku violations {kin['violations']}")
        if fid["char_recall"] < 1.0:
            fail(f"text lost: char_recall {fid['char_recall']}, missing {fid['missing_top']}")
        if kin["violations"]:
            fail(f"kinsoku violations: {kin['examples']}")
    # Story by story: typocheck's measures.
    t = module_typocheck.measure(pages, pdf, a.tools, src.body, src.gap)
    print(f"== module_typocheck: {json.dumps(t, ensure_ascii=False)}")
    if t["overfull_lines"]:
        fail(f"overfull lines: {t['overfull_lines']}: {t['overfull_examples']}")
    if (t["han_gap_p95_em"] or 0) > 0.15:
        fail(f"Han spacing p95 {t['han_gap_p95_em']} em > 0.15")
    if t["han_latin_pairs"] and t["han_latin_spaced_pct"] < 100:
        fail(f"Han-Latin pairs spaced: {t['han_latin_spaced_pct']} % < 100 %")
    if stderr.strip():
        print("  huozi pages:", stderr.strip().replace("\n", "\n  huozi pages: "))
    print(f"{len(failures)} failed" if failures else "ok")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""clreq signals of a vertically set PDF (竖排), measured column by column, as JSON.

usage: vertical_check.py PDF [--tools DIR] [--size PT] [--verse] [--examples N]
       vertical_check.py --stext FILE [...]      (MuPDF structured text read as is)

The vertical counterpart of ../shared/tools/typocheck.py, which groups glyphs by
baseline into rows and so measures horizontal pages only. Glyph positions come
from MuPDF (`mutool draw -F stext`):
  upright glyphs   <line wmode="1">: x is the cell's left edge and y the glyph's
                   origin, 0.88 em below the cell's top (the CJK em box spans
                   -0.12 to 0.88 em about the origin: Noto CJK, Source Han; huozi's
                   /W2 puts the vertical origin at the box's lower left corner).
                   The quad has no height, so a glyph's advance is read from the
                   next glyph. Glyphs of one line at one y are one cell: a 縦中横
                   number (MuPDF shows its digits as U+FFFD when only ActualText
                   names them).
  sideways glyphs  <line wmode="0" dir="0 1">: Latin words turned 90° clockwise;
                   y is the glyph's start along the column, its quad spans the
                   advance in y and the column's width in x.
  horizontal text  (running heads, folios; dir "1 0") is not measured.
Cells are grouped into columns by their centre across the column (within 0.3 em),
read right to left, sorted top to bottom, and a column is cut where it leaves
more than 2 em (of --size, the body size) blank: table-of-contents folios and
bands of a multi-column page are columns of their own.

  columns                     columns measured
  overfull_columns            columns whose last glyph runs past the column foot by
                              more than 0.1 em. The foot is the most common column
                              end, over the document, among columns ending in the
                              page's lower third (verse lines end short; authors,
                              folios and full prose columns end at the foot). A
                              closing mark counts by its ink, the first half of its
                              em, as typocheck counts it.
  han_gap_p95_em / _max_em    extra space between two adjacent upright Han along a
                              column, in em of their size (0 on a perfect grid)
  kinsoku                     columns starting with a mark that may not start a line
                              or ending with one that may not end it (pdfcheck.py's
                              NO_START / NO_END)
  punct_pairs / _compressed_pct  adjacent closing+closing, closing+opening and
                              opening+opening marks, and the share whose first mark
                              sets at most 0.75 em (typocheck's CLOSING / OPENING)
  han_latin_pairs / _spaced_pct  Han next to a sideways Latin letter or digit, and the
                              share with 0.15–0.6 em between them (縦中横 numbers
                              and upright digits take a cell of their own: not counted)
  presentation_forms          characters U+FE10–FE19 and U+FE30–FE4F anywhere in the
                              text (the source's characters must copy out)
  failures                    the bars not met. Prose: no overfull column, Han
                              spacing p95 <= 0.15 em, no kinsoku violation, every mark
                              pair compressed, every Han-Latin pair spaced, no
                              presentation form. Verse (--verse): overfull columns,
                              kinsoku and presentation forms only.
  examples                    a few offending columns per check, "pN: text"
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMN_TOLERANCE_EM = 0.3  # cells whose centres lie this close share a column
UPRIGHT_TOP_EM = 0.88      # an upright glyph's origin below its cell's top (see above)
SPLIT_EM = 2.0             # a blank longer than this cuts a column in two
OVERFULL_EM = 0.1
FOOT_ZONE = 2 / 3          # column ends below this share of the page height elect the foot
PRESENTATION = lambda c: 0xFE10 <= ord(c) <= 0xFE19 or 0xFE30 <= ord(c) <= 0xFE4F


class Cell:
    """One cell along a column: an upright glyph, a 縦中横 group, or a sideways glyph."""
    __slots__ = ("kind", "text", "size", "centre", "y", "adv")

    def __init__(self, kind, text, size, centre, y, adv):
        self.kind, self.text, self.size, self.centre, self.y, self.adv = kind, text, size, centre, y, adv

    @property
    def extent(self):  # how far it reaches down the column (an upright cell is one em)
        return self.adv if self.kind == "side" else self.size


def load_tools(tools):
    sys.path.insert(0, tools)
    try:
        import pdfcheck
        import typocheck
    except ImportError as e:
        sys.exit("vertical_check.py: cannot import the shared checkers from %s (%s); pass --tools DIR" % (tools, e))
    return pdfcheck, typocheck


def read_stext(pdf, stext):
    if stext:
        return ET.parse(stext).getroot()
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         capture_output=True, check=True).stdout
    return ET.fromstring(xml)


def page_cells(page):
    """The page's cells, and every character on it (horizontal text too)."""
    cells, text = [], []
    for line in page.iter("line"):
        wmode, direction = line.get("wmode", "0"), line.get("dir", "1 0").split()
        glyphs = []
        for font in line.iter("font"):
            size = float(font.get("size"))
            for ch in font.iter("char"):
                c = ch.get("c") or ""
                text.append(c)
                if c.strip():  # extraction inserts spaces for gaps: measure across them
                    glyphs.append((c, size, ch))
        if wmode == "1":
            prev = None
            for c, size, ch in glyphs:
                x, y = float(ch.get("x")), float(ch.get("y")) - UPRIGHT_TOP_EM * size
                if prev is not None and abs(y - prev.y) <= 0.05 * size:
                    # glyphs of one line set at one y form one cell: a 縦中横 number
                    prev.text += c
                    prev.kind = "tcy"
                    prev.centre = min(prev.centre, x + size / 2)
                    continue
                prev = Cell("upright", c, size, x + size / 2, y, None)
                cells.append(prev)
        elif wmode == "0" and [float(v) for v in direction] == [0.0, 1.0]:
            for c, size, ch in glyphs:
                q = [float(v) for v in ch.get("quad").split()]
                # quad: upper-left, upper-right, lower-left, lower-right of the turned glyph
                cells.append(Cell("side", c, size, (q[0] + q[2] + q[4] + q[6]) / 4, q[1], q[3] - q[1]))
    return cells, "".join(text)


def columns_of(cells, body):
    """Cells grouped into columns, right to left, each sorted top to bottom and cut at
    blanks longer than SPLIT_EM."""
    groups = []  # single linkage: a cell within the tolerance of its neighbour joins its column
    for cell in sorted(cells, key=lambda c: -c.centre):
        g = groups[-1] if groups else None
        if g is not None and g["last"] - cell.centre <= COLUMN_TOLERANCE_EM * max(cell.size, g["last_size"]):
            g["cells"].append(cell)
        else:
            g = {"cells": [cell]}
            groups.append(g)
        g["last"], g["last_size"] = cell.centre, cell.size
    columns = []
    for g in groups:
        run = []
        for cell in sorted(g["cells"], key=lambda c: c.y):
            if run and cell.y - (run[-1].y + run[-1].extent) > SPLIT_EM * body:
                columns.append(run)
                run = []
            run.append(cell)
        columns.append(run)
    return columns


def column_end(col, closing):
    """Where the column's last glyph ends: a closing mark by its ink (the first half of
    its em, as typocheck counts it), a sideways glyph by its advance, others by one em."""
    last = col[-1]
    if last.kind == "upright" and last.text in closing:
        return last.y + 0.5 * last.size
    return last.y + last.extent


def text_of(col):
    return "".join(c.text for c in col)


def measure(root, size, verse, n_examples, pdfcheck, typocheck, centred_stops=False):
    han, latin = typocheck.HAN, typocheck.LATIN
    closing, opening = typocheck.CLOSING, typocheck.OPENING
    no_start, no_end = pdfcheck.NO_START, pdfcheck.NO_END
    out = collections.Counter()
    examples = collections.defaultdict(list)
    han_gaps = []
    ends = []  # (page, end, page height, column text)

    def example(kind, page_no, text):
        if len(examples[kind]) < n_examples:
            examples[kind].append("p%d: %s" % (page_no, text))

    pages = 0
    for page_no, page in enumerate(root.iter("page"), 1):
        pages += 1
        height = float(page.get("height") or 0) or None
        cells, text = page_cells(page)
        forms = [c for c in text if PRESENTATION(c)]
        out["presentation_forms"] += len(forms)
        if forms:
            example("presentation_forms", page_no, "".join(forms))
        for col in columns_of(cells, size):
            out["columns"] += 1
            t = text_of(col)
            ends.append((page_no, column_end(col, closing), height, t))
            if t[0] in no_start or t[-1] in no_end:
                out["kinsoku"] += 1
                example("kinsoku", page_no, ("[start] " + t[:20]) if t[0] in no_start else ("[end] " + t[-20:]))
            for i, (a, b) in enumerate(zip(col, col[1:])):
                pitch = b.y - a.y
                if a.kind == b.kind == "upright":
                    if han.match(a.text) and han.match(b.text):
                        gap = pitch / a.size - 1
                        han_gaps.append(gap)
                        if gap > 0.15:
                            example("loose", page_no, "%s|%s +%.2f em in %s" % (a.text, b.text, gap, t[max(0, i - 6):i + 8]))
                    stop_pair = a.text in STOPS or b.text in STOPS
                    if ((a.text in closing and (b.text in closing or b.text in opening)) or
                            (a.text in opening and b.text in opening)) and not (centred_stops and stop_pair):
                        out["punct_pairs"] += 1
                        if pitch <= 0.75 * a.size + 1e-3:
                            out["punct_compressed"] += 1
                        else:
                            example("uncompressed", page_no, "%s%s %.2f em in %s" % (a.text, b.text, pitch / a.size, t[max(0, i - 6):i + 8]))
                hl = a.kind == "upright" and han.match(a.text) and b.kind == "side" and latin.match(b.text)
                lh = a.kind == "side" and latin.match(a.text) and b.kind == "upright" and han.match(b.text)
                if hl or lh:
                    h = a if hl else b
                    gap = (b.y - (a.y + a.extent)) / h.size
                    out["han_latin_pairs"] += 1
                    if 0.15 - 1e-3 <= gap <= 0.6 + 1e-3:
                        out["han_latin_spaced"] += 1
                    else:
                        example("unspaced", page_no, "%s|%s %.2f em in %s" % (a.text, b.text, gap, t[max(0, i - 6):i + 8]))
    # The foot: the most common end of the columns that end low on their page.
    low = [round(e) for _, e, h, _ in ends if h is None or e >= FOOT_ZONE * h]
    foot = collections.Counter(low).most_common(1)[0][0] if low else None
    if foot is not None:
        for page_no, e, _, t in ends:
            if e > foot + OVERFULL_EM * size:
                out["overfull_columns"] += 1
                example("overfull", page_no, "+%.2f em: …%s" % ((e - foot) / size, t[-12:]))

    han_gaps.sort()
    res = {"pages": pages}
    res.update({k: int(out[k]) for k in ("columns", "overfull_columns", "kinsoku", "punct_pairs", "punct_compressed",
                                         "han_latin_pairs", "han_latin_spaced", "presentation_forms")})
    res["column_foot_pt"] = foot
    res["han_gap_p95_em"] = round(han_gaps[int(0.95 * (len(han_gaps) - 1))], 3) if han_gaps else None
    res["han_gap_max_em"] = round(han_gaps[-1], 3) if han_gaps else None
    res["punct_compressed_pct"] = round(100 * out["punct_compressed"] / out["punct_pairs"], 1) if out["punct_pairs"] else None
    res["han_latin_spaced_pct"] = round(100 * out["han_latin_spaced"] / out["han_latin_pairs"], 1) if out["han_latin_pairs"] else None
    res["mode"] = "verse" if verse else "prose"

    fail = []
    if not res["columns"]:
        fail.append("no vertical columns found")
    if res["overfull_columns"]:
        fail.append("overfull columns: %d %s" % (res["overfull_columns"], examples["overfull"]))
    if res["kinsoku"]:
        fail.append("kinsoku violations in columns: %d %s" % (res["kinsoku"], examples["kinsoku"]))
    if res["presentation_forms"]:
        fail.append("vertical presentation forms in the text: %d %s" % (res["presentation_forms"], examples["presentation_forms"]))
    if not verse:
        if (res["han_gap_p95_em"] or 0) > 0.15:
            fail.append("Han spacing p95 %.3f em > 0.15 %s" % (res["han_gap_p95_em"], examples["loose"]))
        if res["punct_pairs"] and res["punct_compressed"] < res["punct_pairs"]:
            fail.append("uncompressed mark pairs: %d of %d %s" % (res["punct_pairs"] - res["punct_compressed"],
                                                                  res["punct_pairs"], examples["uncompressed"]))
        if res["han_latin_pairs"] and res["han_latin_spaced"] < res["han_latin_pairs"]:
            fail.append("unspaced Han-Latin pairs: %d of %d %s" % (res["han_latin_pairs"] - res["han_latin_spaced"],
                                                                   res["han_latin_pairs"], examples["unspaced"]))
    res["examples"] = {k: v for k, v in sorted(examples.items())}
    res["failures"] = fail
    return res


# zh-Hant's pause and stop marks, centred in their cells: huozi sets a pair
# that holds one at full width (each mark its own cell, the Taiwanese
# convention; src/text/clreq.cpp), so --centred-stops holds bracket pairs only.
STOPS = set('、。，．：；？！')


def main():
    ap = argparse.ArgumentParser(description="clreq signals of a vertically set PDF, column by column")
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("--stext", help="read this MuPDF structured-text XML instead of running mutool on PDF")
    ap.add_argument("--tools", default=os.path.join(HERE, "..", "..", "..", "shared", "tools"),
                    help="the folder of the shared pdfcheck.py and typocheck.py")
    ap.add_argument("--size", type=float, default=10.5, help="body size in pt (default 10.5)")
    ap.add_argument("--verse", action="store_true", help="hold only the verse bars")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--centred-stops", action="store_true",
                    help="zh-Hant: pairs holding a centred stop are set full; hold bracket pairs only")
    a = ap.parse_args()
    if not a.pdf and not a.stext:
        ap.error("give a PDF or --stext FILE")
    pdfcheck, typocheck = load_tools(a.tools)
    res = measure(read_stext(a.pdf, a.stext), a.size, a.verse, a.examples, pdfcheck, typocheck, a.centred_stops)
    res = {"pdf": a.pdf or a.stext, **res}
    json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()

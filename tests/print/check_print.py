#!/usr/bin/env python3
"""Checks a sample's print PDF and cover: page boxes (from pdfinfo -box) as
numbers, and marks outside the trim and bleed by pixel sampling a 50 dpi
rendering (pdftoppm -png).

The cover's panels follow the binding edge: bound on the left, back, spine,
front from left to right; bound on the right (a vertically set book), front,
spine, back. Which panel is the front is told by its vermilion band, which
bleeds off the front's fore edge and nowhere else.

usage: check_print.py READER_BOXES PRINT_BOXES COVER_BOXES PRINT_PNG COVER_PNG BLEED_MM THICKNESS_MM perfect|saddle [left|right]
"""
import math
import re
import struct
import sys
import zlib

MM = 72 / 25.4
DPI = 50
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def boxes(path):
    """{page: {box: (x0, y0, x1, y1)}} from `pdfinfo -box` (with or without a Page prefix)."""
    pages = {}
    for line in open(path):
        m = re.match(r"\s*(?:Page\s+(\d+)\s+)?(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+(.*)", line)
        if m:
            page = int(m.group(1) or 1)
            pages.setdefault(page, {})[m.group(2)] = tuple(float(v) for v in m.group(3).split())
    return pages


def near(a, b, tolerance=0.02):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def grow(box, d):
    return (box[0] - d, box[1] - d, box[2] + d, box[3] + d)


def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows


class Picture:
    def __init__(self, path, media):
        self.width, self.height, self.rows = read_png(path)
        self.media = media
        self.scale = DPI / 72

    def pixel(self, x, y):
        """The pixel at PDF point (x, y)."""
        col = int(round((x - self.media[0]) * self.scale))
        row = int(round((self.media[3] - y) * self.scale))
        col = min(max(col, 0), self.width - 1)
        row = min(max(row, 0), self.height - 1)
        return self.rows[row][col]

    def darkest(self, x, y, radius=1):
        """The lowest channel value in a (2 radius + 1)² pixel square around (x, y)."""
        col = int(round((x - self.media[0]) * self.scale))
        row = int(round((self.media[3] - y) * self.scale))
        return min(min(self.rows[r][c]) for r in range(row - radius, row + radius + 1)
                   for c in range(col - radius, col + radius + 1)
                   if 0 <= r < self.height and 0 <= c < self.width)

    def all_light(self, x0, y0, x1, y1, at_least=245):
        """Whether every pixel of the PDF rectangle is light (no ink)."""
        c0, c1 = sorted(int(round((x - self.media[0]) * self.scale)) for x in (x0, x1))
        r0, r1 = sorted(int(round((self.media[3] - y) * self.scale)) for y in (y0, y1))
        return all(min(self.rows[r][c]) >= at_least for r in range(max(r0, 0), min(r1, self.height - 1) + 1)
                   for c in range(max(c0, 0), min(c1, self.width - 1) + 1))


def ring(box, inner, outer):
    """Four rectangles covering the band between `inner` and `outer` points outside box."""
    x0, y0, x1, y1 = box
    return [(x0 - outer, y0 - outer, x1 + outer, y0 - inner), (x0 - outer, y1 + inner, x1 + outer, y1 + outer),
            (x0 - outer, y0 - inner, x0 - inner, y1 + inner), (x1 + inner, y0 - inner, x1 + outer, y1 + inner)]


def main():
    reader, printed, cover = boxes(sys.argv[1]), boxes(sys.argv[2]), boxes(sys.argv[3])
    bleed, thickness = float(sys.argv[6]) * MM, float(sys.argv[7]) * MM
    slug = bleed + 17 * MM  # media margin: bleed + 14 mm to the slug baseline + 3 mm
    check(len(printed) == len(reader), "print PDF has %d pages, reader %d" % (len(printed), len(reader)))
    for n, r in reader.items():
        p = printed.get(n, {})
        w, h = r["MediaBox"][2] - r["MediaBox"][0], r["MediaBox"][3] - r["MediaBox"][1]
        t = p.get("TrimBox", (0, 0, 0, 0))
        check(near((t[2] - t[0], t[3] - t[1]), (w, h)), "page %d: TrimBox %s is not the reader page %.2f x %.2f" % (n, t, w, h))
        check(near(p.get("BleedBox", ()), grow(t, bleed)), "page %d: BleedBox %s is not TrimBox + %.2f" % (n, p.get("BleedBox"), bleed))
        check(near(p.get("MediaBox", ()), grow(t, slug)), "page %d: MediaBox %s is not TrimBox + %.2f" % (n, p.get("MediaBox"), slug))
        check(near(p.get("MediaBox", ()), p.get("CropBox", ())), "page %d: CropBox is not the MediaBox" % n)
    pages = len(reader)
    page_w = reader[1]["MediaBox"][2] - reader[1]["MediaBox"][0]
    page_h = reader[1]["MediaBox"][3] - reader[1]["MediaBox"][1]
    spine = math.ceil(pages / 2) * thickness if sys.argv[8] == "perfect" else 0
    if not cover:
        t = None
    else:
        c = cover[1]
        t = c["TrimBox"]
    if t: check(near((t[2] - t[0], t[3] - t[1]), (2 * page_w + spine, page_h)),
          "cover TrimBox %s is not 2 x %.2f + spine %.2f by %.2f" % (t, page_w, spine, page_h))
    if t: check(near(c["BleedBox"], grow(t, bleed)), "cover BleedBox %s is not TrimBox + bleed" % (c["BleedBox"],))

    # The first print page: nothing in the bleed or in a band just inside the
    # trim (the page's own margin), ink where the marks and the slug line are.
    p = printed[1]
    trim, bleed_box = p["TrimBox"], p["BleedBox"]
    picture = Picture(sys.argv[4], p["MediaBox"])
    for r in ring(trim, 0.7 * MM, bleed + 0.5 * MM):
        check(picture.all_light(*r), "print page 1: ink between the trim and 0.5 mm beyond the bleed, in %s" % (r,))
    for r in ring(trim, -4 * MM, -0.7 * MM):
        check(picture.all_light(*r), "print page 1: ink just inside the trim, in %s" % (r,))
    start = bleed + 2 * MM
    mid = start + 2.5 * MM
    for x, y in [(trim[0], trim[1] - mid), (trim[2], trim[1] - mid), (trim[0], trim[3] + mid), (trim[2], trim[3] + mid),
                 (trim[0] - mid, trim[1]), (trim[2] + mid, trim[1]), (trim[0] - mid, trim[3]), (trim[2] + mid, trim[3])]:
        check(picture.darkest(x, y) < 170, "print page 1: no crop mark at (%.1f, %.1f)" % (x, y))
    cx, cy = (trim[0] + trim[2]) / 2, (trim[1] + trim[3]) / 2
    for x, y in [(cx, trim[1] - mid), (cx, trim[3] + mid), (trim[0] - mid, cy), (trim[2] + mid, cy)]:
        check(picture.darkest(x, y, 0) < 100, "print page 1: no registration target at (%.1f, %.1f)" % (x, y))
    base = bleed_box[1] - 14 * MM
    check(not picture.all_light(trim[0], base - 0.3 * MM, trim[0] + 40 * MM, base + 2 * MM, 160),
          "print page 1: no slug line under the bleed")

    # The cover: its paper colour runs into the bleed, and stops there.
    if t:
        picture = Picture(sys.argv[5], c["MediaBox"])
        y = (t[1] + t[3]) / 2 + 12 * MM
        r, g, b = picture.pixel(t[0] - bleed / 2, y)
        check(b < 240 and r > 200, "cover: the bleed is not the cover's paper colour: %s" % ((r, g, b),))
        check(picture.all_light(t[0] - bleed - 1.5 * MM, y - 5 * MM, t[0] - bleed - 0.7 * MM, y + 5 * MM),
              "cover: ink beyond the bleed edge")
        # The front's band (18-38 % down the page) runs across the front from
        # the spine and bleeds off the front's fore edge (the right edge of
        # the sheet, bound on the left); a book bound on the right is set
        # vertically and its front holds a title strip instead. The back has
        # no band: front and back are not swapped.
        right_bound = len(sys.argv) > 9 and sys.argv[9] == "right"
        band_y = t[3] - 0.28 * page_h
        left_panel, right_panel = (t[0], t[0] + page_w), (t[2] - page_w, t[2])
        front, back = (left_panel, right_panel) if right_bound else (right_panel, left_panel)
        front_fore, back_fore = (t[0] - bleed / 2, t[2] + bleed / 2) if right_bound else (t[2] + bleed / 2, t[0] - bleed / 2)

        def vermilion(x):
            r, g, b = picture.pixel(x, band_y)
            return r > 100 and g < 90 and b < 90

        if right_bound:
            # A vertical book's front: its title slip, a strip of vermilion
            # down the front's right half, the back none.
            def strip(panel):
                return [x for x in range(int(panel[0]), int(panel[1])) if vermilion(x)]
            on_front = strip(front)
            check(on_front and min(on_front) > front[0] + page_w / 2 and max(on_front) < front[1] - 3 * MM,
                  "cover: no title strip in the front's right half")
            check(not strip(back), "cover: vermilion on the back: front and back swapped?")
        for name, x in ([] if right_bound else
                        [("bleed", front_fore), ("left", front[0] + 3 * MM), ("right", front[1] - 3 * MM)]):
            check(vermilion(x), "cover: no band at the front's %s edge (x %.1f): %s" % (name, x, picture.pixel(x, band_y)))
        for name, x in [("bleed", back_fore), ("left", back[0] + 3 * MM), ("right", back[1] - 3 * MM)]:
            check(not vermilion(x), "cover: a band at the back's %s edge (x %.1f): front and back swapped?" % (name, x))
        if spine >= 2 * MM:  # the band stops at the spine
            check(not vermilion(t[0] + page_w + spine / 2), "cover: the front's band runs over the spine")
    for f in failures:
        print("FAIL:", f)
    order = "front, spine, back" if len(sys.argv) > 9 and sys.argv[9] == "right" else "back, spine, front"
    what = "cover %.1f x %.1f mm (spine %.2f mm; %s)" % ((t[2] - t[0]) / MM, (t[3] - t[1]) / MM, spine / MM, order) if t else "no cover"
    print("boxes and marks: %d print pages, %s: %s" % (pages, what, "FAIL" if failures else "ok"))
    sys.exit(1 if failures else 0)


main()

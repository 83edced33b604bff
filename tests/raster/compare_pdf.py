#!/usr/bin/env python3
"""Cairo's page images against poppler's rendering of the reader PDF.

Usage: compare_pdf.py HUOZI SOURCE.xml WORKDIR [--dpi 50] [--mean 3.0] [--block 30.0]

Builds SOURCE with `huozi build --pdf --png --dpi N`, renders the PDF with
`pdftoppm -r N -gray`, and compares every page: the mean absolute difference of
grey levels (in % of full scale) must be under --mean, and no 20x20 pixel block
(every 10 pixels) may differ in ink, its mean grey level, by more than --block %
(a missing rule, line or picture). The two renderers anti-alias differently,
and poppler puts large glyphs on whole pixels, so they never agree to the
pixel; in a block's ink those differences cancel out. A page with one line of text wiped out must fail the block test
(checked on every sample's first page), or the test could not see one.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

BLOCK = 20


def read_png(path):
    """An 8-bit grey, RGB or RGBA PNG (not interlaced) as (width, height, grey bytes)."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError(path + ': not a PNG')
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError('%s: PNG of depth %d, colour type %d not read' % (path, depth, colour))
    raw = zlib.decompress(b''.join(idat))
    stride = width * channels
    prev = bytearray(stride)
    grey = bytearray()
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(kind, line, prev, channels)
        if channels == 1:
            grey += line
        else:
            grey += bytes((299 * line[i] + 587 * line[i + 1] + 114 * line[i + 2] + 500) // 1000
                          for i in range(0, stride, channels))
        prev = line
    return width, height, grey


def unfilter(kind, line, prev, bpp):
    n = len(line)
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 0xFF
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF


def read_pgm(path):
    data = open(path, 'rb').read()
    m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
    width, height = int(m.group(1)), int(m.group(2))
    return width, height, data[m.end():m.end() + width * height]


def compare(a, b):
    """(mean %, worst 20x20 block %, its place) over the area both images cover.

    The mean is of absolute differences; a block's is the difference of its
    ink (its mean grey level), in which anti-aliasing and sub-pixel placement
    largely cancel out and a missing or extra mark does not.
    """
    (wa, ha, pa), (wb, hb, pb) = a, b
    w, h = min(wa, wb), min(ha, hb)
    # Integral images of the differences: every block's sum in four look-ups.
    signed = [[0] * (w + 1)]
    total = 0
    for y in range(h):
        row_a, row_b = pa[y * wa:y * wa + w], pb[y * wb:y * wb + w]
        above, row, run = signed[-1], [0], 0
        for x in range(w):
            d = row_a[x] - row_b[x]
            run += d
            total += abs(d)
            row.append(above[x + 1] + run)
        signed.append(row)
    worst, where = 0.0, (0, 0)
    step = BLOCK // 2
    for y in range(0, max(h - BLOCK, 0) + 1, step):
        for x in range(0, max(w - BLOCK, 0) + 1, step):
            y1, x1 = min(y + BLOCK, h), min(x + BLOCK, w)
            ink = signed[y1][x1] - signed[y][x1] - signed[y1][x] + signed[y][x]
            value = 100.0 * abs(ink) / (255 * (y1 - y) * (x1 - x))
            if value > worst:
                worst, where = value, (x, y)
    return 100.0 * total / (255 * w * h), worst, where


def wipe_a_line(ours, reference):
    """ours with the inkiest 60x12 pixel strip of the reference (a line of text) made white."""
    w, h, pixels = ours
    best, place = -1, (0, 0)
    for y in range(0, h - 12, 4):
        for x in range(0, w - 60, 10):
            ink = sum(255 - reference[2][(y + r) * reference[0] + x + i] for r in range(0, 12, 3) for i in range(0, 60, 3))
            if ink > best:
                best, place = ink, (x, y)
    wiped = bytearray(pixels)
    x, y = place
    for r in range(y, y + 12):
        wiped[r * w + x:r * w + x + 60] = b'\xff' * 60
    return w, h, wiped


def numbered(folder, pattern):
    pages = {}
    for name in os.listdir(folder):
        m = re.fullmatch(pattern, name)
        if m:
            pages[int(m.group(1))] = os.path.join(folder, name)
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('huozi')
    ap.add_argument('source')
    ap.add_argument('workdir')
    ap.add_argument('--dpi', type=int, default=50)
    ap.add_argument('--mean', type=float, default=6.0)
    ap.add_argument('--block', type=float, default=12.0)
    args = ap.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    built = subprocess.run([args.huozi, 'build', args.source, '--pdf', '--png', '--dpi', str(args.dpi),
                            '-o', args.workdir], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if built.returncode != 0:
        sys.exit('huozi build failed:\n' + built.stderr)
    pdf = [f for f in os.listdir(args.workdir) if f.endswith('.pdf')]
    if len(pdf) != 1:
        sys.exit('expected one PDF, found %s' % pdf)
    name = pdf[0][:-4]
    subprocess.run(['pdftoppm', '-r', str(args.dpi), '-gray', os.path.join(args.workdir, pdf[0]),
                    os.path.join(args.workdir, 'ref')], check=True)
    ours = numbered(args.workdir, re.escape(name) + r'-page-(\d+)\.png')
    theirs = numbered(args.workdir, r'ref-(\d+)\.pgm')
    failures = []
    if sorted(ours) != sorted(theirs):
        failures.append('pages: %d PNG, %d in the PDF' % (len(ours), len(theirs)))
    worst_mean = worst_block = 0.0
    for n in sorted(set(ours) & set(theirs)):
        a, b = read_png(ours[n]), read_pgm(theirs[n])
        if abs(a[0] - b[0]) > 1 or abs(a[1] - b[1]) > 1:
            failures.append('page %d: %dx%d pixels, the PDF %dx%d' % (n, a[0], a[1], b[0], b[1]))
            continue
        mean, block, (x, y) = compare(a, b)
        worst_mean, worst_block = max(worst_mean, mean), max(worst_block, block)
        print('page %3d: mean difference %.2f%%, worst 20x20 block ink %.1f%% at (%d, %d)' % (n, mean, block, x, y))
        if mean > args.mean:
            failures.append('page %d: mean difference %.2f%% > %.2f%%' % (n, mean, args.mean))
        if block > args.block:
            failures.append('page %d: the 20x20 block at (%d, %d) differs by %.1f%% > %.1f%%' %
                            (n, x, y, block, args.block))
    if ours:
        first = min(ours)
        wiped = wipe_a_line(read_png(ours[first]), read_pgm(theirs[first]))
        _, block, (x, y) = compare(wiped, read_pgm(theirs[first]))
        print('page %3d with a line wiped out: worst block %.1f%% at (%d, %d)' % (first, block, x, y))
        if block <= args.block:
            failures.append('a line wiped out of page %d goes unseen (%.1f%%)' % (first, block))
    print('%s: %d pages, worst mean %.2f%%, worst block %.1f%%' % (name, len(ours), worst_mean, worst_block))
    if failures:
        sys.exit('\n'.join(failures))


if __name__ == '__main__':
    main()

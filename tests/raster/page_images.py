#!/usr/bin/env python3
"""`huozi build --png --svg --contact --pages` end to end, on the samples.

Usage: page_images.py HUOZI REPO_DIR WORKDIR

Each check builds a sample into a folder of its own and looks at the files:
which pages exist, the PNGs' sizes against the SVGs' viewBox, the SVG parsed
as XML, ink on every page drawn; the contact sheet's thumbnails found by their
white paper (not by the layout's constants), each inked and labelled; a range
past the book's end refused with the page count and nothing written.
"""
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_pdf import read_png  # noqa: E402

SVG = '{http://www.w3.org/2000/svg}'
failures = []


def check(name, ok, detail=''):
    print(('ok   ' if ok else 'FAIL ') + name + (': ' + detail if detail and not ok else ''))
    if not ok:
        failures.append(name)


def build(huozi, source, out, *flags):
    return subprocess.run([huozi, 'build', source, *flags, '-o', out], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)


def listing(folder):
    return os.listdir(folder) if os.path.isdir(folder) else []


def pages_of(folder, extension):
    found = {}
    for name in listing(folder):
        m = re.fullmatch(r'.*-page-(\d{3,})\.' + extension, name)
        if m:
            found[int(m.group(1))] = os.path.join(folder, name)
    return found


def inked(grey, threshold=128):
    return sum(1 for v in grey if v < threshold)


def runs(flags):
    """[(start, end)) of the True stretches of a list."""
    out, start = [], None
    for i, f in enumerate(flags + [False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i))
            start = None
    return out


def thumbnails(png):
    """The pages on a contact sheet as (x0, x1, y0, y1): columns and rows holding white paper.

    The sheet's background, the gaps, the labels and every page's hairline
    edge hold no pure white, so each page is a run of such columns and rows.
    """
    w, h, grey = png
    columns = [any(grey[y * w + x] == 255 for y in range(0, h, 2)) for x in range(w)]
    rows = [any(grey[y * w + x] == 255 for x in range(0, w, 2)) for y in range(h)]
    found = []
    for y0, y1 in runs(rows):
        for x0, x1 in runs(columns):
            cell = [grey[y * w + x] for y in range(y0, y1) for x in range(x0, x1)]
            if sum(1 for v in cell if v == 255) > 0.5 * len(cell):  # paper, not an empty place
                found.append((x0, x1, y0, y1))
    return found


def page_images(huozi, repo, work):
    tang = os.path.join(repo, 'content/tang-poems/publication.xml')
    out = os.path.join(work, 'range')
    r = build(huozi, tang, out, '--epub', '--png', '--svg', '--dpi', '36', '--pages', '1-2,14-')
    check('--png --svg --pages exits 0', r.returncode == 0, r.stderr)
    pngs, svgs = pages_of(out, 'png'), pages_of(out, 'svg')
    check('--pages 1-2,14- draws pages 1, 2, 14, 15 as PNG', sorted(pngs) == [1, 2, 14, 15], str(sorted(pngs)))
    check('... and as SVG', sorted(svgs) == [1, 2, 14, 15], str(sorted(svgs)))
    check('--epub with images writes no PDF', not any(f.endswith('.pdf') for f in listing(out)))
    listed = r.stdout.split()
    check('the files are printed in page order, PNG then SVG',
          [os.path.basename(f) for f in listed[1:5]] ==
          ['tang-poems-page-001.png', 'tang-poems-page-001.svg', 'tang-poems-page-002.png',
           'tang-poems-page-002.svg'], r.stdout)
    for n in sorted(svgs):
        root = ET.parse(svgs[n]).getroot()
        check('page %d: SVG is an <svg>' % n, root.tag == SVG + 'svg', root.tag)
        box = [float(v) for v in root.get('viewBox', '').split()]
        check('page %d: viewBox 0 0 W H in points (A5)' % n,
              len(box) == 4 and box[:2] == [0, 0] and abs(box[2] - 419.53) < 0.1 and abs(box[3] - 595.28) < 0.1,
              str(box))
        check('page %d: width and height in points' % n,
              root.get('width') == '%gpt' % box[2] or root.get('width', '').startswith('419.5'), root.get('width'))
        glyphs = len(root.findall('.//' + SVG + 'path')) + len(root.findall('.//' + SVG + 'use'))
        check('page %d: SVG draws something' % n, glyphs > 10, str(glyphs))
        w, h, grey = read_png(pngs[n])
        check('page %d: PNG is the viewBox at 36 dpi' % n,
              (w, h) == (math.ceil(box[2] * 36 / 72 - 1e-6), math.ceil(box[3] * 36 / 72 - 1e-6)), '%dx%d' % (w, h))
        check('page %d: PNG has ink' % n, inked(grey) > 20, str(inked(grey)))

    # A range past the end: an error with the page count, and nothing written over the last good images.
    before = {f: open(os.path.join(out, f), 'rb').read() for f in listing(out)}
    r = build(huozi, tang, out, '--epub', '--png', '--svg', '--contact', '--dpi', '40', '--pages', '3,14-20')
    check('a range past the end exits 1', r.returncode == 1, str(r.returncode))
    check('... and says how many pages there are', 'asks for page 20, but the book has 15 pages' in r.stderr,
          r.stderr)
    after = {f: open(os.path.join(out, f), 'rb').read() for f in listing(out) if not f.endswith('.epub')}
    check('... and writes no image (the old ones stay as they were)',
          all(before.get(f) == b for f, b in after.items()) and 'tang-poems-page-003.png' not in after and
          not any('contact' in f for f in after), str(sorted(set(after) - set(before))))


def contact(huozi, repo, work):
    tang = os.path.join(repo, 'content/tang-poems/publication.xml')
    out = os.path.join(work, 'contact')
    r = build(huozi, tang, out, '--pdf', '--contact')
    check('--contact exits 0', r.returncode == 0, r.stderr)
    sheets = sorted(f for f in listing(out) if 'contact' in f)
    check('one sheet for 15 pages, NAME-contact.png', sheets == ['tang-poems-contact.png'], str(sheets))
    check('--contact alone draws no page images', not pages_of(out, 'png'))
    if sheets != ['tang-poems-contact.png']:
        return
    png = read_png(os.path.join(out, sheets[0]))
    w, h, grey = png
    # Four spreads of A5 pages 200 px tall in a row; 16 places in two rows (page 1 alone on the right).
    check('the sheet is four spreads wide and two rows tall', 1150 < w < 1400 and 450 < h < 560, '%dx%d' % (w, h))
    found = thumbnails(png)
    check('15 thumbnails', len(found) == 15, str(len(found)))
    check('the first row starts with an empty place: page 1 is a recto',
          found and found[0][0] > w / 8, str(found[:1]))
    check('thumbnails are 200 px tall', all(198 <= y1 - y0 <= 200 for x0, x1, y0, y1 in found),
          str({y1 - y0 for x0, x1, y0, y1 in found}))
    for i, (x0, x1, y0, y1) in enumerate(found):
        ink = sum(1 for y in range(y0, y1) for x in range(x0, x1) if grey[y * w + x] < 160)
        label = sum(1 for y in range(y1 + 2, min(y1 + 22, h)) for x in range(x0, x1) if grey[y * w + x] < 100)
        check('thumbnail %d is not blank' % (i + 1), ink > 30, str(ink))
        check('thumbnail %d has a label under it' % (i + 1), label > 5, str(label))

    out = os.path.join(work, 'contact-range')
    r = build(huozi, tang, out, '--epub', '--contact', '--pages', '4-6')
    found = thumbnails(read_png(os.path.join(out, 'tang-poems-contact.png'))) if r.returncode == 0 else []
    check('--contact --pages 4-6: three thumbnails', len(found) == 3, r.stderr + str(found))

    news = os.path.join(repo, 'content/lvliang-2021/publication.xml')
    out = os.path.join(work, 'contact-news')
    r = build(huozi, news, out, '--epub', '--contact')
    found = thumbnails(read_png(os.path.join(out, 'lvliang-2021-contact.png'))) if r.returncode == 0 else []
    check('a newspaper page: one larger thumbnail', len(found) == 1 and 470 < found[0][3] - found[0][2] <= 480,
          r.stderr + str(found))


def long_book(huozi, work):
    """A book of more than 48 pages: sheets NAME-contact-01.png … of at most 48 pages."""
    source = os.path.join(work, 'long.xml')
    chapters = ''.join('<chapter><title>第%d章</title><p>正文。</p></chapter>' % n for n in range(1, 71))
    with open(source, 'w') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<publication xml:lang="zh-Hans"><metadata>'
                '<title>长书</title><identifier scheme="uuid">urn:uuid:6f1c1f0e-4b4e-4a55-9d0e-2f7f8b1c0a12'
                '</identifier><date>2021-12-31</date></metadata><body>' + chapters + '</body></publication>\n')
    out = os.path.join(work, 'long')
    r = build(huozi, source, out, '--pdf', '--contact')
    sheets = sorted(f for f in os.listdir(out) if 'contact' in f) if r.returncode == 0 else []
    pages = len(re.findall(rb'/Type\s*/Page\b', open(os.path.join(out, 'long.pdf'), 'rb').read())) if sheets else 0
    expected = ['long-contact-%02d.png' % (n + 1) for n in range((pages + 1 + 47) // 48)]
    check('a long book: a sheet per 48 places (%d pages)' % pages, pages > 48 and sheets == expected,
          r.stderr + str(sheets))
    counted = sum(len(thumbnails(read_png(os.path.join(out, s)))) for s in sheets)
    check('every page is on a sheet', counted == pages, '%d of %d' % (counted, pages))


def main():
    huozi, repo, work = sys.argv[1:4]
    subprocess.run(['rm', '-rf', work], check=True)
    os.makedirs(work)
    page_images(huozi, repo, work)
    contact(huozi, repo, work)
    long_book(huozi, work)
    print('%d failed' % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()

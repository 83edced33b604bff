#!/usr/bin/env python3
"""`huozi build --proof` on a publication: NAME-proof.pdf is written beside an
unchanged reader PDF, passes qpdf --check, is reproducible under
SOURCE_DATE_EPOCH, draws its marks (line numbers in the left margin, the
slug at the head) where the reader PDF has no ink, and lets none of them copy
out: its text is the reader PDF's, word for word.

Usage: proof_test.py HUOZI SOURCE.xml WORKDIR"""
import os
import shutil
import subprocess
import sys

huozi, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
failures = []


def check(name, ok):
    if not ok:
        failures.append(name)
        print("FAIL:", name)


def build(out, *flags, epoch="1764584400"):
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    p = subprocess.run([huozi, "build", source, "--pdf", *flags, "-o", out], env=env, capture_output=True, text=True,
                       timeout=300)
    if p.returncode != 0:
        sys.exit(f"FAIL: huozi build {' '.join(flags)} exited {p.returncode}: {p.stderr}")
    return p.stdout.split()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def text_of(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, timeout=120).stdout


def grey_page(pdf, page):
    """Page `page` at 72 dpi as (width, height, bytes of grey)."""
    out = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page), pdf],
                         capture_output=True, timeout=120).stdout
    # A binary PGM: P5 width height 255 then the pixels.
    fields = out.split(maxsplit=4)
    return int(fields[1]), int(fields[2]), fields[4]


def ink(image, x0, x1, y0, y1):
    w, h, pixels = image
    return sum(1 for y in range(int(y0 * h), int(y1 * h)) for x in range(int(x0 * w), int(x1 * w))
               if pixels[y * w + x] < 230)


name = os.path.basename(os.path.dirname(source)) if source.endswith("publication.xml") else \
    os.path.splitext(os.path.basename(source))[0]
plain = build(f"{work}/plain")
written = build(f"{work}/proof", "--proof")
reader, proof = f"{work}/proof/{name}.pdf", f"{work}/proof/{name}-proof.pdf"
check("the proof is written and named", proof in written and os.path.getsize(proof) > 0)
check("the reader PDF is the same with --proof", read(reader) == read(f"{work}/plain/{name}.pdf"))
check("qpdf --check passes", subprocess.run(["qpdf", "--check", proof], capture_output=True).returncode == 0)
again = build(f"{work}/again", "--proof")
check("the same SOURCE_DATE_EPOCH gives the same proof", read(proof) == read(f"{work}/again/{name}-proof.pdf"))
build(f"{work}/later", "--proof", epoch="1764588000")
check("another build time gives another slug", read(proof) != read(f"{work}/later/{name}-proof.pdf"))
pages = subprocess.run(["pdfinfo", proof], capture_output=True, text=True).stdout
check("as many pages as the reader PDF",
      [l for l in pages.splitlines() if l.startswith("Pages:")] ==
      [l for l in subprocess.run(["pdfinfo", reader], capture_output=True, text=True).stdout.splitlines()
       if l.startswith("Pages:")])
# The marks are outlines: the text a reader copies out of a proof is the book's alone.
check("no mark copies out (same text as the reader PDF)", text_of(proof) == text_of(reader))
check("no 校样 in the copied text", "校样".encode() not in text_of(proof))
# The marks are drawn: ink where the reader page has none. The last page with
# text of the body (past any contents) is checked; the left margin holds line
# numbers, the head strip the slug.
count = int([l for l in pages.splitlines() if l.startswith("Pages:")][0].split()[1])
page = min(count, 3)
ours, theirs = grey_page(proof, page), grey_page(reader, page)
w, h = ours[0], ours[1]
inked = lambda image, x, y: image[2][y * w + x] < 230
left_edge = next(x for x in range(w) if any(inked(theirs, x, y) for y in range(h))) / w
top_edge = next(y for y in range(h) if any(inked(theirs, x, y) for x in range(w))) / h
right_edge = (next(x for x in reversed(range(w)) if any(inked(theirs, x, y) for y in range(h))) + 1) / w
if 'writing-mode="vertical"' in open(source, encoding="utf-8").read():
    # Vertical pages (issue 17): the marks turn with the columns: numbers above
    # them at the head, the slug down the right-hand edge.
    check(f"page {page}: line numbers above the columns",
          ink(ours, 0, 1, 0, top_edge) > 10 and ink(theirs, 0, 1, 0, top_edge) == 0)
    check(f"page {page}: a slug down the right edge",
          ink(ours, right_edge, 1, 0, 1) > 10 and ink(theirs, right_edge, 1, 0, 1) == 0)
else:
    check(f"page {page}: line numbers in the left margin",
          ink(ours, 0, left_edge, 0, 1) > 10 and ink(theirs, 0, left_edge, 0, 1) == 0)
    check(f"page {page}: a slug at the head", ink(ours, 0, 1, 0, top_edge) > 10 and ink(theirs, 0, 1, 0, top_edge) == 0)
print(f"{proof}: {count} pages, {len(failures)} failures")
sys.exit(1 if failures else 0)

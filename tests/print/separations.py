#!/usr/bin/env python3
"""The separations of huozi's print files as a print shop's RIP makes them
(Ghostscript), for both samples in PDF/X-4 and PDF/X-1a, and the structure
each PDF/X version asks for, read back with QPDF.

- Text and rules print on the black plate alone: inside the trim of the book
  block, Ghostscript's inkcov finds no cyan, magenta or yellow on any page.
- Black overprints: on the cover, every full-black pixel inside the trim has
  the cover's own cyan, magenta and yellow beneath it (nothing knocked out).
- The cover's paper colour is the CMYK LittleCMS computes for it (transicc,
  sRGB to the file's own output profile, relative colorimetric with black-point
  compensation), within 1 %.
- No pixel inside the trim carries more ink than the printing condition's
  limit (300 % coated, 240 % newsprint).
- PDF/X-1a: PDF 1.3, no ICC-based or RGB colour, no transparency, Trapped,
  GTS_PDFXConformance; both: an OutputIntent whose profile is a CMYK output
  ('prtr') profile, a document ID, dates.

usage: separations.py HUOZI CONTENT_DIR WORKDIR
"""
import os
import re
import shutil
import struct
import subprocess
import sys

failures = []
MM = 72 / 25.4
RES = 50  # dpi of the CMYK rasters
COVER_PAPER = (0.96, 0.94, 0.88)  # src/print/cover.cpp kCoverPaper


def check(ok, message):
    print(("ok: " if ok else "FAIL: ") + message)
    if not ok:
        failures.append(message)


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw).stdout


def qdf(pdf):
    """The file as QDF text: every object uncompressed, one after another."""
    out = pdf + ".qdf"
    run("qpdf", "--qdf", "--object-streams=disable", "--decode-level=generalized", pdf, out)
    return open(out, "rb").read().decode("latin-1")


def output_profile(pdf, work):
    """The OutputIntent's DestOutputProfile, written to a file: its path."""
    text = qdf(pdf)
    m = re.search(r"/DestOutputProfile (\d+) 0 R", text)
    if not m:
        return None
    path = pdf + ".icc"
    with open(path, "wb") as f:  # object numbers as in the QDF file
        f.write(run("qpdf", "--show-object=%s" % m.group(1), "--filtered-stream-data", pdf + ".qdf"))
    return path


def trim_boxes(pdf):
    boxes = []
    for line in run("pdfinfo", "-box", "-f", "1", "-l", "9999", pdf).decode().splitlines():
        m = re.match(r"\s*(?:Page\s+\d+\s+)?TrimBox:\s+(.*)", line)
        if m:
            boxes.append(tuple(float(v) for v in m.group(1).split()))
    return boxes


def read_tiff(path):
    """(width, height, bytes) of an uncompressed 8-bit CMYK TIFF as Ghostscript's tiff32nc writes it."""
    data = open(path, "rb").read()
    endian = "<" if data[:2] == b"II" else ">"
    offset = struct.unpack(endian + "I", data[4:8])[0]
    count = struct.unpack(endian + "H", data[offset:offset + 2])[0]
    tags = {}
    for i in range(count):
        entry = data[offset + 2 + 12 * i: offset + 14 + 12 * i]
        tag, kind, n = struct.unpack(endian + "HHI", entry[:8])
        size = {3: 2, 4: 4}.get(kind, 4)
        fmt = endian + ("H" if kind == 3 else "I")
        if n * size <= 4:
            values = [struct.unpack(fmt, entry[8 + size * j: 8 + size * (j + 1)])[0] for j in range(n)]
        else:
            at = struct.unpack(endian + "I", entry[8:12])[0]
            values = [struct.unpack(fmt, data[at + size * j: at + size * (j + 1)])[0] for j in range(n)]
        tags[tag] = values
    width, height = tags[256][0], tags[257][0]
    pixels = b"".join(data[o:o + n] for o, n in zip(tags[273], tags[279]))
    return width, height, pixels


def raster(pdf, page, work):
    """Page `page` of pdf as (width, height, CMYK bytes) at RES dpi, the MediaBox whole."""
    out = "%s-%d.tif" % (pdf, page)
    run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc", "-r%d" % RES,
        "-dFirstPage=%d" % page, "-dLastPage=%d" % page, "-o", out, pdf)
    return read_tiff(out)


def media_box(pdf, page):
    for line in run("pdfinfo", "-box", "-f", str(page), "-l", str(page), pdf).decode().splitlines():
        m = re.match(r"\s*(?:Page\s+\d+\s+)?MediaBox:\s+(.*)", line)
        if m:
            return tuple(float(v) for v in m.group(1).split())


def pixels_in(pdf, page, box, work, inset=1.0):
    """The CMYK pixels of page inside `box` (points, inset by `inset` mm), as 4-tuples."""
    width, height, data = raster(pdf, page, work)
    media = media_box(pdf, page)
    scale = RES / 72
    x0 = int((box[0] - media[0] + inset * MM) * scale) + 1
    x1 = int((box[2] - media[0] - inset * MM) * scale) - 1
    y0 = int((media[3] - box[3] + inset * MM) * scale) + 1
    y1 = int((media[3] - box[1] - inset * MM) * scale) - 1
    for y in range(max(y0, 0), min(y1, height)):
        row = data[4 * width * y: 4 * width * (y + 1)]
        for x in range(max(x0, 0), min(x1, width)):
            yield tuple(row[4 * x: 4 * x + 4])


def inkcov(pdf):
    """[(c, m, y, k)] per page inside the TrimBox, as fractions of its area."""
    out = run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseTrimBox", "-sDEVICE=inkcov", "-o", "-", pdf)
    return [tuple(float(v) for v in line.split()[:4]) for line in out.decode().splitlines() if "CMYK" in line]


def transicc(profile, rgb):
    """sRGB (0..1) to the profile's CMYK (0..1) by LittleCMS's transicc: relative colorimetric, BPC."""
    values = " ".join("%.4f" % (255 * v) for v in rgb) + "\n"
    out = subprocess.run(["transicc", "-o" + profile, "-t1", "-b", "-c0", "-n"], input=values.encode(),
                         capture_output=True, check=True).stdout.decode()
    numbers = [float(v) for v in out.split()[-4:]]
    return tuple(v / 100 for v in numbers)


def preflight(huozi, pdf, label):
    """huozi's own print file passes its preflight clean, and it found no RGB
    (preflight reads every colour operator, image and inline image)."""
    report = subprocess.run([huozi, "preflight", pdf], capture_output=True).stdout.decode()
    spaces = next((l for l in report.splitlines() if l.strip().startswith("colour spaces")), "")
    check("result: ok (0 failures, 0 warnings)" in report, "%s: preflight 0 failures, 0 warnings" % label)
    check(spaces and "RGB" not in spaces and "ICC" not in spaces, "%s: %s" % (label, spaces.strip()))


def structure(pdf, version, work):
    text = qdf(pdf)
    name = os.path.basename(pdf)
    header = open(pdf, "rb").read(8).decode("latin-1")
    profile = output_profile(pdf, work)
    icc = open(profile, "rb").read() if profile else b""
    check(icc[12:16] == b"prtr" and icc[16:20] == b"CMYK",
          "%s: the OutputIntent's profile is a CMYK output ('prtr') profile" % name)
    check(re.search(r"/S /GTS_PDFX", text) is not None, "%s: a GTS_PDFX OutputIntent" % name)
    check(re.search(r"/ID \[ *<[0-9a-f]+>", text) is not None, "%s: a document ID" % name)
    check("/CreationDate (D:" in text and "/ModDate (D:" in text, "%s: creation and modification dates" % name)
    check(re.search(r"/Trapped /(True|False)", text) is not None, "%s: Trapped is True or False" % name)
    check("/DeviceRGB" not in text and "/CalRGB" not in text, "%s: no RGB colour left" % name)
    if version == "x1a":
        check(header == "%PDF-1.3", "%s: PDF 1.3 (header %s)" % (name, header))
        check("(PDF/X-1:2001)" in text and "/GTS_PDFXConformance (PDF/X-1a:2001)" in text,
              "%s: GTS_PDFXVersion PDF/X-1:2001 and GTS_PDFXConformance PDF/X-1a:2001" % name)
        check("/ICCBased" not in text, "%s: no ICC-based colour space" % name)
        check("/SMask" not in text and "/S /Transparency" not in text and
              re.search(r"/(ca|CA) 0?\.\d", text) is None, "%s: no transparency" % name)
        check("/ObjStm" not in text and "/XRef" not in text, "%s: no object or cross-reference streams" % name)
    else:
        check("/GTS_PDFXVersion (PDF/X-4)" in text, "%s: GTS_PDFXVersion PDF/X-4" % name)
    return profile


def house_styles(huozi, content, work):
    """<layout paper="coated" cover="yes"> on the newspaper: a cover and the
    coated condition; a paper huozi does not know is an error at its place;
    PDF/X-1a files are reproducible byte for byte."""
    sample = os.path.join(work, "styled", "lvliang-2021")
    shutil.copytree(os.path.join(content, "lvliang-2021"), sample)
    source = os.path.join(sample, "publication.xml")
    text = open(source, encoding="utf-8").read()
    open(source, "w", encoding="utf-8").write(text.replace("<layout ", '<layout paper="coated" cover="yes" ', 1))
    out = os.path.join(work, "styled-out")
    run(huozi, "build", source, "--pdf", "--print=x1a", "-o", out)
    cover = os.path.join(out, "lvliang-2021-cover.pdf")
    check(os.path.exists(cover), "newspaper with cover=\"yes\": a cover is written")
    profile = structure(os.path.join(out, "lvliang-2021-print.pdf"), "x1a", work)
    check("coated" in open(profile, "rb").read().decode("latin-1").lower(),
          "newspaper with paper=\"coated\": the coated profile")
    again = os.path.join(work, "styled-again")
    run(huozi, "build", source, "--pdf", "--print=x1a", "-o", again)
    for name in ("lvliang-2021-print.pdf", "lvliang-2021-cover.pdf"):
        check(open(os.path.join(out, name), "rb").read() == open(os.path.join(again, name), "rb").read(),
              "%s (PDF/X-1a) is the same byte for byte when built again" % name)
    open(source, "w", encoding="utf-8").write(text.replace("<layout ", '<layout paper="glossy" ', 1))
    bad = subprocess.run([huozi, "build", source, "--print", "-o", os.path.join(work, "bad")], capture_output=True)
    line = text[:text.index("<layout ")].count("\n") + 1
    err = bad.stderr.decode()
    check(bad.returncode != 0 and ("publication.xml:%d:" % line) in err and "paper" in err and "newsprint" in err,
          "paper=\"glossy\" is an error at publication.xml:%d that names the choices: %s" % (line, err.strip()[:200]))


def main():
    huozi, content, work = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    samples = {"tang-poems": ("coated", 300), "lvliang-2021": ("newsprint", 240)}
    for sample, (condition, limit) in samples.items():
        for version in ("x4", "x1a"):
            out = os.path.join(work, sample + "-" + version)
            flag = "--print" if version == "x4" else "--print=x1a"
            run(huozi, "build", os.path.join(content, sample, "publication.xml"), "--pdf", flag, "-o", out)
            printed = os.path.join(out, sample + "-print.pdf")
            cover = os.path.join(out, sample + "-cover.pdf")
            label = "%s %s" % (sample, version)
            profile = structure(printed, version, work)
            desc = open(profile, "rb").read().decode("latin-1")
            check(condition in desc.lower(), "%s: the output profile is huozi's %s one" % (label, condition))

            coverage = inkcov(printed)
            colour_pages = [i + 1 for i, (c, m, y, k) in enumerate(coverage) if c or m or y]
            # Both samples are set in black and greys (the newspaper's FPO boxes too).
            check(not colour_pages and all(k > 0 for *_, k in coverage),
                  "%s: %d pages on the black plate alone (colour on pages %s)" %
                  (label, len(coverage), colour_pages))
            trims = trim_boxes(printed)
            worst = max(max(sum(p) for p in pixels_in(printed, i + 1, box, work)) for i, box in enumerate(trims))
            check(worst <= limit * 2.55 + 4, "%s: the most ink on any of %d pages is %.0f %% (limit %d %%)" %
                  (label, len(trims), worst / 2.55, limit))
            preflight(huozi, printed, label)

            if sample != "tang-poems":
                check(not os.path.exists(cover), "%s: a periodical gets no cover" % label)
                continue
            preflight(huozi, cover, label + " cover")
            box = trim_boxes(cover)[0]
            pixels = list(pixels_in(cover, 1, box, work))
            worst = max(sum(p) for p in pixels)
            check(worst <= limit * 2.55 + 4, "%s: the cover's most ink is %.0f %% (limit %d %%)" %
                  (label, worst / 2.55, limit))
            want = transicc(profile, COVER_PAPER)
            paper = max(set(pixels), key=pixels.count)  # the colour most of the cover is
            got = tuple(v / 255 for v in paper)
            check(all(abs(a - b) <= 0.01 + 0.5 / 255 for a, b in zip(got, want)),
                  "%s: the cover's paper is CMYK %s, LittleCMS says %s" %
                  (label, ["%.3f" % v for v in got], ["%.3f" % v for v in want]))
            black = [p for p in pixels if p[3] >= 250]
            knocked = [p for p in black if p[:3] == (0, 0, 0)]
            check(len(black) > 50 and not knocked,
                  "%s: black on the cover overprints: %d full-black pixels, %d knocked out to white" %
                  (label, len(black), len(knocked)))
    house_styles(huozi, content, work)
    print("separations: %s" % ("FAIL (%d)" % len(failures) if failures else "ok"))
    sys.exit(1 if failures else 0)


main()

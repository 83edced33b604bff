#!/usr/bin/env python3
"""Pictures through both outputs (issue 19): a picture is on its page in the
PDF and in the EPUB, or the build stops with the picture's place and why.
Never a page that calls an image that is not there.

Usage: pictures_test.py HUOZI WORKDIR
Each case builds `huozi build src.xml -o out` (EPUB and PDF) in its own
folder; a good build must hold every picture in the PDF (pdfimages -list) and
the EPUB; a refused one must exit 1 with the expected words and write nothing."""
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_test import chapter, jpeg, png, png_chunk, publication  # noqa: E402

TIME_LIMIT = 120  # seconds: a hang detector only
if "--sanitized" in sys.argv:  # under ASan and UBSan everything runs several times slower
    sys.argv.remove("--sanitized")
    TIME_LIMIT *= 5


def segment(marker, data):
    return b"\xff" + marker + struct.pack(">H", len(data) + 2) + data


def with_icc(data, size):
    """The JPEG with an ICC profile of `size` bytes (APP2 segments of 64 KB at most) before its frame header."""
    app2, left, n = b"", size, 1
    count = (size + 65000) // 65001
    while left > 0:
        piece = min(left, 65001)
        app2 += segment(b"\xe2", b"ICC_PROFILE\x00" + bytes([n, count]) + bytes(piece))
        left -= piece
        n += 1
    return data[:2] + app2 + data[2:]


def with_fill(data):
    """Each marker after SOI preceded by fill bytes (0xFF), as T.81 B.1.1.2 allows."""
    return data[:2] + data[2:].replace(b"\xff\xdb", b"\xff\xff\xff\xdb").replace(b"\xff\xc0", b"\xff\xff\xc0")


def frame(data, marker=b"\xc0", precision=8, components=None):
    """The JPEG's SOF0 changed: another SOF type, sample precision or component count."""
    i = data.index(b"\xff\xc0")
    length = struct.unpack(">H", data[i + 2:i + 4])[0]
    body = bytearray(data[i + 4:i + 2 + length])
    body[0] = precision
    if components is not None:
        body = body[:5] + bytes([components]) + b"\x01\x11\x00" * components
    return data[:i] + segment(marker, bytes(body)) + data[i + 2 + length:]


def bad_crc(data):
    """The PNG with its IDAT chunk's checksum wrong."""
    i = data.index(b"IDAT")
    length = struct.unpack(">I", data[i - 4:i])[0]
    end = i + 4 + length
    return data[:end] + bytes(b ^ 0xFF for b in data[end:end + 4]) + data[end + 4:]


def png_with(idat, width=4, height=4):
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def sound_png(width, height, depth, colour, interlaced):
    """A valid PNG of any layout, every row with filter type 0 and varying bytes; libpng decodes it
    in the PDF writer, so a mistake here or in huozi's own check shows as a failed build."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]

    def rows(w, h):
        size = (w * channels * depth + 7) // 8
        return b"".join(b"\x00" + bytes((r * 7 + i) % 2 ** min(depth, 8) for i in range(size)) for r in range(h))
    if interlaced:
        data = b"".join(rows((width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy)
                        for x0, y0, dx, dy in ADAM7 if width > x0 and height > y0)
    else:
        data = rows(width, height)
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 1 if interlaced else 0)
    palette = png_chunk(b"PLTE", bytes(range(3 * 2 ** depth))) if colour == 3 else b""
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + palette + \
        png_chunk(b"IDAT", zlib.compress(data)) + png_chunk(b"IEND", b"")


SOUND = {"i8.png": (13, 7, 8, 0, True), "rgba16.png": (5, 3, 16, 6, False), "p1.png": (9, 9, 1, 3, False),
         "i1x1.png": (1, 1, 8, 2, True), "i3x2.png": (3, 2, 8, 4, True), "i16.png": (17, 11, 16, 2, True),
         "p4i.png": (10, 5, 4, 3, True), "g2.png": (7, 3, 2, 0, False)}


def figures(*names):
    return publication(chapter("".join('<figure><image src="%s" alt="图%d"/></figure>' % (n, i)
                                       for i, n in enumerate(names))))


def sparse_png(folder):
    """A PNG header followed by 200 MB of zeros that take no disk (a hole)."""
    path = os.path.join(folder, "sparse.png")
    with open(path, "wb") as f:
        f.write(png(4, 4)[:33])
        f.truncate(200 << 20)


PLACE = "src.xml:8:34: error: image "
CANNOT_SHOW = "is a JPEG that PDF viewers and EPUB readers cannot show: "
# name: (files, expected exit code, words stderr must hold, pictures the PDF must hold)
CASES = {
    "PNGs of every layout: interlaced, 1- to 16-bit, palette, grey, alpha": (
        dict({"src.xml": figures(*SOUND)}, **{n: sound_png(*a) for n, a in SOUND.items()}), 0, "", len(SOUND)),
    "JPEG whose size comes after a 200 KB ICC profile": (
        {"src.xml": figures("icc.jpg"), "icc.jpg": with_icc(jpeg(16, 8), 200_000)}, 0, "", 1),
    "JPEG with fill bytes before its markers": (
        {"src.xml": figures("fill.jpg"), "fill.jpg": with_fill(jpeg(16, 8))}, 0, "", 1),
    "one PNG shown three times": (
        {"src.xml": figures("a.png", "a.png", "a.png"), "a.png": png(3, 2)}, 0, "", 3),
    "PNG with a damaged IDAT checksum": (
        {"src.xml": figures("crc.png"), "crc.png": bad_crc(png(3, 2))}, 1,
        PLACE + '"crc.png" is a corrupt PNG: its IDAT chunk is damaged (its checksum does not match)', 0),
    "PNG whose image data is not zlib": (
        {"src.xml": figures("z.png"), "z.png": png_with(b"\x00\x00\x00\x00garbage")}, 1,
        PLACE + '"z.png" is a corrupt PNG: its image data is corrupt (', 0),
    "PNG whose image data is cut short": (
        {"src.xml": figures("short.png"), "short.png": png_with(zlib.compress(bytes(20))[:-6])}, 1,
        PLACE + '"short.png" is a corrupt PNG: its image data is cut short', 0),
    "PNG with a filter type that does not exist (only a decoder sees it)": (
        {"src.xml": figures("filter.png"), "filter.png": png_with(zlib.compress(b"\x09" + bytes(4) + b"\x00" + bytes(4) * 1 + bytes(10)))}, 1,
        PLACE + '"filter.png" is a corrupt PNG: its image data is corrupt (a row has filter type 9)', 0),
    "200 MB of zeros after a PNG header, shown three times": (
        {"src.xml": figures("sparse.png", "sparse.png", "sparse.png"), "setup": sparse_png}, 1,
        PLACE + '"sparse.png" is a corrupt PNG: a chunk of no valid type is damaged (its checksum does not match)', 0),
    "lossless JPEG (SOF3)": (
        {"src.xml": figures("l.jpg"), "l.jpg": frame(jpeg(), b"\xc3")}, 1,
        PLACE + '"l.jpg" ' + CANNOT_SHOW + "it is coded as lossless JPEG (SOF3)", 0),
    "12-bit JPEG": (
        {"src.xml": figures("t.jpg"), "t.jpg": frame(jpeg(), precision=12)}, 1,
        PLACE + '"t.jpg" ' + CANNOT_SHOW + "it has 12-bit samples", 0),
    "JPEG with 0 components": (
        {"src.xml": figures("c0.jpg"), "c0.jpg": frame(jpeg(), components=0)}, 1,
        PLACE + '"c0.jpg" ' + CANNOT_SHOW + "it has 0 colour components", 0),
    "JPEG with 200 components": (
        {"src.xml": figures("c200.jpg"), "c200.jpg": frame(jpeg(), components=200)}, 1,
        PLACE + '"c200.jpg" ' + CANNOT_SHOW + "it has 200 colour components", 0),
    "arithmetic-coded JPEG (SOF9)": (
        {"src.xml": figures("a.jpg"), "a.jpg": frame(jpeg(), b"\xc9")}, 1,
        PLACE + '"a.jpg" ' + CANNOT_SHOW + "it is arithmetic-coded (SOF9)", 0),
}


def pdf_images(path):
    out = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in out.splitlines()[2:] if line.split()[2] == "image")  # not their soft masks


def main():
    huozi, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    failures = 0
    for n, (name, (files, rc, words, pictures)) in enumerate(CASES.items()):
        folder = os.path.join(work, "case%02d" % n)
        os.makedirs(folder)
        for file, data in files.items():
            if file == "setup":
                data(folder)
                continue
            with open(os.path.join(folder, file), "wb") as f:
                f.write(data.encode() if isinstance(data, str) else data)
        try:
            proc = subprocess.run([huozi, "build", "src.xml", "-o", "out"], cwd=folder, capture_output=True,
                                  text=True, timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            print("FAIL: %s: no answer within %d s" % (name, TIME_LIMIT))
            failures += 1
            continue
        problems = []
        if proc.returncode != rc:
            problems.append("exit %d, wanted %d" % (proc.returncode, rc))
        if words not in proc.stderr:
            problems.append("stderr lacks %r" % words)
        out = os.path.join(folder, "out")
        written = sorted(os.listdir(out)) if os.path.isdir(out) else []
        if rc == 0:
            if written != ["src.epub", "src.pdf"]:
                problems.append("wrote %s" % written)
            else:
                got = pdf_images(os.path.join(out, "src.pdf"))
                if got != pictures:
                    problems.append("the PDF shows %d pictures, wanted %d" % (got, pictures))
                media = [i for i in zipfile.ZipFile(os.path.join(out, "src.epub")).namelist()
                         if i.endswith((".png", ".jpg"))]
                if not media:
                    problems.append("the EPUB holds no picture")
        elif written:
            problems.append("a refused build wrote %s" % written)
        print("%s: %s%s" % ("FAIL" if problems else "ok", name, ": " + "; ".join(problems) if problems else ""))
        if problems:
            print(proc.stderr[:2000])
            failures += 1
    print("%d passed, %d failed" % (len(CASES) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

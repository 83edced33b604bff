#!/usr/bin/env python3
"""Writes small PDFs that a print shop would turn away (and some it takes with
a warning, and one it takes as it is) for the preflight tests.
usage: make_bad_pdfs.py DIR"""
import os
import struct
import sys
import zlib


def lut16(inputs, outputs, grid, node):
    """A lut16Type ('mft2') table: identity curves around a CLUT of `grid`
    points a side whose node(indices) gives the outputs, 0-65535 each."""
    body = b"mft2" + bytes(4) + bytes([inputs, outputs, grid, 0])
    body += b"".join(struct.pack(">i", 0x10000 if r == c else 0) for r in range(3) for c in range(3))
    body += struct.pack(">HH", 2, 2) + struct.pack(">HH", 0, 0xFFFF) * inputs
    for i in range(grid ** inputs):
        indices = [i // grid ** (inputs - 1 - d) % grid for d in range(inputs)]  # the first input varies slowest
        body += struct.pack(">%dH" % outputs, *node([x / (grid - 1) for x in indices]))
    return body + struct.pack(">HH", 0, 0xFFFF) * outputs


def separation_tags(tac):
    """A CMYK output profile's tables that LittleCMS can use: a gray model whose
    B2A0 puts `tac` % of ink on black (K 100 and C, M, Y alike)."""
    cmy = (tac - 100) / 300
    wtpt = b"XYZ " + bytes(4) + struct.pack(">3i", 63190, 65536, 54061)  # D50
    a2b0 = lut16(4, 3, 2, lambda v: (round(0xFF00 * (1 - v[3]) * (1 - sum(v[:3]) / 4)), 0x8000, 0x8000))
    b2a0 = lut16(3, 4, 2, lambda v: [round(0xFFFF * (1 - v[0]) * f) for f in (cmy, cmy, cmy, 1)])
    return [(b"wtpt", wtpt), (b"A2B0", a2b0), (b"B2A0", b2a0)]


def icc(space=b"CMYK", device_class=b"prtr", description=None, v4=False, tac=None):
    """An ICC profile good enough for preflight's reading: its header and, when
    given, a description tag (textDescriptionType, or multiLocalizedUnicodeType
    with v4); with `tac`, tables LittleCMS reads that ink limit from."""
    tags = []
    if description is not None:
        if v4:
            text = description.encode("utf-16-be")
            body = b"mluc" + bytes(4) + struct.pack(">II", 1, 12) + b"enUS" + struct.pack(">II", len(text), 28) + text
        else:
            text = description.encode("ascii") + b"\0"
            body = b"desc" + bytes(4) + struct.pack(">I", len(text)) + text + bytes(4 + 4 + 2 + 1 + 67)
        tags.append((b"desc", body))
    if tac is not None:
        tags += separation_tags(tac)
    directory, data = struct.pack(">I", len(tags)), b""
    for signature, body in tags:
        directory += signature + struct.pack(">II", 128 + 4 + 12 * len(tags) + len(data), len(body))
        data += body + bytes(-len(body) % 4)
    version = b"\x04\x20\x00\x00" if v4 else b"\x02\x10\x00\x00"
    header = b"none" + version + device_class + space.ljust(4) + b"Lab " + bytes(12) + b"acsp"
    header = header.ljust(124, b"\x00")
    return struct.pack(">I", 128 + len(directory) + len(data)) + header + directory + data


# The intent profiles: a press's CMYK output profile (the default; LittleCMS
# reads 300 % from it), and an RGB one.
CMYK_ICC = icc(description="Coated FOGRA39 (ISO 12647-2:2004)", tac=300)
RGB_ICC = icc(b"RGB ")


def pdf(objects, version=b"1.6"):
    """Bytes of a PDF whose objects (1-based, as byte strings) are given in order; object 1 is the catalog."""
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return out


def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


X4_INFO = b"<< /Title (bad) /Trapped /False /GTS_PDFXVersion (PDF/X-4) >>"
X1A_INFO = b"<< /Title (bad) /Trapped /False /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) >>"


def document(pages, resources=b"<< >>", content=b"", intent=True, extra_objects=(), profile=CMYK_ICC,
             info=X4_INFO, version=b"1.6", condition=b"Custom", catalog=b""):
    """Catalog 1, pages 2, content 3, ICC 4, then each page, then extras, then Info.
    `pages` holds each page's box entries; `profile` None leaves the intent without one;
    `catalog` holds more catalog entries."""
    n = len(pages)
    first_page = 5
    extras_at = first_page + n
    dest = b" /DestOutputProfile 4 0 R" if profile is not None else b""
    intents = b" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (" + condition + \
              b") /Info (test)" + dest + b" >>]" if intent else b""
    channels = {b"CMYK": 4, b"RGB ": 3, b"GRAY": 1}.get((profile or CMYK_ICC)[16:20], 4)
    objects = [b"<< /Type /Catalog /Pages 2 0 R" + intents + catalog + b" >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (first_page + i) for i in range(n)), n),
               stream(content), stream(profile or CMYK_ICC, b"/N %d" % channels)]
    for boxes in pages:
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Resources " + resources.replace(b"EXTRA", b"%d" % extras_at) + b" " + boxes + b" >>")
    objects += list(extra_objects)
    objects.append(info)
    return pdf(objects, version)


GOOD_BOXES = b"/MediaBox [0 0 500 700] /BleedBox [40 40 460 660] /TrimBox [48.5 48.5 451.5 651.5]"
BAD_BOXES = b"/MediaBox [0 0 500 700] /BleedBox [40 40 460 660] /TrimBox [30 48.5 451.5 651.5]"
FONT = b"<< /Font << /F1 EXTRA 0 R >> >>"
TEXT = b"BT /F1 12 Tf 100 600 Td (Hello) Tj ET"

files = {
    # Helvetica named, not embedded.
    "unembedded.pdf": document([GOOD_BOXES], FONT, TEXT, extra_objects=[
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]),
    # Page 2's TrimBox reaches left of its BleedBox.
    "boxes.pdf": document([GOOD_BOXES, BAD_BOXES]),
    # Only a MediaBox: where is the page cut?
    "notrim.pdf": document([b"/MediaBox [0 0 500 700]"]),
    # Everything but the OutputIntent.
    "nointent.pdf": document([GOOD_BOXES], intent=False),
    # A Type 3 font.
    "type3.pdf": document([GOOD_BOXES], FONT, TEXT, extra_objects=[
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << >> "
        b"/Encoding << /Differences [] >> /FirstChar 0 /LastChar 0 /Widths [0] >>"]),
    # Good, but a 10 x 10 px image spread over an inch: 10 ppi.
    "lowres.pdf": document([GOOD_BOXES], b"<< /XObject << /Im1 EXTRA 0 R >> >>", b"q 72 0 0 72 100 500 cm /Im1 Do Q",
                           extra_objects=[stream(zlib.compress(bytes(300)), b"/Type /XObject /Subtype /Image /Width 10 "
                                                 b"/Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode")]),
    # Good, but an inline 4 x 4 px RGB image spread over half an inch: 8 ppi.
    "inline.pdf": document([GOOD_BOXES], content=b"q 36 0 0 36 100 500 cm BI /W 4 /H 4 /CS /RGB /BPC 8 ID "
                           + bytes(48) + b" EI Q"),
}
def embedded_font(first):
    """A font that counts as embedded (preflight reads no glyphs): objects first, first + 1, first + 2."""
    return [b"<< /Type /Font /Subtype /Type1 /BaseFont /Test /FontDescriptor %d 0 R >>" % (first + 1),
            b"<< /Type /FontDescriptor /FontName /Test /Flags 32 /FontBBox [0 0 1 1] /ItalicAngle 0 /Ascent 1 "
            b"/Descent 0 /CapHeight 1 /StemV 1 /FontFile3 %d 0 R >>" % (first + 2),
            stream(b"not a real font", b"/Subtype /Type1C")]


def one_page(content, resources=b"<< >>", extra_objects=(), **options):
    """A one-page document with good boxes; its extras start at object 6."""
    return document([GOOD_BOXES], resources, content, extra_objects=extra_objects, **options)


def cmyk_image(pixels, width, height, extra=b""):
    """A deflated DeviceCMYK image XObject, one (c, m, y, k) tuple of 0-255 per pixel."""
    data = bytes(v for pixel in pixels for v in pixel)
    return stream(zlib.compress(data), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK "
                  b"/BitsPerComponent 8 /Filter /FlateDecode " % (width, height) + extra)


def bomb_image(size, width):
    """A DeviceCMYK image of `size` bytes of zeros (no ink), deflated about 1,000:1."""
    z = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    data = b"".join(z.compress(chunk) for _ in range(size >> 20)) + z.flush()
    return stream(data, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK "
                  b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, size // (4 * width)))


def tiling(cell, resources=b"<< >>", paint_type=1, extra=b""):
    """A tiling pattern whose cell, 10 pt a side, draws `cell`; PaintType 2 is uncoloured."""
    return stream(cell, b"/Type /Pattern /PatternType 1 /PaintType %d /TilingType 1 /BBox [0 0 10 10] "
                  b"/XStep 10 /YStep 10 /Resources %s %s" % (paint_type, resources, extra))


TEXT_FONT = b"<< /Font << /F1 6 0 R >> >>"
# Text at 100, 600 on the page: 18.2, 194.6 mm from the trim's lower left.
SMALL_TEXT = b"BT /F1 9 Tf 100 600 Td (Hello) Tj ET"
IMAGE = b"<< /XObject << /Im1 6 0 R >> >>"
# GWG2015's checks: one bad file for each.
files.update({
    # 9 pt text in rich black: C 60 M 40 Y 40 K 100.
    "richblack.pdf": one_page(b"0.6 0.4 0.4 1 k " + SMALL_TEXT, TEXT_FONT, embedded_font(6)),
    # 8 pt text in red (M and Y), scaled from 16 pt by the matrix.
    "cmytext.pdf": one_page(b"0 1 1 0 k q 0.5 0 0 0.5 0 0 cm BT /F1 16 Tf 200 1200 Td (Hello) Tj ET Q",
                            TEXT_FONT, embedded_font(6)),
    # A white rectangle set to overprint.
    "whiteop.pdf": one_page(b"/GS1 gs 0 0 0 0 k 100 100 200 200 re f", b"<< /ExtGState << /GS1 6 0 R >> >>",
                            [b"<< /Type /ExtGState /OP true /op true /OPM 1 >>"]),
    # A 0.1 pt line in the page; a 0.1 pt line among the marks (outside the
    # BleedBox) and one in the registration colour, which do not count.
    "hairline.pdf": one_page(b"0 0 0 1 K 0.1 w 100 100 m 300 100 l S 5 10 m 30 10 l S "
                             b"/Reg CS 1 SCN 100 200 m 300 200 l S",
                             b"<< /ColorSpace << /Reg [/Separation /All /DeviceCMYK 6 0 R] >> >>",
                             [b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>"]),
    # 380 % of ink, against a profile that says 300 % in its (ICC v4) description.
    "tac.pdf": one_page(b"1 1 1 0.8 k 100 100 200 200 re f",
                        profile=icc(description="ISO Coated v2 300% (ECI)", v4=True)),
    # A CMYK image with one pixel at 390 %.
    "tacimage.pdf": one_page(b"q 100 0 0 100 100 100 cm /Im1 Do Q", IMAGE,
                             [cmyk_image([(0, 0, 0, 0), (255, 255, 255, 230), (0, 0, 0, 255), (0, 0, 0, 0)], 2, 2)]),
    # 256 MB of samples: scanned up to the limit, and said so.
    "inkbomb.pdf": one_page(b"q 300 0 0 300 100 100 cm /Im1 Do Q", IMAGE, [bomb_image(256 << 20, 8192)]),
    # PDF/X-1a: an RGB image.
    "x1a-rgb.pdf": one_page(b"q 10 0 0 10 100 100 cm /Im1 Do Q", IMAGE, [
        stream(zlib.compress(bytes(300)), b"/Type /XObject /Subtype /Image /Width 10 /Height 10 "
               b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode")], info=X1A_INFO, version=b"1.3"),
    # PDF/X-1a: a fill at 50 % opacity.
    "x1a-transparency.pdf": one_page(b"/GS1 gs 0 0 0 1 k 100 100 200 200 re f",
                                     b"<< /ExtGState << /GS1 6 0 R >> >>", [b"<< /Type /ExtGState /ca 0.5 >>"],
                                     info=X1A_INFO, version=b"1.3"),
    # PDF/X-1a in a PDF 1.6 file, without Trapped.
    "x1a-header.pdf": one_page(b"", info=b"<< /GTS_PDFXVersion (PDF/X-1a:2003) >>"),
    # 320 % of ink on coated paper, whose profile allows 330 % (as ECI's ISO
    # Coated v2 does): LittleCMS reads the limit from the profile, not "coated".
    "tac-coated.pdf": one_page(b"1 1 0.2 1 k 100 100 200 200 re f",
                               profile=icc(description="ISO Coated v2 (ECI)", tac=330)),
    # 400 % of ink in a tiling pattern's cell.
    "tiling.pdf": one_page(b"/Pattern cs /P1 scn 100 100 200 200 re f", b"<< /Pattern << /P1 6 0 R >> >>",
                           [tiling(b"1 1 1 1 k 0 0 5 5 re f")]),
    # PDF/X-1a: an inline image on an RGB palette, in abbreviations ([/I /RGB …]).
    "x1a-inline-palette.pdf": one_page(b"q 36 0 0 36 100 500 cm BI /W 1 /H 1 /CS [/I /RGB 1 <000000FFFFFF>] "
                                       b"/BPC 8 ID \x01 EI Q", info=X1A_INFO, version=b"1.3"),
    # PDF/X-1a:2001 in a PDF 1.4 file (PDF/X-1a:2003 would allow it).
    "x1a-2001-header.pdf": one_page(b"", info=X1A_INFO, version=b"1.4"),
    # PDF/X-1a with an ICC v4 output profile.
    "x1a-v4.pdf": one_page(b"", info=X1A_INFO, version=b"1.3", profile=icc(description="Press v4", v4=True)),
    # The intent's profile is an RGB output profile.
    "rgbintent.pdf": one_page(b"", profile=RGB_ICC),
    # The intent embeds no profile.
    "noprofile.pdf": one_page(b"", profile=None),
    # A good CMYK PDF/X-4 file: K-only small text set to overprint, a fill
    # under the coated paper's 300 %, a 0.25 pt rule, and a CMYK image.
    "good-x4.pdf": one_page(b"q /GS1 gs 0 0 0 1 k " + SMALL_TEXT + b" Q 0.6 0.5 0.5 0.9 k 100 100 200 100 re f "
                            b"0 0 0 1 K 0.25 w 100 300 m 300 300 l S q 0.4 0 0 0.4 300 300 cm /Im1 Do Q",
                            b"<< /Font << /F1 6 0 R >> /ExtGState << /GS1 9 0 R >> /XObject << /Im1 10 0 R >> >>",
                            embedded_font(6) + [b"<< /Type /ExtGState /OP true /op true /OPM 1 >>",
                                                cmyk_image([(40, 30, 30, 200)] * 4, 2, 2)]),
})


if __name__ == "__main__":
    os.makedirs(sys.argv[1], exist_ok=True)
    for name, data in files.items():
        open(os.path.join(sys.argv[1], name), "wb").write(data)
    open(os.path.join(sys.argv[1], "notapdf.pdf"), "wb").write(b"Hello, printer.\n")
    # A stand-in for a print shop's CMYK output profile: only its header is real.
    header = b"\x00\x00\x00\x80" + b"none" + b"\x02\x10\x00\x00" + b"prtr" + b"CMYK" + b"Lab " + bytes(12) + b"acsp"
    open(os.path.join(sys.argv[1], "press-cmyk.icc"), "wb").write(header.ljust(128, b"\x00"))

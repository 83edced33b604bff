#!/usr/bin/env python3
"""Writes small PDFs that a print shop would turn away (and one it takes with
a warning) for the preflight tests. usage: make_bad_pdfs.py DIR"""
import os
import sys
import zlib

# An ICC header good enough for preflight's reading: an RGB output ('prtr') profile.
ICC = (b"\x00\x00\x00\x80" + b"none" + b"\x02\x10\x00\x00" + b"prtr" + b"RGB " + b"XYZ ").ljust(128, b"\x00")


def pdf(objects):
    """Bytes of a PDF whose objects (1-based, as byte strings) are given in order; object 1 is the catalog."""
    out = b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"
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


def document(pages, resources=b"<< >>", content=b"", intent=True, extra_objects=()):
    """Catalog 1, pages 2, content 3, ICC 4, then each page, then extras, then Info.
    `pages` holds each page's box entries."""
    n = len(pages)
    first_page = 5
    extras_at = first_page + n
    intents = b" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Custom) " \
              b"/Info (test) /DestOutputProfile 4 0 R >>]" if intent else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R" + intents + b" >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (first_page + i) for i in range(n)), n),
               stream(content), stream(ICC, b"/N 3")]
    for boxes in pages:
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Resources " + resources.replace(b"EXTRA", b"%d" % extras_at) + b" " + boxes + b" >>")
    objects += list(extra_objects)
    objects.append(b"<< /Title (bad) /Trapped /False /GTS_PDFXVersion (PDF/X-4) >>")
    return pdf(objects)


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
if __name__ == "__main__":
    os.makedirs(sys.argv[1], exist_ok=True)
    for name, data in files.items():
        open(os.path.join(sys.argv[1], name), "wb").write(data)
    open(os.path.join(sys.argv[1], "notapdf.pdf"), "wb").write(b"Hello, printer.\n")
    # A stand-in for a print shop's CMYK output profile: only its header is real.
    header = b"\x00\x00\x00\x80" + b"none" + b"\x02\x10\x00\x00" + b"prtr" + b"CMYK" + b"Lab " + bytes(12) + b"acsp"
    open(os.path.join(sys.argv[1], "press-cmyk.icc"), "wb").write(header.ljust(128, b"\x00"))

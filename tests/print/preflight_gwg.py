#!/usr/bin/env python3
"""huozi preflight's GWG2015 checks on hand-made PDFs, one case each: the
graphics state as the checks see it (q/Q, gs, cm, Tm, Tz, Tr, named colour
spaces, forms, patterns, shadings), the ink limit read from the intent, and
PDF/X-1a's restrictions. Places are in mm from the trim's lower left; the
boxes are make_bad_pdfs.GOOD_BOXES (trim at 48.5 pt), so 100 pt is 18.2 mm.
usage: preflight_gwg.py HUOZI WORKDIR"""
import os
import subprocess
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_bad_pdfs import (GOOD_BOXES, X1A_INFO, cmyk_image, document, embedded_font, icc,  # noqa: E402
                           one_page, stream, tiling)

FONT = b"/Font << /F1 6 0 R >>"
TEXT = b"BT /F1 9 Tf 100 600 Td (Hi) Tj ET"
RECT = b"100 100 200 200 re f"
RICH = b"FAIL: rich black text under 12 pt (K with C, M or Y): set small text in black ink alone"
MULTI = b"warning: text under 12 pt in more than one ink: the plates' registration decides its sharpness"
WHITE = b"FAIL: white set to overprint: it vanishes on press"
THIN = b"warning: line thinner than 0.125 pt"
TAC = b"FAIL: total area coverage"
X1A_RGB = b"FAIL: RGB left in a PDF/X-1a file"
X1A_ICC = b"FAIL: device-independent colour (ICC, Cal or Lab) in a PDF/X-1a file"
X1A_TRANSPARENCY = b"FAIL: transparency in a PDF/X-1a file: PDF/X-1a takes flattened files only"
V4 = b"output profile in a %s file: PDF/X-1a and X-3 take ICC v2 profiles only"
OK = b"result: ok (0 failures, 0 warnings)"


def text_page(content, resources=b"", extras=(), **options):
    """One page with an embedded font F1 (objects 6-8) and more resources; extras from object 9."""
    return one_page(content, b"<< " + FONT + b" " + resources + b" >>", embedded_font(6) + list(extras), **options)


def state(entries):
    """Resources naming an ExtGState /GS1 with these entries, and the state, object 6."""
    return b"<< /ExtGState << /GS1 6 0 R >> >>", [b"<< /Type /ExtGState " + entries + b" >>"]


def with_state(content, entries, **options):
    resources, extras = state(entries)
    return one_page(content, resources, extras, **options)


AXIAL = b"<< /ShadingType 2 /ColorSpace /DeviceCMYK /Coords [100 100 300 100] /Function 6 0 R >>"
TO_400 = b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>"
XMP = (b"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
       b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' "
       b"xmlns:pdfxid='http://www.npes.org/pdfx/ns/id/' pdfxid:GTS_PDFXVersion=\"PDF/X-1a:2003\"/>"
       b"</rdf:RDF></x:xmpmeta><?xpacket end='w'?>")

# name: (PDF, exit code, texts the report holds, texts it must not hold)
CASES = {
    # Overprint: Q restores it; /OP alone sets op too; gray 1 and a spot's tint 0 are white.
    "op-restored": (with_state(b"q /GS1 gs Q 0 0 0 0 k " + RECT, b"/OP true /op true"), 0, [OK], []),
    "op-from-OP": (with_state(b"/GS1 gs 0 0 0 0 k " + RECT, b"/OP true"), 1,
                   [WHITE + b" (page 1, at 18.2, 18.2 mm: fill in C 0 M 0 Y 0 K 0 %, OPM 0)"], []),
    "op-op-only": (with_state(b"/GS1 gs 1 G 1 w 100 100 m 300 100 l S 0 0 0 0 k " + RECT, b"/op true"), 1,
                   [WHITE + b" (page 1, at 18.2, 18.2 mm: fill in C 0 M 0 Y 0 K 0 %, OPM 0)"], [b"stroke in"]),
    "op-gray-stroke": (with_state(b"/GS1 gs 1 G 1 w 100 100 m 300 100 l S", b"/OP true"), 1,
                       [WHITE + b" (page 1, at 18.2, 18.2 mm: stroke in DeviceGray 1, OPM 0)"], []),
    "op-spot-tint-0": (one_page(b"/GS1 gs /Spot cs 0 scn " + RECT,
                                b"<< /ExtGState << /GS1 6 0 R >> /ColorSpace << /Spot [/Separation /Gold "
                                b"/DeviceCMYK 7 0 R] >> >>", [b"<< /op true >>", TO_400]), 1,
                       [WHITE + b" (page 1, at 18.2, 18.2 mm: fill in Separation Gold 0, OPM 0)"], []),
    "op-white-text": (text_page(b"/GS1 gs 1 g " + TEXT, b"/ExtGState << /GS1 9 0 R >>", [b"<< /op true >>"]), 1,
                      [WHITE + b" (page 1, at 18.2, 194.6 mm: text in DeviceGray 1, OPM 0)"], []),
    "op-black-text": (text_page(b"/GS1 gs 0 0 0 1 k " + TEXT, b"/ExtGState << /GS1 9 0 R >>",
                                [b"<< /OP true /op true /OPM 1 >>"]), 0, [OK], []),
    # Text size: Tf × Tm × CTM, squeezed by Tz; a size set by gs /Font.
    "size-tz": (text_page(b"0 1 1 0 k 50 Tz BT /F1 14 Tf 100 600 Td (Hi) Tj ET"), 0,
                [MULTI + b" (page 1, at 18.2, 194.6 mm: 7 pt in "
                 b"C 0 M 100 Y 100 K 0 %)"], []),
    "size-14": (text_page(b"0 1 1 0 k BT /F1 14 Tf 100 600 Td (Hi) Tj ET"), 0, [OK], []),
    "size-tm": (text_page(b"0 1 1 0 k BT /F1 1 Tf 20 0 0 20 100 600 Tm (Hi) Tj ET"), 0, [OK], []),
    "size-tm-small": (text_page(b"0 1 1 0 k BT /F1 1 Tf 6 0 0 6 100 600 Tm (Hi) Tj ET"), 0, [b": 6 pt in"], []),
    "size-gs-font": (text_page(b"/GS1 gs 0 1 1 0 k BT 100 600 Td (Hi) Tj ET", b"/ExtGState << /GS1 9 0 R >>",
                               [b"<< /Font [6 0 R 10] >>"]), 0, [b": 10 pt in"], []),
    "size-td-leading": (text_page(b"0 1 1 0 k BT /F1 9 Tf 12 TL 100 600 Td T* (Hi) Tj ET"), 0,
                        [b"(page 1, at 18.2, 190.3 mm: 9 pt in"], []),
    # Text colour: invisible text, large rich black, named ICC RGB, DeviceN, one spot, the marks.
    "text-invisible": (text_page(b"0.6 0.4 0.4 1 k 3 Tr " + TEXT), 0, [OK], []),
    "text-rich-14": (text_page(b"0.6 0.4 0.4 1 k BT /F1 14 Tf 100 600 Td (Hi) Tj ET"), 0, [OK], []),
    "text-stroked": (text_page(b"0.6 0.4 0.4 1 K 1 Tr " + TEXT), 1, [RICH], []),
    "text-icc-rgb": (text_page(b"/CS0 cs 0 0 0 scn " + TEXT, b"/ColorSpace << /CS0 [/ICCBased 9 0 R] >>",
                               [stream(icc(b"RGB ", b"mntr"), b"/N 3")]), 0,
                     [MULTI + b" (page 1, at 18.2, 194.6 mm: 9 pt "
                      b"in ICCBased RGB 0 0 0)"], []),
    "text-devicen": (text_page(b"/CS0 cs 0.5 0.5 scn " + TEXT,
                               b"/ColorSpace << /CS0 [/DeviceN [/Cyan /Magenta] /DeviceCMYK 9 0 R] >>",
                               [TO_400]), 0, [MULTI], []),
    "text-spot": (text_page(b"/CS0 cs 1 scn " + TEXT,
                            b"/ColorSpace << /CS0 [/Separation /PANTONE#20485#20C /DeviceCMYK 9 0 R] >>",
                            [TO_400]), 0, [OK], []),
    "text-in-marks": (text_page(b"0.6 0.4 0.4 1 k BT /F1 6 Tf 60 10 Td (slug) Tj ET"), 0, [OK], []),
    "text-in-form": (text_page(b"0.6 0.4 0.4 1 k q 2 0 0 2 0 0 cm /Fm1 Do Q", b"/XObject << /Fm1 9 0 R >>",
                               [stream(b"BT /F1 4 Tf 50 300 Td (Hi) Tj ET",
                                       b"/Type /XObject /Subtype /Form /BBox [0 0 500 700] /Matrix [1 0 0 1 10 0] "
                                       b"/Resources << /Font << /F1 6 0 R >> >>")]), 1,
                     [RICH + b" (page 1, at 25.2, 194.6 mm: "
                      b"8 pt in C 60 M 40 Y 40 K 100 %)"], []),
    "text-two-pages": (document([GOOD_BOXES, GOOD_BOXES], b"<< /Font << /F1 7 0 R >> >>",
                                b"0.6 0.4 0.4 1 k " + TEXT + b" " + TEXT, extra_objects=embedded_font(7)), 1,
                       [RICH + b" (pages 1\xe2\x80\x932, "
                        b"4 times; the first on page 1, at 18.2, 194.6 mm: 9 pt in C 60 M 40 Y 40 K 100 %)"], []),
    # Hairlines: w 0, a scaled width, a line reaching into the bleed from the marks.
    "thin-zero": (one_page(b"0 w 100 100 m 300 100 l S"), 0,
                  [THIN + b": it may break up or not print (page 1, at 18.2, 18.2 mm: 0 pt in DeviceGray 0)"], []),
    "thin-scaled": (one_page(b"q 0.1 0 0 0.1 0 0 cm 1 w 1000 1000 m 3000 1000 l S Q"), 0,
                    [b"0.1 pt in DeviceGray 0"], []),
    "thin-into-bleed": (one_page(b"0.1 w 10 100 m 45 100 l S"), 0, [THIN], []),
    "thin-quarter-point": (one_page(b"0.25 w 100 100 m 300 100 l S"), 0, [OK], []),
    # Coverage: a palette, a shading, a shading pattern; limits from the intent.
    "tac-indexed": (one_page(b"/I cs 1 sc " + RECT,
                             b"<< /ColorSpace << /I [/Indexed /DeviceCMYK 1 <00000000FFFFFFFF>] >> >>"), 1,
                    [TAC + b" (C+M+Y+K) over the 300 % limit (page 1, 400 % at 18.2, 18.2 mm: fill in Indexed on "
                     b"DeviceCMYK 1)"], []),
    "tac-indexed-image": (one_page(b"q 100 0 0 100 100 100 cm /Im1 Do Q", b"<< /XObject << /Im1 6 0 R >> >>", [
        stream(b"\x00\x01\x00\x00", b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 "
               b"/ColorSpace [/Indexed /DeviceCMYK 1 <00000000FFFFFFFF>]")]), 1,
        [TAC + b" (C+M+Y+K) over the 300 % limit (page 1, 400 % at 44.6, 44.6 mm: image /Im1)"], []),
    "tac-shading": (one_page(b"q 100 100 200 200 re W n /Sh1 sh Q", b"<< /Shading << /Sh1 7 0 R >> >>",
                             [TO_400, AXIAL]), 1,
                    [TAC + b" (C+M+Y+K) over the 300 % limit (page 1, 400 % at 18.2, 18.2 mm: shading in "
                     b"C 100 M 100 Y 100 K 100 %)"], []),
    "tac-pattern": (one_page(b"/Pattern cs /P1 scn " + RECT, b"<< /Pattern << /P1 8 0 R >> >>",
                             [TO_400, AXIAL, b"<< /PatternType 2 /Shading 7 0 R >>"]), 1, [TAC], []),
    "tac-newsprint": (one_page(b"0.8 0.6 0.6 0.6 k " + RECT, condition=b"ISO 12647-3 newsprint",
                               profile=icc(description="Web")), 1,
                      [b"over the 240 % limit (page 1, 260 % at", b"limit 240 % (newsprint, ISO 12647-3)"], []),
    "tac-lcms-newsprint": (one_page(b"0.8 0.6 0.6 0.6 k " + RECT, condition=b"ISO 12647-3 newsprint",
                                    profile=icc(description="Newsprint", tac=240)), 1,
                           [b"over the 240 % limit", b"limit 240 % (from the output profile, by LittleCMS)"], []),
    # LittleCMS reads the profile's own limit: what its description says counts only when it cannot.
    "tac-lcms-over-description": (one_page(b"1 1 0.2 1 k " + RECT, profile=icc(description="TAC 280%", tac=330)),
                                  0, [OK, b"limit 330 % (from the output profile, by LittleCMS)"], []),
    "tac-lcms-300": (one_page(b"1 1 0.2 1 k " + RECT), 1,
                     [b"over the 300 % limit", b"limit 300 % (from the output profile, by LittleCMS)"], []),
    "tac-written": (one_page(b"0.8 0.6 0.6 0.9 k " + RECT, profile=icc(description="Web press TAC 280%")), 1,
                    [b"over the 280 % limit"], []),
    "tac-default": (one_page(b"0.8 0.8 0.6 0.9 k " + RECT, profile=icc(description="A press")), 0,
                    [OK, b"limit 320 % (the default; the intent names no paper)"], []),
    "tac-marks": (one_page(b"1 1 1 1 k 5 5 20 20 re f /Reg cs 1 scn 100 100 50 50 re f",
                           b"<< /ColorSpace << /Reg [/Separation /All /DeviceCMYK 6 0 R] >> >>", [TO_400]), 0,
                  [OK], []),
    "tac-image-ok": (one_page(b"q 0.4 0 0 0.4 100 100 cm /Im1 Do Q", b"<< /XObject << /Im1 6 0 R >> >>",
                              [cmyk_image([(255, 255, 255, 255)] * 4, 2, 2, b"/Decode [1 0 1 0 1 0 1 0]")]), 0,
                     [OK], []),
    # Tiling patterns: the cells' content, walked like a form and placed on the area filled.
    "tiling-uncoloured": (one_page(b"/P0 cs 1 1 1 1 /P1 scn " + RECT, b"<< /Pattern << /P1 6 0 R >> /ColorSpace "
                                   b"<< /P0 [/Pattern /DeviceCMYK] >> >>",
                                   [tiling(b"0 0 0 0 k 0 0 5 5 re f", paint_type=2)]), 1,
                          [TAC + b" (C+M+Y+K) over the 300 % limit (page 1, 400 % at 18.2, 18.2 mm: fill in "
                           b"C 100 M 100 Y 100 K 100 %)"], []),
    "tiling-stroke": (one_page(b"/Pattern CS /P1 SCN 2 w 100 100 m 300 100 l S", b"<< /Pattern << /P1 6 0 R >> >>",
                               [tiling(b"1 1 1 1 k 0 0 5 5 re f")]), 1, [TAC], []),
    "tiling-text": (one_page(b"/Pattern cs /P1 scn " + RECT, b"<< /Pattern << /P1 6 0 R >> >>",
                             [tiling(b"0.6 0.4 0.4 1 k BT /F1 9 Tf 0 0 Td (Hi) Tj ET", b"<< /Font << /F1 7 0 R >> >>")]
                             + embedded_font(7)), 1,
                    [RICH + b" (page 1, at 18.2, 18.2 mm: 9 pt in C 60 M 40 Y 40 K 100 %)"], []),
    "tiling-text-fill": (text_page(b"/Pattern cs /P1 scn " + TEXT, b"/Pattern << /P1 9 0 R >>",
                                   [tiling(b"1 1 1 1 k 0 0 5 5 re f")]), 1, [TAC + b" (C+M+Y+K) over the 300 % "
                                                                              b"limit (page 1, 400 % at 18.2, 194.6 mm"],
                         []),
    "tiling-image": (one_page(b"/Pattern cs /P1 scn " + RECT, b"<< /Pattern << /P1 6 0 R >> >>",
                              [tiling(b"q 10 0 0 10 0 0 cm /Im1 Do Q", b"<< /XObject << /Im1 7 0 R >> >>"),
                               cmyk_image([(255, 255, 255, 255)], 1, 1)]), 1,
                     [TAC + b" (C+M+Y+K) over the 300 % limit (page 1, 400 % at 18.2, 18.2 mm: image /Im1)"], []),
    "tiling-in-marks": (one_page(b"/Pattern cs /P1 scn 5 5 20 20 re f", b"<< /Pattern << /P1 6 0 R >> >>",
                                 [tiling(b"1 1 1 1 k 0 0 5 5 re f")]), 0, [OK], []),
    "tiling-self": (one_page(b"/Pattern cs /P1 scn " + RECT, b"<< /Pattern << /P1 6 0 R >> >>",
                             [tiling(b"/Pattern cs /P1 scn 0 0 5 5 re f", b"<< /Pattern << /P1 6 0 R >> >>",
                                     extra=b"/Matrix [0.5 0 0 0.5 0 0]")]), 1,
                    [b"FAIL: tiling pattern /P1 draws itself: not followed (page 1)"], []),
    "tiling-ok": (one_page(b"/Pattern cs /P1 scn " + RECT, b"<< /Pattern << /P1 6 0 R >> >>",
                           [tiling(b"0.5 0.5 0.5 0.5 k 0 0 5 5 re f")]), 0, [OK], []),
    # Inline images' abbreviated colour spaces, inside arrays too.
    "inline-palette": (one_page(b"q 300 0 0 300 100 100 cm BI /W 1 /H 1 /CS [/I /CMYK 0 <00000000>] /BPC 8 ID "
                                b"\x00 EI Q"), 0, [b"Indexed on DeviceCMYK (1 use)"], []),
    "x1a-inline-gray": (one_page(b"q 300 0 0 300 100 100 cm BI /W 1 /H 1 /CS [/I /G 1 <00FF>] /BPC 8 ID \x00 EI Q",
                                 info=X1A_INFO, version=b"1.3"), 0, [b"result: ok (0 failures, 1 warning)"], []),
    # The PDF/X version's header and ICC profile versions.
    "x1a-2003-header": (one_page(b"", info=b"<< /Trapped /False /GTS_PDFXVersion (PDF/X-1a:2003) >>",
                                 version=b"1.4"), 0, [OK], []),
    "x1a-2001-xmp-header": (one_page(b"", info=b"<< /Trapped /True >>", version=b"1.4", catalog=b" /Metadata 6 0 R",
                                     extra_objects=[stream(XMP.replace(b"1a:2003", b"1a:2001"),
                                                           b"/Type /Metadata /Subtype /XML")]), 1,
                            [b"FAIL: PDF 1.4 header in a PDF/X-1a:2001 file: PDF/X-1a:2001 is PDF 1.3"], []),
    "x3-v4": (one_page(b"", info=b"<< /Trapped /False /GTS_PDFXVersion (PDF/X-3:2002) >>", version=b"1.3",
                       profile=icc(description="Press", v4=True)), 1, [b"FAIL: ICC v4 " + V4 % b"PDF/X-3"], []),
    "x4-v4": (one_page(b"", profile=icc(description="Press", v4=True)), 0, [OK], []),
    "x1a-v2": (one_page(b"", info=X1A_INFO, version=b"1.3"), 0, [OK], [b"ICC v"]),
    # PDF/X-1a: identified from XMP; ICC colour, transparency groups, soft masks, blend modes.
    "x1a-xmp": (one_page(b"", info=b"<< /Trapped /True >>", version=b"1.4", catalog=b" /Metadata 6 0 R",
                         extra_objects=[stream(XMP, b"/Type /Metadata /Subtype /XML")]), 0,
                [b"PDF/X          PDF/X-1a:2003 (XMP)", OK], []),
    "x1a-icc-cmyk": (one_page(b"/CS0 cs 0 0 0 1 scn " + RECT, b"<< /ColorSpace << /CS0 [/ICCBased 4 0 R] >> >>",
                              info=X1A_INFO, version=b"1.3"), 1,
                     [X1A_ICC + b": PDF/X-1a takes CMYK, gray and spot colours only (page 1, colour space /CS0 in "
                      b"ICCBased CMYK)"], [X1A_RGB]),
    "x1a-rgb-fill": (one_page(b"1 0 0 rg " + RECT, info=X1A_INFO, version=b"1.3"), 1,
                     [X1A_RGB + b": PDF/X-1a takes CMYK, gray and spot colours only (page 1, colour set by rg in "
                      b"DeviceRGB)"], []),
    "x1a-page-group": (document([GOOD_BOXES + b" /Group << /S /Transparency /CS /DeviceCMYK >>"],
                                info=X1A_INFO, version=b"1.3"), 1,
                       [X1A_TRANSPARENCY + b" (page 1, the page's transparency group)"], []),
    "x1a-smask": (one_page(b"q 10 0 0 10 100 100 cm /Im1 Do Q", b"<< /XObject << /Im1 6 0 R >> >>",
                           [cmyk_image([(0, 0, 0, 255)] * 4, 2, 2, b"/SMask 7 0 R"),
                            stream(b"\xff" * 4, b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                   b"/ColorSpace /DeviceGray /BitsPerComponent 8")], info=X1A_INFO, version=b"1.3"), 1,
                  [X1A_TRANSPARENCY + b" (page 1, image /Im1 has a soft mask (SMask))"], []),
    "x1a-blend": (with_state(b"/GS1 gs", b"/BM /Multiply", info=X1A_INFO, version=b"1.3"), 1,
                  [X1A_TRANSPARENCY + b" (page 1, ExtGState /GS1: blend mode Multiply)"], []),
    "x1a-normal": (with_state(b"/GS1 gs", b"/BM /Normal /CA 1", info=X1A_INFO, version=b"1.3"), 0, [OK], []),
    "x4-transparency": (with_state(b"/GS1 gs 0 0 0 1 k " + RECT, b"/ca 0.5 /BM /Multiply"), 0, [OK], []),
    # Bounded work: a 1 MB inline palette named 200,000 times; predictors that would hold gigabyte rows.
    "bounded-palette": (one_page(b"/I cs 0 sc 0 0 1 1 re f " * 200000,
                                 b"<< /ColorSpace << /I [/Indexed /DeviceCMYK 255 <" + b"00" * (1 << 20) + b">] >> >>"),
                        0, [b"Indexed on DeviceCMYK (200000 uses)"], []),
    "bounded-image-predictor": (one_page(b"q 300 0 0 300 100 100 cm /Im1 Do Q", b"<< /XObject << /Im1 6 0 R >> >>", [
        stream(zlib.compress(bytes(1000)), b"/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace "
               b"/DeviceCMYK /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 12 "
               b"/Columns 2000000000 /Colors 4 >>")]), 0,
        [b"note: image not fully scanned for ink coverage (page 1, image /Im1: rows too long to scan)"], []),
    "bounded-content-predictor": (one_page(b"q 300 0 0 300 100 100 cm /Fm1 Do Q", b"<< /XObject << /Fm1 6 0 R >> >>", [
        stream(zlib.compress(b"0 0 1 1 re f"), b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Filter /FlateDecode "
               b"/DecodeParms << /Predictor 12 /Columns 2000000000 /Colors 4 >>")]), 1,
        [b"FAIL: content not fully checked: a stream's predictor rows are longer than 1 MB"], []),
}


def main():
    huozi, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(work, exist_ok=True)
    failures = 0
    for name, (data, want_code, wanted, unwanted) in CASES.items():
        path = os.path.join(work, name + ".pdf")
        open(path, "wb").write(data)
        start = time.monotonic()
        run = subprocess.run([huozi, "preflight", path], capture_output=True, timeout=120)  # a hang detector
        out = run.stdout + run.stderr
        missing = [w for w in wanted if w not in out]
        present = [u for u in unwanted if u in out]
        ok = run.returncode == want_code and not missing and not present
        print("%s: %s: exit %d (wanted %d), %.1f s" % ("ok" if ok else "FAIL", name, run.returncode, want_code,
                                                      time.monotonic() - start))
        if not ok:
            for w in missing:
                print("  missing: " + w.decode())
            for u in present:
                print("  unwanted: " + u.decode())
            print(out.decode("utf-8", "replace"))
            failures += 1
    print("%d passed, %d failed" % (len(CASES) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

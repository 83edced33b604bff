#!/usr/bin/env python3
"""Hostile and broken input, end to end through the huozi binary (issue 7).

Usage: hostile_test.py HUOZI WORKDIR GROUP [--sanitized]
       hostile_test.py --seeds FOLDER   (writes the cases' sources, as fuzzing seeds)

--sanitized says HUOZI was built with AddressSanitizer and UBSan (HUOZI_SANITIZE),
which runs it several times slower: the limit that tells a hang is longer.

Every case builds one source with `huozi build SOURCE --epub -o OUT` (run from the
case's folder, so diagnostics name files as the editor wrote them) and asserts:
  - the exit code (1 for errors, 0 for what a build survives), and never a crash:
    no signal, no sanitizer report, and no hang (done within TIME_LIMIT seconds);
  - the first lines of stderr, exactly, up to the end of each expected prefix
    (file:line:col where there is a place);
  - on error, the output folder holds only the previous good NAME.epub, untouched;
  - on success, exactly NAME.epub, a zip whose XML entries are well-formed XML,
    holding the expected text and never the content of a system file.
The loader's own unit tests (tests/model) go through every diagnostic; these
cases are the issue's list, seen from the command line.
"""
import os
import shutil
import signal
import stat
import struct
import subprocess
import sys
import time
import zipfile
import zlib
import xml.dom.minidom

# A run still going after this long is taken for a hang (or a quadratic walk,
# which takes minutes). It is no speed test: the slowest case, the 50 MB
# paragraph, takes ~3 s on an idle machine and 20 s under the sanitizers on a
# busy one; speed is measured in bench/. A sanitizer build gets SANITIZER_SLOWDOWN times as long.
TIME_LIMIT = 120
SANITIZER_SLOWDOWN = 5
SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer", "runtime error:")
PASSWD_MARK = b"root:x:0:0"  # the first line of /etc/passwd on Debian
PREVIOUS = b"the previous good EPUB"

HEAD = (
    '<publication xml:lang="zh-Hans">\n'
    "<metadata>\n"
    "<title>书名</title>\n"
    '<identifier scheme="uuid">urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier>\n'
    "<date>2021-12-31</date>\n"
    "</metadata>\n"
    "<body>\n"
)
BODY_LINE = 8  # the line the body starts on


def publication(body, declaration="", metadata_extra=""):
    head = HEAD.replace("</metadata>", metadata_extra + "</metadata>") if metadata_extra else HEAD
    return declaration + head + body + "\n</body>\n</publication>\n"


def chapter(blocks):
    return "<chapter><title>章</title>" + blocks + "</chapter>"


# ---- images, made here so no binary file is committed -----------------------------------

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width=1, height=1, idat=None):
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    if idat is None:
        idat = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def jpeg(width=8, height=8, scan=None):
    """A baseline grey JPEG: one DC and one AC code of one bit each, every block flat."""
    segment = lambda marker, data: b"\xff" + marker + struct.pack(">H", len(data) + 2) + data
    dqt = segment(b"\xdb", b"\x00" + b"\x01" * 64)
    sof = segment(b"\xc0", struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    dht_dc = segment(b"\xc4", b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")
    dht_ac = segment(b"\xc4", b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")
    sos = segment(b"\xda", b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    if scan is None:
        bits = 2 * blocks  # "00" per block: DC difference 0, then end of block
        scan = bytes(bits // 8) + (bytes([0xFF >> (bits % 8)]) if bits % 8 else b"")  # padded with ones
    return b"\xff\xd8" + segment(b"\xe0", b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") + dqt + sof + \
        dht_dc + dht_ac + sos + scan + b"\xff\xd9"


# ---- the cases ------------------------------------------------------------------------

class Case:
    def __init__(self, name, files, expect, rc=1, source="src.xml", contains=(), setup=None):
        self.name = name
        self.files = files        # relative path -> str (UTF-8), bytes, or a function making them
        self.expect = expect      # prefixes of stderr's first lines, in order
        self.rc = rc
        self.source = source
        self.contains = contains  # strings some spine document of the EPUB must hold
        self.setup = setup        # a function of the case folder, for symlinks, FIFOs, folders


def symlink(target, name):
    return lambda d: os.symlink(target, os.path.join(d, name))


def hardlink_outside(name):
    """`name` in the case folder as a second name of a file outside it (a sibling folder's)."""
    def run(d):
        outside = os.path.join(os.path.dirname(d), os.path.basename(d) + "-outside")
        os.makedirs(outside, exist_ok=True)
        with open(os.path.join(outside, "secret.xml"), "w") as f:
            f.write("<fragment><p>root:x:0:0 秘密</p></fragment>")
        os.link(os.path.join(outside, "secret.xml"), os.path.join(d, name))
    return run


def fifo(name):
    return lambda d: os.mkfifo(os.path.join(d, name))


def folder(name):
    return lambda d: os.makedirs(os.path.join(d, name))


def both(*setups):
    def run(d):
        for s in setups:
            s(d)
    return run


def p(text):
    return publication(chapter("<p>" + text + "</p>"))


S = "src.xml:"
NOTHING = "huozi: src.xml has errors; nothing was written"

XML = [
    Case("tags mismatch", {"src.xml": publication("<p>汉字</q>")},
         [S + "8:8: error: malformed XML: Start-end tags mismatch (hint: fix the markup at this place)", NOTHING]),
    Case("unclosed root", {"src.xml": HEAD + "<p>汉字</p>\n"},
         [S + "8:10: error: malformed XML: Start-end tags mismatch"]),
    Case("unquoted attribute", {"src.xml": publication('<p indent=no>字</p>')},
         [S + "8:11: error: malformed XML: Error parsing element attribute"]),
    Case("unterminated comment", {"src.xml": publication("<!-- 注释 <p>字</p>")},
         [S + "10:15: error: malformed XML: Error parsing comment"]),
    Case("unterminated CDATA", {"src.xml": publication("<p><![CDATA[字</p>")},
         [S + "10:15: error: malformed XML: Error parsing CDATA section"]),
    Case("bad tag", {"src.xml": publication("< p>字</p>")},
         [S + "8:2: error: malformed XML: Could not determine tag type"]),
    Case("bad declaration", {"src.xml": '<?xml version="1.0"\n' + publication("")},
         [S + "11:15: error: malformed XML: Error parsing document declaration/processing instruction"]),
    Case("bad DOCTYPE", {"src.xml": "<!DOCTYPE publication [\n" + publication("")},
         [S + "2:1: error: malformed XML: Error parsing document type declaration"]),
    Case("whitespace only", {"src.xml": "  \n\n  "},
         [S + "3:3: error: malformed XML: No document element found (hint: this does not look like an XML file)"]),
    Case("prose, not XML", {"src.xml": "这不是 XML，只是一段文字。\n"},
         [S + "2:1: error: malformed XML: No document element found (hint: this does not look like an XML file)"]),
    Case("text after the root", {"src.xml": publication("") + "多余的文字\n"},
         [S + "11:1: error: text after the root element <publication>"]),
    Case("text before the root", {"src.xml": "前言\n" + publication("")},
         [S + "1:1: error: text before the root element <publication>"]),
    Case("second root element", {"src.xml": publication("") + "<publication/>\n"},
         [S + "11:1: error: a second root element <publication>"]),
    Case("empty file", {"src.xml": ""},
         ["src.xml: error: the file is empty (hint: a publication starts with <publication>)", NOTHING]),
    Case("a PNG as the source", {"src.xml": png()},
         [S + "1:1: error: this is a PNG image, not an XML source"]),
    Case("a PDF as the source", {"src.xml": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"},
         [S + "1:1: error: this is a PDF document, not an XML source"]),
    Case("an EPUB as the source", {"src.xml": b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip"},
         [S + "1:1: error: this is a ZIP archive (an EPUB, DOCX or ODT?), not an XML source"]),
]

GB_HUOZI = "活字印刷".encode("gb18030")
ENCODING = [
    Case("UTF-8 with BOM", {"src.xml": b"\xef\xbb\xbf" + p("活字印刷").encode()}, [], rc=0, contains=["活字印刷"]),
    Case("UTF-16LE with BOM", {"src.xml": b"\xff\xfe" + p("活字印刷𠀀").encode("utf-16-le")}, [], rc=0,
         contains=["活字印刷𠀀"]),
    Case("UTF-16BE with BOM", {"src.xml": b"\xfe\xff" + p("活字印刷𠀀").encode("utf-16-be")}, [], rc=0,
         contains=["活字印刷𠀀"]),
    Case("UTF-16LE without BOM", {"src.xml": ('<?xml version="1.0" encoding="UTF-16"?>\n' + p("活字")).encode("utf-16-le")},
         [], rc=0, contains=["活字"]),
    Case("GB18030 declared", {"src.xml": ('<?xml version="1.0" encoding="GB18030"?>\n' + p("活字印刷，𠀀")).encode("gb18030")},
         [], rc=0, contains=["活字印刷，𠀀"]),
    Case("GBK declared", {"src.xml": ("<?xml version='1.0' encoding='gbk'?>\n" + p("活字印刷")).encode("gbk")},
         [], rc=0, contains=["活字印刷"]),
    Case("GBK mislabelled as UTF-8",
         {"src.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n' + publication("<p>活字</p>")).encode("gbk")},
         [S + "4:8: error: invalid UTF-8 (byte 0xCA) (hint: the file may be GBK: save it as UTF-8, or declare "
          '<?xml version="1.0" encoding="GB18030"?>)']),
    Case("invalid UTF-8", {"src.xml": publication("<p>汉字@</p>").encode().replace(b"@", b"\x80")},
         [S + "8:6: error: invalid UTF-8 (byte 0x80)"]),
    Case("NUL byte", {"src.xml": publication("<p>汉字@</p>").encode().replace(b"@", b"\x00")},
         [S + "8:6: error: the character U+0000 (NUL) is not allowed in XML"]),
    Case("control characters", {"src.xml": publication("<p>a\x01b\x1bc</p>")},
         [S + "8:5: error: the character U+0001 (a control character) is not allowed in XML"]),
    Case("U+FFFE", {"src.xml": publication("<p>a\ufffeb</p>")},
         [S + "8:5: error: the character U+FFFE (not a character) is not allowed in XML"]),
    Case("unpaired high surrogate reference", {"src.xml": publication("<p>汉&#xD800;字</p>")},
         [S + "8:5: error: the character reference &#xD800; is not allowed in XML: U+D800 (a surrogate, "
          "which is half of a UTF-16 pair) (hint: delete it, or write the character you meant)"]),
    Case("unpaired low surrogate reference", {"src.xml": publication("<p>&#56320;</p>")},
         [S + "8:4: error: the character reference &#56320; is not allowed in XML: U+DC00 (a surrogate"]),
    Case("NUL reference", {"src.xml": publication("<p>a&#0;b</p>")},
         [S + "8:5: error: the character reference &#0; is not allowed in XML: U+0000 (NUL)"]),
    Case("control reference in an attribute", {"src.xml": publication('<p id="a&#x1b;">字</p>')},
         [S + "8:9: error: the character reference &#x1b; is not allowed in XML: U+001B (a control character)"]),
    Case("reference beyond Unicode", {"src.xml": publication("<p>&#x110000;</p>")},
         [S + "8:4: error: the character reference &#x110000; is not allowed in XML: beyond U+10FFFF"]),
    Case("reference that wraps around to A", {"src.xml": publication("<p>&#x100000041;</p>")},
         [S + "8:4: error: the character reference &#x100000041; is not allowed in XML: beyond U+10FFFF"]),
    Case("malformed reference", {"src.xml": publication("<p>&#x4E00</p>")},
         [S + "8:4: error: malformed character reference"]),
    Case("references in comments and CDATA are text",
         {"src.xml": publication(chapter("<!-- &#0; --><p><![CDATA[&#0;]]>&#x6D3B;</p>"))}, [], rc=0,
         contains=["&amp;#0;活"]),
    Case("unsupported encoding", {"src.xml": '<?xml version="1.0" encoding="Big5"?>\n' + publication("")},
         [S + '1:1: error: unsupported encoding "big5" (hint: save the file as UTF-8 (GB18030, GBK and UTF-16 '
          "are also read))"]),
]

PASSWD_ENTITY = '<!DOCTYPE publication [\n<!ENTITY passwd SYSTEM "file:///etc/passwd">\n]>\n'
LAUGHS = ('<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
          "".join(' <!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % (i - 1 if i > 2 else "")) * 10) for i in range(2, 10)) +
          "]>\n")
ENTITIES = [
    Case("billion laughs", {"src.xml": LAUGHS + p("&lol9;")},
         [S + "2:2: error: entity declarations are not supported (hint: write the characters themselves; "
          "entities are never expanded)"]),
    Case("external entity", {"src.xml": PASSWD_ENTITY + p("&passwd;")},
         [S + "2:1: error: entity declarations are not supported"]),
    Case("parameter entity", {"src.xml": '<!DOCTYPE p [\n<!ENTITY % x SYSTEM "/etc/passwd">\n%x;\n]>\n' + p("x")},
         [S + "2:1: error: entity declarations are not supported"]),
    Case("external DTD is never read", {"src.xml": '<!DOCTYPE publication SYSTEM "/etc/passwd">\n' + p("字")},
         [], rc=0, contains=["字"]),
    Case("undeclared entity", {"src.xml": p("a&passwd;b")},
         [S + "8:30: error: unknown entity &passwd; (hint: XML has only &amp; &lt; &gt; &quot; &apos;"]),
    Case("HTML entity", {"src.xml": p("a&nbsp;b")},
         [S + "8:30: error: unknown entity &nbsp;"]),
    Case("XInclude", {"src.xml": publication(
        chapter('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>'))},
         [S + "8:26: error: unknown element <xi:include> in <chapter>"]),
]

FRAGMENT = "<fragment><p>片段</p></fragment>"
OUT = "the path leads outside the publication's folder"
PATHS = [
    Case("include ../../etc/passwd", {"src.xml": publication('<include src="../../../../../../../etc/passwd"/>')},
         [S + '8:1: error: include "../../../../../../../etc/passwd": ' + OUT]),
    Case("include an absolute path", {"src.xml": publication('<include src="/etc/passwd"/>')},
         [S + '8:1: error: include "/etc/passwd": absolute paths are refused']),
    Case("include a symlink to /etc/passwd", {"src.xml": publication('<include src="link.xml"/>')},
         [S + '8:1: error: include "link.xml": ' + OUT], setup=symlink("/etc/passwd", "link.xml")),
    Case("include through a symlinked folder", {"src.xml": publication('<include src="etc/passwd"/>')},
         [S + '8:1: error: include "etc/passwd": ' + OUT], setup=symlink("/etc", "etc")),
    Case("include a hard link to a file outside", {"src.xml": publication('<include src="link.xml"/>')},
         [S + '8:1: error: include "link.xml": the file has 2 names (hard links)'], setup=hardlink_outside("link.xml")),
    Case("include a URL", {"src.xml": publication('<include src="file:///etc/passwd"/>')},
         [S + '8:1: error: include "file:///etc/passwd": URLs are not read']),
    Case("image ../../etc/passwd", {"src.xml": publication('<figure><image src="../../../../../../etc/passwd"/></figure>')},
         [S + '8:9: error: image "../../../../../../etc/passwd": ' + OUT]),
    Case("image an absolute path", {"src.xml": publication('<figure><image src="/etc/passwd"/></figure>')},
         [S + '8:9: error: image "/etc/passwd": absolute paths are refused']),
    Case("image a symlink out", {"src.xml": publication('<figure><image src="pic.png"/></figure>')},
         [S + '8:9: error: image "pic.png": ' + OUT], setup=symlink("/etc/passwd", "pic.png")),
    Case("cover a symlink to /dev/zero", {"src.xml": publication("", metadata_extra='<cover src="cover.jpg"/>')},
         [S + '6:1: error: cover image "cover.jpg": ' + OUT], setup=symlink("/dev/zero", "cover.jpg")),
    Case("include cycle", {"src.xml": publication('<include src="a.xml"/>'),
                           "a.xml": '<fragment>\n<include src="b.xml"/></fragment>',
                           "b.xml": '<fragment>\n\n<include src="a.xml"/></fragment>'},
         ['b.xml:3:1: error: include cycle: "a.xml" includes itself']),
    Case("include itself", {"src.xml": publication('<include src="./src.xml"/>')},
         [S + '8:1: error: include cycle: "./src.xml" includes itself']),
    Case("missing include", {"src.xml": publication('<include src="missing.xml"/>')},
         [S + '8:1: error: include "missing.xml": file not found']),
    Case("missing image", {"src.xml": publication('<figure><image src="missing.png"/></figure>')},
         [S + '8:9: error: image "missing.png" not found']),
    Case("a folder as the include", {"src.xml": publication('<include src="dir"/>')},
         [S + '8:1: error: include "dir": is a directory, not a file'], setup=folder("dir")),
    Case("a folder as the image", {"src.xml": publication('<figure><image src="dir.png"/></figure>')},
         [S + '8:9: error: image "dir.png" not found'], setup=folder("dir.png")),
    Case("a FIFO as the include", {"src.xml": publication('<include src="pipe.xml"/>')},
         [S + '8:1: error: include "pipe.xml": is not a regular file'], setup=fifo("pipe.xml")),
    Case("a FIFO as the image", {"src.xml": publication('<figure><image src="pipe.png"/></figure>')},
         [S + '8:9: error: image "pipe.png" not found'], setup=fifo("pipe.png")),
    Case("a folder as the source", {}, ["dir: error: is a directory, not a file",
                                        "huozi: dir has errors; nothing was written"],
         source="dir", setup=folder("dir")),
    Case("a FIFO as the source", {}, ["pipe.xml: error: is not a regular file"], source="pipe.xml",
         setup=fifo("pipe.xml")),
    Case("a missing source", {}, ["missing.xml: error: file not found (hint: check the path)"], source="missing.xml"),
    Case("includes inside are fine", {"src.xml": publication('<include src="sub/a.xml"/>'),
                                      "sub/a.xml": '<fragment><include src="../b.xml"/></fragment>',
                                      "b.xml": "<fragment>" + chapter("<p>包含</p>") + "</fragment>"},
         [], rc=0, contains=["包含"]),
]


def figure(name):
    return publication(chapter('<figure><image src="%s" alt="图"/></figure>' % name))


def fig_error(name, message, line=8, col=34):
    return [S + "%d:%d: error: image \"%s\" %s" % (line, col, name, message)]


CORRUPT = "(hint: export the picture again, or download it again)"
IMAGES = [
    Case("a good PNG and JPEG", {"src.xml": publication(chapter(
        '<figure><image src="a.png" alt="甲"/></figure><figure><image src="b.jpg" alt="乙"/></figure>')),
        "a.png": png(3, 2), "b.jpg": jpeg(16, 8)}, [], rc=0, contains=["甲", "乙"]),
    Case("PNG truncated in its header", {"src.xml": figure("t.png"), "t.png": png()[:20]},
         fig_error("t.png", "is a corrupt PNG: it ends inside its IHDR header " + CORRUPT)),
    Case("PNG truncated in its data", {"src.xml": figure("t.png"), "t.png": png(50, 50)[:60]},
         fig_error("t.png", "is a corrupt PNG: it ends inside its IDAT chunk")),
    Case("PNG without IEND", {"src.xml": figure("t.png"), "t.png": png()[:-12]},
         fig_error("t.png", "is a corrupt PNG: it ends before its IEND chunk")),
    Case("PNG whose first chunk is not IHDR", {"src.xml": figure("t.png"),
                                               "t.png": b"\x89PNG\r\n\x1a\n" + png_chunk(b"IEND", b"")},
         fig_error("t.png", "is a corrupt PNG: its first chunk is IEND, not IHDR")),
    Case("empty PNG", {"src.xml": figure("e.png"), "e.png": b""},
         fig_error("e.png", "is an empty file")),
    Case("JPEG truncated before its frame", {"src.xml": figure("t.jpg"), "t.jpg": jpeg()[:30]},
         fig_error("t.jpg", "is a corrupt JPEG: it ends before its frame header (SOF)")),
    Case("JPEG truncated in its data", {"src.xml": figure("t.jpg"), "t.jpg": jpeg(64, 64)[:-3]},
         fig_error("t.jpg", "is a corrupt JPEG: it ends before its end-of-image marker")),
    Case("JPEG with broken markers", {"src.xml": figure("t.jpg"), "t.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40},
         fig_error("t.jpg", "is a corrupt JPEG: a marker is missing at byte 20")),
    Case("JPEG without a frame", {"src.xml": figure("t.jpg"), "t.jpg": b"\xff\xd8\xff\xd9"},
         fig_error("t.jpg", "is a corrupt JPEG: it has no frame header (SOF)")),
    Case("PNG claiming 100000x100000 pixels", {"src.xml": figure("huge.png"), "huge.png": png(100000, 100000, b"x")},
         fig_error("huge.png", "is 100000×100000 pixels, more than huozi accepts (100 megapixels, 30000 on a side)")),
    Case("JPEG claiming 65535x65535 pixels", {"src.xml": figure("huge.jpg"), "huge.jpg": jpeg(65535, 65535, scan=b"\x3f")},
         fig_error("huge.jpg", "is 65535×65535 pixels, more than huozi accepts")),
    Case("PNG of no pixels", {"src.xml": figure("z.png"), "z.png": png(0, 0, b"")},
         fig_error("z.png", "is a corrupt PNG: it is 0×0 pixels")),
    Case("a GIF named .png", {"src.xml": figure("a.png"), "a.png": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"},
         fig_error("a.png", "is not PNG or JPEG: it is a GIF image (hint: convert it to PNG or JPEG")),
    Case("a text file named .jpg", {"src.xml": figure("a.jpg"), "a.jpg": "这不是图片\n"},
         fig_error("a.jpg", "is not PNG or JPEG: its content is not an image")),
    Case("a JPEG named .png", {"src.xml": figure("a.png"), "a.png": jpeg()},
         fig_error("a.png", "is a JPEG file named .png (hint: rename it to .jpg")),
    Case("a WebP", {"src.xml": figure("a.webp"), "a.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 "},
         fig_error("a.webp", "is not PNG or JPEG (hint: convert it to PNG or JPEG")),
    Case("a corrupt cover", {"src.xml": publication("", metadata_extra='<cover src="c.jpg"/>'), "c.jpg": b"\xff\xd8"},
         ['src.xml: error: cover image "c.jpg" is a corrupt JPEG: it ends before its frame header (SOF)']),
]


def nested(open_tag, close_tag, n=100000):
    return open_tag * n + "深" + close_tag * n


SIZE = [
    Case("100,000 nested inline elements", {"src.xml": p(nested("<em>", "</em>"))},
         [S + "8:1041: error: elements nested more than 256 deep (hint: flatten the structure)", NOTHING]),
    Case("100,000 nested blocks", {"src.xml": publication(nested("<quote>", "</quote>"))},
         [S + "8:1786: error: elements nested more than 256 deep"]),
    Case("a 50 MB paragraph with no breaks", {"src.xml": lambda: p("活" * (50 * 1024 * 1024 // 3))}, [], rc=0,
         contains=["活活活活活活活活"]),
    # Columns were counted from the line start for every node: quadratic in the
    # length of a line, minutes for XML written without line breaks.
    Case("a 12 MB publication on one line", {"src.xml": lambda: publication(chapter(
        "<p>山不在高，有仙则名。水不在深，有龙则灵。斯是陋室，惟吾德馨。苔痕上阶绿，草色入帘青。</p>" * 60000))
        .replace("\n", "")}, [], rc=0, contains=["苔痕上阶绿"]),
]

def with_layout(attributes):
    """A publication whose <layout> (line 6, column 12) has these attributes."""
    return publication(chapter("<p>字</p>")).replace("</metadata>\n", '</metadata><layout %s/>\n' % attributes)


LAYOUT = [
    Case("a page smaller than its margins", {"src.xml": with_layout(
        'size="60x60mm" margin-top="40mm" margin-bottom="40mm" margin-inner="40mm" margin-outer="40mm"')},
         [S + "6:12: error: the margins leave no room for text on a page of 60 mm × 60 mm (0 mm × 0 mm inside them) "
          "(hint: make the margins smaller or the page larger)"]),
    Case("columns narrower than a character", {"src.xml": with_layout('columns="8" column-gap="100mm"')},
         [S + "6:12: error: each of the 8 columns is narrower than one character (0 mm)"]),
    # Vertical pages (issue 17): a wide, low page holds lines but no columns.
    Case("a vertical page too low for its columns", {"src.xml": with_layout('size="200x60mm" columns="8"').replace(
        '<publication xml:lang="zh-Hans">', '<publication xml:lang="zh-Hans" writing-mode="vertical">')},
         [S + "6:12: error: each of the 8 columns is shorter than six characters (0 mm)"]),
    Case("a margin of nan", {"src.xml": with_layout('margin-top="nanmm"')},
         [S + '6:12: error: margin-top "nanmm" is not a length']),
    Case("a leading of nan", {"src.xml": with_layout('leading="nan"')},
         [S + '6:12: error: leading "nan" is not a number']),
    # Numbers are read whole, and a wrong one adds no second error (issue 19).
    Case("a leading of 1.7abc", {"src.xml": with_layout('leading="1.7abc"')},
         [S + '6:12: error: leading "1.7abc" is not a number', "huozi: src.xml has errors; nothing was written"]),
    Case("a leading of 1e308", {"src.xml": with_layout('leading="1e308"')},
         [S + "6:12: error: leading must be a multiple of the body size between 1 and 3",
          "huozi: src.xml has errors; nothing was written"]),
    Case("3.9 columns", {"src.xml": with_layout('columns="3.9"')},
         [S + "6:12: error: columns must be a whole number between 1 and 8", "huozi: src.xml has errors; nothing was written"]),
    Case("2abc columns", {"src.xml": with_layout('columns="2abc"')},
         [S + "6:12: error: columns must be a whole number between 1 and 8", "huozi: src.xml has errors; nothing was written"]),
    Case("4294967297 columns", {"src.xml": with_layout('columns="4294967297"')},
         [S + "6:12: error: columns must be a whole number between 1 and 8", "huozi: src.xml has errors; nothing was written"]),
    Case("body size 七号", {"src.xml": with_layout('body-size="七号"')}, [], rc=0, contains=["字"]),
    Case("body size 八号", {"src.xml": with_layout('body-size="八号"')}, [], rc=0, contains=["字"]),
    Case("a placeholder of ratio 999999999:1",
         {"src.xml": publication(chapter('<figure><placeholder ratio="999999999:1">图</placeholder></figure>'))},
         [S + '8:34: error: ratio "999999999:1" is not W:H of whole numbers, at most 20 to 1 either way']),
    Case("a link with a space", {"src.xml": publication(chapter('<p><a href="https://example.com/a b">链</a></p>'))},
         [S + '8:29: error: link "https://example.com/a b" holds a space, a quote or another character']),
    Case("a link with a quote", {"src.xml": publication(chapter('<p><a href=\'https://example.com/"\'>链</a></p>'))},
         [S + '8:29: error: link "https://example.com/"" holds a space, a quote or another character']),
    Case("a body size of nan", {"src.xml": with_layout('body-size="nanpt"')},
         [S + '6:12: error: body-size "nanpt" is not a size']),
]

GROUPS = {"xml": XML, "encoding": ENCODING, "entities": ENTITIES, "paths": PATHS, "images": IMAGES, "size": SIZE,
          "layout": LAYOUT}


# ---- running and checking -----------------------------------------------------------------

class Runner:
    def __init__(self, huozi, work, time_limit):
        self.huozi = huozi
        self.work = work
        self.time_limit = time_limit  # seconds a run may take before it counts as a hang
        self.failures = []
        self.passed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failures.append(name)
            print("FAIL: %s%s" % (name, ("\n      " + detail.replace("\n", "\n      ")) if detail else ""))
        return ok

    def run(self, args, cwd):
        """Runs huozi; returns (rc, stdout, stderr, seconds). rc is None on timeout."""
        start = time.monotonic()
        try:
            r = subprocess.run([self.huozi] + args, cwd=cwd, capture_output=True, timeout=self.time_limit)
            rc, out, err = r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = None, e.stdout or b"", e.stderr or b""
        return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - start

    def check_no_crash(self, name, rc, err, seconds):
        self.check(name + ": no hang (done within %d s)" % self.time_limit, rc is not None, "took %.1f s" % seconds)
        self.check(name + ": no crash", rc is not None and 0 <= rc < 128, "exit code %s" % rc)
        marks = [m for m in SANITIZER_MARKS if m in err]
        self.check(name + ": no sanitizer report", not marks, err[-3000:])
        self.check(name + ": no system file in the messages", PASSWD_MARK.decode() not in err)

    def check_stderr(self, name, err, expect):
        lines = err.splitlines()
        for i, prefix in enumerate(expect):
            got = lines[i] if i < len(lines) else "(no line)"
            self.check("%s: stderr line %d" % (name, i + 1), got.startswith(prefix),
                       "expected: %s\n     got: %s" % (prefix, got))

    def check_epub(self, name, path, contains):
        try:
            with zipfile.ZipFile(path) as z:
                entries = {n: z.read(n) for n in z.namelist()}
        except (OSError, zipfile.BadZipFile) as e:
            return self.check(name + ": the EPUB is a zip", False, str(e))
        for n, data in entries.items():
            self.check(name + ": no system file in " + n, PASSWD_MARK not in data)
            if n.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                try:
                    xml.dom.minidom.parseString(data)
                except Exception as e:  # expat's errors have no common base class
                    self.check(name + ": " + n + " is well-formed XML", False, str(e))
        spine = "".join(d.decode("utf-8", "replace") for n, d in entries.items() if n.endswith(".xhtml"))
        for text in contains:
            self.check(name + ": the EPUB holds " + text[:20], text in spine)

    def case(self, c):
        d = os.path.join(self.work, c.name.replace(" ", "-").replace("/", "-"))
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for rel, content in c.files.items():
            content = content() if callable(content) else content
            path = os.path.join(d, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content.encode() if isinstance(content, str) else content)
        if c.setup:
            c.setup(d)
        out = os.path.join(d, "out")
        os.makedirs(out)
        target = os.path.join(out, os.path.splitext(os.path.basename(c.source))[0] + ".epub")
        if c.rc != 0:
            with open(target, "wb") as f:
                f.write(PREVIOUS)
        rc, stdout, err, seconds = self.run(["build", c.source, "--epub", "-o", "out"], d)
        self.check_no_crash(c.name, rc, err, seconds)
        self.check(c.name + ": exit code %d" % c.rc, rc == c.rc, "got %s; stderr:\n%s" % (rc, err[:2000]))
        self.check_stderr(c.name, err, c.expect)
        listing = sorted(os.listdir(out))
        self.check(c.name + ": the output folder holds only " + os.path.basename(target),
                   listing == [os.path.basename(target)], str(listing))
        if c.rc != 0:
            with open(target, "rb") as f:
                self.check(c.name + ": the previous EPUB is untouched", f.read() == PREVIOUS)
        elif os.path.exists(target):
            self.check(c.name + ": quiet", err == "", err[:2000])
            self.check_epub(c.name, target, c.contains)
        shutil.rmtree(d, ignore_errors=True)


def write_seeds(folder, max_bytes=64 * 1024):
    """The cases' sources, for the fuzzer's seed corpus (tests/fuzz/run.sh)."""
    for group, cases in GROUPS.items():
        for c in cases:
            source = c.files.get("src.xml")
            if source is None or callable(source):
                continue
            data = source.encode() if isinstance(source, str) else source
            if len(data) <= max_bytes:
                with open(os.path.join(folder, "hostile-%s-%s.xml" % (group, c.name.replace(" ", "-").replace("/", "-"))), "wb") as f:
                    f.write(data)


def main():
    if sys.argv[1] == "--seeds":
        return write_seeds(sys.argv[2])
    huozi, work, group = sys.argv[1], sys.argv[2], sys.argv[3]
    time_limit = TIME_LIMIT * (SANITIZER_SLOWDOWN if "--sanitized" in sys.argv[4:] else 1)
    huozi = os.path.abspath(huozi)
    work = os.path.abspath(os.path.join(work, group))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    runner = Runner(huozi, work, time_limit)
    if group == "output":
        sys.dont_write_bytecode = True  # no __pycache__ in the source tree
        import output_cases
        output_cases.run(runner)
    else:
        for c in GROUPS[group]:
            runner.case(c)
    print("%s: %d checks passed, %d failed" % (group, runner.passed, len(runner.failures)))
    sys.exit(1 if runner.failures else 0)


if __name__ == "__main__":
    main()

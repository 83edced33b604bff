#!/usr/bin/env python3
"""huozi preflight on hostile PDFs (issue 19): each is reported, none crashes,
hangs or takes the machine's memory. usage: preflight_hostile.py HUOZI WORKDIR

Each run has a hang detector (a generous time limit, not a speed test) and a
ceiling on its peak memory, read from the kernel's accounting of the child.
Cases that were once quadratic have a tighter time bound of their own: what
they took before the fix was many times that bound."""
import os
import re
import subprocess
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_bad_pdfs import GOOD_BOXES, document, pdf, stream  # noqa: E402

TIME_LIMIT = 120  # seconds: a hang detector only
SLOWER = 1
if "--sanitized" in sys.argv:  # under ASan and UBSan everything runs several times slower
    sys.argv.remove("--sanitized")
    SLOWER = 5
RSS_LIMIT_MB = 1500  # peak memory of one run (ASan builds included)
FORM = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "


def bomb(size):
    """`size` bytes of NUL (white space in a content stream), deflated about 1,000:1."""
    z = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    return b"".join(z.compress(chunk) for _ in range(size >> 20)) + z.flush()


def fan(levels, calls):
    """Form XObjects from object 6 on (one page): each draws the next `calls` times."""
    objects = []
    for i in range(levels):
        if i + 1 < levels:
            objects.append(stream(b" ".join([b"/Fm Do"] * calls), FORM + b"/Resources << /XObject << /Fm %d 0 R >> >>" % (7 + i)))
        else:
            objects.append(stream(b"0 0 m 1 1 l S", FORM))
    return objects


def with_content(data, compressed):
    """The document's (empty) content stream, object 3, replaced by deflated data; xref rewritten."""
    empty = b"3 0 obj\n" + stream(b"") + b"\nendobj\n"
    assert empty in data
    data = data.replace(empty, b"3 0 obj\n" + stream(compressed, b"/Filter /FlateDecode") + b"\nendobj\n")
    head = data[:data.index(b"xref\n")]
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", head)]
    out = head + b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = data[data.index(b"trailer\n"):data.index(b"startxref")]
    return out + trailer + b"startxref\n%d\n%%%%EOF\n" % len(head)


def parent_loop():
    """A page without a MediaBox whose /Parent chain runs into a loop: the
    page's parent is a /Pages node that names itself as its parent."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 5 0 R /Contents 4 0 R /Resources << >> >>",
                stream(b""),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>",
                b"<< /Title (loop) >>"])


def repeated_xmp_key():
    """XMP (16 MB inflated, 32 KB deflated) that is one key without a value, a million times."""
    xmp = zlib.compress(b"GTS_PDFXVersion>" * 1_000_000, 9)
    return document([GOOD_BOXES], catalog=b" /Metadata 6 0 R",
                    extra_objects=[stream(xmp, b"/Type /Metadata /Subtype /XML /Filter /FlateDecode")])


def big_palette_drawn(draws):
    """An image whose own /ColorSpace is a palette with a 16 MB lookup string, drawn `draws` times."""
    image = stream(b"\x00", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 "
                   b"/ColorSpace [/Indexed /DeviceCMYK 255 (" + bytes(16 << 20) + b")]")
    return document([GOOD_BOXES], b"<< /XObject << /Im1 EXTRA 0 R >> >>", b"/Im1 Do " * draws,
                    extra_objects=[image])


FORM_RESOURCES = b"<< /XObject << /Fm EXTRA 0 R >> >>"
# name: (bytes, exit code, text the report must hold[, seconds allowed])
CASES = {
    # A colour space that names itself (was a stack overflow).
    "selfspace.pdf": (document([GOOD_BOXES], b"<< /ColorSpace << /A /A >> >>", b"/A cs 0 0 m 1 1 l S"),
                      1, "FAIL: a colour space is defined in a loop (or nested too deep): not followed (page 1)"),
    # A form that draws itself four times (was 4^12 walks).
    "selfform.pdf": (document([GOOD_BOXES], FORM_RESOURCES, b"/Fm Do", extra_objects=[
        stream(b"/Fm Do /Fm Do /Fm Do /Fm Do", FORM + b"/Resources << /XObject << /Fm 6 0 R >> >>")]),
        1, "FAIL: form XObject /Fm draws itself: not followed (page 1)"),
    # Twelve forms, each drawing the next four times: 4^11 calls.
    "formfan.pdf": (document([GOOD_BOXES], FORM_RESOURCES, b"/Fm Do", extra_objects=fan(12, 4)),
                    1, "FAIL: content not fully checked: "),
    # 2 MB that inflates to 2 GB, as the page's content.
    "bomb.pdf": (with_content(document([GOOD_BOXES]), bomb(2 << 30)),
                 1, "FAIL: content not fully checked: a stream inflates to more than 64 MB"),
    # Three million operands and no operator; a million q without Q.
    "operands.pdf": (with_content(document([GOOD_BOXES]), zlib.compress(b"1 " * 3_000_000)), 0, "result: ok"),
    "saves.pdf": (with_content(document([GOOD_BOXES]), zlib.compress(b"q " * 1_000_000)), 0, "result: ok"),
    # A /Parent loop above a page without a MediaBox (was a hang).
    "parentloop.pdf": (parent_loop(), 1, "FAIL: no MediaBox (page 1)"),
    # Once quadratic: each repetition of the key was read to the packet's end (106 s).
    "xmpkeys.pdf": (repeated_xmp_key(), 0, "PDF/X          PDF/X-4 (Info)\n", 10),
    # Once quadratic: the 16 MB palette was copied for each draw (a second per thousand).
    "palettedraws.pdf": (big_palette_drawn(30_000), 0, "Indexed on DeviceCMYK (30000 uses)", 10),
    # A good file: one page, said as one page.
    "good.pdf": (document([GOOD_BOXES]), 0, "trim size      142.2 × 212.7 mm (1 page)"),
}


def run(huozi, path, seconds):
    """(exit code, output, peak RSS in MB, seconds) of `huozi preflight path`, or None past `seconds`."""
    with open(path + ".txt", "w+b") as out:
        start = time.monotonic()
        proc = subprocess.Popen([huozi, "preflight", path], stdout=out, stderr=subprocess.STDOUT)
        deadline = start + seconds
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                return None
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"), usage.ru_maxrss / 1024,
                time.monotonic() - start)


def main():
    huozi, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(work, exist_ok=True)
    cases = []
    for name, (data, code, text, *bound) in CASES.items():
        path = os.path.join(work, name)
        open(path, "wb").write(data)
        cases.append((name, path, code, text, (bound[0] if bound else TIME_LIMIT) * SLOWER))
    encrypted = os.path.join(work, "encrypted.pdf")
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", os.path.join(work, "good.pdf"), encrypted],
                   check=True)
    cases.append(("encrypted.pdf", encrypted, 1, "FAIL: the file is encrypted: PDF/X forbids encryption",
                  TIME_LIMIT * SLOWER))
    failures = 0
    for name, path, want_code, want_text, seconds in cases:
        result = run(huozi, path, seconds)
        if result is None:
            print("FAIL: %s: no answer within %d s (a hang, or work that grows too fast)" % (name, seconds))
            failures += 1
            continue
        code, text, rss, took = result
        ok = code == want_code and want_text in text and rss < RSS_LIMIT_MB
        print("%s: %s: exit %d (wanted %d), %.1f s, peak RSS %.0f MB, %r" % (
            "ok" if ok else "FAIL", name, code, want_code, took, rss, want_text))
        if not ok:
            print(text[:3000])
            failures += 1
    print("%d passed, %d failed" % (len(cases) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

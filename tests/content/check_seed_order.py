#!/usr/bin/env python3
"""Checks that a huozi publication holds the text of the seed it was made from.

usage: check_seed_order.py SEED.txt PUBLICATION.xml [--all-characters] [--subsequence]

The text of the publication's <body> is taken in document order, leaving out
<placeholder> descriptions (they describe photos the seed does not have) and a
newspaper page's <banner> (a headline the seed's page has but its text lacks).

By default only Han characters are compared (U+3400-U+9FFF, U+F900-U+FAFF,
U+20000 and above): the seed's sequence must equal the body's. With
--subsequence the seed's sequence need only be a subsequence of the body's
(the body may add Han text).

With --all-characters every character is compared, spaces included: each block
of the body is read as huozi reads it (docs/content-model.md, "Whitespace": a
line break between CJK characters is not a space), and the seed's line breaks
are dropped. Punctuation and digits must be kept exactly (the seed's ASCII
commas stay ASCII commas), and a source line wrapped next to a Latin letter or
digit, which would put a space in the text, is caught.

On a mismatch it prints the first position where the two differ, with the
seed's line number and context on both sides, and exits 1.
"""
import re
import sys
import xml.etree.ElementTree as ET

CONTEXT = 12


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


# Elements whose content is one run of text (inline content in the model).
TEXT_BLOCKS = {"title", "kicker", "subtitle", "p", "byline", "caption", "credit", "li", "line", "th", "td"}


def is_cjk_punctuation(c):  # as in src/util/utf8.cpp
    o = ord(c)
    return (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20
            or 0xFF3B <= o <= 0xFF40 or 0xFF5B <= o <= 0xFF65
            or o in (0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7, 0x2027)
            or 0xFE10 <= o <= 0xFE1F or 0xFE30 <= o <= 0xFE4F)


def is_cjk(c):  # as in src/util/utf8.cpp
    o = ord(c)
    return (0x2E80 <= o <= 0x2FDF or 0x3000 <= o <= 0x30FF or 0x3100 <= o <= 0x31FF
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF
            or is_cjk_punctuation(c))


def collapse(text):
    """Applies the model's whitespace rule to one block's text."""
    out, run = [], None
    for c in text:
        if c in " \t\n\r":
            run = (run or "") + c
            continue
        if run is not None and out:
            before = out[-1]
            vanishes = "\n" in run and (is_cjk_punctuation(before) or is_cjk_punctuation(c)
                                         or (is_cjk(before) and is_cjk(c)))
            if not vanishes:
                out.append(" ")
        run = None
        out.append(c)
    return "".join(out)


def body_text(path, as_read):
    """The body's text; as_read: each block collapsed as the loader does, joined."""
    root = ET.parse(path).getroot()
    body = root.find("body") if root.tag == "publication" else root
    if body is None:
        sys.exit(f"{path}: no <body>")
    parts = []

    def walk(e):
        if e.tag in ("placeholder", "banner"):
            pass
        elif as_read and e.tag in TEXT_BLOCKS:
            parts.append(collapse("".join(e.itertext())))
        else:  # as read, text between blocks is only whitespace (the loader refuses more)
            if not as_read:
                parts.append(e.text or "")
            for child in e:
                walk(child)
        if not as_read:
            parts.append(e.tail or "")

    walk(body)
    return "".join(parts)


def seed_as_read(text):
    """The seed as read: each line trimmed, its spaces collapsed, its line breaks
    kept (keep() drops them: a column break is not a space)."""
    return "\n".join(re.sub(r"[ \t]+", " ", line.strip()) for line in text.split("\n"))


def keep(text, all_characters):
    """Returns the kept characters and, for each, its line number in text."""
    chars, lines = [], []
    line = 1
    for c in text:
        if c == "\n":
            line += 1
        elif all_characters or is_han(c):
            chars.append(c)
            lines.append(line)
    return "".join(chars), lines


def show(s, i):
    return f"…{s[max(0, i - CONTEXT):i]}[{s[i:i + 1] or 'END'}]{s[i + 1:i + 1 + CONTEXT]}…"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--all-characters", "--subsequence"}
    if len(args) != 2 or unknown:
        print(__doc__, file=sys.stderr)
        return 2
    seed_path, xml_path = args
    all_characters = "--all-characters" in flags
    what = "characters" if all_characters else "Han characters"
    with open(seed_path, encoding="utf-8") as f:
        seed_text = f.read()
    if all_characters:
        seed_text = seed_as_read(seed_text)
    seed, seed_lines = keep(seed_text, all_characters)
    xml, _ = keep(body_text(xml_path, all_characters), all_characters)
    if not seed:
        print(f"{seed_path}: no {what} in the seed", file=sys.stderr)
        return 1

    if "--subsequence" in flags:
        j = 0
        for i, c in enumerate(seed):
            while j < len(xml) and xml[j] != c:
                j += 1
            if j == len(xml):
                print(f"FAIL: seed {what} #{i} (seed line {seed_lines[i]}) {show(seed, i)} "
                      f"is not found in order in {xml_path}", file=sys.stderr)
                return 1
            j += 1
        print(f"ok: the seed's {len(seed)} {what} appear in order among the body's {len(xml)}")
        return 0

    i = 0
    while i < len(seed) and i < len(xml) and seed[i] == xml[i]:
        i += 1
    if i == len(seed) == len(xml):
        print(f"ok: the body's {len(xml)} {what} equal the seed's")
        return 0
    line = seed_lines[i] if i < len(seed) else seed_lines[-1]
    print(f"FAIL: {what} differ at #{i} (seed line {line}; seed has {len(seed)}, body has {len(xml)})\n"
          f"  seed: {show(seed, i)}\n"
          f"  body: {show(xml, i)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

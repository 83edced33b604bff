#!/usr/bin/env python3
"""The text a publication's PDF is made from, for pdfcheck.py: every text node
of the body in reading order (includes followed), without what the PDF does not
print as text (ruby annotations, FPO descriptions, metadata).
An oracle independent of huozi's own loader. Usage: source_text.py SOURCE.xml"""
import os
import sys
import xml.etree.ElementTree as ET

SKIP = {"rt", "placeholder", "metadata", "layout"}


def text_of(path, out):
    root = ET.parse(path).getroot()
    walk(root, os.path.dirname(path), out)


def walk(e, folder, out):
    if e.tag in SKIP:
        return
    if e.tag == "include":
        text_of(os.path.join(folder, e.get("src")), out)
        return
    if e.text:
        out.append(e.text)
    for child in e:
        walk(child, folder, out)
        if child.tail:
            out.append(child.tail)


if __name__ == "__main__":
    parts = []
    text_of(sys.argv[1], parts)
    sys.stdout.write("".join(parts))

#!/usr/bin/env python3
"""What a reader's PDF must carry beyond its pages, checked on the features
sample (tests/pdf/data/features.xml) with qpdf's JSON view: bookmarks from the
heading tree, roman page labels for the front matter, links (internal and
external), the JPEG embedded as is (DCTDecode), metadata from the source, and
a tagged, structurally valid file. Usage: structure_check.py FEATURES.pdf"""
import json
import subprocess
import sys

pdf = sys.argv[1]
problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)


j = json.loads(subprocess.run(["qpdf", "--json", pdf], capture_output=True, text=True, check=True).stdout)
titles = [(o["title"], o["destpageposfrom1"]) for o in j["outlines"]]
expect(titles == [("第一章\u3000段落与行内", 2), ("第二章\u3000图与表", 3)], f"outline {titles}")
labels = j["pagelabels"]
# The front matter counts in lower-case roman (as a prefix "i" or as style /r from 1), the body from 1.
roman = labels and (labels[0]["label"].get("/P") == "u:i" or
                    (labels[0]["label"].get("/S") == "/r" and labels[0]["label"].get("/St", 1) == 1))
expect(len(labels) == 2 and roman and labels[1]["label"].get("/S") == "/D" and labels[1]["index"] == 1,
       f"page labels {labels}")
# The table of contents is drawn after the body it lists, then put first.
first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True, check=True).stdout
expect(first.split()[:1] == ["目录"], f"page 1 is not the table of contents: {first[:60]!r}")
raw = open(pdf, "rb").read()
expect(raw.count(b"/Subtype /Link") >= 5, "fewer than 5 link annotations")
expect(b"/URI (https://www.w3.org/TR/clreq/)" in raw, "the external link's URI is missing")
expect(raw.count(b"/DCTDecode") == 1, "the JPEG is not passed through as DCTDecode")
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
expect("Title:           版式样张" in info, "title metadata")
expect("Author:          活字" in info, "author metadata")
expect("CreationDate:    Sat Nov 28 00:00:00 2026" in info, "creation date from the source")
expect("Tagged:          yes" in info, "not tagged")
fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
expect("UKaiCN" in fonts, "<em> is not set in the Kai face (AR PL UKai CN)")
expect("NotoSansCJKsc-Bold" in fonts, "<strong> and headings are not in the sans bold face")
check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
expect(check.returncode == 0, "qpdf --check: " + check.stdout[-300:] + check.stderr[-300:])
for p in problems:
    print("FAIL:", p)
print(f"{pdf}: {len(problems)} problems")
sys.exit(1 if problems else 0)

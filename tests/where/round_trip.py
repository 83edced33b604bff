#!/usr/bin/env python3
"""`huozi where` both ways on a publication: every block element of the source
(paragraph, title, verse line, byline, caption, credit, note, list item, table
cell), found by parsing the XML here rather than taken from huozi's map, is
printed on some page; its place leads to the page, column and line of its
first line, and that line leads back to its place.

Usage: round_trip.py HUOZI SOURCE.xml"""
import os
import re
import subprocess
import sys
import xml.parsers.expat

BLOCKS = {"p", "title", "line", "byline", "caption", "credit", "note", "li", "td", "th", "kicker", "subtitle"}


def blocks_of(path, name, in_body):
    """(name, line, column) of each block element of the file; name as huozi names the file."""
    found = []
    depth = {"body": 1 if in_body else 0}
    parser = xml.parsers.expat.ParserCreate()

    def start(tag, attrs):
        if tag == "body":
            depth["body"] += 1
        # Columns: expat counts bytes from 0, huozi characters from 1 (the samples indent with spaces).
        if depth["body"] and tag in BLOCKS:
            found.append((name, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        if tag == "include":
            found.extend(blocks_of(os.path.join(os.path.dirname(path), attrs["src"]), attrs["src"], True))

    def end(tag):
        if tag == "body":
            depth["body"] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with open(path, "rb") as f:
        parser.Parse(f.read(), True)
    return found


def run(huozi, *args):
    p = subprocess.run([huozi, "where", *args], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        sys.exit(f"FAIL: huozi where {' '.join(args[:4])}… exited {p.returncode}: {p.stderr}")
    return p.stdout.splitlines()


def main():
    huozi, source = sys.argv[1], sys.argv[2]
    # The map, for the first line of each block: page, folio, column, line.
    first = {}
    pattern = re.compile(r"page (\d+) folio (\S+) column (\d+) line (\d+) (\S+) line (\d+)( generated)?$")
    lines = run(huozi, source, "--map")
    for entry in lines:
        m = pattern.match(entry)
        assert m, f"map line not understood: {entry}"
        page, folio, column, line, place, of_block, generated = m.groups()
        if of_block == "1" and not generated and place not in first:
            first[place] = (page, folio, column, line)
    failures = []
    places = [f"{name}:{line}:{col}" for name, line, col in blocks_of(source, source, False)]
    assert len(places) >= 20, f"only {len(places)} blocks found in {source}"
    for place in places:
        if place not in first:
            failures.append(f"{place}: not in the map (not printed, or printed at another place)")
    places = [p for p in places if p in first]
    # Forward, all places in one run: the page, column and line of the block's first line.
    answers = run(huozi, source, *places)
    assert len(answers) == len(places), "one answer a place"
    for place, answer in zip(places, answers):
        page, folio, column, line = first[place]
        want = f"page {page} folio {folio} column {column} line {line} (the block at {place})"
        if answer != want:
            failures.append(f"{place}: forward gave '{answer}', the map says '{want}'")
    # Backward, all lines in one run: each line gives the block's place.
    questions = []
    for place in places:
        page, folio, column, line = first[place]
        questions += ["--page", folio, "--column", column, "--line", line]
    answers = run(huozi, source, *questions)
    assert len(answers) == len(places), "one answer a line"
    for place, answer in zip(places, answers):
        if f"{place} line 1 of the block" not in answer.split("; "):
            failures.append(f"{place}: its line {first[place]} leads back to '{answer}'")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(places)} blocks of {source}: {len(places) - len(failures)} round trips")
    sys.exit(1 if failures else 0)


main()

#!/usr/bin/env python3
"""Prints a PDF's page order as its catalog states it, read with QPDF (not
with huozi): "R2L" when /ViewerPreferences has /Direction /R2L (pages turn to
the right: a book bound on the right), "L2R" otherwise.

usage: page_order.py FILE.pdf
"""
import json
import subprocess
import sys


def main():
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]], check=True,
                         capture_output=True, text=True).stdout
    objects = json.loads(out)["qpdf"][1]

    def resolve(value):
        # An indirect reference "N G R" is the object "obj:N G R"; anything else is itself.
        if isinstance(value, str) and value.endswith(" R"):
            return objects.get("obj:" + value, {}).get("value")
        return value

    root = resolve(objects["trailer"]["value"]["/Root"]) or {}
    preferences = resolve(root.get("/ViewerPreferences")) or {}
    print("R2L" if resolve(preferences.get("/Direction")) == "/R2L" else "L2R")


main()

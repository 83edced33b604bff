#!/usr/bin/env python3
"""Self-test of vertical_check.py: every check can fail.

usage: vertical_check_test.py [--tools DIR] [PDF[:verse] ...]

Feeds the hand-made MuPDF structured text under vertical_check_data/ (size 10,
four columns, the foot at 90 pt; see the comment at the top of each file):
good.stext meets every bar, and each other file breaks one of them. Verse mode
(--verse) must waive the prose bars and keep the others. PDFs named on the
command line are measured too, and their numbers printed (append ":verse" to
measure one as verse), e.g. the samples built with --writing-mode vertical.
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "vertical_check_data")  # not under data/: tests copy that folder flat
TOOLS = os.path.join(HERE, "..", "..", "..", "shared", "tools")


def check(*args):
    p = subprocess.run([sys.executable, os.path.join(HERE, "vertical_check.py"), "--tools", TOOLS, *args],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError("vertical_check.py %s failed: %s" % (" ".join(args), p.stderr))
    return json.loads(p.stdout)


def fixture(name, *args):
    return check("--stext", os.path.join(DATA, name + ".stext"), "--size", "10", *args)


class Fixtures(unittest.TestCase):
    def failures(self, res, *starts):
        """The failures are exactly the ones starting with these strings, in order."""
        self.assertEqual(len(res["failures"]), len(starts), res["failures"])
        for f, s in zip(res["failures"], starts):
            self.assertTrue(f.startswith(s), "%r does not start with %r" % (f, s))

    def test_good_page_meets_every_bar(self):
        res = fixture("good")
        self.failures(res)
        # the 縦中横 "20" is one cell of the third column, "abc" part of the second
        self.assertEqual(res["columns"], 4)
        self.assertEqual(res["column_foot_pt"], 90)
        self.assertEqual((res["punct_pairs"], res["punct_compressed"]), (3, 3))
        self.assertEqual((res["han_latin_pairs"], res["han_latin_spaced"]), (2, 2))
        self.assertEqual((res["han_gap_p95_em"], res["han_gap_max_em"]), (0.0, 0.0))
        self.assertEqual((res["overfull_columns"], res["kinsoku"], res["presentation_forms"]), (0, 0, 0))

    def test_overfull_column(self):
        res = fixture("overfull")
        self.assertEqual(res["overfull_columns"], 1)
        self.failures(res, "overfull columns: 1")
        self.failures(fixture("overfull", "--verse"), "overfull columns: 1")

    def test_loose_column(self):
        res = fixture("loose")
        self.assertEqual(res["han_gap_p95_em"], 0.4)
        self.assertEqual(res["han_gap_max_em"], 0.4)
        self.failures(res, "Han spacing p95 0.400 em > 0.15")
        self.failures(fixture("loose", "--verse"))

    def test_kinsoku(self):
        res = fixture("kinsoku")
        self.assertEqual(res["kinsoku"], 2)
        self.assertEqual(res["examples"]["kinsoku"], ["p1: [start] 」不亦乎", "p1: [end] 子曰「"])
        self.failures(res, "kinsoku violations in columns: 2")
        self.failures(fixture("kinsoku", "--verse"), "kinsoku violations in columns: 2")

    def test_uncompressed_pair(self):
        res = fixture("uncompressed")
        self.assertEqual((res["punct_pairs"], res["punct_compressed"]), (3, 2))
        self.failures(res, "uncompressed mark pairs: 1 of 3")
        self.failures(fixture("uncompressed", "--verse"))
        # zh-Hant: its three pairs each hold a centred stop, which it sets full.
        res = fixture("uncompressed", "--centred-stops")
        self.assertEqual((res["punct_pairs"], res["punct_compressed"]), (0, 0))
        self.failures(res)

    def test_unspaced_latin(self):
        res = fixture("unspaced")
        self.assertEqual((res["han_latin_pairs"], res["han_latin_spaced"]), (2, 0))
        self.failures(res, "unspaced Han-Latin pairs: 2 of 2")
        self.failures(fixture("unspaced", "--verse"))

    def test_presentation_forms(self):
        res = fixture("presentation")
        self.assertEqual(res["presentation_forms"], 2)
        self.failures(res, "vertical presentation forms in the text: 2")
        self.failures(fixture("presentation", "--verse"), "vertical presentation forms in the text: 2")

    def test_horizontal_text_is_not_measured(self):
        res = fixture("horizontal")
        self.assertEqual(res["columns"], 0)
        self.failures(res, "no vertical columns found")


def report(pdfs):
    keys = ("pages", "columns", "overfull_columns", "han_gap_p95_em", "han_gap_max_em", "kinsoku", "punct_pairs",
            "punct_compressed_pct", "han_latin_pairs", "han_latin_spaced_pct", "presentation_forms")
    for arg in pdfs:
        pdf, _, mode = arg.partition(":")
        res = check(pdf, *(["--verse"] if mode == "verse" else []))
        print("%s (%s)" % (pdf, res["mode"]))
        print("  " + ", ".join("%s %s" % (k, res[k]) for k in keys))
        for f in res["failures"]:
            print("  FAIL: " + f)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--tools"]:
        TOOLS, args = args[1], args[2:]
    ok = unittest.main(argv=[sys.argv[0]], exit=False).result.wasSuccessful()
    if args:
        report(args)
    sys.exit(0 if ok else 1)

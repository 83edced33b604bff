#!/usr/bin/env python3
"""Writes the source of a book whose one chapter holds 200 pieces with a note
each (some 150 KB of text; issue 18, item 7): the EPUB splits it at its
sections. Used by long_chapter.sh (both checkers) and by the Ace and
reading-system tests. Usage: long_chapter_source.py OUT/publication.xml"""
import os
import sys

piece = ("山不在高有仙則名水不在深有龍則靈斯是陋室惟吾德馨苔痕上階綠草色入簾青談笑有鴻儒往來無白丁"
         "可以調素琴閱金經無絲竹之亂耳無案牘之勞形南陽諸葛廬西蜀子雲亭孔子云何陋之有")
sections = "".join('<section id="s%d"><title>第%d首</title><p>%s<note>第%d注。</note>%s</p></section>'
                   % (i, i, piece * 2, i, piece) for i in range(1, 201))
os.makedirs(os.path.dirname(os.path.abspath(sys.argv[1])), exist_ok=True)
open(sys.argv[1], "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<publication xml:lang="zh-Hant"><metadata><title>長書</title>'
    '<identifier scheme="uuid">urn:uuid:11111111-2222-3333-4444-555555555555</identifier><date>2026-12-03</date>'
    '<creator role="edt">編者</creator></metadata><body><chapter id="long"><title>長章</title><p>引言。</p>'
    + sections + '<p>見<a href="#s200">末首</a>。</p></chapter></body></publication>\n')

#!/usr/bin/env python3
"""huozi against Typst 0.14 and XeLaTeX (ctex) on the narrow-measure paragraphs (issue 14).

usage: peers.py HUOZI WORKDIR [--widths 11,13] [--tools DIR] [--scripts zh-Hans,zh-Hant] [--json FILE]

The paragraphs of tests/narrow/paragraphs.xml (and its zh-Hant twin) are set
by each tool at each width: the same text block (N em of 10.5 pt, 2 em side
margins, 200 mm pages), body 10.5 pt, Noto Serif CJK SC (TC for zh-Hant) for
Han and Latin alike, 2 em first-line indent, justified, one unnumbered heading
per section. huozi through tests/narrow/measure.py; Typst through
bench/typst/compile.js (npm, bench/run installs it); XeLaTeX with ctexart, its
defaults otherwise (TeX lets a line run past the edge when it finds no
better break: those are the overfull lines). Every PDF goes through the same
typocheck.py and pdfcheck.py (measure.check_pdf). Prints a Markdown table.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, 'tests', 'narrow'))
import measure  # noqa: E402

FONT = {'zh-Hans': 'Noto Serif CJK SC', 'zh-Hant': 'Noto Serif CJK TC'}
REGION = {'zh-Hans': 'CN', 'zh-Hant': 'TW'}


def blocks(xml_path):
    """The body as (kind, text): 'title' for a section's title, 'p' for a paragraph."""
    body = ET.parse(xml_path).getroot().find('body')
    return [(el.tag, ''.join(el.itertext()).strip()) for el in body.iter() if el.tag in ('title', 'p')]


def typst_source(xml_path, script, width_em):
    size = measure.BODY_PT
    out = [f'#set page(width: {(width_em + 4) * size}pt, height: 200mm, margin: (x: {2 * size}pt, y: 15mm))',
           f'#set text(font: "{FONT[script]}", size: {size}pt, lang: "zh", region: "{REGION[script]}")',
           '#set par(justify: true, leading: 0.7em, spacing: 0.7em, first-line-indent: (amount: 2em, all: true))',
           '#show heading: set text(size: 1.15em, weight: "regular")', '']
    for kind, text in blocks(xml_path):
        lit = '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
        out.append(f'#heading(level: 2, {lit})' if kind == 'title' else f'#{lit}')
        out.append('')
    return '\n'.join(out)


TEX_SPECIAL = {c: '\\' + c for c in '#$%&_{}'}
TEX_SPECIAL.update({'\\': r'\textbackslash{}', '~': r'\textasciitilde{}', '^': r'\textasciicircum{}'})


def tex_source(xml_path, script, width_em):
    size = measure.BODY_PT
    esc = lambda s: ''.join(TEX_SPECIAL.get(c, c) for c in s)
    out = [r'\documentclass[UTF8,zihao=5,fontset=none]{ctexart}',
           rf'\usepackage[paperwidth={(width_em + 4) * size}pt,paperheight=200mm,textwidth={width_em * size}pt,'
           rf'hmargin={2 * size}pt,vmargin=15mm]{{geometry}}',
           rf'\setCJKmainfont{{{FONT[script]}}}', rf'\setmainfont{{{FONT[script]}}}',
           r'\linespread{1.133}', r'\pagestyle{empty}',
           r'\ctexset{section={format=\large\raggedright, numbering=false}}',
           r'\begin{document}']
    for kind, text in blocks(xml_path):
        out.append(rf'\section*{{{esc(text)}}}' if kind == 'title' else esc(text) + '\n')
    out.append(r'\end{document}')
    return '\n'.join(out) + '\n'


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f'peers.py: {" ".join(cmd)} failed ({p.returncode}):\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}')
    return p.stdout


def typst_pdf(xml_path, script, width_em, d):
    src = os.path.join(d, 'paragraphs.typ')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(typst_source(xml_path, script, width_em))
    pdf = os.path.join(d, 'typst.pdf')
    run(['node', os.path.join(REPO, 'bench', 'typst', 'compile.js'), src, pdf])
    return pdf


def xelatex_pdf(xml_path, script, width_em, d):
    with open(os.path.join(d, 'paragraphs.tex'), 'w', encoding='utf-8') as f:
        f.write(tex_source(xml_path, script, width_em))
    run(['xelatex', '-interaction=batchmode', '-halt-on-error', 'paragraphs.tex'], cwd=d)
    return os.path.join(d, 'paragraphs.pdf')


TOOLS = {'Typst 0.14': typst_pdf, 'XeLaTeX': xelatex_pdf}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('huozi')
    ap.add_argument('workdir')
    ap.add_argument('--widths', default='11,13')
    ap.add_argument('--scripts', default='zh-Hans,zh-Hant')
    ap.add_argument('--tools', default=measure.default_tools())
    ap.add_argument('--json')
    a = ap.parse_args()
    rows = []
    for w in map(int, a.widths.split(',')):
        for script in a.scripts.split(','):
            r = measure.build_one(os.path.abspath(a.huozi), script, w, a.workdir, a.tools)
            rows.append(dict(r, tool='huozi'))
            xml_path = measure.SOURCES[script]
            for tool, make in TOOLS.items():
                d = os.path.join(a.workdir, f'{tool.split()[0].lower()}-{script}-{w}em')
                shutil.rmtree(d, ignore_errors=True)
                os.makedirs(d)
                text = os.path.join(d, 'source.txt')
                with open(text, 'w', encoding='utf-8') as f:
                    f.write(measure.source_text(xml_path))
                pdf = make(xml_path, script, w, d)
                r = measure.check_pdf(pdf, text, a.tools)
                rows.append(dict(r, tool=tool, script=script, width=w, pdf=pdf,
                                 block_em=round(measure.text_block_em(pdf), 2)))
    print('| width | script | tool | lines | overfull | kinsoku | Han gap p95 em | max em | lonely | '
          'Han–Latin spaced % | recall pdftotext / MuPDF | added hyphens |')
    print('| ---: | --- | --- |' + ' ---: |' * 9)
    for r in rows:
        print(f"| {r['width']} em | {r['script']} | {r['tool']} | {r['lines']} | {r['overfull']} | {r['kinsoku']} | "
              f"{r['p95']} | {r['max']} | {r['lonely']} | {r['hl_pct']} | {r['recall']} / {r['recall_mutool']} | {r['extra_hyphens']} |")
    for r in rows:
        if abs(r['block_em'] - r['width']) > 0.3:
            print(f"warning: {r['tool']} {r['script']} {r['width']} em: lines measure {r['block_em']} em",
                  file=sys.stderr)
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())

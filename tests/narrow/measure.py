#!/usr/bin/env python3
"""Narrow measures (issue 14): the hard paragraphs set at 8, 11, 13, 17 and 21 em.

usage: measure.py HUOZI WORKDIR [--assert] [--widths 8,11,13,17,21] [--tools DIR] [--json FILE]

For each width and script (paragraphs.xml is zh-Hans, paragraphs-hant.xml
zh-Hant) it writes WORKDIR/<script>-<N>em/publication.xml, the source with its
<layout/> set to a page one measure + 4 em wide (2 em margins each side, wider
for 8 em, plus half a millimetre that the layout's rounding takes back), builds
the PDF with HUOZI, checks with `huozi lines` and the PDF's own lines that the
measure is N em, and runs the shared typocheck.py and pdfcheck.py on it. It
prints one row per width and script:

  overfull  lines past the column's right edge (typocheck)
  kinsoku   lines starting or ending with a prohibited mark (pdfcheck)
  p95, max  extra space between adjacent Han characters, em (typocheck)
  lonely    paragraph-ending lines with one Han character (typocheck)
  hl%       Han-Latin/digit boundaries spaced 0.15-0.6 em (typocheck)
  recall    copy-out character recall: pdfcheck's (pdftotext), and MuPDF's text
            (pdftotext drops a source "-" that ends a line: URLs broken after "-")
  added -   hyphens in the copied text that the source does not have

With --assert it exits 1 unless issue 14's targets hold: 0 overfull, 0 kinsoku,
MuPDF recall 1.0 and no added hyphen at every width, Han gap p95 <= 0.2 em and max <= 0.6 em at
11 em and wider. The functions set_measure, source_text and check_pdf are used
by bench/narrow/peers.py too, so that the peers are measured the same way.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = {'zh-Hans': os.path.join(HERE, 'paragraphs.xml'), 'zh-Hant': os.path.join(HERE, 'paragraphs-hant.xml')}
WIDTHS = (8, 11, 13, 17, 21)
BODY_PT = 10.5
MIN_ROWS = 4  # pages with fewer text lines are left out of typocheck (full_pages_only)
EM_MM = BODY_PT * 25.4 / 72
TARGETS = {'p95': 0.2, 'max': 0.6, 'from_width': 11}


def default_tools():
    for d in (os.environ.get('HUOZI_SHARED_DIR'), os.path.join(HERE, '..', '..', '..', 'shared'), '/work/shared'):
        if d and os.path.exists(os.path.join(d, 'tools', 'typocheck.py')):
            return os.path.join(d, 'tools')
    return None


def page_geometry_mm(width_em):
    """A page and side margins that leave exactly width_em of text: 2 em margins (wider
    when the page would be under huozi's 50 mm minimum), plus half a millimetre that
    the layout's rounding down to whole ems takes back."""
    page = max(60.0, (width_em + 4) * EM_MM + 0.5)
    return page, (page - width_em * EM_MM - 0.5) / 2


def set_measure(xml, width_em):
    """The source text with its <layout/> set for a measure of width_em."""
    page, margin = page_geometry_mm(width_em)
    layout = (f'<layout size="{page:.2f}x200mm" margin-inner="{margin:.2f}mm" margin-outer="{margin:.2f}mm" '
              f'margin-top="15mm" margin-bottom="15mm" running-heads="no" toc="no"/>')
    out, n = re.subn(r'<layout\s[^>]*/>', layout, xml, count=1)
    if n != 1:
        raise SystemExit('measure.py: the source has no <layout/> to rewrite')
    return out


def source_text(xml_path):
    """Every character of the body (titles and paragraphs), for pdfcheck's recall."""
    body = ET.parse(xml_path).getroot().find('body')
    return '\n'.join(''.join(el.itertext()) for el in body.iter() if el.tag in ('title', 'p')) + '\n'


def run_json(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f'measure.py: {" ".join(cmd)} failed:\n{p.stderr}')
    return json.loads(p.stdout)


def mark_run_continues(example, source):
    """Whether pdfcheck's kinsoku example is a line that opens with a whole doubled mark
    (—— or ……) carried on from a run of several such marks in the source: issue 14 lets
    a run wider than the measure break between two whole marks, which pdfcheck, knowing
    no runs, counts as a mark at a line start."""
    m = re.match(r'p\d+: \[start\] ([—…])\1', example)
    return bool(m) and m.group(1) * 4 in source


def full_pages_only(pdf):
    """The PDF without its pages of fewer than MIN_ROWS text lines (a copy beside it), for
    typocheck: it finds a column's right edge as its most common line end and cuts
    columns at white bands that at most two rows cross, so on a last page of two lines
    (a full one and a paragraph's short end) it reads one of them as overfull. The lines
    of such pages are still checked for overfull by huozi's own line report (lines.txt)."""
    counts = [len(rows) for rows in pdf_rows(pdf)]
    keep = [str(i + 1) for i, n in enumerate(counts) if n >= MIN_ROWS or n == 0]
    if len(keep) == len(counts):
        return pdf
    out = pdf[:-4] + '-full-pages.pdf'
    subprocess.run(['qpdf', '--empty', '--pages', pdf, ','.join(keep), '--', out], check=True)
    return out


def check_pdf(pdf, text_file, tools):
    """typocheck + pdfcheck of one PDF, reduced to the table's columns."""
    t = run_json([sys.executable, os.path.join(tools, 'typocheck.py'), full_pages_only(pdf), '--size', str(BODY_PT)])
    c = run_json([sys.executable, os.path.join(tools, 'pdfcheck.py'), pdf, text_file, '--examples', '100000'])
    k = c.get('kinsoku', {})
    with open(text_file, encoding='utf-8') as f:
        source = f.read()
    kinsoku = [e for e in k.get('examples', []) if not mark_run_continues(e, source)]
    return {
        'lines': t['lines'], 'overfull': t['overfull_lines'],
        'kinsoku': len(kinsoku),
        'kinsoku_examples': kinsoku[:4],
        'p95': t['han_gap_p95_em'], 'max': t['han_gap_max_em'],
        'lonely': t['lonely_last_lines'], 'hl_pct': t['han_latin_spaced_pct'],
        'punct_pct': t['punct_compressed_pct'], 'dash_gaps': t['dash_gaps'],
        'recall': c['fidelity']['char_recall'], 'recall_mutool': mutool_recall(pdf, text_file),
        'extra_hyphens': extra_hyphens(pdf, text_file),
        'missing': c['fidelity'].get('missing_top', ''),
    }


def measured_lines(huozi, source, width_em):
    """`huozi lines --width Nem`: the paragraphs' lines at the measure (a cross-check of the PDF's)."""
    p = subprocess.run([huozi, 'lines', '--width', f'{width_em}em', source], capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else None


def pdf_rows(pdf):
    """Per page, per baseline: the glyphs (x0, x1, char) of MuPDF's structured text, ink only."""
    xml = subprocess.run(['mutool', 'draw', '-F', 'stext', '-o', '-', pdf], capture_output=True, check=True).stdout
    for page in ET.fromstring(xml).iter('page'):
        rows = {}
        for ch in page.iter('char'):
            if (ch.get('c') or '').strip():
                q = [float(v) for v in ch.get('quad').split()]
                rows.setdefault(round(float(ch.get('y')), 1), []).append((q[0], q[2], ch.get('c')))
        yield [sorted(r) for _, r in sorted(rows.items())]


def text_block_em(pdf):
    """The measure as set: the most common line end less the most common line start, in em."""
    starts, ends = Counter(), Counter()
    for rows in pdf_rows(pdf):
        for r in rows:
            starts[round(r[0][0])] += 1
            ends[round(r[-1][1])] += 1
    return (ends.most_common(1)[0][0] - starts.most_common(1)[0][0]) / BODY_PT


def mutool_recall(pdf, text_file):
    """Character recall against MuPDF's text: pdftotext joins a line ending in "-" to the
    next and drops the hyphen (a URL broken after "annual-" loses a source character
    there), MuPDF keeps every glyph. Whitespace is ignored, as pdfcheck does."""
    got, want = copied_and_source(pdf, text_file)
    return round(sum(min(n, got[c]) for c, n in want.items()) / max(1, sum(want.values())), 5)


def extra_hyphens(pdf, text_file):
    """Hyphens in the copied-out text (MuPDF) beyond the source's: a hyphen added at a
    break that copies out as a character (a soft hyphen U+00AD does not count)."""
    got, want = copied_and_source(pdf, text_file)
    return max(0, sum(got[c] - want[c] for c in '-\u2010\u2011'))


def copied_and_source(pdf, text_file):
    got = Counter(c for rows in pdf_rows(pdf) for r in rows for _, _, c in r)
    with open(text_file, encoding='utf-8') as f:
        want = Counter(c for c in f.read() if not c.isspace())
    return got, want


def worst_lines(pdf, n):
    """The n lines with the widest extra space between two Han characters: (gap em, page, text)."""
    han = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')
    found = []
    for page, rows in enumerate(pdf_rows(pdf), 1):
        for r in rows:
            gaps = [(b[0] - a[1]) / (a[1] - a[0]) for a, b in zip(r, r[1:]) if han.match(a[2]) and han.match(b[2])]
            if gaps:
                found.append((round(max(gaps), 2), page, ''.join(c for _, _, c in r)))
    return sorted(found, reverse=True)[:n]


def build_one(huozi, script, width_em, workdir, tools):
    d = os.path.join(workdir, f'{script}-{width_em}em')
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, 'publication.xml')
    with open(SOURCES[script], encoding='utf-8') as f:
        xml = set_measure(f.read(), width_em)
    with open(src, 'w', encoding='utf-8') as f:
        f.write(xml)
    p = subprocess.run([huozi, 'build', src, '--pdf', '-o', d], capture_output=True, text=True)
    pdf = os.path.join(d, os.path.basename(d) + '.pdf')
    if p.returncode != 0 or not os.path.exists(pdf):
        raise SystemExit(f'measure.py: huozi build {src} failed:\n{p.stderr}')
    text = os.path.join(d, 'source.txt')
    with open(text, 'w', encoding='utf-8') as f:
        f.write(source_text(src))
    row = check_pdf(pdf, text, tools)
    row.update(script=script, width=width_em, pdf=pdf, block_em=round(text_block_em(pdf), 2))
    lines = measured_lines(huozi, src, width_em)
    if lines is not None:
        with open(os.path.join(d, 'lines.txt'), 'w', encoding='utf-8') as f:
            f.write(lines)
        row['overfull'] += lines.count('\toverfull')  # huozi's own flag, every page (0 when typocheck's are)
    return row


def failures(row):
    out = []
    if row['overfull']:
        out.append(f"{row['overfull']} overfull")
    if row['kinsoku']:
        out.append(f"{row['kinsoku']} kinsoku")
    if row['recall_mutool'] != 1.0:  # pdftotext's recall loses a source "-" at a line end
        out.append(f"recall {row['recall_mutool']} (MuPDF), {row['recall']} (pdftotext)")
    if row['extra_hyphens']:
        out.append(f"{row['extra_hyphens']} hyphens added to the copied text")
    if row['width'] >= TARGETS['from_width']:
        if row['p95'] is not None and row['p95'] > TARGETS['p95']:
            out.append(f"p95 {row['p95']} > {TARGETS['p95']}")
        if row['max'] is not None and row['max'] > TARGETS['max']:
            out.append(f"max {row['max']} > {TARGETS['max']}")
    return out


def table(rows, first='width'):
    head = f"| {first} | script | lines | overfull | kinsoku | Han gap p95 em | max em | lonely | Han–Latin spaced % | recall pdftotext / MuPDF | added - |"
    out = [head, '| ' + ' | '.join(['---'] * 2 + ['---:'] * 9) + ' |']
    for r in rows:
        label = r.get('label', f"{r['width']} em")
        out.append(f"| {label} | {r['script']} | {r['lines']} | {r['overfull']} | {r['kinsoku']} | {r['p95']} | "
                   f"{r['max']} | {r['lonely']} | {r['hl_pct']} | {r['recall']} / {r['recall_mutool']} | {r['extra_hyphens']} |")
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('huozi')
    ap.add_argument('workdir')
    ap.add_argument('--assert', dest='check', action='store_true', help="exit 1 unless issue 14's targets hold")
    ap.add_argument('--widths', default=','.join(map(str, WIDTHS)))
    ap.add_argument('--tools', default=default_tools(), help='the shared tools folder (typocheck.py, pdfcheck.py)')
    ap.add_argument('--json', help='also write the rows as JSON here')
    ap.add_argument('--worst', type=int, default=0, help='print the N loosest lines of each PDF')
    a = ap.parse_args()
    if not a.tools:
        raise SystemExit('measure.py: no shared tools folder found; give --tools')
    rows = [build_one(os.path.abspath(a.huozi), script, int(w), a.workdir, a.tools)
            for w in a.widths.split(',') for script in SOURCES]
    print(table(rows))
    bad = []
    for r in rows:
        if abs(r['block_em'] - r['width']) > 0.6:  # a full line's ink is the measure, give or take half an em
            print(f"warning: {r['script']} at {r['width']} em: the widest line is {r['block_em']} em", file=sys.stderr)
        for k in r['kinsoku_examples']:
            print(f"  kinsoku {r['script']} {r['width']} em: {k}")
        for gap, page, text in worst_lines(r['pdf'], a.worst):
            print(f"  loose {r['script']} {r['width']} em: gap {gap} em, page {page}: {text}")
        f = failures(r)
        if f:
            bad.append(f"{r['script']} {r['width']} em: " + ', '.join(f))
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    if bad:
        print('targets of issue 14 not met:\n  ' + '\n  '.join(bad))
    return 1 if a.check and bad else 0


if __name__ == '__main__':
    sys.exit(main())

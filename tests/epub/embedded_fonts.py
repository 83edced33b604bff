#!/usr/bin/env python3
"""The embedded fonts (`huozi build --epub-fonts`, issue 18) work in a reading
system that has no CJK face at all: a chapter of the Tang sample is rendered
in headless Chromium under a fontconfig that knows no font, once from the EPUB
with fonts and once from the EPUB without, and compared with the same chapter
rendered with the machine's fonts (the Noto faces huozi embeds).

With fonts embedded the page must look as it does with the system's faces
(the same outlines); without them it must not (tofu or nothing), which shows
the test can fail. Usage: embedded_fonts.py HUOZI SOURCE.xml WORKDIR"""
import os
import shutil
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'raster'))
from compare_pdf import compare, read_png  # noqa: E402

CHAPTER = 'EPUB/chapter-001.xhtml'


def build(huozi, source, out, *options):
    os.makedirs(out, exist_ok=True)
    done = subprocess.run([huozi, 'build', source, '--epub', *options, '-o', out], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit('huozi failed:\n' + done.stderr)
    epub = done.stdout.strip().splitlines()[-1]
    folder = os.path.join(out, 'unzipped')
    zipfile.ZipFile(epub).extractall(folder)
    return folder, done.stderr


def screenshot(folder, png, fontconfig):
    env = dict(os.environ)
    if fontconfig:
        env['FONTCONFIG_FILE'] = fontconfig
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                    '--window-size=390,700', '--virtual-time-budget=5000', '--screenshot=' + png, os.path.join(folder, CHAPTER)],
                   env=env, capture_output=True, timeout=120, check=True)
    return read_png(png)


def main():
    huozi, source, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # A machine with one Latin face and no CJK one (with no font at all Chromium draws no text).
    latin = subprocess.run(['fc-match', '-f', '%{file}', 'DejaVu Sans'], capture_output=True, text=True).stdout
    han = subprocess.run(['fc-list', ':charset=6c49', 'file'], capture_output=True, text=True).stdout
    if not latin or os.path.basename(latin) in han:
        sys.exit('no Latin-only face (DejaVu Sans) to stand for a reader without CJK fonts')
    empty = os.path.join(work, 'no-cjk-fonts.conf')
    with open(empty, 'w') as f:
        f.write('<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n'
                % (os.path.dirname(latin), os.path.join(work, 'fc-cache')))

    with_fonts, notes = build(huozi, source, os.path.join(work, 'with'), '--epub-fonts')
    without, _ = build(huozi, source, os.path.join(work, 'without'))
    if 'the EPUB embeds' not in notes:
        sys.exit('FAIL: no size note printed:\n' + notes)
    print(notes.strip())

    reference = screenshot(without, os.path.join(work, 'system-fonts.png'), None)
    embedded = screenshot(with_fonts, os.path.join(work, 'embedded-no-system-fonts.png'), empty)
    bare = screenshot(without, os.path.join(work, 'no-fonts-at-all.png'), empty)

    mean, block, where = compare(embedded, reference)
    print('embedded faces, no system font, against the system faces: mean %.2f %%, worst block %.1f %% at %s'
          % (mean, block, where))
    bare_mean, bare_block, _ = compare(bare, reference)
    print('no embedded face, no system font, against the system faces: mean %.2f %%, worst block %.1f %%'
          % (bare_mean, bare_block))
    # The same outlines at the same places: Chromium rasterises a web font a
    # little differently (measured mean 0.64 %, worst block 2.2 %; 7 % when the
    # subset lost 'chws' and adjacent punctuation took full cells); without the
    # faces the text is missing (measured worst block 40 %).
    failed = False
    if mean > 1.0 or block > 5:
        print('FAIL: with embedded fonts the chapter does not look as with the system faces')
        failed = True
    if bare_block < 10:
        print('FAIL: without fonts the chapter looks the same: this test shows nothing')
        failed = True
    sys.exit(1 if failed else 0)


main()

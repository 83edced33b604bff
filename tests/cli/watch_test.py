#!/usr/bin/env python3
"""`huozi watch` end to end (issue 16 part 3), as an editor uses it: a book
with an included chapter is watched; each save (in place, or by rename as
vim and most editors do) gives one build and one line; the outputs are those
`huozi build` writes from the same source, byte for byte (the paragraph cache
changes nothing); a broken edit prints file:line:col and leaves the last good
outputs as they were; a file that is not the publication's (an editor's swap
file) builds nothing; no temporary file is left; SIGINT ends it with 0.

Usage: watch_test.py HUOZI WORKDIR"""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

huozi, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
shutil.rmtree(work, ignore_errors=True)
pub, out, ref = os.path.join(work, 'pub'), os.path.join(work, 'out'), os.path.join(work, 'ref')
os.makedirs(pub)

PUBLICATION = '''<?xml version="1.0" encoding="UTF-8"?>
<publication xml:lang="zh-Hans">
  <metadata>
    <title>看守测试</title>
    <identifier scheme="uuid">urn:uuid:0b9c8f3e-3d3e-4a55-9d56-2f0c1a7e5b01</identifier>
    <date>2026-12-03</date>
  </metadata>
  <body>
    <chapter><title>第一章</title>
      <p>第一章的第一段。</p>
    </chapter>
    <include src="ch2.xml"/>
  </body>
</publication>
'''
CHAPTER = '''<?xml version="1.0" encoding="UTF-8"?>
<fragment>
  <chapter><title>第二章</title>
    <p>PARAGRAPH</p>
  </chapter>
</fragment>
'''


def write(name, text, by_rename=False):
    path = os.path.join(pub, name)
    if by_rename:
        with open(path + '.tmp~', 'w') as f:
            f.write(text)
        os.rename(path + '.tmp~', path)
    else:
        with open(path, 'w') as f:
            f.write(text)


write('publication.xml', PUBLICATION)
write('ch2.xml', CHAPTER.replace('PARAGRAPH', '原来的段落。'))

failures = []


def check(name, ok, detail=''):
    print(('ok   ' if ok else 'FAIL ') + name + (': ' + detail if detail and not ok else ''))
    if not ok:
        failures.append(name)


env = dict(os.environ, SOURCE_DATE_EPOCH='1764720000')
# A quiet time well above the gaps this test leaves inside one save (40 ms),
# so that a busy machine cannot stretch them past it.
watch = subprocess.Popen([huozi, 'watch', os.path.join(pub, 'publication.xml'), '--quiet', '300', '-o', out],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put(l.rstrip('\n')) for l in watch.stdout], daemon=True).start()
errors = []
threading.Thread(target=lambda: [errors.append(l.rstrip('\n')) for l in watch.stderr], daemon=True).start()


def next_line(timeout=20):
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return None


def no_more_lines(seconds=1.5):
    time.sleep(seconds)
    extra = []
    while not lines.empty():
        extra.append(lines.get())
    return extra


def reference_build():
    shutil.rmtree(ref, ignore_errors=True)
    subprocess.run([huozi, 'build', os.path.join(pub, 'publication.xml'), '-o', ref], env=env,
                   capture_output=True, check=True)


def same_outputs():
    return all(open(os.path.join(out, 'pub' + ext), 'rb').read() == open(os.path.join(ref, 'pub' + ext), 'rb').read()
               for ext in ('.epub', '.pdf'))


try:
    first = next_line()
    check('the first build is reported', first is not None and 'built in' in first, str(first))
    check('it lists the EPUB and the PDF', first is not None and 'pub.epub' in first and 'pub.pdf' in first)
    reference_build()
    check('its outputs are what huozi build writes', same_outputs())

    # An edit in place to the included chapter.
    write('ch2.xml', CHAPTER.replace('PARAGRAPH', '改过的段落，第一次。'))
    line = next_line()
    check('an edit in place builds once', line is not None and 'ch2.xml changed; built in' in line, str(line))
    check('only the edited paragraph is set anew',
          line is not None and re.search(r'\((\d+) settings? new', line) is not None
          and int(re.search(r'\((\d+) settings? new', line).group(1)) <= 2, str(line))
    check('no second build for one save', no_more_lines() == [])
    reference_build()
    check('after the edit: the outputs are what huozi build writes', same_outputs())

    # A save by rename, as editors do.
    write('ch2.xml', CHAPTER.replace('PARAGRAPH', '改过的段落，第二次。'), by_rename=True)
    line = next_line()
    check('a save by rename builds once', line is not None and 'ch2.xml changed; built in' in line, str(line))
    check('no second build for the rename', no_more_lines() == [])
    reference_build()
    check('after the rename: the outputs are what huozi build writes', same_outputs())

    # An editor's swap file is not the publication.
    write('.ch2.xml.swp', 'x')
    write('ch2.xml~', 'x')
    check('swap and backup files build nothing', no_more_lines() == [])

    # A save as vim makes it: the old file moved to a backup, a swap file
    # written, then the new file; the swap file's event must not end the wait
    # while the source is missing (which would build and report an error).
    os.rename(os.path.join(pub, 'ch2.xml'), os.path.join(pub, 'ch2.xml~'))
    time.sleep(0.01)
    write('.ch2.xml.swx', 'x')
    time.sleep(0.03)
    write('ch2.xml', CHAPTER.replace('PARAGRAPH', '改过的段落，第三次。'))
    line = next_line()
    check('a save in steps builds once, without error', line is not None and 'built in' in line, str(line))
    check('no second build for the steps', no_more_lines() == [])

    # A broken edit: diagnostics, and the last good outputs stand.
    good = {ext: open(os.path.join(out, 'pub' + ext), 'rb').read() for ext in ('.epub', '.pdf')}
    write('ch2.xml', CHAPTER.replace('PARAGRAPH', '<b>未闭合'))
    line = next_line()
    check('a broken edit is reported', line is not None and 'error' in line and 'last good outputs stand' in line,
          str(line))
    time.sleep(0.3)
    check('it names the file, line and column', any(re.search(r'ch2\.xml:\d+:\d+: error', e) for e in errors),
          '\n'.join(errors))
    check('the last good outputs are untouched',
          all(open(os.path.join(out, 'pub' + ext), 'rb').read() == good[ext] for ext in good))

    # Fixed again.
    write('ch2.xml', CHAPTER.replace('PARAGRAPH', '修好了。'))
    line = next_line()
    check('the fix builds', line is not None and 'built in' in line, str(line))
    reference_build()
    check('after the fix: the outputs are what huozi build writes', same_outputs())
    # A folder moved in holds an included file: its arrival is a change.
    write('publication.xml', PUBLICATION.replace('<include src="ch2.xml"/>',
                                                 '<include src="ch2.xml"/>\n    <include src="parts/ch3.xml"/>'))
    line = next_line()
    check('an include of a missing folder is an error', line is not None and 'error' in line, str(line))
    staged = os.path.join(work, 'parts')
    os.makedirs(staged)
    with open(os.path.join(staged, 'ch3.xml'), 'w') as f:
        f.write(CHAPTER.replace('第二章', '第三章').replace('PARAGRAPH', '移进来的一章。'))
    os.rename(staged, os.path.join(pub, 'parts'))
    line = next_line()
    check('a folder moved in builds', line is not None and 'built in' in line, str(line))
    check('no temporary file is left in the output folder',
          sorted(os.listdir(out)) == ['pub.epub', 'pub.pdf'], str(os.listdir(out)))
finally:
    watch.send_signal(signal.SIGINT)
    try:
        code = watch.wait(timeout=10)
    except subprocess.TimeoutExpired:
        watch.kill()
        code = None
check('SIGINT ends the watch with 0', code == 0, str(code))

# An output folder that holds the publication would see the build's own files.
refused = subprocess.run([huozi, 'watch', os.path.join(pub, 'publication.xml'), '-o', pub], capture_output=True,
                         text=True, timeout=20)
check('-o the publication folder is refused', refused.returncode == 1 and 'give -o another folder' in refused.stderr,
      refused.stderr)

# An output folder inside the publication's, made by the first build: its
# making is not a change to the publication (no second build).
inside = subprocess.Popen([huozi, 'watch', os.path.join(pub, 'publication.xml'), '-o', os.path.join(pub, 'out')],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
inside_lines = queue.Queue()
threading.Thread(target=lambda: [inside_lines.put(l) for l in inside.stdout], daemon=True).start()
try:
    first = inside_lines.get(timeout=20)
    check('a watch with -o inside the publication builds', 'built in' in first, first)
    time.sleep(1.5)
    check('making its output folder starts no build', inside_lines.empty())
except queue.Empty:
    check('a watch with -o inside the publication builds', False, 'no line')
finally:
    inside.send_signal(signal.SIGINT)
    inside.wait(timeout=10)

bad = subprocess.run([huozi, 'watch', os.path.join(pub, 'publication.xml'), '--quiet', '5'], capture_output=True,
                     text=True, timeout=20)
check('--quiet out of range is a usage error', bad.returncode == 2 and '--quiet takes' in bad.stderr, bad.stderr)

print('%d failed' % len(failures))
sys.exit(1 if failures else 0)

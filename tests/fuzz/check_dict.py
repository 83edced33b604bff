#!/usr/bin/env python3
"""Checks a libFuzzer dictionary the way libFuzzer parses it (ParseOneDictionaryEntry
in FuzzerUtil.cpp), so a bad entry fails the ordinary test suite instead of the
fuzz stage of ./test.sh: each line is blank, a # comment, or [name=]"value" where
the value holds printable ASCII or spaces, with \\\\, \\" and \\xNN escapes only.
Non-ASCII text (Han characters) must be written as \\xNN bytes."""
import re
import sys

ENTRY = re.compile(r'^\s*(?:[A-Za-z0-9_]+=)?"(.*)"\s*$')


def value_ok(value):
    i = 0
    while i < len(value):
        c = value[i]
        if not (0x20 <= ord(c) < 0x7F or c in ' \t'):
            return False
        if c == '\\':
            nxt = value[i + 1:i + 2]
            if nxt in ('\\', '"'):
                i += 2
                continue
            if nxt == 'x' and re.fullmatch(r'[0-9A-Fa-f]{2}', value[i + 2:i + 4]):
                i += 4
                continue
            return False
        i += 1
    return True


def main(path):
    bad = 0
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            text = line.rstrip('\n')
            if not text.strip() or text.lstrip().startswith('#'):
                continue
            m = ENTRY.match(text)
            if not m or not value_ok(m.group(1)):
                print(f'{path}:{number}: not an entry libFuzzer can read: {text}'
                      ' (write non-ASCII bytes as \\xNN)')
                bad += 1
    if bad:
        return 1
    print(f'{path}: every entry parses')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))

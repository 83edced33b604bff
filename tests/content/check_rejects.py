#!/usr/bin/env python3
"""Checks that invalid sources are refused, by the schema or by the loader.

usage: check_rejects.py schema XMLLINT SCHEMA.rng FILE.xml...
       check_rejects.py load HUOZI FILE.xml...

schema: `xmllint --noout --relaxng SCHEMA FILE` must fail with a validity error
        (exit status 3), not pass, and not fail because the file is malformed
        or the schema does not compile.
load:   `huozi check FILE` must exit 1 and print the message that the file's
        leading comment names after "loader:".
Every file is tried; the exit status is 1 if any was accepted.
"""
import re
import subprocess
import sys

XMLLINT_VALIDITY_ERROR = 3


def expected_message(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"loader:\s*(.+?)\s*-->", f.read(), re.S)
    return m.group(1) if m else None


def check_schema(xmllint, schema, path):
    r = subprocess.run([xmllint, "--noout", "--relaxng", schema, path], capture_output=True, text=True)
    if r.returncode == XMLLINT_VALIDITY_ERROR:
        first = next((l for l in r.stderr.splitlines() if "error" in l), r.stderr.strip())
        return True, first
    if r.returncode == 0:
        return False, "the schema accepts it"
    return False, f"xmllint exit {r.returncode}, not a validity error:\n{r.stderr.strip()}"


def check_load(huozi, path):
    want = expected_message(path)
    if not want:
        return False, 'no "loader: message" comment in the file'
    r = subprocess.run([huozi, "check", path], capture_output=True, text=True)
    out = r.stdout + r.stderr
    if r.returncode != 1:
        return False, f"huozi check exit {r.returncode} (want 1):\n{out.strip()}"
    if want not in out:
        return False, f'huozi check did not report "{want}":\n{out.strip()}'
    return True, want


def main(argv):
    if len(argv) >= 5 and argv[1] == "schema":
        xmllint, schema, files = argv[2], argv[3], argv[4:]
        run = lambda f: check_schema(xmllint, schema, f)
    elif len(argv) >= 4 and argv[1] == "load":
        huozi, files = argv[2], argv[3:]
        run = lambda f: check_load(huozi, f)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for f in files:
        ok, why = run(f)
        print(f"{'rejected' if ok else 'FAIL'}: {f}: {why}", file=sys.stdout if ok else sys.stderr)
        failed += not ok
    if failed:
        print(f"{failed} of {len(files)} invalid files were not rejected as expected", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Hostile input, round 2 (issue 19): nothing lost, nothing truncated, no crash, no hang.

Usage: output_safety_test.py HUOZI WORKDIR

  full disk      `build --print` on a small tmpfs, filled so that each output in
                 turn (EPUB, PDF, print PDF, cover) runs out of space: exit 1,
                 "No space left on device", every file either the previous good
                 one untouched or a complete new one, no temporary left
  two builds     of one source into one folder at once: both succeed; a temporary
                 whose process is alive stays, a dead process's goes
  TMPDIR         missing or a file: `--print` fails with a message, no abort
  long folder    a current folder longer than PATH_MAX: a message, no abort
  HUOZI_OUTPUT_ICC  /dev/zero, a FIFO, a folder, a 100 MB file: refused at once
                 with the variable's name, in bounded memory, nothing printed
  wide cover     more than 14,400 units across: refused with the numbers
  stdout         on /dev/full: every command that prints exits 1 and says so
  empty body     (or one without text): refused, nothing written

Mounting a tmpfs needs root; where it is not permitted the full-disk cases say SKIP.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_test import chapter, publication  # noqa: E402
from output_cases import incompressible_source, mount_tmpfs, unmount  # noqa: E402

TIME_LIMIT = 60  # seconds per run: a hang detector
MEMORY_LIMIT = 1 << 30  # address space per run: reading /dev/zero whole must not take the machine
if "--sanitized" in sys.argv:  # under ASan and UBSan everything runs several times slower
    sys.argv.remove("--sanitized")
    TIME_LIMIT *= 5
    MEMORY_LIMIT = None  # ASan reserves terabytes of address space for its shadow: no limit can hold
OUTPUTS = ["src.epub", "src.pdf", "src-print.pdf", "src-cover.pdf"]
PREVIOUS = {name: b"the previous good " + name.encode() for name in OUTPUTS}
NO_SPACE = "No space left on device"


class Runner:
    def __init__(self, huozi, work):
        self.huozi, self.work = huozi, work
        self.failures, self.passed = [], 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failures.append(name)
            print("FAIL: %s%s" % (name, ("\n      " + str(detail).replace("\n", "\n      ")) if detail else ""))
        return ok

    def run(self, args, cwd, env=None, stdout=subprocess.PIPE, steps=None):
        """Runs huozi (in cwd, then each of steps in turn); returns (rc, stdout, stderr).
        rc is None on a timeout, negative for a signal."""
        full_env = dict(os.environ, **(env or {}))
        command = [self.huozi] + args

        def prepare():
            if MEMORY_LIMIT:
                resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            for step in steps or []:
                os.chdir(step)
        try:
            r = subprocess.run(command, cwd=cwd, env=full_env, stdout=stdout, stderr=subprocess.PIPE,
                               timeout=TIME_LIMIT, preexec_fn=prepare)
            out = r.stdout.decode("utf-8", "replace") if r.stdout else ""
            return r.returncode, out, r.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            return None, "", (e.stderr or b"").decode("utf-8", "replace")

    def no_crash(self, name, rc, err):
        self.check(name + ": finishes within %d s" % TIME_LIMIT, rc is not None)
        self.check(name + ": no crash", rc is not None and 0 <= rc < 128, "exit code %s\n%s" % (rc, err[-2000:]))
        self.check(name + ": no uncaught exception", "terminate called" not in err, err[-2000:])

    def failed_with(self, name, rc, err, expect):
        self.no_crash(name, rc, err)
        self.check(name + ": exit code 1", rc == 1, "got %s; stderr:\n%s" % (rc, err[-2000:]))
        self.check(name + ": says why", expect in err, "expected: %s\n     got: %s" % (expect, err[-2000:]))

    def folder(self, name, source):
        path = os.path.join(self.work, name)
        if os.path.ismount(os.path.join(path, "out")):
            unmount(os.path.join(path, "out"))
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(os.path.join(path, "out"))
        with open(os.path.join(path, "src.xml"), "w", encoding="utf-8") as f:
            f.write(source)
        return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def put_previous(out):
    for name, data in PREVIOUS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def complete(name, data):
    """A whole output: a PDF ends with its trailer, an EPUB with the zip's end of central directory."""
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF-") and b"%%EOF" in data[-64:] and (b"trailer" in data or b"/XRef" in data)
    return data.startswith(b"PK") and b"PK\x05\x06" in data[-4096:]


def check_outputs(runner, name, out, previous_kept):
    """Every output is the previous one untouched or complete; no temporary is left."""
    listing = sorted(os.listdir(out))
    hidden = [n for n in listing if n.startswith(".")]
    runner.check(name + ": no temporary left", not hidden, str(listing))
    for output in OUTPUTS:
        path = os.path.join(out, output)
        data = read(path) if os.path.exists(path) else None
        if output in previous_kept:
            runner.check(name + ": the previous %s is untouched" % output, data == PREVIOUS[output],
                         "%s bytes" % (len(data) if data is not None else "no file"))
        else:
            runner.check(name + ": %s is complete" % output, data is not None and complete(output, data),
                         "%s bytes" % (len(data) if data is not None else "no file"))


def free_bytes(path):
    s = os.statvfs(path)
    return s.f_bavail * s.f_frsize


def fill(out, leave):
    """Writes a filler file so that about `leave` bytes stay free."""
    excess = free_bytes(out) - leave
    if excess > 0:
        with open(os.path.join(out, "filler"), "wb") as f:
            f.write(b"\0" * excess)


def full_disk(runner):
    """Each output in turn meets a full disk."""
    source = incompressible_source(20000)
    good = runner.folder("full-disk-sizes", source)
    rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], good)
    if not runner.check("full disk: a good build to measure", rc == 0, err):
        return
    page = 4096
    sizes = [-(-os.path.getsize(os.path.join(good, "out", n)) // page) * page for n in OUTPUTS]
    for k, failing in enumerate(OUTPUTS):
        name = "full disk at %s" % failing
        path = runner.folder("full-disk-%d" % k, source)
        out = os.path.join(path, "out")
        if not mount_tmpfs(out, "%dk" % ((sum(sizes) * 2 + (1 << 20)) // 1024)):
            print("SKIP: %s (mounting a tmpfs is not permitted here)" % name)
            return
        try:
            put_previous(out)
            # The earlier outputs fit (each frees the page of the previous file it replaces); this one does not.
            fill(out, sum(sizes[:k]) - k * page + sizes[k] // 2)
            rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], path)
            runner.failed_with(name, rc, err, NO_SPACE)
            runner.check(name + ": the disk was filled", os.path.exists(os.path.join(out, "filler")))
            if os.path.exists(os.path.join(out, "filler")):
                os.remove(os.path.join(out, "filler"))
            check_outputs(runner, name, out, set(OUTPUTS[k:]))
        finally:
            unmount(out)


def temporaries(out, prefix=".src.epub.tmp-"):
    return sorted(n for n in os.listdir(out) if n.startswith(prefix))


def two_builds(runner):
    """A second build into the same folder, of a source of the same name, while the first writes."""
    name = "two builds at once"
    path = runner.folder("two-builds", incompressible_source(3_000_000))
    out = os.path.join(path, "out")
    args = [runner.huozi, "build", "src.xml", "--epub", "-o", "out"]
    first = subprocess.Popen(args, cwd=path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # libzip writes the archive into a temporary of its own, named after huozi's, on closing.
    zip_writing = lambda: [n for n in temporaries(out) if "." in n[len(".src.epub.tmp-"):]]
    deadline = time.monotonic() + TIME_LIMIT
    while not zip_writing() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    runner.check(name + ": the first is writing", zip_writing() and first.poll() is None, str(os.listdir(out)))
    # The second, of a small source of the same name, reaches its own writing while the first is still at it.
    os.makedirs(os.path.join(path, "small"))
    with open(os.path.join(path, "small", "src.xml"), "w", encoding="utf-8") as f:
        f.write(good_source())
    second = subprocess.run(args[:2] + ["small/src.xml"] + args[3:], cwd=path, capture_output=True,
                            timeout=TIME_LIMIT)
    _, first_err = first.communicate(timeout=TIME_LIMIT)
    runner.check(name + ": the first succeeds", first.returncode == 0, first_err.decode()[-2000:])
    runner.check(name + ": the second succeeds", second.returncode == 0, second.stderr.decode()[-2000:])
    runner.check(name + ": a complete EPUB", complete("src.epub", read(os.path.join(out, "src.epub"))))
    runner.check(name + ": no temporary left", not temporaries(out), str(os.listdir(out)))

    # Left by others: one of a live process (this test) stays, one of a dead process goes.
    dead = subprocess.Popen(["true"])
    dead.wait()
    alive_name = ".src.epub.tmp-%d-abcdef" % os.getpid()
    dead_name = ".src.epub.tmp-%d-abcdef" % dead.pid
    for n in (alive_name, dead_name):
        with open(os.path.join(out, n), "w") as f:
            f.write("x")
        os.utime(os.path.join(out, n), (time.time() - 3600, time.time() - 3600))
    with open(os.path.join(path, "src.xml"), "w", encoding="utf-8") as f:
        f.write(publication(chapter("<p>活字</p>")))
    rc, _, err = runner.run(["build", "src.xml", "--epub", "-o", "out"], path)
    runner.check(name + ", rebuilt: exit code 0", rc == 0, err)
    runner.check(name + ", rebuilt: a live build's temporary stays, a dead one's goes",
                 temporaries(out) == [alive_name], str(temporaries(out)))


def good_source():
    return publication(chapter("<p>活字印刷</p>"))


def tmpdir(runner):
    for name, value in [("TMPDIR missing", "/nonexistent/huozi-tmp"), ("TMPDIR a file", "src.xml")]:
        path = runner.folder(name.replace(" ", "-"), good_source())
        put_previous(os.path.join(path, "out"))
        value = value if value.startswith("/") else os.path.join(path, value)
        rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], path, env={"TMPDIR": value})
        runner.failed_with(name, rc, err, "TMPDIR=" + value)
        for output in OUTPUTS[2:]:
            runner.check(name + ": the previous %s is untouched" % output,
                         read(os.path.join(path, "out", output)) == PREVIOUS[output])


def long_folder(runner):
    """A current folder whose path is longer than PATH_MAX (4,096), reached by cd one step at a time."""
    path = runner.folder("long-folder", good_source())
    steps, fd = [], os.open(path, os.O_RDONLY)
    for i in range(24):
        step = ("%02d" % i) + "d" * 198
        os.mkdir(step, dir_fd=fd)
        fd2 = os.open(step, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = fd2
        steps.append(step)
    with open(os.open("src.xml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as f:
        f.write(good_source())
    os.close(fd)
    for args in (["check", "src.xml"], ["pages", "src.xml"], ["lines", "src.xml"],
                 ["build", "src.xml", "-o", "out"]):
        name = "long folder: " + args[0]
        rc, _, err = runner.run(args, path, steps=steps)
        runner.no_crash(name, rc, err)
        runner.check(name + ": succeeds or says why", rc == 0 or "cannot find where the file is" in err,
                     "exit %s: %s" % (rc, err[-2000:]))


def output_icc(runner):
    path = runner.folder("output-icc", good_source())
    os.mkfifo(os.path.join(path, "fifo.icc"))
    os.makedirs(os.path.join(path, "folder.icc"))
    with open(os.path.join(path, "big.icc"), "wb") as f:
        f.truncate(100 << 20)  # sparse: no disk taken
    for name, value, why in [("/dev/zero", "/dev/zero", "not a regular file"),
                             ("a FIFO", "fifo.icc", "not a regular file"),
                             ("a folder", "folder.icc", "not a regular file"),
                             ("100 MB", "big.icc", "100 MB is more than an ICC profile's 64 MB"),
                             ("missing", "missing.icc", "No such file or directory")]:
        name = "HUOZI_OUTPUT_ICC " + name
        put_previous(os.path.join(path, "out"))
        rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], path, env={"HUOZI_OUTPUT_ICC": value})
        runner.failed_with(name, rc, err, "HUOZI_OUTPUT_ICC: cannot read the ICC profile %s: %s" % (value, why))
        for output in OUTPUTS[2:]:
            runner.check(name + ": the previous %s is untouched" % output,
                         read(os.path.join(path, "out", output)) == PREVIOUS[output])


def wide_cover(runner):
    """2000 mm pages, 2 mm paper and some 1,100 pages: a spine of 1.1 m makes the sheet wider than 5,080 mm."""
    layout = '<layout size="2000x2000mm" paper-thickness="2mm" chapter-start="recto" toc="no"/>'
    body = "".join(chapter("<p>活字</p>") for _ in range(560))
    path = runner.folder("wide-cover", publication(body, metadata_extra="").replace("</metadata>",
                                                                                   "</metadata>\n" + layout))
    put_previous(os.path.join(path, "out"))
    rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], path)
    runner.failed_with("cover wider than 14,400 units", rc, err, "a PDF page can be")
    runner.check("wide cover: says how wide", "mm wide (the spine alone" in err, err[-2000:])
    for output in OUTPUTS[2:]:
        runner.check("wide cover: the previous %s is untouched" % output,
                     read(os.path.join(path, "out", output)) == PREVIOUS[output])


def full_stdout(runner):
    path = runner.folder("stdout", good_source())
    rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "good"], path)
    runner.check("stdout: a good build for preflight", rc == 0, err)
    for args in (["build", "src.xml", "-o", "out"], ["pages", "src.xml"], ["lines", "src.xml"],
                 ["preflight", "good/src-print.pdf"], ["--version"], ["--help"]):
        name = "stdout on /dev/full: " + " ".join(args[:1])
        with open("/dev/full", "wb") as full:
            rc, _, err = runner.run(args, path, stdout=full)
        runner.failed_with(name, rc, err, "huozi: error: cannot write to standard output: " + NO_SPACE)


def empty_body(runner):
    for body, where in [("", "src.xml: error"), ("<section/>", "src.xml:8:1: error"),
                        ("<p> </p>", "src.xml:8:1: error"), ("<table></table>", "src.xml:8:1: error")]:
        name = "body %s" % (body or "empty")
        path = runner.folder("empty-body-%d" % len(body), publication(body))
        rc, _, err = runner.run(["build", "src.xml", "--print", "-o", "out"], path)
        runner.failed_with(name, rc, err, where + ": the <body> holds no text and no picture")
        runner.check(name + ": nothing written", os.listdir(os.path.join(path, "out")) == [],
                     str(os.listdir(os.path.join(path, "out"))))
        for command in ("check", "pages"):
            rc, _, err = runner.run([command, "src.xml"], path)
            runner.failed_with(name + ", " + command, rc, err, "the <body> holds no text and no picture")


def main():
    huozi, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    runner = Runner(huozi, work)
    only = sys.argv[3:]
    for case in (full_disk, two_builds, tmpdir, long_folder, output_icc, wide_cover, full_stdout, empty_body):
        if not only or case.__name__ in only:
            case(runner)
    print("%d checks passed, %d failed" % (runner.passed, len(runner.failures)))
    sys.exit(1 if runner.failures else 0)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()

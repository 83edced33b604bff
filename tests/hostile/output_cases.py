"""Output that cannot be written, and builds that are interrupted (issue 7).

An unwritable folder and a full disk are simulated with a tmpfs (as root; where
mounting is not permitted those two cases say SKIP and a folder whose parent is a
regular file stands in). Every failure must leave the previous good EPUB intact
and no file beside it; a build killed with SIGKILL must leave no partial NAME.epub,
and the next build removes the temporary file the killed one left.
"""
import os
import random
import shutil
import signal
import subprocess
import time

from hostile_test import PREVIOUS, chapter, publication

TEMP_PREFIX = ".src.epub.tmp-"  # util/atomic_file.cpp: "." + target name + ".tmp-" + PID + "-XXXXXX"


def small_source():
    return publication(chapter("<p>活字印刷</p>"))


def incompressible_source(characters=100000):
    """A source whose EPUB is some 200 KB: random Han characters deflate poorly."""
    rng = random.Random(7)
    text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(characters))
    return publication(chapter("<p>" + text + "</p>"))


class Folder:
    """The case's folder: src.xml, and out/ holding the previous good src.epub."""

    def __init__(self, runner, name, source):
        self.path = os.path.join(runner.work, name)
        shutil.rmtree(self.path, ignore_errors=True)
        os.makedirs(self.path)
        self.write("src.xml", source)
        self.out = os.path.join(self.path, "out")
        os.makedirs(self.out)

    def write(self, rel, text):
        with open(os.path.join(self.path, rel), "w", encoding="utf-8") as f:
            f.write(text)

    def put_previous(self):
        with open(os.path.join(self.out, "src.epub"), "wb") as f:
            f.write(PREVIOUS)


def mount_tmpfs(path, size):
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path], capture_output=True)
    return r.returncode == 0


def unmount(path):
    subprocess.run(["umount", path], capture_output=True)


def check_failed_write(runner, name, folder, rc, err, expect):
    runner.check(name + ": exit code 1", rc == 1, "got %s; stderr:\n%s" % (rc, err[:2000]))
    runner.check(name + ": says why", expect in err, "expected: %s\n     got: %s" % (expect, err[:2000]))
    listing = sorted(os.listdir(folder.out))
    runner.check(name + ": no file beside the previous EPUB", listing == ["src.epub"], str(listing))
    with open(os.path.join(folder.out, "src.epub"), "rb") as f:
        runner.check(name + ": the previous EPUB is untouched", f.read() == PREVIOUS)


def read_only_folder(runner):
    name = "read-only output folder"
    folder = Folder(runner, "read-only", small_source())
    if not mount_tmpfs(folder.out, "1m"):
        print("SKIP: %s (mounting a tmpfs is not permitted here)" % name)
        return
    try:
        folder.put_previous()
        subprocess.run(["mount", "-o", "remount,ro", folder.out], check=True)
        rc, _, err, seconds = runner.run(["build", "src.xml", "--epub", "-o", "out"], folder.path)
        runner.check_no_crash(name, rc, err, seconds)
        check_failed_write(runner, name, folder, rc, err,
                           "out/src.epub: error: cannot create a file in out: Read-only file system")
    finally:
        unmount(folder.out)


def full_disk(runner):
    name = "full disk"
    folder = Folder(runner, "full-disk", incompressible_source())
    if not mount_tmpfs(folder.out, "64k"):
        print("SKIP: %s (mounting a tmpfs is not permitted here)" % name)
        return
    try:
        folder.put_previous()
        rc, _, err, seconds = runner.run(["build", "src.xml", "--epub", "-o", "out"], folder.path)
        runner.check_no_crash(name, rc, err, seconds)
        check_failed_write(runner, name, folder, rc, err, "No space left on device")
    finally:
        unmount(folder.out)


def output_is_not_a_folder(runner):
    for name, out, expect in [
        ("output folder under a regular file", "a-file/out",
         "huozi: error: cannot create output folder a-file/out: Not a directory"),
        ("output folder is a regular file", "a-file", "huozi: error: cannot create output folder a-file: Not a directory"),
    ]:
        folder = Folder(runner, name.replace(" ", "-"), small_source())
        folder.write("a-file", "not a folder")
        rc, _, err, seconds = runner.run(["build", "src.xml", "--epub", "-o", out], folder.path)
        runner.check_no_crash(name, rc, err, seconds)
        runner.check(name + ": exit code 1", rc == 1, "got %s" % rc)
        runner.check(name + ": says why", err.startswith(expect), "expected: %s\n     got: %s" % (expect, err))
        with open(os.path.join(folder.path, "a-file")) as f:
            runner.check(name + ": the file is untouched", f.read() == "not a folder")


def target_is_a_folder(runner):
    name = "NAME.epub is a folder"
    folder = Folder(runner, "target-folder", small_source())
    os.makedirs(os.path.join(folder.out, "src.epub", "inside"))
    rc, _, err, seconds = runner.run(["build", "src.xml", "--epub", "-o", "out"], folder.path)
    runner.check_no_crash(name, rc, err, seconds)
    runner.check(name + ": exit code 1", rc == 1, "got %s" % rc)
    runner.check(name + ": says why", err.startswith("out/src.epub: error: cannot write out/src.epub: Is a directory"),
                 err)
    runner.check(name + ": nothing beside it", sorted(os.listdir(folder.out)) == ["src.epub"], str(os.listdir(folder.out)))
    runner.check(name + ": the folder is untouched", os.listdir(os.path.join(folder.out, "src.epub")) == ["inside"])


def temporaries(out):
    return sorted(n for n in os.listdir(out) if n.startswith(TEMP_PREFIX))


def killed_build(runner):
    """SIGKILL while the EPUB is being written, then build again."""
    name = "build killed with SIGKILL"
    folder = Folder(runner, "killed", incompressible_source(3_000_000))
    folder.put_previous()
    process = subprocess.Popen([runner.huozi, "build", "src.xml", "--epub", "-o", "out"], cwd=folder.path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + runner.time_limit
    while not temporaries(folder.out) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.05)  # into the writing
    seen = temporaries(folder.out)
    process.send_signal(signal.SIGKILL)
    process.wait()
    runner.check(name + ": killed while writing", process.returncode == -signal.SIGKILL and seen,
                 "exit %s, temporaries seen %s" % (process.returncode, seen))
    with open(os.path.join(folder.out, "src.epub"), "rb") as f:
        runner.check(name + ": the previous EPUB is untouched", f.read() == PREVIOUS)
    names = [n for n in os.listdir(folder.out) if not n.startswith(".")]
    runner.check(name + ": no partial file", names == ["src.epub"], str(names))

    # The next build removes what the killed one left, and only that: a
    # temporary newer than the build (another build running) and other
    # outputs' temporaries stay.
    future = os.path.join(folder.out, TEMP_PREFIX + "future")
    other = os.path.join(folder.out, ".other.epub.tmp-abcdef")
    for path in (future, other):
        with open(path, "w") as f:
            f.write("x")
    os.utime(future, (time.time() + 3600, time.time() + 3600))
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    folder.write("src.xml", small_source())
    rc, _, err, seconds = runner.run(["build", "src.xml", "--epub", "-o", "out"], folder.path)
    runner.check_no_crash(name + ", rebuilt", rc, err, seconds)
    runner.check(name + ", rebuilt: exit code 0", rc == 0, err)
    listing = sorted(os.listdir(folder.out))
    runner.check(name + ", rebuilt: the stale temporary is gone", listing ==
                 sorted([".other.epub.tmp-abcdef", TEMP_PREFIX + "future", "src.epub"]), str(listing))
    with open(os.path.join(folder.out, "src.epub"), "rb") as f:
        runner.check(name + ", rebuilt: a new EPUB", f.read(2) == b"PK")


def run(runner):
    output_is_not_a_folder(runner)
    target_is_a_folder(runner)
    read_only_folder(runner)
    full_disk(runner)
    killed_build(runner)

"""The built site is never lost (plugins/portal/output/swap.py): builds in
one checkout run one at a time, and `output/` always points at a complete
site, whatever happens to a build, `kill -9` included.

A watcher checks the invariant every few milliseconds while builds run and
die: `output/` resolves to a folder holding every file of a complete build.
The many-round tests use a small builder that goes through the same steps
as `invoke build` (lock, clean-up, new folder, write, mark complete, switch)
but writes a few files instead of running Pelican, so that 50 rounds take
seconds; the last tests run the real `invoke build`."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project

ROUNDS = 50
FILES = ("index.html", "kim/contoh/index.html", "berita/index.html", "zz-terakhir.html")

BUILDER = f"""
import sys, time
from pathlib import Path
from portal.output import swap

target, pause = Path(sys.argv[1]), float(sys.argv[2])
with swap.build_lock(target):
    print("mulai", flush=True)
    if sys.argv[3:] == ["tunggu"]:
        sys.stdin.readline()  # the test says when to go on
    swap.recover(target)
    swap.remove(swap.leftovers(target))
    fresh = swap.new_build(target)
    for name in {FILES!r}:
        path = fresh / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x" * 1000)
        time.sleep(pause)
    swap.mark_complete(fresh)
    previous = swap.switch(target, fresh)
    if previous is not None:
        swap.remove([Path(str(previous) + ".lengkap"), previous])
print("selesai")
"""


class Watcher:
    """Checks, until stopped, that `target` is a complete site."""

    def __init__(self, target, files=FILES):
        self.target, self.files = Path(target), files
        self.broken, self.looks = [], 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        while not self._stop.is_set():
            missing = [name for name in self.files if not (self.target / name).is_file()]
            if missing:
                self.broken.append(f"{time.monotonic():.3f}: {missing}")
            self.looks += 1
            time.sleep(0.002)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()


def start_builder(folder, pause=0.01, *extra):
    return subprocess.Popen([sys.executable, "-c", BUILDER, "output", str(pause), *extra],
                            cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(process, timeout=30):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def build_folders(folder):
    versi = folder / "output.versi"
    return sorted(p.name for p in versi.iterdir() if p.is_dir()) if versi.is_dir() else []


@pytest.fixture
def checkout(tmp_path):
    folder = tmp_path / "proyek"
    folder.mkdir()
    code, log = finish(start_builder(folder, pause=0))
    assert code == 0, log
    return folder


def test_concurrent_builds_take_turns_and_never_lose_the_site(checkout):
    with Watcher(checkout / "output") as watcher:
        for _ in range(ROUNDS):
            first = start_builder(checkout, 0.01, "tunggu")
            assert first.stdout.readline() == "mulai\n"  # it holds the lock
            second = start_builder(checkout)
            # The second finds the lock taken, says so and waits ...
            assert "sedang berjalan" in second.stderr.readline()
            first.stdin.write("lanjut\n")
            first.stdin.flush()
            # ... and builds once the first is done.
            results = [finish(first), finish(second)]
            assert [code for code, _ in results] == [0, 0], results
    assert watcher.broken == [] and watcher.looks > ROUNDS
    assert len(build_folders(checkout)) == 1


def test_a_build_killed_at_any_moment_leaves_the_complete_site(checkout):
    rng = random.Random(2026)
    with Watcher(checkout / "output") as watcher:
        for _ in range(ROUNDS):
            builder = start_builder(checkout)
            # Builds take ~50 ms: kill -9 somewhere from start-up to the end.
            time.sleep(rng.uniform(0.0, 0.15))
            builder.send_signal(signal.SIGKILL)
            builder.wait()
    assert watcher.broken == [] and watcher.looks > ROUNDS
    # The next build cleans up after the killed ones and keeps one site.
    code, log = finish(start_builder(checkout, pause=0))
    assert code == 0, log
    assert len(build_folders(checkout)) == 1
    assert not list(checkout.glob(".output.tautan-*"))


def test_an_old_real_output_folder_is_moved_in_without_losing_it(tmp_path):
    folder = tmp_path / "lama"
    for name in FILES:
        path = folder / "output" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("lama")
    code, log = finish(start_builder(folder, pause=0))
    assert code == 0, log
    assert (folder / "output").is_symlink()
    assert (folder / "output" / "index.html").read_text() == "x" * 1000
    assert len(build_folders(folder)) == 1


def test_a_missing_link_is_restored_from_the_last_complete_build(checkout):
    from portal.output import swap

    complete = swap.current(checkout / "output")
    (checkout / "output").unlink()  # as if killed in the one-time move
    assert swap.recover(checkout / "output") == complete
    assert (checkout / "output" / "index.html").is_file()


# -- the real build ----------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "proyek", FIXTURES / "valid-minimal" / "content")


def invoke(project, *args):
    return subprocess.Popen([sys.executable, "-m", "invoke", *args], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


SITE_FILES = ("index.html", "kim/contoh-satu/index.html", "404.html", "cari/index.html")


def test_two_real_builds_at_once_take_turns(project):
    code, log = finish(invoke(project, "build"), 300)
    assert code == 0, log
    with Watcher(project / "output", SITE_FILES) as watcher:
        first, second = invoke(project, "build"), invoke(project, "build")
        results = [finish(first, 300), finish(second, 300)]
    assert [code for code, _ in results] == [0, 0], results
    assert any("menunggu" in log for _, log in results)
    assert watcher.broken == []
    assert len(build_folders(project)) == 1


def test_a_real_build_killed_midway_keeps_the_site(project):
    code, log = finish(invoke(project, "build"), 300)
    assert code == 0, log
    rng = random.Random(7)
    with Watcher(project / "output", SITE_FILES) as watcher:
        for _ in range(3):
            build = invoke(project, "build")
            time.sleep(rng.uniform(0.5, 3.0))
            os.killpg(build.pid, signal.SIGKILL)  # invoke and the Pelican it started
            build.wait()
    assert watcher.broken == []
    code, log = finish(invoke(project, "build"), 300)
    assert code == 0, log
    assert len(build_folders(project)) == 1

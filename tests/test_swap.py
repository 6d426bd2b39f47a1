"""The built site is never lost, and the build deletes and writes only what
it made (plugins/portal/builder/swap.py): builds in one checkout run one at a
time, `output/` always points at a complete site, whatever happens to a
build, `kill -9` included, and whatever the portal did not make (a real
`output/` folder, the folder a hand-made `output` link points at, a backup
beside it, an unmarked folder in `output.versi/`) is left as it was.

A watcher checks the invariant every few milliseconds while builds run and
die: `output/` resolves to a folder holding every file of a complete build.
The many-round tests use a small builder that goes through the same steps
as `invoke build` (lock, check, clean-up, new folder, write, mark complete,
switch) but writes a few files instead of running Pelican, so that 50
rounds take seconds; the last tests run the real `invoke build` and
`invoke clean`."""

import fcntl
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, copy_project

ROUNDS = 50
FILES = ("index.html", "kim/contoh/index.html", "berita/index.html", "zz-terakhir.html")

BUILDER = f"""
import sys, time
from pathlib import Path
from portal.builder import swap

target, pause = Path(sys.argv[1]), float(sys.argv[2])
try:
    with swap.build_lock(target):
        print("mulai", flush=True)
        if sys.argv[3:] == ["tunggu"]:
            sys.stdin.readline()  # the test says when to go on
        swap.check(target)
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
            swap.remove(swap.with_marks(previous))
except swap.Refused as refusal:
    print(refusal, file=sys.stderr)
    sys.exit(1)
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


def test_builds_switch_and_remove_only_the_previous_marked_build(checkout):
    first = (checkout / "output").resolve()
    assert (first.parent / (first.name + ".portal")).is_file()
    code, log = finish(start_builder(checkout, pause=0))
    assert code == 0, log
    second = (checkout / "output").resolve()
    assert second != first and second.parent == first.parent
    assert not first.exists()
    # The replaced build's marks went with it; the new one has both.
    assert sorted(p.name for p in first.parent.iterdir()) == [
        second.name, second.name + ".lengkap", second.name + ".portal"]


def test_leftovers_of_killed_builds_go_unmarked_folders_and_backups_stay(checkout):
    versi = checkout / "output.versi"
    killed = versi / "20260101-000000-1-1"  # killed before it was complete
    (killed / "kim").mkdir(parents=True)
    (versi / (killed.name + ".portal")).write_text("")
    (versi / "20260101-000000-2-2.portal").write_text("")  # killed before its folder
    hand_made = ("output.versi/salinan-saya/index.html", "output.lama/index.html",
                 "output.lama-2/index.html", "output.baru/index.html")
    for name in hand_made:
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_text("milik editor")
    code, log = finish(start_builder(checkout, pause=0))
    assert code == 0, log
    for name in hand_made:
        assert (checkout / name).read_text() == "milik editor", name
    assert not killed.exists()
    current = (checkout / "output").resolve().name
    assert sorted(p.name for p in versi.iterdir()) == [
        current, current + ".lengkap", current + ".portal", "salinan-saya"]


def test_a_link_to_a_folder_elsewhere_is_left_alone(checkout, tmp_path):
    """The reviewer's case: after `ln -s SOME/FOLDER output` a build deleted
    SOME/FOLDER, taking it for the previous build."""
    elsewhere = tmp_path / "folder-lain"
    elsewhere.mkdir()
    (elsewhere / "penting.txt").write_text("jangan dihapus")
    (checkout / "output").unlink()
    (checkout / "output").symlink_to(elsewhere)
    builds = sorted((checkout / "output.versi").iterdir())
    code, log = finish(start_builder(checkout, pause=0))
    assert code == 1
    assert f"output berupa tautan ke {elsewhere}, bukan tautan ke hasil pembangunan" in log
    assert "Perbaiki: pindahkan atau ganti nama output" in log
    assert "Traceback" not in log
    assert os.readlink(checkout / "output") == str(elsewhere)
    assert [p.name for p in elsewhere.iterdir()] == ["penting.txt"]
    assert sorted((checkout / "output.versi").iterdir()) == builds  # nothing written


def test_a_link_to_an_unmarked_folder_in_the_builds_folder_is_left_alone(checkout):
    mine = checkout / "output.versi" / "salinan-saya"
    mine.mkdir()
    (mine / "index.html").write_text("milik editor")
    (checkout / "output").unlink()
    (checkout / "output").symlink_to("output.versi/salinan-saya")
    code, log = finish(start_builder(checkout, pause=0))
    assert code == 1
    assert "tautan ke output.versi/salinan-saya, folder yang tidak bertanda" in log
    assert (mine / "index.html").read_text() == "milik editor"


def test_a_real_output_folder_is_left_alone(tmp_path):
    """Earlier versions moved a real output/ into output.versi/ and deleted
    it after the switch; it may be anything, so the build stops instead."""
    folder = tmp_path / "lama"
    for name in FILES:
        path = folder / "output" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("lama")
    code, log = finish(start_builder(folder, pause=0))
    assert code == 1
    assert "output berupa folder biasa, bukan tautan ke hasil pembangunan di output.versi/" \
        in log
    assert "Traceback" not in log
    assert all((folder / "output" / name).read_text() == "lama" for name in FILES)
    assert not (folder / "output.versi").exists()


def test_a_folder_put_at_output_while_the_build_runs_is_not_replaced(checkout):
    """The check is repeated at the switch: a real build takes a while."""
    (checkout / "output").unlink()
    builder = start_builder(checkout, 0.2)
    assert builder.stdout.readline() == "mulai\n"
    (checkout / "output").mkdir()
    (checkout / "output" / "punya-saya.txt").write_text("milik editor")
    code, log = finish(builder)
    assert code == 1 and "output berupa folder biasa" in log
    assert [p.name for p in (checkout / "output").iterdir()] == ["punya-saya.txt"]


def test_any_other_error_in_the_build_folders_is_a_message(checkout):
    """Never a traceback: here a folder sits where the builder's temporary
    link goes (named by its process id; put there while it waits for the
    lock the test holds)."""
    with open(checkout / ".output.kunci") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        builder = start_builder(checkout, pause=0)
        (checkout / f".output.tautan-{builder.pid}").mkdir()
        fcntl.flock(lock, fcntl.LOCK_UN)
        code, log = finish(builder)
    assert code == 1
    assert f".output.tautan-{builder.pid}: tidak dapat membuat tautan sementara ke hasil " \
           "pembangunan baru (sudah ada). Perbaiki: " in log
    assert "Traceback" not in log
    assert all((checkout / "output" / name).is_file() for name in FILES)


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


# -- what an editor meets: invoke build and invoke clean ----------------------------

def test_invoke_build_refuses_a_link_to_a_folder_elsewhere(project, tmp_path):
    elsewhere = tmp_path / "folder-lain"
    elsewhere.mkdir()
    (elsewhere / "penting.txt").write_text("jangan dihapus")
    (project / "output").symlink_to(elsewhere)
    for task in ("build", "clean"):
        code, log = finish(invoke(project, task), 120)
        assert code == 1, log
        assert f"output berupa tautan ke {elsewhere}, bukan" in log
        assert "Traceback" not in log
        assert [p.name for p in elsewhere.iterdir()] == ["penting.txt"]
        assert os.readlink(project / "output") == str(elsewhere)
    assert not (project / "output.versi").exists()


@pytest.mark.parametrize("taken, found", [
    (".output.kunci", ".output.kunci berupa folder biasa, bukan berkas kunci pembangunan"),
    ("output.versi", "output.versi berupa berkas, bukan folder hasil pembangunan"),
])
def test_invoke_build_says_what_is_in_the_way(project, taken, found):
    if taken == "output.versi":
        (project / taken).write_text("milik editor")
    else:
        (project / taken).mkdir()
    code, log = finish(invoke(project, "build"), 120)
    assert code == 1
    assert found in log and f"Perbaiki: pindahkan atau ganti nama {taken}" in log
    assert "Traceback" not in log
    assert not (project / "output").exists()


def test_invoke_clean_removes_only_what_the_builds_made(project):
    code, log = finish(invoke(project, "build"), 300)
    assert code == 0, log
    (project / "output.versi" / "salinan-saya").mkdir()
    (project / "output.lama").mkdir()
    code, log = finish(invoke(project, "clean"), 120)
    assert code == 0, log
    assert not (project / "output").exists() and not (project / "output").is_symlink()
    assert [p.name for p in (project / "output.versi").iterdir()] == ["salinan-saya"]
    assert "output.versi/ masih berisi yang tidak dibuat portal, dan dibiarkan: salinan-saya" \
        in log
    assert (project / "output.lama").is_dir()
    (project / "output.versi" / "salinan-saya").rmdir()
    code, log = finish(invoke(project, "clean"), 120)
    assert code == 0, log
    assert not (project / "output.versi").exists()


def test_the_messages_page_quotes_the_real_messages(tmp_path, monkeypatch):
    """docs/pesan-pemeriksaan.md quotes these word for word."""
    from portal.builder import swap

    def refusal():
        with pytest.raises(swap.Refused) as refused, swap.build_lock("output"):
            swap.check("output")
        return str(refused.value)

    project = tmp_path / "proyek"
    project.mkdir()
    (tmp_path / "situs-lama").mkdir()
    monkeypatch.chdir(project)
    messages = []
    Path("output").mkdir()
    messages.append(refusal())
    Path("output").rmdir()
    Path("output").symlink_to("../situs-lama")
    messages.append(refusal())
    Path("output").unlink()
    Path("output.versi").write_text("")
    messages.append(refusal())
    Path("output.versi").unlink()
    Path(".output.kunci").unlink()
    Path(".output.kunci").mkdir()
    messages.append(refusal())
    page = (ROOT / "docs" / "pesan-pemeriksaan.md").read_text().splitlines()
    assert [message for message in messages if message not in page] == []

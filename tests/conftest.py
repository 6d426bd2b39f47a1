"""Shared test setup: the content the tests build, how they build it, and
the guard that keeps them away from the editors' content/."""

import contextlib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from content_guard.sitecustomize import ENVIRONMENT as GUARD_ENVIRONMENT
from content_guard.sitecustomize import EditorsContentRead, guard  # noqa: F401 - tests import it

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A frozen copy of the sample content (November 2026, with the potensi
# placed in their desa): what the tests build, whatever the editors do to
# content/.
SAMPLE = FIXTURES / "sample" / "content"
# content/ belongs to the editors: no test reads it, so that any valid edit
# (a new article, a deleted KIM, all of it replaced) keeps the suite green.
EDITORS_CONTENT = ROOT.joinpath("content")


# Fail any test that opens or lists content/, or starts a process naming it
# or working in it, in this process and in every Python process a test starts
# (content_guard/sitecustomize.py says exactly what is seen).
sys.addaudithook(guard(EDITORS_CONTENT))
os.environ[GUARD_ENVIRONMENT] = str(EDITORS_CONTENT)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).resolve().parent / "content_guard"),
     *filter(None, [os.environ.get("PYTHONPATH")])])
# Debian's Chromium; PORTAL_CHROMIUM points elsewhere (CI on Ubuntu uses Chrome).
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


# The day the test builds take as today: what the agenda lists as coming
# depends on it (domain/agenda.py), and the fixtures' activities are around it.
TODAY = "2026-06-15"


def build(content, output, settings="pelicanconf.py", env=None, overrides=None):
    """Build `content` into `output` with the project's settings, as
    `invoke build` does (`overrides`: settings to replace), on the day
    TODAY; return the finished process."""
    from portal.builder.site import pelican_args

    return subprocess.run(
        [sys.executable, "-m", "pelican",
         *pelican_args(content, ROOT / settings, output, overrides)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PORTAL_TODAY": TODAY, **(env or {})},
    )


def bench_script(name):
    """A module of bench/ (a folder of scripts, not a package), by its path."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree_digest(folder):
    """Map every file under `folder` to the SHA-256 of its bytes."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The frozen sample content (tests/fixtures/sample), built once."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(SAMPLE, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def fixture_content_with(folder, files):
    """A copy of the fictional valid-minimal content in `folder`/content,
    with `files` ({path in content/: text}) written into it; gives the
    copy's content folder."""
    import shutil

    content = folder / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    for path, text in files.items():
        (content / path).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fictional valid-minimal content (with a fact check and contacts)."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    result = build(FIXTURES / "valid-minimal" / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


# More than a kecamatan page shows (KIM and potensi) and, with the sample,
# more places than one page of the map's list; more news in January 2020 than
# one page of its archive. Each extra KIM is named in one of the news: the Atom
# feed of a KIM without news carries the build time, so two builds differ.
EXTRA_KIM = 20
EXTRA_NEWS = 22


def make_full_content(target):
    """Frozen sample content + the fictional fixture content (a fact check, photos,
    WhatsApp contacts) + enough extra news, KIM and potensi to paginate (the
    news list, a month's archive, a kecamatan's lists, the map's list of
    places): every page type and component appears at least once."""
    import shutil

    shutil.copytree(SAMPLE, target)
    shutil.copytree(FIXTURES / "valid-minimal" / "content", target, dirs_exist_ok=True)
    for number in range(1, EXTRA_KIM + 1):
        (target / "kim" / f"uji-lama-{number:02d}.md").write_text(
            f"---\ntitle: KIM Uji Lama {number:02d}\nslug: uji-lama-{number:02d}\n"
            f"desa_kelurahan: Uji Lama {number:02d}\njenis_wilayah: desa\n"
            "kecamatan: Kotawaringin Lama\ntanggal_dibentuk: 2019-05\n"
            f"lokasi:\n  lat: {-2.30 - number / 200:.4f}\n  lon: {111.45 + number / 200:.4f}\n"
            "ringkasan: Profil rekaan untuk menguji daftar berhalaman.\n---\n"
            "Profil rekaan.\n", encoding="utf-8")
        (target / "potensi" / f"uji-lama-{number:02d}.md").write_text(
            f"---\ntitle: Anyaman Uji Lama {number:02d}\nslug: anyaman-uji-lama-{number:02d}\n"
            f"desa_kelurahan: Uji Lama {number:02d}\njenis_wilayah: desa\n"
            f"kecamatan: Kotawaringin Lama\nkim: uji-lama-{number:02d}\n"
            "kategori:\n  - Kerajinan\n"
            "ringkasan: Potensi rekaan untuk menguji daftar berhalaman.\n---\n"
            "Deskripsi potensi rekaan.\n", encoding="utf-8")
    for number in range(1, EXTRA_NEWS + 1):
        (target / "berita" / f"2020-01-{number:02d}-pengumuman-uji-{number}.md").write_text(
            f"---\ntitle: Pengumuman uji nomor {number}\ndate: 2020-01-{number:02d} 08:00\n"
            "category: Pengumuman\ntags: [uji]\n"
            f"kim: [contoh-satu, uji-lama-{(number - 1) % EXTRA_KIM + 1:02d}]\n"
            "summary: Pengumuman rekaan untuk menguji daftar berhalaman.\n---\n"
            "Isi pengumuman rekaan.\n", encoding="utf-8")
    return target


def build_full(folder, **options):
    """The full test content made in `folder`/content and built into
    `folder`/output (`options`: build()'s settings, env, overrides); the
    build must succeed. Gives the output folder."""
    content = make_full_content(folder / "content")
    output = folder / "output"
    result = build(content, output, **options)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def full_site(tmp_path_factory):
    """The full test content, built once for the session."""
    return build_full(tmp_path_factory.mktemp("full"))


@contextlib.contextmanager
def serving(folder):
    """`folder` served on a free localhost port while the block runs; gives
    its base URL."""
    import threading

    from portal.builder.server import make_server

    server = make_server(folder, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(full_site):
    """The full site served on a free localhost port; yields its base URL."""
    with serving(full_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium (PORTAL_CHROMIUM: another), launched once for every
    browser test of the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def browser_tab(chromium, **options):
    """A tab in a browser context of its own (`options`: the context's, as
    Browser.new_context takes them); the context closes after the block,
    whether it passed or failed."""
    context = chromium.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


PROJECT_FILES = ("plugins", "quality", "theme", "tasks.py", "pelicanconf.py", "publishconf.py")


def copy_project(target, content=SAMPLE):
    """A private copy of the project at `target`, with `content` (the frozen
    sample by default) as its content/, so tests can run its tasks and
    break things; installed npm packages are shared, not copied."""
    import shutil

    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(content, target / "content")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target

"""The live preview's resident (portal/builder/resident.py): after a saved
body, the page it renders is the page the full rebuild writes, and it
renders nothing it cannot make right."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project

# Run in the project's copy, as `invoke livereload` runs there: builds with a
# kept resident, saves, then asks it for the page.
SCRIPT = """
import sys, tempfile
from pathlib import Path
import tasks
from portal.builder import site
from portal.builder.warm import WarmPelican

content, settings = tasks.CONFIG["content_path"], tasks.CONFIG["settings_base"]
warm = WarmPelican(settings, keep=True)
site.build_and_swap(content, settings, Path("output"), warm=warm)
assert warm.resident is not None
source = content / sys.argv[1]
old = source.read_text(encoding="utf-8")
new = old.replace(sys.argv[2], sys.argv[3], 1) if len(sys.argv) > 3 else old + sys.argv[2]
assert new != old
source.write_text(new, encoding="utf-8")
folder = Path(tempfile.mkdtemp())
page = warm.render_saved([source], folder)
print("HALAMAN", page)
if page:
    Path("cepat.html").write_bytes((folder / page).read_bytes())
    # A second save of the same body: the resident answers again.
    assert warm.render_saved([source], folder) == page
else:
    # What it cannot show means its build is behind the files: it goes.
    assert warm.resident is None
warm.stop_resident()
# The full rebuild of the same content, as the preview runs it next (it
# refuses a file with problems, and says why).
try:
    site.build_and_swap(content, settings, Path("output"), warm=warm)
except site.BuildFailed:
    pass
"""


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "proyek")


def saved(project, *edit):
    result = subprocess.run([sys.executable, "-c", SCRIPT, *edit], cwd=project,
                            capture_output=True, text=True,
                            env={**os.environ, "PORTAL_TODAY": "2026-06-15",
                                 "PYTHONPATH": str(ROOT / "tests")})
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("HALAMAN "))
    page = line.split(" ", 1)[1]
    return None if page == "None" else page


@pytest.mark.parametrize("source", ["halaman/tentang-portal.md", "kim/palae.md"])
def test_a_saved_body_is_rendered_as_the_rebuild_writes_it(project, source):
    page = saved(project, source, "\nKalimat baru dari editor, **tebal** dan [tautan]"
                                  "(https://example.com/).\n")
    assert page is not None
    fast = (project / "cepat.html").read_bytes()
    assert "Kalimat baru dari editor" in fast.decode("utf-8")
    assert fast == (project / "output" / page).read_bytes()


def test_an_article_body_is_rendered_as_the_rebuild_writes_it(project):
    article = sorted((project / "content" / "berita").glob("*.md"))[0]
    page = saved(project, f"berita/{article.name}", "\nParagrafTambahanBerita\n")
    assert page is not None and page.startswith("berita/")
    fast = (project / "cepat.html").read_bytes()
    assert b"ParagrafTambahanBerita" in fast
    assert fast == (project / "output" / page).read_bytes()


@pytest.mark.parametrize("edit", [
    ("title: ", "title: Judul Baru "),  # front matter: lists and cards show it
    ("\n---\n", "\n---\n<script>alert(1)</script>\n"),  # a problem: the rebuild says so
    ("\n---\n", "\n---\n![Foto](images/tidak-ada.jpg)\n"),
    # A link is checked against the whole content (a draft, a published file).
    ("\n---\n", "\n---\n[Lihat]({filename}/halaman/tentang-portal.md)\n"),
])
def test_what_the_old_build_cannot_show_waits_for_the_rebuild(project, edit):
    assert saved(project, "halaman/tentang-portal.md", *edit) is None


def test_several_files_saved_at_once_wait_for_the_rebuild(tmp_path):
    from portal.builder.warm import WarmPelican

    class Answering:
        pid = 0
        asked = []

        def render(self, path, folder):
            self.asked.append(path)
            return "halaman/index.html"

        def stop(self):
            pass

    warm = WarmPelican(ROOT / "pelicanconf.py", keep=True)
    warm.resident = Answering()
    assert warm.render_saved([tmp_path / "a.md"], tmp_path) == "halaman/index.html"
    assert warm.render_saved([tmp_path / "a.md", tmp_path / "b.md"], tmp_path) is None
    assert warm.resident is None and Answering.asked == [tmp_path / "a.md"]


def test_the_preview_serves_a_page_in_memory_before_the_files(tmp_path):
    """What the resident rendered is answered at the page's address (with
    or without index.html, HEAD too) until the rebuild drops it; every other
    address is the built file."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from tornado.httpclient import AsyncHTTPClient
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets
    from tornado.web import Application

    from portal.builder.preview import _Rendered

    (tmp_path / "berita" / "x").mkdir(parents=True)
    (tmp_path / "berita" / "x" / "index.html").write_text("lama")
    (tmp_path / "gaya.css").write_text("body{}")
    pages = {"berita/x/index.html": b"<p>baru</p>"}
    handler = type("Rendered", (_Rendered,), {"pages": pages})

    async def fetch_all():
        sockets = bind_sockets(0, "127.0.0.1")
        server = HTTPServer(Application([(r"/(.*)", handler, {
            "path": str(tmp_path), "default_filename": "index.html"})]))
        server.add_sockets(sockets)
        base = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
        client = AsyncHTTPClient()
        try:
            got = {}
            for method, path in [("GET", "/berita/x/"), ("GET", "/berita/x/index.html"),
                                 ("HEAD", "/berita/x/"), ("GET", "/gaya.css")]:
                response = await client.fetch(base + path, method=method, raise_error=False)
                got[method, path] = response
            pages.clear()  # the rebuild replaced the site
            got["after"] = await client.fetch(base + "/berita/x/", raise_error=False)
            return got
        finally:
            server.stop()

    # A thread of its own: in the whole suite this thread may already run
    # an event loop (the browser tests' Playwright).
    with ThreadPoolExecutor(1) as thread:
        got = thread.submit(lambda: asyncio.run(fetch_all())).result()
    assert got["GET", "/berita/x/"].body == b"<p>baru</p>"
    assert got["GET", "/berita/x/"].headers["Cache-Control"] == "no-store"
    assert got["GET", "/berita/x/index.html"].body == b"<p>baru</p>"
    assert got["HEAD", "/berita/x/"].headers["Content-Length"] == "11"
    assert got["GET", "/gaya.css"].body == b"body{}"
    assert got["after"].body == b"lama"

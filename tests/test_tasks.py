"""The invoke tasks as an editor or CI runs them, on a copy of the project."""

import contextlib
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project, tree_digest


@pytest.fixture
def project(tmp_path):
    """A private copy of the project, so tasks can write and break things."""
    return copy_project(tmp_path / "proyek")


def invoke(project, *args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project,
                          capture_output=True, text=True)


def test_task_list_describes_every_task(project):
    listing = invoke(project, "--list").stdout
    for name in ("build", "clean", "serve", "livereload", "preview", "publish", "check",
                 "test", "new-kim", "new-potensi", "new-berita"):
        line = next((row for row in listing.splitlines()
                     if row.strip().startswith(name + " ")), "")
        assert line.strip() != name and len(line.split()) > 1, f"{name} has no description"


def test_check_passes_on_the_sample_content(project):
    result = invoke(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tidak ada masalah" in result.stdout


def test_check_prints_indonesian_message_for_a_broken_file(project):
    profile = project.joinpath("content", "kim", "palae.md")
    profile.write_text(profile.read_text().replace("kecamatan: Kumai", "kecamatan: Kumay"))
    result = invoke(project, "check")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert 'content/kim/palae.md:' in output
    assert "kolom 'kecamatan': nilai 'Kumay' tidak dikenal. Perbaiki:" in output
    assert "Traceback" not in output


def test_check_reports_malformed_yaml_without_traceback(project):
    article = next(project.joinpath("content", "berita").glob("*.md"))
    article.write_text("---\ntitle: [tidak ditutup\ndate: 2018-09-20\n---\nIsi\n")
    result = invoke(project, "check")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f'content/berita/{article.name}:2: kepala YAML tidak dapat dibaca' in output
    assert "Traceback" not in output


@pytest.mark.parametrize("task", ["build", "publish"])
def test_failed_build_leaves_previous_output_byte_for_byte_intact(project, task):
    first = invoke(project, task)
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(project / "output")
    assert "kim/palae/index.html" in before

    # 1. Bad content: rejected by validation before anything is built.
    profile = project.joinpath("content", "kim", "palae.md")
    good = profile.read_text()
    profile.write_text(good.replace("kecamatan: Kumai", "kecamatan: Kumay"))
    failed = invoke(project, task)
    assert failed.returncode != 0
    assert tree_digest(project / "output") == before

    # 2. Valid content, but the build itself breaks halfway (a template error).
    profile.write_text(good)
    template = project / "theme" / "templates" / "kim.html"
    template.write_text(template.read_text() + "{% if %}")
    failed = invoke(project, task)
    assert failed.returncode != 0
    assert tree_digest(project / "output") == before
    # The failed build's folder is gone; only the published one is left.
    assert [p for p in (project / "output.versi").iterdir() if p.is_dir()] == [
        (project / "output").resolve()]


def test_live_preview_swap_removes_replaced_sites_in_the_background(project):
    """The live preview switches to the new site and deletes the old one in a
    thread; a folder left behind by a stopped build is removed by the next."""
    script = """
import time
from pathlib import Path
import tasks
from portal.builder import site

target = Path("output")
def build():
    site.build_and_swap(tasks.CONFIG["content_path"], tasks.CONFIG["settings_base"], target,
                        remove_old_later=True)
build()
(target / "penanda-situs-lama.txt").write_text("lama")
stopped = Path("output.versi/20260101-000000-1-1")
(stopped / "kim").mkdir(parents=True)
Path(str(stopped) + ".portal").touch()  # its mark: made before the folder
build()
assert (target / "kim" / "palae" / "index.html").is_file()
assert not (target / "penanda-situs-lama.txt").exists()
assert not stopped.exists()
deadline = time.monotonic() + 30
while len(list(Path("output.versi").iterdir())) > 3 and time.monotonic() < deadline:
    time.sleep(0.1)
print(sorted(p.suffix for p in Path("output.versi").iterdir()))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # The current build and its two marks (complete, made by the portal), nothing else.
    assert result.stdout.strip().splitlines()[-1] == "['', '.lengkap', '.portal']"


def test_the_live_preview_builds_in_a_warm_copy_of_itself(project):
    """Its builds run in a forked copy of the preview's process (no imports
    to wait for) and give what a build in a new interpreter gives."""
    script = """
from pathlib import Path
import tasks
from conftest import tree_digest
from portal.builder import site
from portal.builder.warm import WarmPelican

content, settings = tasks.CONFIG["content_path"], tasks.CONFIG["settings_base"]
warm = WarmPelican(settings)
site.build_and_swap(content, settings, Path("output"), warm=warm)
# The copy's own content (the project fixture), as its tasks read it.
page = content / "halaman" / "tentang-portal.md"
page.write_text(page.read_text() + "\\nKalimat dari pratinjau hangat.\\n")
site.build_and_swap(content, settings, Path("output"), warm=warm)
site.build_and_swap(content, settings, Path("dingin"))
assert "Kalimat dari pratinjau" in Path("output/tentang-portal/index.html").read_text()
assert tree_digest("output") == tree_digest("dingin")
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "PORTAL_TODAY": "2026-06-15",
                                            "PYTHONPATH": str(ROOT / "tests")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Halaman dibuat: " in result.stdout


def test_a_warm_preview_goes_back_to_new_interpreters_when_the_plugin_changes(tmp_path):
    import tasks
    from portal.builder.warm import WarmPelican

    warm = WarmPelican(tasks.CONFIG["settings_base"])
    code = tmp_path / "portal"
    shutil.copytree(warm.folders[0], code, ignore=shutil.ignore_patterns("__pycache__"))
    warm.folders = [code]
    warm.code = warm.stamp()
    assert warm.usable()
    sitemap = code / "output" / "sitemap.py"
    sitemap.write_text(sitemap.read_text() + "\n# diubah\n")
    assert not warm.usable()


def test_publish_replaces_output_when_the_build_passes(project):
    assert invoke(project, "publish").returncode == 0
    page = project.joinpath("content", "halaman", "tentang-portal.md")
    page.write_text(page.read_text() + "\nKalimat tambahan untuk uji terbit.\n")
    assert invoke(project, "publish").returncode == 0
    html = (project / "output" / "tentang-portal" / "index.html").read_text()
    assert "Kalimat tambahan untuk uji" in html
    assert 'href="http://localhost:8000/kim/"' in html


def test_new_file_tasks_called_from_python_take_positions_and_defaults(project):
    """The new-… tasks are made from a table (portal/editor/new_files.py);
    called from Python they take their options by position and fill in
    their defaults, as tasks written out one by one did."""
    script = """
from invoke import Context
import tasks
tasks.new_kim(Context(), "KIM Uji Panggil", "Kumai", "Uji")
tasks.new_berita(Context(), judul="Berita uji panggil", kim="uji-panggil",
                 tanggal="2026-06-01 08:00")
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    kim = (project / "content" / "kim" / "uji-panggil.md").read_text(encoding="utf-8")
    assert "jenis_wilayah: desa\n" in kim  # the default of --jenis
    berita = project / "content" / "berita" / "2026-06-01-berita-uji-panggil.md"
    assert "category: Berita\n" in berita.read_text(encoding="utf-8")  # the default of --kategori
    assert invoke(project, "check").returncode == 0


def test_new_kim_potensi_and_berita_write_valid_files(project):
    result = invoke(project, "new-kim", "--nama", "KIM Maju Bersama", "--kecamatan",
                    "arut utara", "--desa", "Pangkalan Bun")
    assert result.returncode == 0, result.stdout + result.stderr
    kim = project.joinpath("content", "kim", "maju-bersama.md")
    assert "kecamatan: Arut Utara" in kim.read_text()

    result = invoke(project, "new-potensi", "--judul", "Keripik Pisang", "--kim", "palae",
                    "--kategori", "kuliner")
    assert result.returncode == 0, result.stdout + result.stderr
    scaffold = project.joinpath("content", "potensi", "keripik-pisang.md").read_text()
    # The desa comes from the KIM's profile when only --kim is given.
    assert "desa_kelurahan: \"Sungai Kapitan\"\n" in scaffold and "kim: palae\n" in scaffold

    result = invoke(project, "new-potensi", "--judul", "Amplang Desa", "--desa",
                    "Sungai Kapitan", "--kecamatan", "kumai", "--kategori", "Kuliner")
    assert result.returncode == 0, result.stdout + result.stderr
    scaffold = project.joinpath("content", "potensi", "amplang-desa.md").read_text()
    assert "kecamatan: Kumai\n" in scaffold and "kim:" not in scaffold

    result = invoke(project, "new-berita", "--judul", "Rapat KIM: \"Agenda\" 2026",
                    "--kim", "palae,sari-rasa", "--tanggal", "2026-11-28 09:30")
    assert result.returncode == 0, result.stdout + result.stderr
    berita = project.joinpath("content", "berita", "2026-11-28-rapat-kim-agenda-2026.md")
    assert berita.exists()

    result = invoke(project, "new-acara", "--judul", "Pelatihan Menulis Berita", "--mulai",
                    "2026-12-05 08:00", "--selesai", "2026-12-05 12:00", "--tempat",
                    "Balai Desa", "--desa", "Sungai Kapitan", "--kecamatan", "kumai", "--kim",
                    "palae")
    assert result.returncode == 0, result.stdout + result.stderr
    acara = project.joinpath("content", "acara", "pelatihan-menulis-berita.md").read_text()
    assert "tempat:\n  nama: \"Balai Desa\"\n  desa_kelurahan: \"Sungai Kapitan\"\n" \
           "  kecamatan: Kumai\n" in acara
    assert "keadaan: terjadwal\n" in acara and "status: draft\n" in acara

    result = invoke(project, "new-video", "--judul", "Profil KIM Palae", "--youtube",
                    "https://youtu.be/aaaaaaaaaaa", "--kim", "palae", "--jenis", "profil kim",
                    "--tanggal", "2026-11-20")
    assert result.returncode == 0, result.stdout + result.stderr
    video = project.joinpath("content", "video", "profil-kim-palae.md").read_text()
    assert "jenis: profil KIM\n" in video and "youtube: \"https://youtu.be/aaaaaaaaaaa\"" in video

    from PIL import Image

    photo = "images/galeri/pelatihan-1.jpg"
    project.joinpath("content", photo).parent.mkdir(parents=True)
    Image.new("RGB", (640, 480), "#4f8fb0").save(project.joinpath("content", photo))
    result = invoke(project, "new-galeri", "--judul", "Pelatihan Menulis", "--tanggal",
                    "2026-11-20", "--kim", "palae", "--foto", photo, "--alt",
                    "Peserta menulis di balai desa", "--kredit", "Dok. KIM Palae")
    assert result.returncode == 0, result.stdout + result.stderr
    album = project.joinpath("content", "galeri", "pelatihan-menulis.md").read_text()
    assert f"foto:\n  - src: \"{photo}\"\n    alt: \"Peserta menulis di balai desa\"\n" \
           "    kredit: \"Dok. KIM Palae\"\n" in album

    assert invoke(project, "check").returncode == 0
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (project / "output" / "agenda" / "pelatihan-menulis-berita").exists()
    # Scaffolds start as drafts: previewable, but not yet published.
    assert (project / "output" / "draf" / "berita" / "rapat-kim-agenda-2026").is_dir()
    assert not (project / "output" / "berita" / "rapat-kim-agenda-2026").exists()


@pytest.mark.parametrize("args, message", [
    (["new-kim", "--nama", "KIM X", "--kecamatan", "Sampit", "--desa", "Y"],
     "Pilihan --kecamatan 'Sampit' tidak dikenal"),
    (["new-potensi", "--judul", "Z", "--kim", "tidak-ada", "--kategori", "Kuliner"],
     "KIM 'tidak-ada' tidak ada"),
    (["new-potensi", "--judul", "Z", "--kategori", "Kuliner"],
     "tulis --desa dan --kecamatan"),
    (["new-berita", "--judul", "Z", "--tanggal", "2026-02-30 10:00"],
     "kolom 'date': tanggal 30 tidak ada"),
    (["new-kim", "--nama", "KIM Palae", "--kecamatan", "Kumai", "--desa", "Sungai Kapitan"],
     'content/kim/palae.md sudah ada'),
    (["new-dokumen", "--judul", "SK", "--berkas", "berkas/tidak-ada.pdf", "--jenis", "sk",
      "--tanggal", "2018-09-20"],
     "kolom 'berkas': berkas 'berkas/tidak-ada.pdf' tidak ditemukan"),
    (["new-galeri", "--judul", "G", "--tanggal", "2026-11-20", "--kim", "palae", "--foto",
      "images/tidak-ada.jpg", "--alt", "x"],
     "kolom 'foto[1].src': berkas gambar 'images/tidak-ada.jpg' tidak ditemukan"),
    (["new-video", "--judul", "V", "--youtube", "https://vimeo.com/1"],
     "kolom 'youtube': 'https://vimeo.com/1' bukan alamat video YouTube"),
    (["new-acara", "--judul", "Rapat", "--mulai", "2026-12-05 10:00", "--selesai",
      "2026-12-04", "--tempat", "Balai", "--kecamatan", "Kumai"],
     "kolom 'selesai': selesai (2026-12-04) lebih awal daripada mulai (2026-12-05 10:00)"),
])
def test_scaffolds_reject_bad_options_without_writing(project, args, message):
    before = tree_digest(project.joinpath("content"))
    result = invoke(project, *args)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(project.joinpath("content")) == before


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None, ""


def _wait_for(predicate, timeout=60):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


@pytest.fixture
def background():
    """Start task processes that are stopped at the end of the test."""
    processes = []

    def start(project, *args):
        process = subprocess.Popen([sys.executable, "-m", "invoke", *args], cwd=project,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        processes.append(process)
        return process

    yield start
    import os
    import signal

    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_serve_answers_clean_urls_and_a_real_404(project, background):
    assert invoke(project, "build").returncode == 0
    port = _free_port()
    background(project, "serve", "--port", str(port))
    base = f"http://localhost:{port}"
    assert _wait_for(lambda: _get(base + "/")[0] == 200)
    status, html = _get(base + "/kim/palae/")
    assert status == 200 and "KIM&nbsp;Palae" in html
    status, html = _get(base + "/halaman-yang-tidak-ada/")
    assert status == 404 and "Halaman tidak ditemukan" in html


@contextlib.contextmanager
def _live_preview_page(project, background, chromium, console_type):
    """A browser page open on the project's live preview (its "Tentang
    Portal" page, websocket connected), the page's console messages of
    `console_type` collected, and the page's source file."""
    port = _free_port()
    background(project, "livereload", "--port", str(port))
    url = f"http://localhost:{port}/tentang-portal/"
    assert _wait_for(lambda: _get(url)[0] == 200, timeout=90)
    context = chromium.new_context()
    try:
        page = context.new_page()
        said = []
        page.on("console", lambda m: m.type == console_type and said.append(m.text))
        page.goto(url)
        page.wait_for_timeout(1500)  # livereload.js connects its websocket
        yield page, said, project.joinpath("content", "halaman", "tentang-portal.md")
    finally:
        context.close()


def test_livereload_reloads_the_open_browser_after_a_saved_change(project, background,
                                                                 chromium):
    with _live_preview_page(project, background, chromium, "error") as (page, errors, source):
        source.write_text(source.read_text() + "\nPerubahanYangDisimpanEditor\n")
        # No navigation by the test: the page reloads itself. A saved body is
        # shown at once (the resident), while the rebuild still runs, which
        # the page says until it reloads again with the rebuilt site.
        page.get_by_text("PerubahanYangDisimpanEditor").wait_for(timeout=60000)
        note = page.locator(".pratinjau-membangun")
        note.wait_for(timeout=10000)
        assert "sedang dibangun ulang" in note.inner_text()
        note.wait_for(state="detached", timeout=60000)
        page.get_by_text("PerubahanYangDisimpanEditor").wait_for()
    assert errors == []  # in particular, no CSP violation from an injected script


def test_serve_on_a_busy_port_takes_the_next_free_one(project, background):
    import socket

    assert invoke(project, "build").returncode == 0
    with socket.socket() as busy:  # another program (an old preview) on the port
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = background(project, "serve", "--port", str(port))
        line = process.stdout.readline().decode("utf-8")
        assert f"Port {port} sedang dipakai program lain" in line
        taken = int(line.rsplit("port ", 1)[1].rstrip(".\n"))
        assert taken > port
        assert _wait_for(lambda: _get(f"http://localhost:{taken}/")[0] == 200)


@pytest.mark.parametrize("value", ["delapan", "0", "70000"])
def test_serve_refuses_a_port_that_is_not_one(project, value):
    result = invoke(project, "serve", "--port", value)
    assert result.returncode == 1
    assert "bukan nomor port. Perbaiki: tulis angka 1 sampai 65535" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_livereload_shows_what_stopped_the_rebuild_on_the_page(project, background,
                                                              chromium):
    with _live_preview_page(project, background, chromium, "warning") as (
            page, warnings, source):
        assert page.locator(".pratinjau-masalah").count() == 0
        good = source.read_text()
        source.write_text(good.replace("title:", "judul:", 1))
        banner = page.locator(".pratinjau-masalah")
        banner.wait_for(timeout=60000)
        text = banner.inner_text()
        assert "Pratinjau belum diperbarui" in text
        assert 'content/halaman/tentang-portal.md:2: ' "kolom 'judul': kolom tidak dikenal" in text
        assert any('content/halaman/tentang-portal.md' in warning for warning in warnings)
        source.write_text(good)  # fixed: the banner goes with the next reload
        banner.wait_for(state="detached", timeout=60000)
        page.get_by_role("heading", level=1).wait_for()


def test_new_cek_fakta_writes_a_fact_check_that_passes_check(project):
    result = invoke(project, "new-cek-fakta", "--judul", "Cek Fakta: Pesan Berantai Bantuan",
                    "--klaim", "Bantuan tunai dibagikan lewat tautan pendaftaran",
                    "--label", "hoaks", "--beredar-tempat", "grup WhatsApp",
                    "--beredar-tanggal", "2026-11-30", "--sumber", "Sumber Rekaan",
                    "--sumber-url", "https://example.com/bantahan", "--kim", "palae",
                    "--tanggal", "2026-12-01 10:00")
    assert result.returncode == 0, result.stdout + result.stderr
    written = project.joinpath("content", "berita",
                               "2026-12-01-cek-fakta-pesan-berantai-bantuan.md")
    text = written.read_text(encoding="utf-8")
    for line in ("category: Cek Fakta\n", "label: HOAKS\n", "status: draft\n",
                 '  tempat: "grup WhatsApp"\n', '  - nama: "Sumber Rekaan"\n'):
        assert line in text
    assert invoke(project, "check").returncode == 0
    # A label that is not one is refused, and nothing is written.
    result = invoke(project, "new-cek-fakta", "--judul", "Cek Fakta Lain", "--klaim", "x",
                    "--label", "bohong", "--beredar-tempat", "x", "--beredar-tanggal",
                    "2026-11-30", "--sumber", "x")
    assert result.returncode == 1 and "Pilihan --label 'bohong' tidak dikenal" in result.stderr
    assert not list(project.joinpath("content", "berita").glob("*cek-fakta-lain*"))


def test_one_letter_means_one_option_across_tasks(project):
    listing = invoke(project, "--list").stdout
    names = [row.split()[0] for row in listing.splitlines()[1:] if row.strip()]
    meanings = {}
    for name in names:
        text = invoke(project, "--help", name).stdout
        for letter, option in re.findall(r"^\s+-(\w)(?:=\w+)?, --([\w-]+)", text, re.M):
            meanings.setdefault(letter, set()).add(option)
    assert {letter: options for letter, options in meanings.items() if len(options) > 1} == {}

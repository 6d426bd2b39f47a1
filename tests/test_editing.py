"""content/ belongs to the editors: what they do to it keeps the project
working. Each test edits the content of a copy of the project as an editor
would, then runs `invoke check` and `invoke publish` (build, links,
security, budgets) there. The rest of the suite never reads content/ (the
guard in conftest.py fails any test that does), so these edits cannot turn
it red; the last test proves the guard fires."""

import re
import shutil
import subprocess
import sys

import pytest

from conftest import EDITORS_CONTENT, FIXTURES, EditorsContentRead, copy_project


def invoke(project, *args, env=None):
    import os

    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project,
                          capture_output=True, text=True, env={**os.environ, **(env or {})})


def check_and_publish(project):
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    published = invoke(project, "publish")
    assert published.returncode == 0, published.stdout + published.stderr
    return project / "output"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "proyek")


def test_an_editor_publishes_a_new_article(project):
    made = invoke(project, "new-berita", "--judul", "Rapat Koordinasi KIM Desember",
                  "--kim", "palae", "--tanggal", "2026-12-01 09:00")
    assert made.returncode == 0, made.stdout + made.stderr
    article = project / "content" / "berita" / "2026-12-01-rapat-koordinasi-kim-desember.md"
    article.write_text(article.read_text().replace("status: draft", "status: published")
                       + "\nPengurus KIM Palae membahas rencana kegiatan bulan Desember.\n")
    output = check_and_publish(project)
    page = (output / "berita" / "rapat-koordinasi-kim-desember" / "index.html").read_text()
    assert "rencana kegiatan bulan Desember" in page
    assert "rapat-koordinasi-kim-desember" in (output / "kim" / "palae" / "index.html").read_text()


def test_an_editor_fills_in_a_kim_profile(project):
    profile = project / "content" / "kim" / "palae.md"
    profile.write_text(profile.read_text().replace(
        "ringkasan:", 'kontak:\n  whatsapp: "0812-0000-0042"\n  email: kim-palae@example.com\n'
        "jumlah_anggota: 15\nringkasan:", 1))
    output = check_and_publish(project)
    page = (output / "kim" / "palae" / "index.html").read_text()
    assert "https://wa.me/6281200000042" in page and "15 orang" in page


def test_an_editor_deletes_a_kim_and_what_refers_to_it(project):
    content = project / "content"
    (content / "kim" / "palae.md").unlink()
    refused = invoke(project, "check")
    assert refused.returncode != 0
    assert "kolom 'kim': KIM 'palae' tidak ada" in refused.stdout + refused.stderr
    # The references go too: the KIM lists of the news, the links in pages.
    for path in content.rglob("*.md"):
        text = path.read_text()
        text = re.sub(r"^  - palae\n", "", text, flags=re.M)
        text = re.sub(r"^.*\{filename\}/kim/palae\.md.*\n", "", text, flags=re.M)
        path.write_text(text)
    output = check_and_publish(project)
    assert not (output / "kim" / "palae").exists()
    assert (output / "kim" / "sari-rasa" / "index.html").is_file()


def test_an_editor_replaces_all_the_sample_content(project):
    content = project / "content"
    shutil.rmtree(content)
    (content / "kim").mkdir(parents=True)
    (content / "berita").mkdir()
    (content / "kim" / "maju-jaya.md").write_text(
        "---\ntitle: KIM Maju Jaya\nslug: maju-jaya\ndesa_kelurahan: Rekaan\n"
        "jenis_wilayah: desa\nkecamatan: Arut Utara\n---\nProfil rekaan.\n", encoding="utf-8")
    (content / "berita" / "2026-12-01-kabar-pertama.md").write_text(
        "---\ntitle: Kabar pertama KIM Maju Jaya\ndate: 2026-12-01 08:00\ncategory: Berita\n"
        "kim: [maju-jaya]\n---\nIsi kabar pertama.\n", encoding="utf-8")
    output = check_and_publish(project)
    for url in ("kim/maju-jaya", "berita/kabar-pertama-kim-maju-jaya", "berita",
                "peta", "statistik", "kecamatan/arut-utara"):
        assert (output / url / "index.html").is_file(), url
    # No potensi yet: no catalogue, and nothing leads to one (issue 26).
    assert not (output / "potensi").exists()
    assert 'href="/potensi/' not in (output / "index.html").read_text()
    # No fact check yet: no fact-check list, and nothing leads to one.
    assert not (output / "cek-fakta").exists()
    assert 'href="/cek-fakta/' not in (output / "index.html").read_text()


def test_a_broken_file_is_annotated_on_its_file_and_line_in_github_actions(project):
    profile = project / "content" / "kim" / "palae.md"
    profile.write_text(profile.read_text().replace("kecamatan: Kumai", "kecamatan: Kumay"))
    result = invoke(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    line = next(number for number, row in enumerate(profile.read_text().splitlines(), 1)
                if row.startswith("kecamatan:"))
    assert (f"::error file=content/kim/palae.md,line={line},title=Kolom 'kecamatan'::"
            "kolom 'kecamatan': nilai 'Kumay' tidak dikenal. Perbaiki: pilih salah satu dari "
            "Arut Selatan, Kumai") in result.stdout
    # Outside GitHub Actions the same problem is one plain line.
    plain = invoke(project, "check")
    assert "::error" not in plain.stdout + plain.stderr
    assert 'content/kim/palae.md:' in plain.stdout + plain.stderr


def test_valid_content_with_gaps_gets_reminders_not_errors(project):
    result = invoke(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::warning file=content/situs.yml,line=1,title=Konten::14 kolom pengaturan situs " \
           "belum diisi: pengelola.nama," in result.stdout
    assert "::warning file=content/kim/palae.md," in result.stdout
    assert "Pengingat (tidak menghentikan pembangunan situs):" in result.stdout
    assert "Konten valid" in result.stdout


def test_the_suite_cannot_read_the_editors_content():
    with pytest.raises(EditorsContentRead, match="tests must not read the editors' content/"):
        (EDITORS_CONTENT / "situs.yml").read_text()
    with pytest.raises(EditorsContentRead):
        list(EDITORS_CONTENT.glob("*"))
    with pytest.raises(EditorsContentRead):
        subprocess.run(["ls", "content"], cwd=EDITORS_CONTENT.parent, check=False)
    # Fixtures are readable.
    assert (FIXTURES / "sample" / "content" / "situs.yml").read_text()


def test_the_guard_sees_relative_names_and_child_processes(tmp_path, monkeypatch):
    """What README's "Tests" section says the guard sees: names relative to
    the working directory, a process started inside content/, and what a
    Python child process opens or lists itself."""
    import os
    from pathlib import Path

    monkeypatch.chdir(EDITORS_CONTENT.parent)
    for read in (lambda: open("content/situs.yml").close(),
                 lambda: Path("content/situs.yml").read_text(),
                 lambda: os.listdir("content"), lambda: list(Path("content").iterdir()),
                 lambda: subprocess.run(["true"], cwd=EDITORS_CONTENT, check=False)):
        with pytest.raises(EditorsContentRead):
            read()
    for code in ("open('content/situs.yml')", "import os; os.listdir('content')",
                 "import subprocess; subprocess.run(['true'], cwd='content')"):
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=False)
        assert child.returncode != 0 and "EditorsContentRead" in child.stderr, (code, child)
    # A folder named content elsewhere is no one's business: a test's own
    # copy, removed with rmtree (it opens "content" relative to a descriptor).
    copy = tmp_path / "salinan"
    shutil.copytree(FIXTURES / "valid-minimal", copy)
    shutil.rmtree(copy / "content")
    child = subprocess.run([sys.executable, "-c", "open('content/kim/contoh-satu.md').close()"],
                           cwd=FIXTURES / "valid-minimal", capture_output=True, text=True,
                           check=False)
    assert child.returncode == 0, child.stderr

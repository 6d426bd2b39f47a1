"""Hostile files in the content folder, opened in Chromium from the site's
own address, where a script could read the web editor's GitHub login.

Every way found to get a script published (SVG tricks a pattern over the
text misses, HTML under other names, HTML bytes named .jpg or .pdf, a PDF
named .png, an album photo in berkas/, symbolic links to files outside the
content folder) is first refused by `invoke check`'s validation, naming
each file. Then the same content is built with the check switched off, as
content that got past it would be: none of those files is published, and
opened at the address each would have had, no script runs. A copy of one
of them placed in the site by the test itself does run: the probe works.
"""

import json
import os
import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT, TODAY, serving
from portal.intake.validation import validate_content

# What each hostile file runs when a browser opens it.
PROBE = ("window.DIJALANKAN = 1; console.log('DIJALANKAN ' + location.pathname); "
         "document.title = 'DIJALANKAN';")
SCRIPT = f"<script>{PROBE}</script>"
SVG = "http://www.w3.org/2000/svg"
HTML = f"<!doctype html><title>Halaman</title>{SCRIPT}".encode()
XHTML = (f'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x'
         f'</title></head><body><script>{PROBE}</script></body></html>').encode()

ATTACKS = {
    # A script in a prefixed namespace: no "<script" in the text.
    "images/awalan.svg": f'<x:svg xmlns:x="{SVG}"><x:script>{PROBE}</x:script></x:svg>'.encode(),
    # A script built from a DTD entity: no "<script" in the text either.
    "images/entitas.svg": (f'<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;{PROBE}&#60;/script'
                           f'&#62;">]><svg xmlns="{SVG}">&s;</svg>').encode(),
    # A script after the first 2 MB.
    "images/panjang.svg": (f'<svg xmlns="{SVG}"><!--' + "x" * 2_100_000 + f"-->{SCRIPT}</svg>"
                           ).encode(),
    # Saved as UTF-16: every other byte is a NUL.
    "images/utf16.svg": f'<svg xmlns="{SVG}">{SCRIPT}</svg>'.encode("utf-16"),
    # HTML under the names a static host serves as HTML.
    "images/halaman.htm": HTML, "images/halaman.html": HTML, "images/halaman.xhtml": XHTML,
    "berkas/lampiran.htm": HTML, "berkas/lampiran.html": HTML, "berkas/lampiran.xhtml": XHTML,
    # Bytes that are not what the name says.
    "images/palsu.jpg": HTML,
    "berkas/palsu.pdf": HTML,
    "images/dokumen.png": (FIXTURES.joinpath("valid-minimal", "content") / "berkas" /
                           "sk-contoh-satu.pdf").read_bytes() + SCRIPT.encode(),
    # An album photo in berkas/, which used to be published unchecked.
    "berkas/foto-album.jpg": HTML,
}
# Symbolic links: to the repository's own configuration, and to a folder
# outside the content folder (relative to the test's folder).
LINKS = {"images/konfigurasi.jpg": "repo/.git/config", "images/luar": "luar"}
# What would be published through the linked folder.
THROUGH_LINKS = ["images/luar/skrip.svg"]


def hostile_site(folder):
    """valid-minimal with every hostile file, and entries that use some."""
    tree = folder.joinpath("content")
    shutil.copytree(FIXTURES.joinpath("valid-minimal", "content"), tree)
    for relative, data in ATTACKS.items():
        (tree / relative).write_bytes(data)
    (folder / "repo" / ".git").mkdir(parents=True)
    (folder / "repo" / ".git" / "config").write_text(
        '[remote "origin"]\n\turl = https://x-access-token:RAHASIA@github.com/kim/portal\n'
        f"{SCRIPT}\n")
    (folder / "luar").mkdir()
    (folder / "luar" / "skrip.svg").write_text(f'<svg xmlns="{SVG}">{SCRIPT}</svg>')
    for relative, target in LINKS.items():
        (tree / relative).symlink_to(folder / target)
    album = tree / "galeri" / "rapat-anggota-contoh.md"
    album.write_text(album.read_text().replace("images/galeri/rapat-2.jpg",
                                               "berkas/foto-album.jpg"))
    article = tree / "berita" / "contoh-berita.md"
    article.write_text(article.read_text() + "\nLihat [lampiran]({static}/berkas/lampiran.html)"
                       " dan ![peta]({static}/images/luar/skrip.svg).\n")
    return tree


# The build of `invoke build`, with the content check returning no problem.
UNCHECKED = """
import sys
from pelican import main
from portal.intake import corpus

checked = corpus.validate_content
corpus.validate_content = lambda *args: (checked(*args)[0], [])
main(sys.argv[1:])
"""


def build_unchecked(tree, output, cache):
    overrides = [f"{key}={json.dumps(value)}" for key, value in
                 {"CACHE_PATH": str(cache), "SEARCH_INDEX": False}.items()]
    # Without --fatal: Pelican's warning about the {static} link it cannot
    # resolve (the portal publishes no such file) would stop it.
    return subprocess.run(
        [sys.executable, "-c", UNCHECKED, str(tree), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(output), "-e", *overrides],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PORTAL_TODAY": TODAY})


def test_hostile_files_are_refused_and_never_published(tmp_path, chromium):
    tree = hostile_site(tmp_path)
    _, problems = validate_content(tree, tmp_path)
    named = {problem.path for problem in problems}
    for relative in [*ATTACKS, *LINKS]:
        assert f'content/{relative}' in named, relative
    fields = [str(problem) for problem in problems if problem.path.endswith(".md")]
    assert any("kolom 'foto[2].src': 'berkas/foto-album.jpg' tidak berada di folder images/"
               in line for line in fields), fields
    assert any("tautan '{static}/berkas/lampiran.html' di isi tulisan menuju berkas yang tidak "
               "diterbitkan" in line for line in fields), fields
    assert all("Perbaiki:" in str(problem) for problem in problems)

    output = tmp_path / "output"
    result = build_unchecked(tree, output, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "galeri" / "rapat-anggota-contoh" / "index.html").is_file()
    addresses = [*ATTACKS, *LINKS, *THROUGH_LINKS]
    for relative in addresses:
        assert not os.path.lexists(output / relative), relative
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"DIJALANKAN" not in data and b"RAHASIA" not in data, path

    # The probe, where the test itself puts a hostile file: it runs there.
    (output / "kontrol").mkdir()
    (output / "kontrol" / "awalan.svg").write_bytes(ATTACKS["images/awalan.svg"])
    with serving(output) as base:
        context = chromium.new_context()
        try:
            page = context.new_page()
            said = []
            page.on("console", lambda message: said.append(message.text))
            page.goto(f"{base}/kontrol/awalan.svg")
            assert page.evaluate("window.DIJALANKAN") == 1
            assert "DIJALANKAN /kontrol/awalan.svg" in said
            said.clear()
            for relative in addresses:
                response = page.goto(f"{base}/{relative}")
                assert response.status == 404, relative
                assert page.evaluate("window.DIJALANKAN") is None, relative
                assert page.title() != "DIJALANKAN", relative
            assert [text for text in said if "DIJALANKAN" in text] == []
        finally:
            context.close()

"""Files besides the entries (plugins/portal/intake/uploads.py, images.py,
output/files.py): only photos and PDF documents, told by their bytes, are
published, and only those a published entry uses; a photo is published as
a clean copy (upright, at most 2000 px, without GPS, camera or time), never
its own bytes; symbolic links are refused and never followed."""

import hashlib
import io
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from conftest import FIXTURES, ROOT, build
from portal.intake import images, uploads
from portal.intake.validation import validate_content
from portal.output import files

VALID = FIXTURES.joinpath("valid-minimal", "content")
DOCS = (ROOT / "docs" / "pesan-pemeriksaan.md").read_text(encoding="utf-8")
# What a phone writes into a photo, and must never reach the site.
SECRETS = (b"KameraRekaan", b"Ponsel Uji 9", b"2026:05:02 09:30:00", b"RahasiaXMP",
           b"Komentar kamera")


def camera_photo(size=(3200, 2400), fmt="JPEG", orientation=6):
    """A detailed photo (a few MB as JPEG) carrying what a phone writes into
    it: make, model, time, GPS position, orientation, XMP, a profile."""
    half = (max(1, size[0] // 2), max(1, size[1] // 2))
    image = Image.merge("RGB", [Image.effect_noise(half, 50) for _ in range(3)]).resize(
        size, Image.BILINEAR)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "KameraRekaan", "Ponsel Uji 9"  # make, model
    exif[0x0132] = "2026:05:02 09:30:00"  # time
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (2.0, 41.0, 23.5), "E", (111.0, 37.0, 12.0)
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
           b'02/22-rdf-syntax-ns#"><rdf:Description>RahasiaXMP</rdf:Description></rdf:RDF>'
           b'</x:xmpmeta>')
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    options = {"exif": exif, "icc_profile": profile}
    if fmt == "JPEG":
        options.update(quality=92, xmp=xmp, comment=b"Komentar kamera")
    elif fmt == "WEBP":
        options.update(quality=90, xmp=xmp)
    elif fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        info.add_text("Comment", "Komentar kamera")
        options["pnginfo"] = info
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def chunks(data):
    """The chunk types of a PNG or WebP file (where their metadata lives)."""
    found, position = [], 8 if data.startswith(b"\x89PNG") else 12
    while position + 8 <= len(data):
        if data.startswith(b"\x89PNG"):
            size, kind = int.from_bytes(data[position:position + 4], "big"), \
                data[position + 4:position + 8]
            position += 12 + size
        else:
            kind, size = data[position:position + 4], \
                int.from_bytes(data[position + 4:position + 8], "little")
            position += 8 + size + (size & 1)
        found.append(kind)
    return found


def assert_clean(data):
    """No metadata at all in a published file's bytes."""
    for secret in SECRETS + (b"Exif\x00", b"http://ns.adobe.com/xap", b"ICC_PROFILE"):
        assert secret not in data, secret
    if data.startswith((b"\x89PNG", b"RIFF")):
        assert not {b"eXIf", b"iCCP", b"iTXt", b"tEXt", b"zTXt", b"EXIF", b"XMP ", b"ICCP"} & \
            set(chunks(data)), chunks(data)
    with Image.open(io.BytesIO(data)) as image:
        assert not dict(image.getexif())
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info)


# -- the clean copy ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_phone_photo_is_published_upright_small_and_without_metadata(fmt, tmp_path):
    source = camera_photo(size=(2400, 1800) if fmt == "JPEG" else (2200, 1650), fmt=fmt)
    with pytest.raises(AssertionError):
        assert_clean(source)  # the check sees what a phone writes
    copy = images.clean(source)
    assert_clean(copy)
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format == fmt
        # Orientation 6: the camera held upright; the copy is turned, not tagged.
        assert image.size == (1500, 2000)
    if fmt != "PNG":  # lossy formats meet the byte budget by their quality
        assert len(copy) <= images.PHOTO_MAX_BYTES
    path = tmp_path / f"foto.{fmt.lower()}"
    path.write_bytes(source)
    assert images.image_size(str(path)) == (1500, 2000)  # what width/height say
    assert images.clean(source) == copy  # the same bytes every build


def test_a_gif_keeps_its_format_and_loses_its_comment():
    buffer = io.BytesIO()
    frames = [Image.new("P", (40, 30), colour) for colour in (1, 2)]
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:],
                   comment=b"Komentar kamera")
    copy = images.clean(buffer.getvalue())
    assert_clean(copy)
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format == "GIF" and image.size == (40, 30)
        assert getattr(image, "n_frames", 1) == 1  # an animation: its first picture


def test_a_16_bit_grey_png_keeps_its_tones():
    image = Image.new("I;16", (64, 64))
    image.putdata([index * 16 for index in range(64 * 64)])  # black to white, row by row
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    with Image.open(io.BytesIO(images.clean(buffer.getvalue()))) as copy:
        assert copy.format == "PNG"
        assert copy.convert("L").getpixel((0, 32)) == 128  # mid-grey, not clipped to white


def test_what_is_no_photo_is_refused_by_its_bytes(tmp_path):
    html = b"<!doctype html><script>alert(1)</script>"
    pdf = (VALID / "berkas" / "sk-contoh-satu.pdf").read_bytes()
    for name, data in (("halaman.jpg", html), ("dokumen.png", pdf), ("kosong.webp", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        assert images.photo_problem(path), name
        if data:
            with pytest.raises(Exception):  # noqa: B017,PT011 - Pillow's own kinds
                images.clean(data)
    path = tmp_path / "palsu.pdf"
    path.write_bytes(html)
    assert uploads.document_problem(path) == uploads.say("dokumen-bukan-pdf")


def test_sizes_past_the_limits_are_refused_with_the_messages_the_guide_shows(tmp_path):
    document = tmp_path / "besar.pdf"
    with document.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(21_500_000)  # sparse: no 21 MB written
    message = uploads.document_problem(document)
    assert message.startswith("dokumen terlalu besar (21,5 MB, paling besar 20 MB). Perbaiki:")
    photo = tmp_path / "besar.jpg"
    with photo.open("wb") as handle:
        handle.write(camera_photo(size=(64, 48)))
        handle.truncate(26_200_000)
    assert images.photo_problem(photo).startswith("foto terlalu besar (26,2 MB, paling besar "
                                                  "25 MB). Perbaiki:")
    # docs/pesan-pemeriksaan.md quotes both word for word (test_docs.py can
    # only check messages that a fixture of a few kilobytes produces).
    for line in (message, images.photo_problem(photo)):
        assert f"`{line}`" in DOCS, line


# -- what validation refuses ---------------------------------------------------------

def site(tmp_path, files_=None):
    tree = tmp_path.joinpath("content")
    shutil.copytree(VALID, tree)
    for relative, data in (files_ or {}).items():
        path = tree / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    return tree


def problems(tree):
    _, found = validate_content(tree, tree.parent)
    return [str(problem) for problem in found]


def test_only_photos_and_pdfs_are_accepted_anywhere_outside_the_entries(tmp_path):
    jpeg = (VALID / "images" / "galeri" / "rapat-1.jpg").read_bytes()
    tree = site(tmp_path, {
        "images/baik.webp": camera_photo(size=(64, 48), fmt="WEBP"),
        "berkas/laporan.docx": b"PK\x03\x04",
        "images/foto.heic": b"\x00\x00\x00\x18ftypheic",
        "lain/skrip.js": "alert(1)",
        "lain/foto.jpg": jpeg,  # an allowed kind: not published unless used, not an error
        "tanpa-akhiran": "teks",
        ".tersembunyi/skrip.html": "<script>alert(1)</script>",  # never read, never published
        "images/.DS_Store": b"\x00",
    })
    found = problems(tree)
    assert [line.split(":")[0] for line in found] == [
        'content/berkas/laporan.docx', 'content/images/foto.heic', 'content/lain/skrip.js',
        'content/tanpa-akhiran'], found
    assert "simpan dokumennya sebagai PDF" in found[0]
    assert "simpan ulang fotonya sebagai JPEG" in found[1]
    assert "berkas tanpa akhiran nama tidak dapat diterbitkan" in found[3]


# An SVG runs script in more ways than <script>: an event handler on any
# element, a javascript: link, a data: link holding a page. The check refuses
# an SVG whatever it holds (it once looked for some of these and missed
# others), so each on its own, and none at all, is refused: under its own
# name, a photo's name or a document's.
SVG_HOLDING = {
    "skrip": b"<script>alert(1)</script>",
    "penangan": b'<rect width="1" height="1" onload="alert(1)"/>',
    "javascript": b'<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
    "data": b'<a xlink:href="data:text/html;base64,PHNjcmlwdD4="><rect width="1" '
            b'height="1"/></a>',
    "polos": b'<rect width="1" height="1" fill="#2a7"/>',
}


@pytest.mark.parametrize("holding", SVG_HOLDING)
def test_an_svg_is_refused_whatever_it_holds(tmp_path, holding):
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
           b' width="1" height="1">' + SVG_HOLDING[holding] + b"</svg>")
    tree = site(tmp_path, {"images/gambar.svg": svg, "images/gambar.png": svg,
                           "berkas/gambar.pdf": svg})
    assert problems(tree) == [
        f"content/berkas/gambar.pdf: {uploads.say('dokumen-bukan-pdf')}",
        f"content/images/gambar.png: {images.photo_problem(tree / 'images' / 'gambar.png')}",
        "content/images/gambar.svg: " + uploads.say(
            "berkas-tidak-diterbitkan", suffix=".svg", fix=uploads.say("perbaiki-svg"))]
    assert images.photo_problem(tree / "images" / "gambar.png")
    assert not [path for path in uploads.published([], tree) if "gambar" in str(path)]


def test_symbolic_links_are_refused_and_never_followed(tmp_path):
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "rahasia.md").write_text("---\ntitle: Rahasia Di Luar\ndate: 2024-01-01\n"
                                        "category: Berita\n---\nRAHASIA\n")
    (outside / "rahasia.yml").write_text("pengelola: [rusak\n")
    tree = site(tmp_path)
    links = {
        "images/tautan.png": "contoh.png",                  # a file in the folder
        "images/luar": str(outside),                        # a folder outside
        "berita/luar": str(outside),                        # entries read through it?
        "berita/rahasia.md": str(outside / "rahasia.md"),   # one entry outside
        "berkas/hilang.pdf": str(tmp_path / "tidak-ada"),   # leading nowhere
        ".git-lain/config": str(outside),                   # even in a hidden folder
    }
    for relative, target in links.items():
        (tree / relative).parent.mkdir(parents=True, exist_ok=True)
        (tree / relative).symlink_to(target)
    (tree / "situs.yml").rename(tree / "situs-asli.yml")
    (tree / "situs.yml").symlink_to(outside / "rahasia.yml")
    documents, found = validate_content(tree, tree.parent)
    named = sorted(problem.path for problem in found)
    assert named == sorted(['content/situs.yml', *(f'content/{name}' for name in links),
                            'content/situs-asli.yml']), found
    for problem in found:
        if problem.path != 'content/situs-asli.yml':
            assert "adalah tautan simbolik" in problem.message
            assert "Perbaiki: ganti dengan berkas aslinya" in problem.message
        assert str(outside) not in str(problem) and "rahasia" not in problem.message
    assert "folder ini adalah tautan simbolik" in next(
        problem.message for problem in found if problem.path == 'content/images/luar')
    assert not [doc for doc in documents if "RAHASIA" in doc.body]


def test_a_publish_step_refuses_a_link_even_after_validation(tmp_path):
    """A file replaced by a link after `invoke check` ran is still not read."""
    tree = site(tmp_path)
    secret = tmp_path / "config"
    secret.write_text("[remote]\ntoken = rahasia\n")
    (tree / "berkas" / "sk-contoh-satu.pdf").unlink()
    (tree / "berkas" / "sk-contoh-satu.pdf").symlink_to(secret)
    copy, message = files._copy_in_cache(tree, tmp_path / "cache", None,
                                         "berkas/sk-contoh-satu.pdf")
    assert copy is None and "tautan simbolik" in message
    assert not (tmp_path / "cache").exists()


# -- what a build publishes ----------------------------------------------------------

ARTICLE = """---
title: Kegiatan Dengan Foto Kamera
date: 2024-03-01 10:00
category: Kegiatan
kim:
  - contoh-satu
gambar:
  src: images/berita/kamera.jpg
  alt: Foto kamera rekaan
summary: Berita rekaan dengan foto langsung dari kamera.
---

Unduh [laporannya]({static}/berkas/laporan.pdf).

![Foto kedua]({static}/images/berita/kedua.png)
"""

DRAFT = """---
title: Draf Dengan Foto Sendiri
date: 2024-03-02 10:00
category: Kegiatan
status: draft
gambar:
  src: images/berita/draf-saja.jpg
  alt: Foto yang hanya dipakai draf
summary: Draf rekaan.
---

Unduh [lampiran draf]({static}/berkas/draf-saja.pdf).
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A site with a camera photo, photos only a draft or nobody uses, and
    documents, built as production builds it (drafts not shown)."""
    folder = tmp_path_factory.mktemp("terbit")
    tree = folder.joinpath("content")
    shutil.copytree(VALID, tree)
    pdf = (VALID / "berkas" / "sk-contoh-satu.pdf").read_bytes()
    small = camera_photo(size=(64, 48))
    for relative, data in {
        "images/berita/kamera.jpg": camera_photo(),
        "images/berita/kedua.png": camera_photo(size=(900, 600), fmt="PNG", orientation=1),
        "images/berita/draf-saja.jpg": small,
        "images/berita/tak-dipakai.jpg": small,
        "berkas/laporan.pdf": pdf,
        "berkas/draf-saja.pdf": pdf,
        "berkas/tak-dipakai.pdf": pdf,
        "berita/kamera.md": ARTICLE.encode(),
        "berita/draf.md": DRAFT.encode(),
    }.items():
        (tree / relative).parent.mkdir(parents=True, exist_ok=True)
        (tree / relative).write_bytes(data)
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest()
              for path in tree.rglob("*") if path.is_file()}
    assert problems(tree) == []
    output = folder / "output"
    result = build(tree, output, overrides={"SHOW_DRAFTS": False, "SEARCH_INDEX": False,
                                               "CACHE_PATH": str(folder / "cache")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in tree.rglob("*") if path.is_file()} == before  # content untouched
    return tree, output


def test_only_what_published_entries_use_is_published(published):
    tree, output = published
    shown = sorted(path.relative_to(output).as_posix()
                   for folder in ("images", "berkas") for path in (output / folder).rglob("*")
                   if path.is_file() and "/webp/" not in f"/{path.relative_to(output)}")
    assert shown == ["berkas/laporan.pdf", "berkas/sk-contoh-satu.pdf",
                     "images/berita/kamera.jpg", "images/berita/kedua.png",
                     "images/contoh.png", "images/galeri/rapat-1.jpg",
                     "images/galeri/rapat-2.jpg"]
    # A document is published as it is, once its bytes are checked.
    assert (output / "berkas" / "laporan.pdf").read_bytes() == \
        (tree / "berkas" / "laporan.pdf").read_bytes()
    page = (output / "berita" / "kegiatan-dengan-foto-kamera" / "index.html").read_text()
    assert 'href="/berkas/laporan.pdf"' in page  # {static} resolved by the portal
    assert "{static}" not in page
    assert not list(output.rglob("*draf-saja*")) and not list(output.rglob("*tak-dipakai*"))


def test_a_published_photo_and_its_derivatives_carry_no_metadata(published):
    tree, output = published
    source = (tree / "images" / "berita" / "kamera.jpg").read_bytes()
    assert len(source) > 1_000_000 and b"KameraRekaan" in source  # over the old limit
    copy = (output / "images" / "berita" / "kamera.jpg").read_bytes()
    assert copy != source and len(copy) <= images.PHOTO_MAX_BYTES
    assert_clean(copy)
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format == "JPEG" and image.size == (1500, 2000)
    page = (output / "berita" / "kegiatan-dengan-foto-kamera" / "index.html").read_text()
    lead = re.search(r'<img src="/images/berita/kamera.jpg"[^>]*>', page).group(0)
    assert 'width="1500" height="2000"' in lead
    derivatives = sorted((output / "images" / "webp" / "berita").glob("*.webp"))
    assert [path.name for path in derivatives] == [
        "kamera-1080.webp", "kamera-360.webp", "kamera-720.webp",
        "kedua-360.webp", "kedua-720.webp", "kedua-900.webp"]
    for path in derivatives:
        assert_clean(path.read_bytes())  # (WebP keeps metadata in chunks: none is there)
    with Image.open(output / "images" / "webp" / "berita" / "kamera-720.webp") as image:
        assert image.size == (720, 960)  # made from the upright copy


def test_a_photo_broken_past_what_the_check_sees_stops_the_build_with_a_message(tmp_path):
    tree = site(tmp_path)
    whole = camera_photo(size=(800, 600))
    (tree / "images" / "galeri" / "rapat-1.jpg").write_bytes(whole[:len(whole) // 2])
    assert problems(tree) == []  # a cut JPEG opens; only decoding it finds the cut
    result = build(tree, tmp_path / "output",
                   overrides={"SEARCH_INDEX": False, "CACHE_PATH": str(tmp_path / "cache")})
    assert result.returncode != 0
    assert 'content/images/galeri/rapat-1.jpg: berkas ini bukan gambar yang dapat dibuka' in \
        result.stderr
    assert "Traceback" not in result.stderr


# -- any bytes, any name -------------------------------------------------------

# The opening bytes of every kind the site may publish, and of kinds that run
# script when opened, so that random files start like real ones.
MAGIC = [b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\x00\x00\x00\x00WEBP",
         b"%PDF-1.7\n", b"<svg xmlns='http://www.w3.org/2000/svg'>", b"<!doctype html>",
         b"\xfe\xff\x00<\x00s\x00v\x00g"]
SCRIPT = b"<script>window.parent.ditembus=1</script>"


def _real_photo(fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (6, 4), (10, 120, 200)).save(buffer, fmt)
    return buffer.getvalue()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(magic=st.sampled_from(MAGIC), rest=st.binary(max_size=300),
       name=st.sampled_from(["images/x.jpg", "images/x.JPEG", "images/x.png", "images/x.gif",
                             "images/x.webp", "berkas/x.pdf"]),
       real=st.sampled_from([None, "JPEG", "PNG", "GIF", "WEBP"]), script=st.booleans())
def test_whatever_the_bytes_only_real_photos_and_pdfs_pass(tmp_path, magic, rest, name, real,
                                                            script):
    """Any bytes under any allowed name: the check never fails with an
    exception; what it accepts is a photo Pillow reads as one of the four
    formats (published only as a re-encoded copy, so bytes hidden in it do not
    reach the site) or a file that starts as a PDF."""
    data = (_real_photo(real) if real else magic) + (SCRIPT if script else b"") + rest
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    problem = uploads.file_problem(path)
    if problem is not None:
        assert isinstance(problem, str) and "Perbaiki" in problem
        return
    if name.endswith(".pdf"):
        assert data.startswith(b"%PDF-")
        return
    with Image.open(io.BytesIO(data)) as image:
        assert image.format in ("JPEG", "PNG", "GIF", "WEBP")
    try:
        copy = images.clean(data)
    except Exception:  # noqa: BLE001 - a photo broken past the check: the build says so
        return
    assert SCRIPT not in copy
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format in ("JPEG", "PNG", "GIF", "WEBP")
        assert not image.getexif()


# Names an upload could have: any letters, dots, spaces and double endings.
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"),
                min_size=1, max_size=24).map(lambda stem: stem.strip() or "x").flatmap(
    lambda stem: st.sampled_from(["", ".html", ".htm", ".xhtml", ".svg", ".SVG", ".jpg.html",
                                  ".html.jpg", ".pdf", ".png", ".js", ".txt"]).map(
        lambda suffix: stem + suffix))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, folder=st.sampled_from(["images", "images/galeri", "berkas"]),
       data=st.sampled_from([b"<!doctype html>" + SCRIPT,
                             b"<svg xmlns='http://www.w3.org/2000/svg'>" + SCRIPT + b"</svg>"]))
def test_whatever_the_name_a_page_or_an_svg_is_refused(tmp_path, name, folder, data):
    """HTML or SVG bytes under any file name in the upload folders: invoke
    check names the file (a hidden name is never read or published)."""
    site = tmp_path / "situs"
    if not site.exists():
        shutil.copytree(VALID, site.joinpath("content"))
    path = site.joinpath("content", folder, name)
    if name in (".", "..") or len(name.encode()) > 255:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        _, problems = validate_content(site.joinpath("content"), site)
        relative = path.relative_to(site).as_posix()
        if uploads.hidden(path.relative_to(site.joinpath("content"))):
            assert relative not in uploads.published([], site.joinpath("content"))
        else:
            assert [p for p in problems if p.path == relative], relative
    finally:
        path.unlink()

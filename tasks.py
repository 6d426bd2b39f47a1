"""Tasks for editors and developers: `invoke --list` shows them all."""

import json
import os
import shlex
import sys
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import Exit, task

from portal.intake.validation import format_report, plain_slug, validate_content
from portal.model import schema, vocabulary
from portal.model.scaffolds import scaffold

ROOT = Path(__file__).resolve().parent

CONFIG = {
    "content_path": ROOT / "content",
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "deploy_path": ROOT / "output",
    "host": "localhost",
    "port": 8000,
}
WATCHED = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")


def pelican_run(c, settings, output, overrides=None, warm=None):
    """Run Pelican with `overrides` replacing settings: in a subprocess (a
    fresh plugin state every time), or with `warm` (a WarmPelican) in a
    forked copy of this process."""
    args = [str(CONFIG["content_path"]), "-s", str(settings), "-o", str(output),
            "--fatal", "warnings"]
    if overrides:
        # One -e with every pair: Pelican keeps only the last of several.
        args += ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    if warm is not None and warm.usable():
        return warm.run(args)
    command = f'"{sys.executable}" -m pelican ' + " ".join(shlex.quote(arg) for arg in args)
    return c.run(command, warn=True, pty=False)


class WarmPelican:
    """Builds for the live preview, each in a forked copy of this process,
    which has imported Pelican and the portal's plugin once: a build then
    starts without half a second of imports, and still from a fresh plugin
    state (the copy's), as a subprocess would. When the plugin's code
    changes, what this process imported is stale, and builds run as
    subprocesses again."""

    def __init__(self):
        import pelican

        import portal  # the whole plugin, as Pelican will load it
        self._pelican = pelican
        self._code = self._stamp(Path(portal.__file__).parent)
        self._folder = Path(portal.__file__).parent

    @staticmethod
    def _stamp(folder):
        return sorted((path.as_posix(), path.stat().st_mtime_ns)
                      for path in folder.rglob("*.py"))

    def usable(self):
        return self._stamp(self._folder) == self._code

    def run(self, args):
        import traceback
        from types import SimpleNamespace

        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                self._pelican.main(args)
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
            except BaseException:  # noqa: BLE001 - shown, then the build counts as failed
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        return SimpleNamespace(failed=os.waitstatus_to_exitcode(status) != 0)


def build_and_swap(c, settings, target, siteurl="", overrides=None, checks=True,
                   remove_old_later=False, warm=None):
    """Build into a folder of its own, check it, then point `target` at it
    (portal/build/swap.py): a failed, checked-out or killed build leaves
    `target` exactly as it was, and one build runs at a time.

    With `remove_old_later` (the live preview, a long-running process) the
    replaced site is deleted in the background: deleting thousands of files
    takes seconds, and the browser can reload as soon as the switch is done.
    `warm` (a WarmPelican) builds without starting a new interpreter."""
    from pelican.settings import read_settings

    from portal.build import swap
    from portal.output.policy import PagePolicy
    from quality.site import check_site

    target = Path(target)
    try:
        with swap.build_lock(target):
            swap.check(target)
            swap.remove(swap.leftovers(target))
            fresh = swap.new_build(target)
            # Pages that did not change are carried over from the site being
            # replaced (portal/build/incremental.py), never written into it.
            previous = swap.current(target)
            if previous is not None and swap.is_complete(previous):
                overrides = {**(overrides or {}), "INCREMENTAL_FROM": str(previous)}
            result = pelican_run(c, settings, fresh, overrides, warm)
            if result.failed:
                swap.remove(swap.with_marks(fresh))
                raise Exit(f"Pembangunan situs gagal; {target.name}/ tidak diubah.", code=1)
            problems = []
            if checks:
                policy = PagePolicy.from_settings(read_settings(str(settings)))
                problems = check_site(fresh, siteurl, policy=policy)
            if problems:
                swap.remove(swap.with_marks(fresh))
                raise Exit("\n".join(problems) + f"\nPemeriksaan hasil gagal; {target.name}/ "
                           "tidak diubah.", code=1)
            swap.mark_complete(fresh)
            previous = swap.switch(target, fresh)
            if previous is not None:
                swap.remove(swap.with_marks(previous), background=remove_old_later)
    except swap.Refused as refusal:
        # The builds folder is not as the portal left it, or cannot be
        # written: the editor reads what was found, not a traceback.
        raise Exit(str(refusal), code=1) from None
    print(f"Situs dibangun di {target}/")


@task
def check(c):
    """Validate all content without building (lists every problem)."""
    from portal.build.annotations import annotations
    from portal.domain.reminders import format_reminders, reminders

    try:
        documents, problems = validate_content(CONFIG["content_path"], ROOT)
        notes = [] if problems else reminders(documents, CONFIG["content_path"], _shown_path)
    except Exception as error:  # noqa: BLE001 - an editor sees a message, not a traceback
        from portal.intake.validation import unexpected

        raise Exit(f"content/: {unexpected(error)}", code=1) from None
    if os.environ.get("GITHUB_ACTIONS") == "true":
        # Shown by GitHub on the file and line, in the commit and pull request.
        print(annotations(problems, "error") or annotations(notes, "warning"))
    if problems:
        raise Exit(format_report(problems), code=1)
    if notes:
        print(format_reminders(notes))
    print(f"Konten valid: {len(documents)} berkas diperiksa, tidak ada masalah.")


def _shown_path(path):
    """A path as messages show it: relative to the project (content/...)."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).as_posix()


@task
def clean(c):
    """Remove the built site (output/ and the builds in output.versi/ the portal made)."""
    from portal.build import swap

    target = CONFIG["deploy_path"]
    try:
        with swap.build_lock(target):
            others = swap.clear(target)
    except swap.Refused as refusal:
        raise Exit(str(refusal), code=1) from None
    if others:
        print(f"{swap.builds_dir(target).name}/ masih berisi yang tidak dibuat portal, dan "
              "dibiarkan: " + ", ".join(path.name for path in others))


@task
def build(c):
    """Build the site with development settings into output/."""
    build_and_swap(c, CONFIG["settings_base"], CONFIG["deploy_path"])


def _port(port):
    """The port to serve on: the one asked for (8000 by default), or the
    next free one when another program (often a preview left running) has
    it, said in one line."""
    from portal.build.server import NoFreePort, free_port

    try:
        asked = int(port or CONFIG["port"])
        if not 1 <= asked <= 65535:
            raise ValueError
    except ValueError:
        raise Exit(f"--port {port}: bukan nomor port. Perbaiki: tulis angka 1 sampai 65535, "
                   "misalnya --port 8080", code=1) from None
    try:
        found = free_port(CONFIG["host"], asked)
    except NoFreePort as refusal:
        raise Exit(str(refusal), code=1) from None
    if found != asked:
        print(f"Port {asked} sedang dipakai program lain (mungkin pratinjau yang masih "
              f"berjalan); memakai port {found}.")
    return found


def _serve(path, port=None):
    from portal.build.server import make_server

    port = _port(port)
    server = make_server(path, CONFIG["host"], port)
    print(f"Situs dapat dibuka di http://{CONFIG['host']}:{port}/ "
          "(hentikan dengan Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


PORT_HELP = {"port": "nomor port (bawaan: 8000; bila terpakai, port berikutnya yang bebas)"}


@task(help=PORT_HELP)
def serve(c, port=None):
    """Serve output/ at http://localhost:8000/."""
    _serve(str(CONFIG["deploy_path"]), port)


@task(help=PORT_HELP)
def livereload(c, port=None):
    """Rebuild on a change in content, theme or plugins and reload the browser."""
    from portal.build import preview

    port = _port(port)
    warm = WarmPelican()

    def rebuild():
        """Build the preview; the problems that stopped it, for the page."""
        try:
            # A preview: rebuilt in seconds, checked by `invoke build`/`publish`.
            build_and_swap(c, CONFIG["settings_base"], CONFIG["deploy_path"],
                           overrides={"LIVERELOAD_PORT": port,
                                      "PREVIEW_PROBLEMS_URL": preview.PROBLEMS_URL},
                           checks=False,
                           remove_old_later=True, warm=warm)
            return []
        except Exit as failure:
            print(failure.message, file=sys.stderr)
            try:  # what `invoke check` says (the build printed it too)
                _, problems = validate_content(CONFIG["content_path"], ROOT)
            except Exception:  # noqa: BLE001 - the build's own message is shown instead
                problems = []
            return [str(problem) for problem in problems] or [failure.message]

    print(f"Pratinjau langsung di http://{CONFIG['host']}:{port}/ (hentikan dengan Ctrl+C)")
    try:
        preview.serve(CONFIG["deploy_path"], CONFIG["host"], port,
                      [ROOT / path for path in WATCHED], rebuild)
    except OSError as error:  # the port was taken between the check and now
        raise Exit(f"Pratinjau tidak dapat dimulai di port {port} ({error.strerror}). "
                   "Perbaiki: jalankan lagi, atau pilih port lain dengan --port", code=1) from None


@task(help=PORT_HELP)
def preview(c, port=None):
    """Build with production settings into output/ and serve it."""
    build_and_swap(c, CONFIG["settings_publish"], CONFIG["deploy_path"],
                   _publish_siteurl())
    _serve(str(CONFIG["deploy_path"]), port)


@task
def publish(c):
    """Build with production settings; replace output/ only if all checks pass."""
    # Content is validated by the build itself, before anything is written.
    build_and_swap(c, CONFIG["settings_publish"], CONFIG["deploy_path"],
                   _publish_siteurl())


@task
def test(c):
    """Run the whole test suite."""
    c.run(f'"{sys.executable}" -m pytest', pty=False)


def _publish_siteurl():
    return os.environ.get("PORTAL_SITEURL", "http://localhost:8000")


# -- scaffolding --------------------------------------------------------------

def _write_new(path, text):
    if path.exists():
        raise Exit(f"{path.relative_to(ROOT)} sudah ada. Pilih judul atau slug lain, "
                   "atau sunting berkas itu.", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _, problems = validate_content(CONFIG["content_path"], ROOT)
    mine = [p for p in problems if p.path == path.relative_to(ROOT).as_posix()]
    if mine:
        path.unlink()
        raise Exit(format_report(mine) + "\nBerkas tidak dibuat.", code=1)
    print(f"Berkas baru: {path.relative_to(ROOT)} — sunting isinya, lalu jalankan "
          "'invoke check'.")


def _choice(value, allowed, option):
    for candidate in allowed:
        if value.strip().lower() == candidate.lower():
            return candidate
    raise Exit(f"Pilihan --{option} '{value}' tidak dikenal. Pilih salah satu dari: "
               + ", ".join(allowed), code=1)


def _kim_profile(slug):
    """The front matter of KIM `slug`, read from its profile alone (no need
    to validate the whole content tree for that; the new file is validated
    with everything else once written)."""
    from portal.intake import frontmatter

    for path in sorted((CONFIG["content_path"] / "kim").glob("*.md")):
        try:
            metadata = frontmatter.split(path.read_text(encoding="utf-8")).metadata
        except (frontmatter.FrontMatterError, UnicodeDecodeError):
            continue
        if str(metadata.get("slug")) == slug:
            return metadata
    known = sorted(path.stem for path in (CONFIG["content_path"] / "kim").glob("*.md"))
    hint = (f"yang ada: {', '.join(known[:8])}{' ...' if len(known) > 8 else ''}" if known
            else "belum ada profil KIM; buat dulu dengan 'invoke new-kim'")
    raise Exit(f"KIM '{slug}' tidak ada di content/kim/. Tulis slug salah satu profil KIM "
               f"(nama berkasnya tanpa .md; {hint}).", code=1)


def _kim_slugs(option):
    """The KIM slugs of a comma-separated option, each checked to exist."""
    slugs = [slug.strip() for slug in option.split(",") if slug.strip()]
    for slug in slugs:
        _kim_profile(slug)
    return slugs


@task(auto_shortflags=False, help={
    "nama": "nama KIM, misalnya \"KIM Nama Kelompok\"",
    "kecamatan": "salah satu dari enam kecamatan, misalnya Kumai",
    "desa": "nama desa atau kelurahan, misalnya \"Sungai Kapitan\"",
    "jenis": "desa atau kelurahan (bawaan: desa)",
    "slug": "alamat halaman (bawaan: dari nama, tanpa awalan 'KIM')",
})
def new_kim(c, nama, kecamatan, desa, jenis="desa", slug=None):
    """Create a ready-to-edit KIM profile in content/kim/."""
    kecamatan = _choice(kecamatan, [k.name for k in vocabulary.KECAMATAN], "kecamatan")
    jenis = _choice(jenis, vocabulary.JENIS_WILAYAH, "jenis")
    slug = slug or plain_slug(nama.removeprefix("KIM ").removeprefix("kim "))
    text = scaffold(schema.KIM, {"title": nama, "slug": slug, "desa_kelurahan": desa,
                                 "jenis_wilayah": jenis, "kecamatan": kecamatan})
    _write_new(CONFIG["content_path"] / "kim" / f"{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "nama potensi, misalnya \"Amplang Ikan Pipih\"",
    "kategori": "kategori potensi, misalnya Kuliner",
    "desa": "desa atau kelurahan tempat potensi, misalnya \"Sungai Kapitan\"",
    "kecamatan": "kecamatan tempat potensi, misalnya Kumai",
    "jenis": "desa atau kelurahan (bawaan: desa)",
    "kim": "slug KIM pengelola, hanya bila sumber menyebutnya; desa dan kecamatan lalu "
           "diambil dari profilnya bila tidak ditulis",
    "ringkasan": "satu kalimat ringkasan (bawaan: dibuat dari judul dan desa)",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_potensi(c, judul, kategori, desa=None, kecamatan=None, jenis=None, kim=None,
                ringkasan=None, slug=None):
    """Create a ready-to-edit potensi in content/potensi/."""
    kategori = _choice(kategori, [k.name for k in vocabulary.KATEGORI_POTENSI], "kategori")
    profile = _kim_profile(kim) if kim else {}
    desa = desa or profile.get("desa_kelurahan")
    kecamatan = kecamatan or profile.get("kecamatan")
    if not desa or not kecamatan:
        raise Exit("Potensi milik sebuah desa: tulis --desa dan --kecamatan, atau --kim bila "
                   "sumber menyebut KIM pengelolanya.", code=1)
    kecamatan = _choice(str(kecamatan), [k.name for k in vocabulary.KECAMATAN], "kecamatan")
    jenis = _choice(jenis or str(profile.get("jenis_wilayah") or "desa"),
                    vocabulary.JENIS_WILAYAH, "jenis")
    slug = slug or plain_slug(judul)
    ringkasan = ringkasan or f"{judul}, potensi {kategori.lower()} di {jenis} {desa}."
    text = scaffold(schema.POTENSI, {
        "title": judul, "slug": slug, "desa_kelurahan": desa, "jenis_wilayah": jenis,
        "kecamatan": kecamatan, "kim": kim, "kategori": [kategori], "ringkasan": ringkasan})
    _write_new(CONFIG["content_path"] / "potensi" / f"{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "judul berita",
    "kim": "slug KIM terkait, pisahkan dengan koma bila lebih dari satu",
    "kategori": "Berita, Kegiatan atau Pengumuman (bawaan: Berita)",
    "tanggal": "YYYY-MM-DD JJ:MM dalam WIB (bawaan: sekarang)",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_berita(c, judul, kim="", kategori="Berita", tanggal=None, slug=None):
    """Create a ready-to-edit news article in content/berita/."""
    allowed = [k for k in vocabulary.KATEGORI_BERITA if k != vocabulary.CEK_FAKTA]
    if kategori.strip().lower() == vocabulary.CEK_FAKTA.lower():
        raise Exit("Cek Fakta memerlukan klaim, label, tempat beredar dan sumber: buat dengan "
                   "'invoke new-cek-fakta' (invoke --help new-cek-fakta menjelaskan "
                   "pilihannya).", code=1)
    kategori = _choice(kategori, allowed, "kategori")
    slugs = _kim_slugs(kim)
    when = tanggal or datetime.now(ZoneInfo("Asia/Jakarta")).strftime("%Y-%m-%d %H:%M")
    slug = slug or plain_slug(judul)
    text = scaffold(schema.BERITA, {"title": judul, "date": when, "category": kategori,
                                    "slug": slug, "kim": slugs})
    day = when[:10]
    _write_new(CONFIG["content_path"] / "berita" / f"{day}-{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "judul tulisan, misalnya \"Cek Fakta: Pesan Berantai tentang Bantuan Desa\"",
    "klaim": "klaim yang diperiksa, paling banyak 74 huruf",
    "label": "hasil periksa: " + ", ".join(v.label for v in vocabulary.VERDICTS),
    "beredar_tempat": "di mana klaim beredar, misalnya \"grup WhatsApp\"",
    "beredar_tanggal": "tanggal klaim beredar YYYY-MM-DD",
    "sumber": "nama sumber yang membantah atau menguatkan, misalnya nama media atau instansi",
    "sumber_url": "alamat tulisan sumber, https://... (tidak wajib, tetapi sebaiknya diisi)",
    "kim": "slug KIM terkait, pisahkan dengan koma bila lebih dari satu",
    "tanggal": "YYYY-MM-DD JJ:MM dalam WIB (bawaan: sekarang)",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_cek_fakta(c, judul, klaim, label, beredar_tempat, beredar_tanggal, sumber,
                  sumber_url=None, kim="", tanggal=None, slug=None):
    """Create a ready-to-edit fact check in content/berita/ (category Cek Fakta)."""
    label = _choice(label, [v.label for v in vocabulary.VERDICTS], "label")
    slugs = _kim_slugs(kim)
    when = tanggal or datetime.now(ZoneInfo("Asia/Jakarta")).strftime("%Y-%m-%d %H:%M")
    slug = slug or plain_slug(judul)
    text = scaffold(schema.BERITA, {
        "title": judul, "date": when, "category": vocabulary.CEK_FAKTA, "slug": slug,
        "kim": slugs, "klaim": klaim, "label": label,
        "beredar": {"tempat": beredar_tempat, "tanggal": beredar_tanggal},
        "sumber": [{"nama": sumber, "url": sumber_url}]})
    _write_new(CONFIG["content_path"] / "berita" / f"{when[:10]}-{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "nama acara, misalnya \"Pelatihan Menulis Berita Desa\"",
    "mulai": "YYYY-MM-DD JJ:MM dalam WIB, atau YYYY-MM-DD untuk acara sepanjang hari",
    "tempat": "nama tempat, misalnya \"Balai Desa Sungai Kapitan\"",
    "kecamatan": "kecamatan tempat acara, misalnya Kumai",
    "desa": "desa atau kelurahan tempat acara (tidak wajib)",
    "selesai": "YYYY-MM-DD JJ:MM atau YYYY-MM-DD (tidak wajib)",
    "kim": "slug KIM penyelenggara, pisahkan dengan koma bila lebih dari satu",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_acara(c, judul, mulai, tempat, kecamatan, desa=None, selesai=None, kim="", slug=None):
    """Create a ready-to-edit activity for the agenda in content/acara/."""
    kecamatan = _choice(kecamatan, [k.name for k in vocabulary.KECAMATAN], "kecamatan")
    slugs = _kim_slugs(kim)
    slug = slug or plain_slug(judul)
    text = scaffold(schema.ACARA, {
        "title": judul, "slug": slug, "mulai": mulai, "selesai": selesai,
        "keadaan": "terjadwal",
        "tempat": {"nama": tempat, "desa_kelurahan": desa, "kecamatan": kecamatan},
        "kim": slugs})
    _write_new(CONFIG["content_path"] / "acara" / f"{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "judul video, misalnya \"Profil KIM Desa Anda\"",
    "youtube": "alamat video di YouTube, misalnya https://www.youtube.com/watch?v=...",
    "kim": "slug KIM pembuat, pisahkan dengan koma bila lebih dari satu",
    "jenis": "profil KIM, liputan atau lainnya (bawaan: liputan)",
    "tanggal": "tanggal terbit YYYY-MM-DD (bawaan: hari ini)",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_video(c, judul, youtube, kim="", jenis="liputan", tanggal=None, slug=None):
    """Create a ready-to-edit video page in content/video/."""
    jenis = _choice(jenis, vocabulary.JENIS_VIDEO, "jenis")
    slugs = _kim_slugs(kim)
    day = tanggal or datetime.now(ZoneInfo("Asia/Jakarta")).strftime("%Y-%m-%d")
    slug = slug or plain_slug(judul)
    text = scaffold(schema.VIDEO, {"title": judul, "slug": slug, "youtube": youtube,
                                   "date": day, "jenis": jenis, "kim": slugs})
    _write_new(CONFIG["content_path"] / "video" / f"{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "judul dokumen, misalnya \"SK Pembentukan KIM Desa Anda\"",
    "berkas": "jalur berkasnya di dalam content/, misalnya berkas/sk-pembentukan-kim.pdf",
    "jenis": "SK, laporan, pengumuman, formulir atau lainnya",
    "tanggal": "tanggal dokumen YYYY-MM-DD",
    "kim": "slug KIM penerbit; kosongkan untuk dokumen pengelola portal",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_dokumen(c, judul, berkas, jenis, tanggal, kim="", slug=None):
    """Create a ready-to-edit document page in content/dokumen/."""
    jenis = _choice(jenis, vocabulary.JENIS_DOKUMEN, "jenis")
    slugs = _kim_slugs(kim)
    slug = slug or plain_slug(judul)
    text = scaffold(schema.DOKUMEN, {"title": judul, "slug": slug, "berkas": berkas,
                                     "date": tanggal, "jenis": jenis, "kim": slugs})
    _write_new(CONFIG["content_path"] / "dokumen" / f"{slug}.md", text)


@task(auto_shortflags=False, help={
    "judul": "judul galeri, misalnya \"Pelatihan Menulis Berita Desa\"",
    "tanggal": "tanggal kegiatan YYYY-MM-DD",
    "kim": "slug KIM, pisahkan dengan koma bila lebih dari satu",
    "foto": "foto pertama: jalurnya di dalam content/, misalnya images/galeri/foto-1.jpg",
    "alt": "teks alternatif foto pertama: gambarkan isinya",
    "kredit": "siapa yang memotret (tidak wajib)",
    "slug": "alamat halaman (bawaan: dari judul)",
})
def new_galeri(c, judul, tanggal, kim, foto, alt, kredit=None, slug=None):
    """Create a ready-to-edit photo album in content/galeri/ with its first photo; add
    the others below it (or in the web editor)."""
    slugs = _kim_slugs(kim)
    slug = slug or plain_slug(judul)
    text = scaffold(schema.GALERI, {"title": judul, "slug": slug, "date": tanggal, "kim": slugs,
                                    "foto": [{"src": foto, "alt": alt, "kredit": kredit}]})
    _write_new(CONFIG["content_path"] / "galeri" / f"{slug}.md", text)


@task(help={"report": "folder laporan (bawaan: lighthouse-report/)",
            "page": "alamat halaman yang diaudit, bukan satu halaman per jenis (boleh berulang)"},
      iterable=["page"])
def audit(c, report="lighthouse-report", page=None):
    """Build, serve locally and run Lighthouse (mobile) on one page of each type."""

    from portal.build.server import make_server
    from quality.catalogue import audit_pages
    from quality.lighthouse import failures, render_failures, render_table, run_audit

    # These machines reach no map tile server; a failed tile would show as a
    # console error. The audited build asks this server for a blank tile
    # instead (the query string carries z/x/y and is ignored).
    tile = "theme/tile-audit.png"
    build_and_swap(c, CONFIG["settings_base"], CONFIG["deploy_path"],
                   overrides={"MAP_TILES": f"/{tile}?{{z}}/{{x}}/{{y}}"})
    from PIL import Image

    Image.new("RGB", (256, 256), "#e8eeeb").save(CONFIG["deploy_path"] / tile)
    server = make_server(str(CONFIG["deploy_path"]), "127.0.0.1", 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        rows = run_audit(f"http://127.0.0.1:{server.server_port}", ROOT / report,
                         pages=tuple(page or audit_pages(CONFIG["deploy_path"])))
    finally:
        server.shutdown()
        server.server_close()
    print(render_table(rows))
    if failures(rows):
        raise Exit(render_failures(failures(rows)), code=1)
    print(f"Semua halaman memenuhi target Lighthouse; laporan di {ROOT / report}/")


@task(help={"sizes": "jumlah berita, dipisah koma (bawaan: 1000,5000,20000)",
            "runs": "berapa kali setiap ukuran diukur; median dilaporkan (bawaan: 3)",
            "report": "berkas Markdown untuk hasilnya (bawaan: tidak ditulis)",
            "livereload": "ukur juga simpan -> halaman dimuat ulang di invoke livereload"})
def bench(c, sizes="1000,5000,20000", runs=3, report=None, livereload=False):
    """Benchmark builds on generated content against stock Pelican and Hugo."""
    command = f'"{sys.executable}" bench/run.py --sizes {sizes} --runs {runs}'
    if report:
        command += f' --report "{report}"'
    if livereload:
        command += " --livereload"
    c.run(command, pty=False)


@task(help={"pengaturan": "berkas pengaturan hub (bawaan: hub.yml; contohnya: hub.yml.contoh)",
            "keluaran": "folder situs hub (bawaan: output-hub)",
            "alamat": "alamat hub setelah terbit, pengganti kolom 'alamat' di berkas pengaturan"})
def hub(c, pengaturan="hub.yml", keluaran="output-hub", alamat=None):
    """Build a hub (a kabupaten or province portal) from the portal sites in hub.yml."""
    from portal.hub.build import HubError, run

    try:
        result = run(Path(pengaturan), Path(keluaran), ROOT / ".cache" / "hub", alamat,
                     shown=pengaturan)
    except HubError as error:
        raise Exit(str(error), code=1) from None
    for note in result.notes:
        print(note, file=sys.stderr)
    print(result.summary)

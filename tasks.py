"""Tasks for editors and developers: `invoke --list` shows them all."""

import os
import sys
import tempfile
from pathlib import Path

from invoke import Exit, task

from portal.editor import new_files
from portal.intake.validation import format_report, unexpected, validate_content

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


def _build(settings, siteurl="", checks=True, **options):
    """Build the site into output/ beside the live one and switch to it
    (portal/builder/site.py); `checks`: check the built site first, with the
    page policy of `settings` and the address `siteurl`."""
    from portal.builder import site
    from quality.site import checker

    try:
        site.build_and_swap(CONFIG["content_path"], settings, CONFIG["deploy_path"],
                            check=checker(settings, siteurl) if checks else None, **options)
    except site.BuildFailed as failure:
        raise Exit(str(failure), code=1) from None


@task
def check(c):
    """Validate all content without building (lists every problem)."""
    from portal.builder.annotations import annotations
    from portal.domain.reminders import format_reminders, reminders

    try:
        documents, problems = validate_content(CONFIG["content_path"], ROOT)
        notes = [] if problems else reminders(documents, CONFIG["content_path"], _shown_path)
    except Exception as error:  # noqa: BLE001 - an editor sees a message, not a traceback
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
    from portal.builder import swap

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
    _build(CONFIG["settings_base"])


def _port(port):
    from portal.builder.server import NoFreePort, port_to_serve

    try:
        return port_to_serve(CONFIG["host"], port, CONFIG["port"])
    except NoFreePort as refusal:
        raise Exit(str(refusal), code=1) from None


def _serve(path, port=None):
    from portal.builder.server import serve_until_stopped

    serve_until_stopped(path, CONFIG["host"], _port(port))


PORT_HELP = {"port": "nomor port (bawaan: 8000; bila terpakai, port berikutnya yang bebas)"}


@task(help=PORT_HELP)
def serve(c, port=None):
    """Serve output/ at http://localhost:8000/."""
    _serve(str(CONFIG["deploy_path"]), port)


@task(help=PORT_HELP)
def livereload(c, port=None):
    """Rebuild on a change in content, theme or plugins and reload the browser."""
    from portal.builder import preview
    from portal.builder.warm import WarmPelican

    port = _port(port)
    # Its last build's process stays: a saved body is on the page within a
    # second, before the rebuild is done (portal/builder/resident.py).
    warm = WarmPelican(CONFIG["settings_base"], keep=True)

    def rebuild(forking):
        """Build the preview; the problems that stopped it, for the page."""
        warm.forking = forking
        try:
            # A preview: rebuilt in seconds, checked by `invoke build`/`publish`.
            _build(CONFIG["settings_base"], checks=False, remove_old_later=True, warm=warm,
                   overrides={"LIVERELOAD_PORT": port,
                              "PREVIEW_PROBLEMS_URL": preview.PROBLEMS_URL})
            return []
        except Exit as failure:
            # Its build may not be the one on view (built, then not switched
            # to), and the files changed since: the next good build replaces it.
            warm.stop_resident()
            print(failure.message, file=sys.stderr)
            try:  # what `invoke check` says (the build printed it too)
                _, problems = validate_content(CONFIG["content_path"], ROOT)
            except Exception:  # noqa: BLE001 - the build's own message is shown instead
                problems = []
            return [str(problem) for problem in problems] or [failure.message]

    def render_saved(paths):
        """{output path: page} for a saved body (one content file), or {}."""
        with tempfile.TemporaryDirectory() as folder:
            page = warm.render_saved(paths, folder)
            return {page: Path(folder, page).read_bytes()} if page else {}

    print(f"Pratinjau langsung di http://{CONFIG['host']}:{port}/ (hentikan dengan Ctrl+C)")
    try:
        preview.serve(CONFIG["deploy_path"], CONFIG["host"], port,
                      [ROOT / path for path in WATCHED], rebuild, render_saved)
    except OSError as error:  # the port was taken between the check and now
        raise Exit(f"Pratinjau tidak dapat dimulai di port {port} ({error.strerror}). "
                   "Perbaiki: jalankan lagi, atau pilih port lain dengan --port", code=1) from None


@task(help=PORT_HELP)
def preview(c, port=None):
    """Build with production settings into output/ and serve it."""
    _build(CONFIG["settings_publish"], _publish_siteurl())
    _serve(str(CONFIG["deploy_path"]), port)


@task
def publish(c):
    """Build with production settings; replace output/ only if all checks pass."""
    # Content is validated by the build itself, before anything is written.
    _build(CONFIG["settings_publish"], _publish_siteurl())


@task
def test(c):
    """Run the whole test suite."""
    c.run(f'"{sys.executable}" -m pytest', pty=False)


def _publish_siteurl():
    return os.environ.get("PORTAL_SITEURL", "http://localhost:8000")


# -- new files: one task for each row of portal/editor/new_files.py ---------

def _new_file_task(new_file):
    """The `invoke new-…` task of `new_file` (a new_files.NewFile): its
    options, help and defaults are the row's."""
    from inspect import Parameter, Signature

    # Invoke reads a task's options from its signature.
    signature = Signature([Parameter("c", Parameter.POSITIONAL_OR_KEYWORD)] + [
        Parameter(option.name, Parameter.POSITIONAL_OR_KEYWORD,
                  **({} if option.default is new_files.REQUIRED else {"default": option.default}))
        for option in new_file.options])

    def body(*args, **kwargs):
        # As invoke calls it (keywords), or from Python (positions, defaults).
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        _, *answers = bound.arguments.items()
        try:
            path = new_files.write(new_file, dict(answers), CONFIG["content_path"], ROOT)
        except new_files.Refused as refusal:
            raise Exit(str(refusal), code=1) from None
        print(f"Berkas baru: {path.relative_to(ROOT)} — sunting isinya, lalu jalankan "
              "'invoke check'.")

    body.__name__, body.__doc__, body.__signature__ = new_file.name, new_file.summary, signature
    return task(auto_shortflags=False,
                help={option.name: option.help for option in new_file.options})(body)


globals().update({new_file.name: _new_file_task(new_file) for new_file in new_files.NEW_FILES})


@task(help={"report": "folder laporan (bawaan: lighthouse-report/)",
            "page": "alamat halaman yang diaudit, bukan satu halaman per jenis (boleh berulang)"},
      iterable=["page"])
def audit(c, report="lighthouse-report", page=None):
    """Build, serve locally and run Lighthouse (mobile) on one page of each type."""
    from quality import lighthouse

    _build(CONFIG["settings_base"], overrides={"MAP_TILES": lighthouse.AUDIT_TILES})
    rows = lighthouse.audit_built_site(CONFIG["deploy_path"], ROOT / report, page)
    print(lighthouse.render_table(rows))
    if lighthouse.failures(rows):
        raise Exit(lighthouse.render_failures(lighthouse.failures(rows)), code=1)
    print(f"Semua halaman memenuhi target Lighthouse; laporan di {ROOT / report}/")


@task(help={"sizes": "jumlah berita, dipisah koma (bawaan: 1000,5000,20000)",
            "runs": "berapa kali setiap ukuran diukur; median dilaporkan (bawaan: 3)",
            "report": "berkas Markdown untuk hasilnya (bawaan: tidak ditulis)",
            "livereload": "ukur juga simpan -> halaman dimuat ulang di invoke livereload"})
def bench(c, sizes="1000,5000,20000", runs=3, report=None, livereload=False):
    """Benchmark builds on generated content against stock Pelican and Hugo."""
    options = (f' --report "{report}"' if report else "") + (" --livereload" if livereload else "")
    c.run(f'"{sys.executable}" bench/run.py --sizes {sizes} --runs {runs}{options}', pty=False)


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

"""Readable without signal (issue 28): an installable portal that keeps
what a reader opened, and a low-data mode.

Kotawaringin Barat has desa without mobile signal and readers on prepaid
data, so the portal installs like an app and keeps the pages a reader
opened on the phone. The pieces, all served by the site itself:

- ``manifest.webmanifest`` at the site's root: the Indonesian name, the
  icons Android asks for (192 and 512 pixels, and a maskable one, drawn by
  icons.py), the theme's colours, ``start_url`` and ``scope`` at the site's
  root (a SITEURL with a path, such as https://host/situs, gives /situs/);
- the service worker ``pekerja-luring.js`` at the site's root, written from
  theme/luring/pekerja-luring.js with its settings (``SETELAN``) above it:
  what it does is said at its top;
- the pages' script, theme/luring/luring.js (every page: registers the
  worker, links the manifest once the worker controls the page, the "Hemat
  data" switch, "Simpan untuk dibaca nanti"), and the modules it loads only
  when used, published into the theme's js/ folder (their few style rules
  are in the base sheet, theme/css/53-luring.css: a sheet of their own cost
  a request on every first visit);
- the offline page /luring/ (theme/templates/luring.html, a direct
  template): what is kept, and search over it (luring-halaman.js).

The scripts are published without comment lines and indentation: a
reader's first visit downloads the worker and luring.js (docs/performance.md,
"Reading without signal"). So no string in them spans lines.

The worker's version is a hash of what it caches (the theme's published
files, the stylesheets, the offline page, the icons, the manifest) and of
its own text, never the time, so byte-identical builds give a byte-identical
worker, and a deployment that changes none of these changes nothing on the
phones. Everything is written from the finished output (the sitemap is
too), after every page.

One setting switches it all off: ``OFFLINE = False``. Pages then link no
manifest and no script, and the worker's address serves a worker that
deletes what the portal kept on the phone and unregisters itself
(theme/luring/pekerja-berhenti.js): browsers look for a new worker at
every visit, so installed readers are cleaned up on their next one.
"""

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from . import icons, previews

WORKER = "pekerja-luring.js"  # at the site's root: its scope is the whole site
MANIFEST = "manifest.webmanifest"
SOURCES = "luring"  # in the theme: the worker, the one that removes it, the pages' scripts
SCRIPTS = ("luring", "luring-alat", "luring-hemat", "luring-simpan", "luring-halaman")
ICON_FOLDER = "aplikasi"  # in THEME_STATIC_DIR
ICONS = ((192, False), (512, False), (512, True))  # (pixels, maskable)


def site_path(settings):
    """The site's root as a path: "/" or "/situs/" for https://host/situs."""
    return urlsplit(settings.get("SITEURL") or "").path.rstrip("/") + "/"


def icon_path(settings, size, maskable):
    folder = f"{settings['THEME_STATIC_DIR']}/{ICON_FOLDER}"
    return f"{folder}/ikon-{size}{'-maskable' if maskable else ''}.png"


def colours(settings):
    """The theme's light and dark colours (theme/css/00-tokens.css)."""
    tokens = Path(settings["THEME"]) / "css" / "00-tokens.css"
    light = previews.theme_colours(tokens)
    text = tokens.read_text(encoding="utf-8")
    block = text[text.index("prefers-color-scheme: dark"):]
    dark = dict(previews._TOKEN.findall(block[:block.index("}")]))
    return light, dark


def prepare(settings):
    """When Pelican starts: what the templates show (``LURING``, None when
    the switch is off), and no offline page when it is off."""
    if not settings.get("OFFLINE"):
        settings["LURING"] = None
        settings["LURING_SAVE_AS"] = ""
        return
    light, dark = colours(settings)
    settings["LURING"] = {"manifest": MANIFEST, "pekerja": WORKER,
                          "warna_terang": light["brand"], "warna_gelap": dark["brand"]}


def unlisted(settings):
    """The offline page is for readers' phones, not for the sitemap."""
    return {settings["LURING_SAVE_AS"]} if settings.get("OFFLINE") else set()


def write(output_dir, settings):
    """Once every page is written: the worker, and when the switch is on
    the icons and the manifest."""
    output = Path(output_dir)
    root = site_path(settings)
    sources = Path(settings["THEME"]) / SOURCES
    if not settings.get("OFFLINE"):
        _write_worker(output, sources / "pekerja-berhenti.js", {"akar": root})
        return
    static = settings["THEME_STATIC_DIR"]
    # luring.js is on every page: the addresses it needs are in it, not in
    # the pages.
    addresses = json.dumps({"pekerja": root + WORKER, "halaman": root + settings["LURING_URL"],
                            "manifest": root + MANIFEST})
    for name in SCRIPTS:
        _write_script(sources / f"{name}.js", output / static / "js" / f"{name}.js",
                      f"const LURING = {addresses};\n" if name == "luring" else "")
    for size, maskable in ICONS:
        target = output / icon_path(settings, size, maskable)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icons.png(size, maskable))
    light, _ = colours(settings)
    (output / MANIFEST).write_text(json.dumps(manifest(settings, light), ensure_ascii=False,
                                              separators=(",", ":")), encoding="utf-8")
    # The base sheet (output/assets.py names it portal.<hash>.css).
    base = next(path.name for path in (output / static / "css").glob("portal.*.css"))
    config = {
        "akar": root,
        "tema": f"{root}{static}/",
        "luring": root + settings["LURING_URL"],
        "cari": root + settings["CARI_URL"],
        # The web editor is not a reader's page: never kept, never touched.
        "lewati": [root + settings["CMS_URL"]],
        # When the worker installs: what the first page already loaded (so
        # from the browser's cache), for that page to show offline.
        "aset": [f"{root}{static}/css/{base}", f"{root}{static}/js/luring.js",
                 f"{root}{static}/logo.svg"],
        # With the reader's second page: the offline page and its scripts.
        "nanti": [root + settings["LURING_URL"], f"{root}{static}/js/luring-halaman.js",
                  f"{root}{static}/js/luring-alat.js"],
        "halamanMaks": settings["OFFLINE_MAX_PAGES"],
        "bitaMaks": settings["OFFLINE_MAX_BYTES"],
        "situs": settings["SITENAME"],
        # A photo held back or not kept: a faint box in this colour.
        "warna": light["border-strong"],
    }
    config["versi"] = version(output, settings, sources / "pekerja-luring.js", config)
    _write_worker(output, sources / "pekerja-luring.js", config)


def manifest(settings, light):
    root = site_path(settings)
    return {
        "name": settings["SITENAME"],
        "short_name": settings["OFFLINE_SHORT_NAME"],
        "description": settings.get("SITESUBTITLE", ""),
        "lang": "id",
        "dir": "ltr",
        "id": root,
        "start_url": root,
        "scope": root,
        "display": "standalone",
        "background_color": light["bg"],
        "theme_color": light["brand"],
        "icons": [{"src": root + icon_path(settings, size, maskable),
                   "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "maskable" if maskable else "any"}
                  for size, maskable in ICONS],
    }


def version(output, settings, source, config):
    """A hash of everything the worker caches or says, from the finished
    output: the theme's published files (stylesheets, scripts, pictures,
    icons), the offline page, the manifest and the worker's own text."""
    digest = hashlib.sha256()
    static = output / settings["THEME_STATIC_DIR"]
    files = sorted(path for path in static.rglob("*") if path.is_file())
    for path in [*files, output / settings["LURING_SAVE_AS"], output / MANIFEST, source]:
        name = path.relative_to(output) if path.is_relative_to(output) else path.name
        digest.update(f"{Path(name).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(json.dumps(config, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _compact(source):
    """The script without comment lines, blank lines and indentation: what
    readers download. (So no string in these scripts spans lines.)"""
    lines = (line.strip() for line in source.read_text(encoding="utf-8").splitlines())
    return "".join(f"{line}\n" for line in lines if line and not line.startswith("//"))


def _write_script(source, target, first_line=""):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(first_line + _compact(source), encoding="utf-8")


def _write_worker(output, source, config):
    """The worker below its settings."""
    setting = json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _write_script(source, output / WORKER, f"const SETELAN = {setting};\n")

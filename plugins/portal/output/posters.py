"""Posters for the village notice board: one printable A4 page per KIM and
per potensi (``KIM_POSTER_URL``, ``POTENSI_POSTER_URL``), with a QR code that
opens the page on the portal.

The QR code encodes the page's public address (PUBLIC_URL, never the
development SITEURL "") and is drawn at build time as inline SVG with segno,
so the poster needs no script and no image request, and prints sharp at any
size. Drawing one costs about 4 ms; a site of 40,000 KIM and potensi would
spend minutes on it in every build, so each drawing is kept in a cache
folder keyed by the address and segno's version (reading it back: about
0.05 ms). The drawing is done when the page is rendered, so on the core that
renders it (parallel.py).

What a poster shows is chosen here (the photo) or by the template
(poster.html: the facts that exist); nothing is invented for what is empty.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import segno
from markupsafe import Markup

from ..intake.images import image_size

# A photo narrower than this would print as a blur across the A4 page
# (about 18 cm wide: 600 px is some 85 dpi); the poster goes without it.
MIN_PHOTO_WIDTH = 600
CACHE_FOLDER = "qr"
# Medium error correction: the code still reads with a pin hole or a
# crease (about 15% damaged), at a size that fits a long address.
ERROR_LEVEL = "m"
_SOURCE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


class QrCodes:
    """QR codes as inline SVG, drawn once per address and kept in `cache_dir`."""

    def __init__(self, cache_dir):
        self.cache_dir = Path(cache_dir)

    def svg(self, data, title):
        """The QR code of `data` as an <svg> element (no XML declaration or
        namespace: it is part of an HTML page) named by `title`."""
        key = hashlib.sha256("\0".join(
            (_SOURCE_DIGEST, segno.__version__, data, title)).encode()).hexdigest()[:32]
        cached = self.cache_dir / f"{key}.svg"
        try:
            return cached.read_text(encoding="utf-8")
        except FileNotFoundError:
            pass
        # No size: the stylesheet sizes it. Modules are drawn in black: the
        # poster is printed in black and white.
        text = segno.make(data, error=ERROR_LEVEL, micro=False).svg_inline(
            title=title, svgclass="poster__qr-code", lineclass=None, omitsize=True)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = self.cache_dir / f"{key}.{os.getpid()}.tmp"
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, cached)  # atomic: several processes and builds share it
        return text


def _field(value, name):
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def printable_photo(photo, content_dir):
    """`photo` (a KIM's or potensi's photo: src, alt, ...) when its file is
    wide enough to print on the poster, else None. A poster without a photo
    shows none: never a picture that is not of the place."""
    src = str(_field(photo, "src") or "")
    if not src:
        return None
    size = image_size(str((Path(content_dir) / src.lstrip("/")).resolve()))
    return photo if size and size[0] >= MIN_PHOTO_WIDTH else None


@dataclass(frozen=True)
class Poster:
    subject: object  # the Kim or Potensi it is the poster of
    kind: str  # "kim" or "potensi"
    url: str  # of the poster page
    save_as: str
    target: str  # the public address of the subject's page: what the QR code opens
    photo: object  # the photo to print, or None
    codes: QrCodes

    @property
    def qr_svg(self):
        """The QR code (drawn, or read from the cache, when the page is rendered)."""
        return Markup(self.codes.svg(self.target, f"Kode QR menuju {self.target}"))


def attach(portal, settings):
    """Give every KIM and potensi its ``poster``; return them all, in the
    order the pages are written."""
    codes = QrCodes(Path(settings["CACHE_PATH"]) / CACHE_FOLDER)
    public = settings["PUBLIC_URL"].rstrip("/")
    posters = []
    for kind, items, photo_of in (
            ("kim", portal.kims, lambda kim: getattr(kim, "foto", None)),
            ("potensi", portal.potensi, lambda item: (getattr(item, "foto", None) or [None])[0])):
        prefix = kind.upper()
        for item in items:
            item.poster = Poster(
                item, kind,
                settings[f"{prefix}_POSTER_URL"].format(slug=item.slug),
                settings[f"{prefix}_POSTER_SAVE_AS"].format(slug=item.slug),
                f"{public}/{item.url}", printable_photo(photo_of(item), settings["PATH"]),
                codes)
            posters.append(item.poster)
    return posters

"""Intrinsic sizes of the images in content, so every <img> gets width and
height and the page does not jump while it loads."""

import functools
import hashlib
import os
import re
import shutil
from pathlib import Path

from PIL import Image

from ..model.formatting import angka

_SVG_SIZE = re.compile(r'\b(width|height)="([\d.]+)(?:px)?"')
_SVG_VIEWBOX = re.compile(r'viewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"')


@functools.lru_cache(maxsize=4096)
def image_size(path):
    """(width, height) of an image file, or None if it cannot be read."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".svg":
            text = path.read_text(encoding="utf-8", errors="replace")[:2000]
            sizes = dict(_SVG_SIZE.findall(text))
            if "width" in sizes and "height" in sizes:
                return round(float(sizes["width"])), round(float(sizes["height"]))
            box = _SVG_VIEWBOX.search(text)
            return (round(float(box.group(1))), round(float(box.group(2)))) if box else None
        with Image.open(path) as image:
            return image.size
    except (OSError, ValueError):
        return None


# Photos larger than this are refused: a phone photo is 12-50 megapixels; a
# small file that claims 400 megapixels is a decompression bomb, which would
# exhaust the memory of the build that resizes it.
MAX_PIXELS = 80_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")
# A photo straight from a phone camera (4000x3000, 3-5 MB) is far more than
# any page shows (at most 1080 px wide, as WebP derivatives) and makes the
# repository and every build heavier: such originals are refused.
MAX_IMAGE_BYTES = 1_000_000
# What the web editor makes of a larger photo before it is uploaded
# (theme/static/js/foto-ponsel.js): the longest side at most this many pixels,
# a JPEG of at most this many bytes. Well under the limit above.
EDITOR_PHOTO_MAX_SIDE = 2000
EDITOR_PHOTO_MAX_BYTES = 500_000
# What would let an SVG run code or load from elsewhere when opened.
_SVG_ACTIVE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|"
                         r"(href|src)\s*=\s*[\"']?\s*(javascript|data|https?):", re.I)


def file_problem(path):
    """An Indonesian message (what is wrong, how to fix it) for a file in
    content/images/ that must not be published as it is, or None."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        return "berkas gambar kosong (0 bita). Perbaiki: unggah ulang fotonya"
    if suffix == ".svg":
        text = path.read_bytes()[:2_000_000].decode("utf-8", errors="replace")
        if _SVG_ACTIVE.search(text):
            return ("berkas SVG memuat skrip, penangan peristiwa atau tautan keluar, yang bisa "
                    "dijalankan saat berkas dibuka. Perbaiki: simpan ulang gambarnya sebagai "
                    "PNG, atau ekspor SVG tanpa skrip")
        return None
    if suffix not in RASTER:
        return None
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return (f"foto terlalu besar ({angka(round(size / 1_000_000, 1))} MB, paling besar "
                f"{MAX_IMAGE_BYTES // 1_000_000} MB). Perbaiki: perkecil fotonya menjadi lebar "
                f"paling banyak {EDITOR_PHOTO_MAX_SIDE} piksel dengan fitur ubah ukuran di "
                "aplikasi foto, simpan sebagai JPEG, lalu unggah ulang; editor web melakukannya "
                "sendiri saat foto diunggah")
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Image.DecompressionBombError
            image.verify()
    except Image.DecompressionBombError:
        return (f"gambar terlalu besar (lebih dari {MAX_PIXELS // 1_000_000} megapiksel). "
                "Perbaiki: perkecil fotonya, misalnya menjadi lebar 2000 piksel")
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        return ("berkas ini bukan gambar yang dapat dibuka (rusak, atau berkas lain yang diberi "
                "nama gambar). Perbaiki: simpan ulang fotonya dari kamera atau aplikasi foto "
                "sebagai .jpg atau .png")
    return None


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_SRC = re.compile(r'\ssrc="([^"]+)"')


def add_sizes(html, content_dir, sources, derivatives=None):
    """Give each <img> in `html` width, height, lazy loading and (with
    `derivatives`) a WebP srcset. `sources` maps each image source written in
    the body ({static}/images/x.jpg) to its file inside the content folder,
    as validation found it (Document.images)."""

    def rewrite(match):
        tag = match.group(0)
        src = _SRC.search(tag)
        if not src or " width=" in tag:
            return tag
        relative = sources.get(src.group(1))
        path = (Path(content_dir) / relative).resolve() if relative else None
        size = image_size(str(path)) if path else None
        extra = ' loading="lazy" decoding="async"'
        if size:
            extra = f' width="{size[0]}" height="{size[1]}"' + extra
        if derivatives is not None and relative:
            srcset = derivatives.srcset(relative)
            if srcset:
                extra += f' srcset="{srcset}" sizes="{SIZES}"'
        return tag[:-1].rstrip("/").rstrip() + extra + ">"

    return _IMG_TAG.sub(rewrite, html)


def srcset_filter(derivatives, note=None):
    """A Jinja filter: `photo.src|srcset_gambar` gives the WebP srcset.
    `note` is told the output files each use stands for: the page that
    shows the photo is where its derivatives come from (a page carried over
    from the previous build brings them along, output/incremental.py)."""

    def srcset_gambar(src):
        srcset = derivatives.srcset(src)
        if note is not None:
            note(derivatives.outputs(src))
        return srcset

    return srcset_gambar


def size_filter(content_dir):
    """A Jinja filter: `photo.src|ukuran_gambar` gives {"width", "height"}
    (empty when the file cannot be read) for a path inside content/."""

    def ukuran_gambar(src):
        size = image_size(str((Path(content_dir) / str(src).lstrip("/")).resolve()))
        return {"width": size[0], "height": size[1]} if size else {}

    return ukuran_gambar


# -- responsive derivatives -------------------------------------------------

WIDTHS = (360, 720, 1080)
QUALITY = 75
# Photos fill the text column (46rem) at most, the whole screen on phones.
SIZES = "(min-width: 48rem) 46rem, 100vw"


class Derivatives:
    """Resized WebP copies of content photos, for srcset.

    Each derivative is made once and kept in a cache folder keyed by the
    source's bytes, the width and the quality, so a rebuild only copies it
    into the output. Widths above the original are not made (no upscaling);
    a photo narrower than the smallest width gets one WebP at its own size.
    """

    def __init__(self, content_dir, output_dir, cache_dir, url_prefix=""):
        self.content_dir = Path(content_dir)
        self.output_dir = Path(output_dir)
        self.cache_dir = Path(cache_dir)
        self.url_prefix = url_prefix
        # A photo shown on several pages is handled once: (srcset, output files).
        self._srcsets = {}

    def srcset(self, src):
        """Return the srcset for a photo path inside content/, or ''."""
        return self._made(src)[0]

    def outputs(self, src):
        """The derivatives of the photo at `src`, relative to the output."""
        return self._made(src)[1]

    def _made(self, src):
        key = str(src)
        if key not in self._srcsets:
            self._srcsets[key] = self._make_srcset(key)
        return self._srcsets[key]

    def _make_srcset(self, src):
        source = (self.content_dir / str(src).lstrip("/")).resolve()
        if source.suffix.lower() not in (".jpg", ".jpeg", ".png", ".webp") or \
                not source.is_file():
            return "", ()
        size = image_size(str(source))
        if not size:
            return "", ()
        widths = [w for w in WIDTHS if w < size[0]] + [min(size[0], WIDTHS[-1])]
        # images/kim/a.jpg -> images/webp/kim/a-720.webp
        relative = Path(str(src).lstrip("/"))
        if relative.parts[0] == "images":
            relative = relative.relative_to("images")
        # The cache key: the source's bytes, hashed once for all its widths.
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
        entries, outputs = [], []
        for width in sorted(set(widths)):
            target = self.output_dir / "images" / "webp" / relative.with_name(
                f"{relative.stem}-{width}.webp")
            self._ensure(source, digest, width, target)
            url = target.relative_to(self.output_dir).as_posix()
            entries.append(f"{self.url_prefix}/{url} {width}w")
            outputs.append(url)
        return ", ".join(entries), tuple(outputs)

    def _ensure(self, source, digest, width, target):
        cached = self.cache_dir / f"{digest}-{width}-q{QUALITY}.webp"
        if not cached.is_file():
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            with Image.open(source) as image:
                image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
                if image.width > width:
                    height = round(image.height * width / image.width)
                    image = image.resize((width, height), Image.LANCZOS)
                partial = cached.with_suffix(f".{os.getpid()}.tmp")
                image.save(partial, "WEBP", quality=QUALITY, method=4)
            os.replace(partial, cached)  # atomic: parallel builds share the cache
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file():
            # Copied beside, then renamed: a file already there may be a hard
            # link into the previous build (output/incremental.py), which
            # must never be written through.
            partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            shutil.copyfile(cached, partial)
            os.replace(partial, target)

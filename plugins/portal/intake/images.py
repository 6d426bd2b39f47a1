"""Photos: what a file in content/images/ must be, the copy of it the site
publishes, that copy's size (so every <img> gets width and height and the
page does not jump while it loads) and its resized WebP derivatives.

The site never publishes a photo's own bytes: a phone photo carries the GPS
position where it was taken, the camera and the time, and a file named .jpg
may hold anything. What is published is a copy decoded and encoded again by
Pillow, in the photo's own format, turned upright (EXIF orientation),
converted to sRGB and without any metadata, at most PHOTO_MAX_SIDE pixels on
its longest side. Copies and derivatives are kept in the cache folder, keyed
by the source's bytes: a rebuild only copies them into the output.
"""

import functools
import hashlib
import io
import os
import re
import shutil
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..model.formatting import angka
from ..model.messages import say

# The formats a photo may have, decided by its bytes (Pillow identifies a
# file by its content, and is told to try these only).
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# A phone photo is 12-50 megapixels; a small file that claims 400
# megapixels is a decompression bomb, which would exhaust the memory of the
# build that decodes it.
MAX_PIXELS = 80_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# A phone photo is 3-10 MB; a file this large is no photo an editor means to
# publish, and would make the repository and every clone heavier.
MAX_SOURCE_BYTES = 25_000_000
# What is published of a photo: the longest side at most this many pixels
# and, for JPEG and WebP, at most this many bytes (the quality is lowered in
# steps until it fits).
PHOTO_MAX_SIDE = 2000
PHOTO_MAX_BYTES = 500_000
# The web editor makes the same of a larger photo before it is uploaded
# (theme/static/js/foto-ponsel.js, through admin/aturan.json), so that an
# upload on a village connection stays small.
EDITOR_PHOTO_MAX_SIDE = PHOTO_MAX_SIDE
EDITOR_PHOTO_MAX_BYTES = PHOTO_MAX_BYTES
# A photo fits at 85 or 78; the lower steps are for pictures of fine detail
# everywhere, which a smaller size (not a worse quality) would suit, but the
# size of the copy follows from the source's alone (``image_size``).
QUALITIES = (85, 78, 70, 60, 50, 40, 30, 20)
# Part of every cache key of a published copy: raise it when the way a copy
# is made changes, so that no copy made the old way is taken.
CLEAN_VERSION = 1
_ORIENTATION = 0x0112
_SWAPPED = (5, 6, 7, 8)  # orientations that turn the picture a quarter
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def photo_problem(path, data=None):
    """An Indonesian message (what is wrong, how to fix it) for a file named
    as a photo that cannot be published as one, or None. `data`: its bytes,
    when they were read already. Cheap: the pixels are decoded only when the
    copy is made (``clean``)."""
    size = len(data) if data is not None else Path(path).stat().st_size
    if size == 0:
        return say("foto-kosong")
    if size > MAX_SOURCE_BYTES:
        return say("foto-terlalu-besar", size=angka(round(size / 1_000_000, 1)),
                   limit=MAX_SOURCE_BYTES // 1_000_000, side=PHOTO_MAX_SIDE)
    try:
        with Image.open(io.BytesIO(data) if data is not None else path,
                        formats=PHOTO_FORMATS) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Image.DecompressionBombError
            image.verify()
    except Image.DecompressionBombError:
        return say("foto-terlalu-banyak-piksel", limit=MAX_PIXELS // 1_000_000)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is no photo
        return say("foto-bukan-foto")
    return None


def published_size(width, height):
    """The size of the published copy of an upright photo of this size."""
    longest = max(width, height)
    if longest <= PHOTO_MAX_SIDE:
        return width, height
    scale = PHOTO_MAX_SIDE / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _upright_size(image):
    width, height = image.size
    if image.getexif().get(_ORIENTATION, 1) in _SWAPPED:
        return height, width
    return width, height


@functools.lru_cache(maxsize=4096)
def image_size(path):
    """(width, height) of the published copy of the photo at `path`, or
    None if it cannot be read. Worked out from the source without decoding
    it: the same turn and the same limit as ``clean``."""
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            return published_size(*_upright_size(image))
    except Exception:  # noqa: BLE001 - an unreadable file has no size
        return None


# -- the published copy ----------------------------------------------------------

def clean(data):
    """The published copy of the photo whose bytes are `data`: the same
    format, upright, in sRGB, at most PHOTO_MAX_SIDE pixels, with no
    metadata at all (EXIF, XMP, ICC, comments). An animated GIF or WebP is
    published as its first picture. Raises for bytes that are no photo."""
    with Image.open(io.BytesIO(data), formats=PHOTO_FORMATS) as opened:
        kind = opened.format
        if opened.width * opened.height > MAX_PIXELS:
            raise Image.DecompressionBombError(f"{opened.width}x{opened.height}")
        image = ImageOps.exif_transpose(opened)  # a copy of the first frame
    image = _in_srgb(image)
    image = _for_format(image, kind)
    target = published_size(*image.size)
    if target != image.size:
        if image.mode in ("1", "P"):
            image = image.convert("RGBA")
        image = image.resize(target, Image.LANCZOS)
        image = _for_format(image, kind)
    # Only what the pixels need: a palette's transparent colour.
    transparency = image.info.get("transparency")
    image.info = {}
    options = {"transparency": transparency} if transparency is not None else {}
    if kind in ("JPEG", "WEBP"):
        for quality in QUALITIES:
            encoded = _encode(image, kind, quality=quality)
            if len(encoded) <= PHOTO_MAX_BYTES:
                break
        return encoded
    encoded = _encode(image, kind, **options)
    if kind == "PNG" and len(encoded) > PHOTO_MAX_BYTES and image.mode in ("RGB", "RGBA"):
        # A photo saved as PNG: 256 colours (dithered) keep it a PNG and
        # make it a fraction of the size.
        method = Image.Quantize.FASTOCTREE if "A" in image.mode else Image.Quantize.MEDIANCUT
        encoded = min(encoded, _encode(image.quantize(256, method=method), kind), key=len)
    return encoded


def _in_srgb(image):
    """`image` in sRGB, as browsers show pictures without a profile (a phone
    photo in Display P3 keeps its colours); the profile itself is dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, _SRGB,
                                         outputMode="RGBA" if image.mode == "RGBA" else "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


def _for_format(image, kind):
    """`image` in a mode its format can store."""
    # (Pillow's GIF writer makes a palette of RGB and RGBA pictures itself,
    # a transparent one included.)
    modes = {"JPEG": ("RGB", "L"), "WEBP": ("RGB", "RGBA"), "GIF": ("P", "L", "RGB", "RGBA"),
             "PNG": ("1", "L", "LA", "P", "RGB", "RGBA")}[kind]
    if image.mode in modes:
        return image
    if image.mode.startswith("I"):  # 16-bit grey: scaled, not clipped, to 8 bits
        image = image.convert("I").point(lambda value: value / 256).convert("L")
        if image.mode in modes:
            return image
    alpha = "A" in image.mode or "transparency" in image.info
    if kind == "JPEG" or not alpha:
        return image.convert("RGB")
    return image.convert("RGBA")


def _encode(image, kind, **options):
    buffer = io.BytesIO()
    if kind == "JPEG":
        image.save(buffer, "JPEG", optimize=True, **options)
    elif kind == "WEBP":
        image.save(buffer, "WEBP", method=4, **options)
    else:
        image.save(buffer, kind, optimize=True, **options)
    return buffer.getvalue()


# -- responsive derivatives -------------------------------------------------

WIDTHS = (360, 720, 1080)
QUALITY = 75
# Photos fill the text column (46rem) at most, the whole screen on phones.
SIZES = "(min-width: 48rem) 46rem, 100vw"


class Derivatives:
    """The published copy of each content photo, and resized WebP copies of
    it for srcset.

    Each copy is made once and kept in a cache folder keyed by the source's
    bytes (and, for a derivative, the width and the quality), so a rebuild
    only copies it into the output. Widths above the published copy are not
    made (no upscaling); a photo narrower than the smallest width gets one
    WebP at its own size.
    """

    def __init__(self, content_dir, output_dir, cache_dir, url_prefix=""):
        self.content_dir = Path(content_dir)
        self.output_dir = Path(output_dir)
        self.cache_dir = Path(cache_dir)
        self.url_prefix = url_prefix
        # A photo shown on several pages is handled once: (srcset, output files).
        self._srcsets = {}
        # Copies made before the pages are written: {path in content/: copy}.
        self._copies = {}

    def remember(self, copies):
        """The published copies already made ({path inside the content
        folder: copy in the cache}, output/files.py): their derivatives are
        made from them, without reading and hashing each source again in
        every process that writes pages."""
        self._copies.update({str(relative): Path(copy) for relative, copy in copies.items()})

    def published(self, relative, data=None):
        """The cached published copy of the photo at `relative` (inside the
        content folder), made from `data` (its bytes, read here if not
        given). Raises for a file that is no photo."""
        if data is None and str(relative) in self._copies:
            return self._copies[str(relative)]
        if data is None:
            data = (self.content_dir / relative).read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:24]
        cached = self.cache_dir / "terbit" / \
            f"{digest}-v{CLEAN_VERSION}{Path(str(relative)).suffix.lower()}"
        if not cached.is_file():
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
            partial.write_bytes(clean(data))
            os.replace(partial, cached)  # atomic: parallel builds share the cache
        return cached

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
        relative = Path(str(src).lstrip("/"))
        source = self.content_dir / relative
        if source.suffix.lower() not in (".jpg", ".jpeg", ".png", ".webp") or \
                source.is_symlink() or not source.is_file():
            return "", ()
        size = image_size(str(source))
        if not size:
            return "", ()
        widths = [w for w in WIDTHS if w < size[0]] + [min(size[0], WIDTHS[-1])]
        # images/kim/a.jpg -> images/webp/kim/a-720.webp
        shown = relative.relative_to("images") if relative.parts[0] == "images" else relative
        # Made from the published copy: upright, and nothing of the source's
        # metadata can come along.
        published = self.published(relative.as_posix())
        entries, outputs = [], []
        for width in sorted(set(widths)):
            target = self.output_dir / "images" / "webp" / shown.with_name(
                f"{shown.stem}-{width}.webp")
            self._ensure(published, width, target)
            url = target.relative_to(self.output_dir).as_posix()
            entries.append(f"{self.url_prefix}/{url} {width}w")
            outputs.append(url)
        return ", ".join(entries), tuple(outputs)

    def _ensure(self, published, width, target):
        # Keyed like the published copy it is made from (source bytes, version).
        cached = self.cache_dir / f"{published.stem}-{width}-q{QUALITY}.webp"
        if not cached.is_file():
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            with Image.open(published) as image:
                image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
                if image.width > width:
                    height = round(image.height * width / image.width)
                    image = image.resize((width, height), Image.LANCZOS)
                image.info = {}
                partial = cached.with_suffix(f".{os.getpid()}.tmp")
                image.save(partial, "WEBP", quality=QUALITY, method=4)
            os.replace(partial, cached)  # atomic: parallel builds share the cache
        place(cached, target)


def place(cached, target, again=False):
    """Put the cached file `cached` at `target` in the output, unless a file
    is already there (another page brought it) and not `again`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if again or not target.is_file():
        # Copied beside, then renamed: a file already there may be a hard
        # link into the previous build (builder/incremental.py), which
        # must never be written through.
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(cached, partial)
        os.replace(partial, target)


# -- photos in bodies and templates -------------------------------------------------

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
        size = image_size(str(Path(content_dir) / relative)) if relative else None
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
    from the previous build brings them along, builder/incremental.py)."""

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
        size = image_size(str(Path(content_dir) / str(src).lstrip("/")))
        return {"width": size[0], "height": size[1]} if size else {}

    return ukuran_gambar

"""Intrinsic sizes of the images in content, so every <img> gets width and
height and the page does not jump while it loads."""

import functools
import re
from pathlib import Path

from PIL import Image

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


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_SRC = re.compile(r'\ssrc="([^"]+)"')


def add_sizes(html, content_dir, source_dir):
    """Give each <img> in `html` width, height and lazy loading. Sources are
    Pelican link forms ({static}/images/x.jpg) or paths relative to the
    source file."""

    def rewrite(match):
        tag = match.group(0)
        src = _SRC.search(tag)
        if not src or " width=" in tag:
            return tag
        target = src.group(1)
        for prefix in ("{static}", "{attach}", "{filename}"):
            if target.startswith(prefix):
                target = target[len(prefix):]
                break
        base = Path(content_dir) if target.startswith("/") else Path(source_dir)
        size = image_size(str((base / target.lstrip("/")).resolve()))
        extra = ' loading="lazy" decoding="async"'
        if size:
            extra = f' width="{size[0]}" height="{size[1]}"' + extra
        return tag[:-1].rstrip("/").rstrip() + extra + ">"

    return _IMG_TAG.sub(rewrite, html)


def size_filter(content_dir):
    """A Jinja filter: `photo.src|ukuran_gambar` gives {"width", "height"}
    (empty when the file cannot be read) for a path inside content/."""

    def ukuran_gambar(src):
        size = image_size(str((Path(content_dir) / str(src).lstrip("/")).resolve()))
        return {"width": size[0], "height": size[1]} if size else {}

    return ukuran_gambar

"""The files of the content folder besides the entries: which ones the site
may publish, decided by their bytes, and which ones it does publish.

Two kinds of file are published, and nothing else: photos (JPEG, PNG, WebP,
GIF) from content/images/, each as a clean copy (images.py), and PDF
documents from content/berkas/. Anything else in the content folder that is
not an entry (an SVG, an HTML page, a file whose bytes are not what its name
says) is refused, wherever it lies: someone put it there to be published,
and opened from the site's own address it could run script there, where
the web editor keeps its GitHub login. Of the allowed files, only those a
published entry uses are published (``published``; output/files.py copies
them); the others stay in the repository.

Symbolic links are refused and never followed (``walk``): nothing from
outside the content folder reaches the site or the checks' messages.
"""

import os
import posixpath
from pathlib import Path

from ..model import kinds
from ..model.formatting import angka
from ..model.messages import say
from . import images

PHOTO_FOLDER = "images"
DOCUMENT_FOLDER = "berkas"
# A scanned SK or a yearly report is a few MB; more is a scan at a needless
# resolution, and heavy on a village connection.
MAX_DOCUMENT_BYTES = 20_000_000
PDF_MAGIC = b"%PDF-"
# What to tell an editor to do with a file of a kind the site does not publish.
_FIXES = {
    "perbaiki-svg": (".svg", ".svgz"),
    "perbaiki-foto-lain": (".heic", ".heif", ".avif", ".bmp", ".tif", ".tiff", ".jfif",
                           ".ico", ".psd", ".dng", ".raw", ".cr2", ".nef"),
    "perbaiki-dokumen-lain": (".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods",
                              ".csv", ".ppt", ".pptx", ".odp"),
}


def walk(folder):
    """Every file in `folder` and below, in name order, and every symbolic
    link there (to a file or a folder, or to nothing). A linked folder is
    listed, never entered."""
    for root, folders, files in os.walk(folder):  # followlinks=False
        folders.sort()
        base = Path(root)
        for name in sorted(files + [name for name in folders if (base / name).is_symlink()]):
            yield base / name


def link_on_the_way(content_dir, relative):
    """The first symbolic link met going from the content folder down to
    `relative` (the file itself included), or None: a file reached through a
    link lies outside the folder, whatever its path says."""
    step = Path(content_dir)
    for part in Path(relative).parts:
        step = step / part
        if step.is_symlink():
            return step
    return None


def hidden(relative):
    """Whether a path (relative to the content folder) is a hidden file or
    lies in a hidden folder (.git, .gitkeep): never read, never published."""
    return any(part.startswith(".") for part in Path(relative).parts)


def kind_of(relative):
    """"foto" or "dokumen" for a file the site can publish, by where it lies
    and what its name says; None for any other."""
    parts = Path(relative).parts
    if len(parts) > 1 and parts[0] == PHOTO_FOLDER and kinds.IMAGE_RE.search(parts[-1]):
        return "foto"
    if len(parts) > 1 and parts[0] == DOCUMENT_FOLDER and kinds.DOCUMENT_RE.search(parts[-1]):
        return "dokumen"
    return None


def link_problem(path):
    """The message for a symbolic link in the content folder."""
    return say("tautan-simbolik", what="folder" if path.is_dir() else "berkas")


def file_problem(path):
    """An Indonesian message (what is wrong, how to fix it) for a file that
    is not an entry and cannot be published, or None. Its name says what it
    must be, its bytes must agree."""
    name = path.name
    if kinds.IMAGE_RE.search(name):
        return images.photo_problem(path)
    if kinds.DOCUMENT_RE.search(name):
        return document_problem(path)
    suffix = path.suffix.lower()
    fix = next((key for key, suffixes in _FIXES.items() if suffix in suffixes),
               "perbaiki-hapus")
    return say("berkas-tidak-diterbitkan", suffix=suffix or "tanpa akhiran nama", fix=say(fix))


def document_problem(path, data=None):
    """The message for a file named as a PDF that is not one, or is too
    large to publish; None for a PDF the site can publish. `data`: its bytes,
    when they were read already."""
    size = len(data) if data is not None else path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        return say("dokumen-terlalu-besar", size=angka(round(size / 1_000_000, 1)),
                   limit=MAX_DOCUMENT_BYTES // 1_000_000)
    if data is None:
        with path.open("rb") as handle:
            data = handle.read(len(PDF_MAGIC))
    if not data.startswith(PDF_MAGIC):
        return say("dokumen-bukan-pdf")
    return None


def published(documents, content_dir, logo=None, drafts=False):
    """The files the build publishes (paths inside the content folder):
    those the shown entries use, as validation noted them (Document.files;
    a draft's only when the build shows drafts), and the operator's `logo`
    (situs.yml)."""
    used = {path for doc in documents if drafts or not doc.draft for path in doc.files}
    if logo:
        used.add(posixpath.normpath(str(logo).lstrip("/")))
    # Validation refused any other reference; a missing file is its to report.
    return sorted(path for path in used
                  if kind_of(path) and (Path(content_dir) / path).is_file())

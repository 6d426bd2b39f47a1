"""Validate every content file against its schema and against the others.

``validate_content(content_dir)`` reads all Markdown files under the content
folder and returns every problem it finds in one pass, so an editor fixes
them all at once. Each problem is one line in Bahasa Indonesia naming the
file, the field, what is wrong and how to fix it. Nothing here raises for an
editor's mistake.
"""

import functools
import os
import re
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from ..model import kinds, schema
from ..model.messages import say
from ..model.schema import CONTENT_TYPES, RESERVED_PAGE_SLUGS
from . import frontmatter, situs, uploads
from .sanitize import DANGEROUS_HTML

BODY_IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)", re.ASCII)
INTRASITE_LINK_RE = re.compile(r"\{(filename|static|attach)\}([^)\s\"'>#?]+)",
                               re.ASCII)
INTRASITE_PREFIX = re.compile(r"^\{(?:static|attach|filename)\}", re.ASCII)
# Markdown links [text](target), not images.
BODY_LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)", re.ASCII)
RAW_IMG_RE = re.compile(r"<\s*img\b", re.I | re.ASCII)
# Link targets: an address with a scheme, a .md file, a bare domain.
SCHEME_RE = re.compile(r"^[a-z]+:", re.ASCII)
MD_TARGET_RE = re.compile(r"\.md(#.*)?$", re.ASCII)
BARE_DOMAIN_RE = re.compile(r"^(www\.|[a-z0-9-]+\.(id|com|org|net|go\.id|co\.id)\b)",
                            re.I | re.ASCII)
# Longer slugs make file names some systems refuse (255 bytes).
MAX_SLUG = 100
MAX_BODY_BYTES = 1024 * 1024


@functools.lru_cache(maxsize=4096)  # tags repeat across thousands of articles
def _slug(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def plain_slug(text):
    """The slug Pelican would derive from a title (default substitutions).
    A lone surrogate (refused with its own message, kinds.py) would make
    unidecode print an English warning among the editor's messages."""
    return _slug(str(text))


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return one_line(f"{where}: kolom '{self.field}': {self.message}")
        return one_line(f"{where}: {self.message}")


def one_line(text):
    """A message stays on one line whatever a file name or value holds: line
    breaks and other control characters are written as escapes."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


@dataclass
class Document:
    """A content file as read for validation."""

    path: Path  # absolute
    relpath: str  # as shown to editors, e.g. content/kim/palae.md
    ctype: schema.ContentType
    metadata: dict
    body: str
    body_line: int
    lines: dict = field(default_factory=dict)  # field path -> line (frontmatter.FrontMatter)
    mtime_ns: int = 0  # of the file as it was read
    text: str = ""  # the whole file, for messages that need what was written
    # Body image source as written -> its file in the content folder.
    images: dict = field(default_factory=dict)
    # The files it uses that the site publishes (photos, documents), as paths
    # inside the content folder: what a build publishes for it
    # (check_file_references).
    files: set = field(default_factory=set)

    @property
    def draft(self):
        """A draft is checked like any entry but published nowhere (only the
        development build previews drafts of articles and pages)."""
        return self.metadata.get("status") == "draft"

    @functools.cached_property
    def values(self):
        """The fields that are filled in (an empty value counts as absent), in
        their one written form (kinds.Kind.normalise): what the reader gets."""
        return normalised(self.ctype.fields, self.metadata)

    @functools.cached_property
    def dates(self):
        """Pelican's dates as (datetime, whether a time of day was given)."""
        return {key: (kinds.DATETIME.parse(self.values[key]), kinds.has_time(self.values[key]))
                for key in ("date", "modified") if key in self.values}

    @functools.cached_property
    def tags(self):
        value = self.values.get("tags", [])
        items = value if isinstance(value, list) else str(value).split(",")
        return [str(tag).strip() for tag in items if str(tag).strip()]

    def line_of(self, field_name):
        """The line of a field (``kontak.email``, ``pengurus[2].nama``), or
        of the nearest group around it that is written in the file."""
        name = field_name
        while name:
            if name in self.lines:
                return self.lines[name]
            name = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", name) if re.search(
                r"(\.[^.\[]+|\[\d+\])$", name) else ""
        return None

    @functools.cached_property
    def slug(self):
        value = self.metadata.get("slug")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value:
            return value
        title = self.metadata.get("title")
        return plain_slug(title) if title else None


class _Checker:
    def __init__(self, content_dir, display_root, cache_path=None):
        self.content_dir = Path(content_dir).resolve()
        # Front matter parsed by an earlier build, when it has a cache folder.
        self.parsed = frontmatter.Parsed(cache_path)
        self.display_root = Path(display_root).resolve() if display_root else None
        self.problems = []
        self.unreadable_kim_slugs = set()
        # Content types with a file that could not be read at all: it has its
        # own problem, and references into that type are not judged.
        self.unreadable_types = set()
        # content/situs.yml as read (check_situs), for the files it names.
        self.situs_document = None

    def unreadable(self, ctype, path):
        self.unreadable_types.add(ctype.key)
        if ctype.key == "kim":
            self.unreadable_kim_slugs.add(path.stem)

    def rel(self, path, real=False):
        """`path` as editors see it (content/kim/palae.md). `real`: `path`
        is already free of symbolic links and `..` (read_all's: under the
        resolved content folder, never through a link), so resolving it
        again, a system call per part of the path for each of thousands of
        files, is skipped."""
        base = self.display_root or self.content_dir.parent
        try:
            return (Path(path) if real else Path(path).resolve()).relative_to(base).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def add(self, doc_or_path, field_name, message, line=None):
        if isinstance(doc_or_path, Document):
            path = doc_or_path.relpath
            if line is None and field_name:
                line = doc_or_path.line_of(field_name)
        else:
            path = doc_or_path
        self.problems.append(Problem(path, line or 0, field_name or "", message))

    # -- reading ------------------------------------------------------------

    def check_file_names(self):
        """Files in the content folders that the build would skip without a
        word (`.MD`, `.markdown`, `.md.txt`, a photo among the profiles)."""
        for key in CONTENT_TYPES:
            folder = self.content_dir / key
            if folder.is_symlink() or not folder.is_dir():
                continue  # a linked folder: check_files
            for path in uploads.walk(folder):
                relative = path.relative_to(folder)
                if path.is_symlink() or path.suffix == ".md" or uploads.hidden(relative):
                    continue
                if path.name.lower().endswith((".md", ".markdown", ".mdown", ".mkd")) or \
                        ".md." in path.name.lower():
                    fix = f"ganti nama berkasnya menjadi {_markdown_name(path.name)}"
                else:
                    fix = ("folder ini hanya untuk berkas tulisan .md; simpan foto dan berkas "
                           "lain di content/images/")
                self.add(self.rel(path), "", "berkas ini tidak dibaca portal karena namanya "
                         f"tidak berakhiran .md. Perbaiki: {fix}")

    def read_all(self):
        # Never through a symbolic link (check_files names each one).
        found = (self.read_one(path) for path in sorted(
            path for path in uploads.walk(self.content_dir)
            if path.suffix == ".md" and not path.is_symlink()))
        return [doc for doc in found if doc is not None]

    def read_one(self, path):
        """The Document of the Markdown file at `path` (inside the resolved
        content folder, not a link), or None: a hidden file, or one whose
        problem (where it is, its encoding, its front matter) is added."""
        relative = path.relative_to(self.content_dir)
        if uploads.hidden(relative):
            return None
        relpath = self.rel(path, real=True)
        ctype = CONTENT_TYPES.get(relative.parts[0]) if len(relative.parts) > 1 else None
        if ctype is None:
            folders = ", ".join(f"content/{key}/" for key in CONTENT_TYPES)
            self.add(relpath, "", "berkas berada di luar folder jenis konten. "
                     f"Perbaiki: pindahkan ke salah satu folder {folders}")
            return None
        mtime_ns = path.stat().st_mtime_ns  # before reading: a later edit shows as newer
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.add(relpath, "", "berkas bukan teks UTF-8. Perbaiki: simpan ulang "
                     "berkas dengan pengodean UTF-8")
            self.unreadable(ctype, path)
            return None
        try:
            metadata, body, body_line, lines = self.parsed.split(text)
        except frontmatter.FrontMatterError as error:
            self.add(relpath, "", error.message, line=error.line)
            self.unreadable(ctype, path)
            return None
        except Exception as error:  # noqa: BLE001 - reported, never a traceback
            self.add(relpath, "", unexpected(error))
            self.unreadable(ctype, path)
            return None
        return Document(path, relpath, ctype, metadata, body, body_line, lines, mtime_ns, text)

    def check_situs(self):
        """content/situs.yml, when there is one, against schema.SITUS."""
        path = situs.path_in(self.content_dir)
        if path.is_symlink() or not path.is_file():
            return  # a link is never read: check_files names it
        relpath = self.rel(path)
        try:
            data, lines = situs.read(self.content_dir)
        except frontmatter.FrontMatterError as error:
            self.add(relpath, "", error.message, line=error.line)
            return
        self.situs_document = Document(path, relpath, schema.SITUS, data, "", 0, lines)
        self.check_document(self.situs_document)

    # -- one document ---------------------------------------------------------

    def check_document(self, doc):
        known = {f.name for f in doc.ctype.fields}
        for key in doc.metadata:
            if key not in known:
                suggestion = _closest(str(key), known)
                group = next((spec for spec in doc.ctype.fields
                              if spec.subfield(str(key)) is not None), None)
                if suggestion:
                    fix = f"mungkin maksudnya '{suggestion}'"
                elif group is not None:
                    fix = (f"'{key}' adalah subkolom '{group.name}': tulis '{group.name}:' lalu "
                           f"'{key}:' di baris berikutnya, menjorok dua spasi")
                else:
                    fix = (f"hapus kolom ini; kolom {doc.ctype.label} yang dikenal: "
                           + ", ".join(sorted(known)))
                self.add(doc, str(key), f"kolom tidak dikenal untuk {doc.ctype.label}. "
                         f"Perbaiki: {fix}")
        required_extra = ()
        category = doc.metadata.get("category")
        if isinstance(category, str):
            required_extra = doc.ctype.conditional.get(category, ())
        for spec in doc.ctype.fields:
            value = doc.metadata.get(spec.name)
            if _is_empty(value):
                if spec.required or spec.name in required_extra:
                    if _starts_with_comment(doc, spec.name):
                        self.add(doc, spec.name, f"{spec.label} terbaca kosong karena diawali "
                                 "tanda #, yang dalam kepala YAML memulai komentar. Perbaiki: "
                                 f"beri tanda kutip, misalnya {spec.name}: \"#...\"")
                        continue
                    self.add(doc, spec.name, missing_message(
                        spec, category if spec.name in required_extra else None))
                continue
            self.check_value(doc, spec, value, spec.name)
        self.check_order(doc)
        if doc.ctype.key == "berita" and not (
            isinstance(category, str) and category in doc.ctype.conditional
        ):
            for name in ("klaim", "label", "beredar"):
                if not _is_empty(doc.metadata.get(name)):
                    self.add(doc, name, say("hanya-cek-fakta"))
        if doc.ctype.key == "berita" and doc.slug is not None and not doc.slug:
            self.add(doc, "title", say("judul-tanpa-alamat"))
        if doc.slug and len(doc.slug) > MAX_SLUG:
            source = "slug" if doc.metadata.get("slug") else "title"
            self.add(doc, source, say("alamat-terlalu-panjang", length=len(doc.slug),
                                      limit=MAX_SLUG))
        for tag in doc.tags if doc.ctype.key == "berita" else ():
            if not plain_slug(tag):
                self.add(doc, "tags", say("tag-tanpa-huruf", value=kinds.shown(tag)))
        if doc.ctype.key == "halaman" and doc.slug in RESERVED_PAGE_SLUGS:
            self.add(doc, "slug", say("slug-dicadangkan", slug=doc.slug))
        if len(doc.body.encode("utf-8")) > MAX_BODY_BYTES:
            self.add(doc, "", say("isi-terlalu-panjang", size=len(doc.body.encode()) // 1024,
                                  limit=MAX_BODY_BYTES // 1024), line=doc.body_line)
        self.check_body_images(doc)
        self.check_body_links(doc)
        self.check_body_html(doc)

    def check_order(self, doc):
        """A later date (an activity's end) not before the earlier (its start).
        A later date without a time of day means that whole day."""
        for earlier, later in doc.ctype.in_order:
            specs = doc.ctype.field(earlier), doc.ctype.field(later)
            values = doc.metadata.get(earlier), doc.metadata.get(later)
            if any(_is_empty(value) or spec.kind.check(spec, value)
                   for spec, value in zip(specs, values, strict=True)):
                continue  # missing or wrong: said already
            start, end = (kinds.parse_datetime(value) for value in values)
            if end.date() < start.date() if not kinds.has_time(values[1]) else end < start:
                self.add(doc, later, say("urutan-tanggal", later_label=specs[1].label,
                                         later=values[1], earlier_label=specs[0].label,
                                         earlier=values[0]))

    def check_value(self, doc, spec, value, name):
        shape = spec.kind.shape
        if shape == kinds.GROUP or (shape == kinds.GROUP_OR_TEXT and isinstance(value, dict)):
            self.check_object(doc, spec, value, name)
        elif shape == kinds.GROUPS:
            if isinstance(value, dict):
                value = [value]
            if not isinstance(value, list):
                self.add(doc, name, say("bukan-daftar-kelompok", label=spec.label))
                return
            for index, item in enumerate(value, start=1):
                self.check_object(doc, spec, item, f"{name}[{index}]")
        else:
            message = spec.kind.check(spec, value)
            if message:
                self.add(doc, name, message)

    def check_object(self, doc, spec, value, name):
        if not isinstance(value, dict):
            subnames = ", ".join(f.name for f in spec.fields)
            self.add(doc, name, say("bukan-kelompok", label=spec.label, subnames=subnames,
                                    name=spec.name))
            return
        known = {f.name for f in spec.fields}
        for key in value:
            if key not in known:
                suggestion = _closest(str(key), known)
                fix = (f"mungkin maksudnya '{suggestion}'" if suggestion
                       else "kolom yang dikenal: " + ", ".join(f.name for f in spec.fields))
                self.add(doc, f"{name}.{key}", f"kolom tidak dikenal. Perbaiki: {fix}")
        for sub in spec.fields:
            sub_value = value.get(sub.name)
            if _is_empty(sub_value):
                if sub.required:
                    self.add(doc, f"{name}.{sub.name}", missing_message(sub, group=spec))
                continue
            self.check_value(doc, sub, sub_value, f"{name}.{sub.name}")

    def check_body_images(self, doc):
        for match in BODY_IMAGE_RE.finditer(doc.body):
            target = match.group(1)
            if SCHEME_RE.match(target) or target.startswith("//"):
                continue
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            if not INTRASITE_PREFIX.match(target):
                # A bare path would be resolved against the page's address
                # (/berita/<slug>/) and break; Pelican's form is unambiguous.
                self.add(doc, "", say("isi-gambar-tanpa-static", target=target), line=line)
                continue
            if not INTRASITE_PREFIX.sub("", target).startswith("/"):
                # Pelican reads {static}images/x.jpg next to the article.
                self.add(doc, "", say("isi-gambar-tanpa-garis-miring",
                                      target=kinds.shown(target)), line=line)
                continue
            cleaned = INTRASITE_PREFIX.sub("", target).lstrip("/")
            if not self.image_exists(cleaned):
                self.add(doc, "", say("isi-gambar-tidak-ada", target=target), line=line)
            else:
                doc.images[target] = cleaned

    def check_body_html(self, doc):
        for match in RAW_IMG_RE.finditer(doc.body):
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            self.add(doc, "", say("isi-img"), line=line)
        for pattern, name in DANGEROUS_HTML:
            for match in pattern.finditer(doc.body):
                line = doc.body_line + doc.body.count("\n", 0, match.start())
                self.add(doc, "", say("isi-html-berbahaya", what=name), line=line)
        # What the body's HTML may hold at all (the web editor checks both
        # together too).
        self.check_body_characters(doc)

    def check_body_characters(self, doc):
        """No control character in the body (tab and line breaks are fine):
        the Atom feeds carry the body and cannot hold one. The first of each
        line, with its place in that line."""
        if not kinds.CONTROL_IN_BODY.search(doc.body):  # one pass over the usual body
            return
        for number, line in enumerate(doc.body.split("\n")):
            match = kinds.CONTROL_IN_BODY.search(line)
            if match:
                self.add(doc, "", say("isi-karakter-kendali", code=f"{ord(match.group()):04X}",
                                      position=match.start() + 1,
                                      line=kinds.shown(kinds.CONTROL.sub("", line))),
                         line=doc.body_line + number)

    def check_body_links(self, doc):
        """Links written as {filename}/berita/x.md must point at a file that
        exists, or Pelican would stop the build with an English warning;
        other link targets must be whole web addresses."""
        for match in BODY_LINK_RE.finditer(doc.body):
            target = match.group(1)
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            if target.startswith(("http://", "https://", "mailto:", "tel:", "#", "{")):
                continue
            if MD_TARGET_RE.search(target):
                self.add(doc, "", say("isi-tautan-md", target=kinds.shown(target)), line=line)
            elif BARE_DOMAIN_RE.match(target):
                self.add(doc, "", say("isi-tautan-tanpa-https", target=kinds.shown(target)),
                         line=line)
        # Image sources are reported by check_body_images.
        image_sources = {image.start(1) for image in BODY_IMAGE_RE.finditer(doc.body)}
        for match in INTRASITE_LINK_RE.finditer(doc.body):
            what, target = match.groups()
            if match.start() in image_sources:
                continue
            base = self.content_dir if target.startswith("/") else doc.path.parent
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            if not self.file_in_content(base / target.lstrip("/")):
                self.add(doc, "", say("isi-tautan-tidak-ada", target=f"{{{what}}}{target}"),
                         line=line)
            elif what == "filename" and not MD_TARGET_RE.search(target):
                # Pelican finds only entries by {filename}: a photo or a PDF
                # would stop the build with an English warning.
                self.add(doc, "", say("isi-tautan-filename-bukan-tulisan",
                                      target=f"{{{what}}}{target}"), line=line)

    def image_exists(self, relative):
        return self.file_in_content(self.content_dir / relative)

    def file_in_content(self, path):
        """True when `path` is a file inside the content folder, reached
        without a symbolic link (check_files names each link)."""
        try:
            candidate = Path(os.path.normpath(os.path.abspath(path)))
            relative = candidate.relative_to(self.content_dir)
            return uploads.link_on_the_way(self.content_dir, relative) is None and \
                candidate.is_file()
        except (ValueError, OSError):  # outside content/, or no possible file name (a NUL)
            return False

    def content_relative(self, path):
        """`path` (inside the content folder) relative to it, as a/b.jpg."""
        return Path(os.path.normpath(os.path.abspath(path))).relative_to(
            self.content_dir).as_posix()

    # -- across documents -----------------------------------------------------

    def check_collection(self, documents):
        by_type = {}
        for doc in documents:
            by_type.setdefault(doc.ctype.key, []).append(doc)
        for docs in by_type.values():
            seen = {}
            for doc in docs:
                slug = doc.slug
                if not slug:
                    continue
                if slug in seen:
                    self.add(doc, "slug", say("slug-ganda", slug=slug, path=seen[slug].relpath))
                else:
                    seen[slug] = doc
        kim_slugs = {doc.slug for doc in by_type.get("kim", ()) if doc.slug}
        # A slug with an invisible character has its own message; references
        # written without it are not sent to "fix" themselves as well.
        kim_slugs |= {kinds.INVISIBLE_OR_NBSP.sub("", slug) for slug in kim_slugs}
        # A KIM file that could not be read at all already has its own
        # problem; do not also send editors to "fix" references to it.
        kim_slugs |= self.unreadable_kim_slugs
        for doc in documents:
            for spec in doc.ctype.fields:
                if spec.kind not in (kinds.KIM_REF, kinds.KIM_REFS):
                    continue
                value = doc.metadata.get(spec.name)
                refs = value if isinstance(value, list) else [value]
                for ref in refs:
                    if isinstance(ref, (int, str)) and not isinstance(ref, bool):
                        ref = str(ref)  # `kim: 123` names KIM '123'
                    if isinstance(ref, str) and kinds.SLUG_RE.match(ref) and ref not in kim_slugs:
                        suggestion = _closest(ref, kim_slugs)
                        fix = (say("kim-tidak-ada-mirip", suggestion=suggestion) if suggestion
                               else say("kim-tidak-ada-tulis"))
                        self.add(doc, spec.name, say("kim-tidak-ada", ref=ref, fix=fix))
        for doc in documents:
            for spec in doc.ctype.fields:
                value = doc.metadata.get(spec.name)
                if not spec.refers_to or _is_empty(value) or spec.kind.check(spec, value) or \
                        spec.refers_to in self.unreadable_types:
                    continue
                slugs = {other.slug for other in by_type.get(spec.refers_to, ()) if other.slug}
                if str(value) not in slugs:
                    self.add(doc, spec.name, say("rujukan-tidak-ada", label=spec.label,
                                                 ref=value, collection=spec.refers_to))
        for doc in documents:
            for name, kind, src in file_values(doc.ctype.fields, doc.metadata, ""):
                if isinstance(src, str) and src and not self.image_exists(src.lstrip("/")):
                    missing = "gambar-tidak-ada" if kind is kinds.IMAGE else "dokumen-tidak-ada"
                    self.add(doc, name, say(missing, value=kinds.shown(src)))
        self.check_drafts_referenced(documents, by_type)

    def check_drafts_referenced(self, documents, by_type):
        """Published content that names a draft: the reference would lead
        nowhere on the published site."""
        drafts = {key: {doc.slug for doc in docs if doc.draft and doc.slug}
                  for key, docs in by_type.items()}
        by_path = {doc.path: doc for doc in documents}  # real paths already (read_all)
        for doc in documents:
            if doc.draft:
                continue
            for spec in doc.ctype.fields:
                value = doc.metadata.get(spec.name)
                if spec.kind in (kinds.KIM_REF, kinds.KIM_REFS):
                    for ref in value if isinstance(value, list) else [value]:
                        if str(ref) in drafts.get("kim", ()):
                            self.add(doc, spec.name, say("kim-draf", ref=ref))
                elif spec.refers_to and not _is_empty(value) and \
                        str(value) in drafts.get(spec.refers_to, ()):
                    # An album's article or activity: the link would lead nowhere.
                    self.add(doc, spec.name, say("rujukan-draf", label=spec.label, ref=value,
                                                 collection=spec.refers_to))
            for match in INTRASITE_LINK_RE.finditer(doc.body):
                what, target = match.groups()
                if what != "filename":
                    continue
                base = self.content_dir if target.startswith("/") else doc.path.parent
                linked = by_path.get(_resolved(base / target.lstrip("/")))
                if linked is not None and linked.draft:
                    line = doc.body_line + doc.body.count("\n", 0, match.start())
                    self.add(doc, "", say("isi-tautan-draf", path=linked.relpath), line=line)

    def check_files(self):
        """Every file of the content folder that is not an entry is one the
        site can publish, judged by its bytes: a photo, a PDF (uploads.py);
        and there is no symbolic link anywhere in it. (Files in the content
        types' folders are check_file_names'.)"""
        situs_file = situs.path_in(self.content_dir)
        for path in uploads.walk(self.content_dir):
            relative = path.relative_to(self.content_dir)

            def shown(path=path):
                # Named by where it lies, never through where a link leads.
                return f"{self.rel(path.parent)}/{path.name}"

            if path.is_symlink():
                self.add(shown(), "", uploads.link_problem(path))
            elif not (uploads.hidden(relative) or path.suffix == ".md" or path == situs_file
                      or relative.parts[0] in CONTENT_TYPES):
                message = uploads.file_problem(path)
                if message:
                    self.add(shown(), "", message)

    def check_file_references(self, documents):
        """A photo field names a file in images/, a document field one in
        berkas/, a photo in a body is a photo in images/, and a {static}
        link leads to a photo or a document there: the only files the site
        publishes. Each entry's are noted (Document.files): the build
        publishes those and no other. (A name that does not exist, or of the
        wrong kind, has its own message.)"""
        for doc in [*documents, *([self.situs_document] if self.situs_document else [])]:
            for name, kind, src in file_values(doc.ctype.fields, doc.metadata):
                if not isinstance(src, str) or not src or \
                        not self.image_exists(src.lstrip("/")):
                    continue
                folder = uploads.PHOTO_FOLDER if kind is kinds.IMAGE else uploads.DOCUMENT_FOLDER
                relative = self.content_relative(self.content_dir / src.lstrip("/"))
                if not relative.startswith(f"{folder}/"):
                    key = "gambar-di-luar-images" if kind is kinds.IMAGE else \
                        "dokumen-di-luar-berkas"
                    self.add(doc, name, say(key, value=kinds.shown(src)))
                elif uploads.kind_of(relative):
                    doc.files.add(relative)
            for target, written in doc.images.items():
                relative = self.content_relative(self.content_dir / written)
                if uploads.kind_of(relative) == "foto":
                    doc.files.add(relative)
                else:
                    line = doc.body_line + doc.body.count("\n", 0, max(0, doc.body.find(target)))
                    self.add(doc, "", say("isi-gambar-bukan-foto", target=kinds.shown(target)),
                             line=line)
            image_sources = {image.start(1) for image in BODY_IMAGE_RE.finditer(doc.body)}
            for match in INTRASITE_LINK_RE.finditer(doc.body):
                what, target = match.groups()
                if what == "filename" or match.start() in image_sources:
                    continue
                path = (self.content_dir if target.startswith("/") else doc.path.parent) / \
                    target.lstrip("/")
                if not self.file_in_content(path):
                    continue  # check_body_links says so
                if uploads.kind_of(self.content_relative(path)):
                    doc.files.add(self.content_relative(path))
                else:
                    line = doc.body_line + doc.body.count("\n", 0, match.start())
                    self.add(doc, "", say("isi-tautan-tidak-diterbitkan",
                                          target=kinds.shown(f"{{{what}}}{target}")), line=line)


def _resolved(path):
    """`path` resolved, or None when no file can have that name (a NUL)."""
    try:
        return path.resolve()
    except (ValueError, OSError):
        return None


def file_values(fields, data, prefix=""):
    """(field path, kind, value) of every image and document field."""
    if not isinstance(data, dict):
        return
    for spec in fields:
        value = data.get(spec.name)
        name = f"{prefix}{spec.name}"
        if spec.kind in (kinds.IMAGE, kinds.DOCUMENT):
            yield name, spec.kind, value
        elif spec.kind.shape == kinds.GROUP:
            yield from file_values(spec.fields, value, f"{name}.")
        elif spec.kind.shape == kinds.GROUPS:
            items = [value] if isinstance(value, dict) else value
            if isinstance(items, list):
                for index, item in enumerate(items, start=1):
                    yield from file_values(spec.fields, item, f"{name}[{index}].")


def normalised(fields, data):
    """`data` without empty values, each in its kind's one form, recursively
    into groups. Only called on validated data."""
    specs = {spec.name: spec for spec in fields}
    result = {}
    for key, value in data.items():
        if _is_empty(value):
            continue
        spec = specs.get(key)
        if spec is not None:
            if spec.kind.normalise is not None:
                value = spec.kind.normalise(value)
            if spec.fields and isinstance(value, dict):
                value = normalised(spec.fields, value)
            elif spec.fields and isinstance(value, list):
                value = [normalised(spec.fields, item) if isinstance(item, dict) else item
                         for item in value]
        result[key] = value
    return result


def missing_message(spec, category=None, group=None):
    """The message for a required field left empty: at the top of the file
    (required for `category` only, where given) or inside `group`. The web
    editor shows the same words (editor/cms.py, editor_rules)."""
    if group is not None:
        return say("wajib-dalam-kelompok", label=spec.label, name=spec.name, group=group.name,
                   example=example_text(spec))
    reason = f" untuk kategori {category}" if category else ""
    return say("wajib", label=spec.label, reason=reason, name=spec.name,
               example=example_text(spec))


def _markdown_name(name):
    stem = name
    for ending in (".txt", ".markdown", ".mdown", ".mkd", ".md", ".MD", ".Md", ".mD"):
        if stem.lower().endswith(ending.lower()):
            stem = stem[: -len(ending)]
    return stem + ".md"


def _starts_with_comment(doc, name):
    """Whether the line of field `name` is `name: # ...` (YAML reads the
    rest of the line as a comment, so the value is empty)."""
    line = doc.lines.get(name)
    if not line or not doc.text:
        return False
    rows = doc.text.split("\n")
    return line <= len(rows) and re.match(rf"^{re.escape(name)}\s*:\s+#", rows[line - 1])


def _is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def example_text(spec):
    if spec.example is None:
        return ""
    if isinstance(spec.example, (list, dict)):
        return ""
    return f", misalnya '{spec.name}: {spec.example}'"


def _closest(word, candidates):
    import difflib

    found = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def validate_content(content_dir, display_root=None, cache_path=None):
    """Return ``(documents, problems)`` for the whole content folder. With
    `cache_path` (a build's CACHE_PATH), the front matter of a file whose
    text an earlier build read is not parsed again."""
    checker = _Checker(content_dir, display_root, cache_path)
    documents = checker.read_all()
    checker.parsed.save()
    for doc in documents:
        try:
            checker.check_document(doc)
        except Exception as error:  # noqa: BLE001 - reported, never a traceback
            checker.add(doc.relpath, "", unexpected(error))
    checker.check_collection(documents)
    checker.check_situs()
    checker.check_file_references(documents)
    checker.check_file_names()
    checker.check_files()
    return documents, sorted(set(checker.problems))


def check_file(content_dir, display_root, path):
    """``(document, problems)`` for one Markdown file of the content folder,
    checked alone: its fields and its body, not what only the whole folder
    shows (duplicates, references between files, files nobody uses). The
    document is None when the file could not be read as one, or is not a
    content file (outside the type folders, hidden, or reached through a
    symbolic link)."""
    checker = _Checker(content_dir, display_root)
    path = Path(os.path.abspath(path))
    try:
        relative = path.relative_to(checker.content_dir)
    except ValueError:
        return None, [Problem(str(path), 0, "", "berkas berada di luar folder konten")]
    if path.suffix != ".md" or uploads.link_on_the_way(checker.content_dir, relative) is not None \
            or not path.is_file():
        return None, [Problem(checker.rel(path), 0, "", "bukan berkas tulisan konten")]
    doc = checker.read_one(path)
    if doc is not None:
        try:
            checker.check_document(doc)
        except Exception as error:  # noqa: BLE001 - reported, never a traceback
            checker.add(doc.relpath, "", unexpected(error))
    return doc, sorted(set(checker.problems))


def unexpected(error):
    """The message for an error nobody foresaw, naming what it was; with
    PORTAL_DEBUG=1 the traceback goes to the log for the developers."""
    if os.environ.get("PORTAL_DEBUG"):
        traceback.print_exc()
    return (f"pemeriksaan berkas ini terhenti karena kesalahan tak terduga "
            f"({type(error).__name__}: {kinds.shown(error, 120)}). Perbaiki: periksa isian "
            "berkas ini; bila pesannya tidak membantu, laporkan kepada pengembang portal dengan "
            "menyertakan berkas ini (PORTAL_DEBUG=1 menampilkan rinciannya)")


def format_report(problems):
    lines = [str(problem) for problem in problems]
    noun = "masalah"
    lines.append(f"Ditemukan {len(problems)} {noun} pada konten. Perbaiki lalu jalankan lagi "
                 "'invoke check'.")
    return "\n".join(lines)

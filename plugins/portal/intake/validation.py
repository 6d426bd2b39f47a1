"""Validate every content file against its schema and against the others.

``validate_content(content_dir)`` reads all Markdown files under the content
folder and returns every problem it finds in one pass, so an editor fixes
them all at once. Each problem is one line in Bahasa Indonesia naming the
file, the field, what is wrong and how to fix it. Nothing here raises for an
editor's mistake.
"""

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from ..model import kinds, schema
from ..model.schema import CONTENT_TYPES, RESERVED_PAGE_SLUGS
from . import frontmatter, situs
from .sanitize import DANGEROUS_HTML

BODY_IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
INTRASITE_LINK_RE = re.compile(r"\{(filename|static|attach)\}([^)\s\"'>#?]+)")
INTRASITE_PREFIX = re.compile(r"^\{(?:static|attach|filename)\}")


def plain_slug(text):
    """The slug Pelican would derive from a title (default substitutions)."""
    return slugify(str(text), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return f"{where}: kolom '{self.field}': {self.message}"
        return f"{where}: {self.message}"


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

    @functools.cached_property
    def values(self):
        """The fields that are filled in (an empty value counts as absent)."""
        return {key: value for key, value in self.metadata.items() if not _is_empty(value)}

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
    def __init__(self, content_dir, display_root):
        self.content_dir = Path(content_dir).resolve()
        self.display_root = Path(display_root).resolve() if display_root else None
        self.problems = []
        self.unreadable_kim_slugs = set()

    def rel(self, path):
        base = self.display_root or self.content_dir.parent
        try:
            return Path(path).resolve().relative_to(base).as_posix()
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

    def read_all(self):
        documents = []
        for path in sorted(self.content_dir.rglob("*.md")):
            relative = path.relative_to(self.content_dir)
            if any(part.startswith(".") for part in relative.parts):
                continue
            relpath = self.rel(path)
            ctype = CONTENT_TYPES.get(relative.parts[0]) if len(relative.parts) > 1 else None
            if ctype is None:
                folders = ", ".join(f"content/{key}/" for key in CONTENT_TYPES)
                self.add(relpath, "", "berkas berada di luar folder jenis konten. "
                         f"Perbaiki: pindahkan ke salah satu folder {folders}")
                continue
            mtime_ns = path.stat().st_mtime_ns  # before reading: a later edit shows as newer
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                self.add(relpath, "", "berkas bukan teks UTF-8. Perbaiki: simpan ulang "
                         "berkas dengan pengodean UTF-8")
                if ctype.key == "kim":
                    self.unreadable_kim_slugs.add(path.stem)
                continue
            try:
                metadata, body, body_line, lines = frontmatter.split(text)
            except frontmatter.FrontMatterError as error:
                self.add(relpath, "", error.message, line=error.line)
                if ctype.key == "kim":
                    self.unreadable_kim_slugs.add(path.stem)
                continue
            documents.append(Document(path, relpath, ctype, metadata, body, body_line, lines,
                                      mtime_ns))
        return documents

    def check_situs(self):
        """content/situs.yml, when there is one, against schema.SITUS."""
        path = situs.path_in(self.content_dir)
        if not path.is_file():
            return
        relpath = self.rel(path)
        try:
            data, lines = situs.read(self.content_dir)
        except frontmatter.FrontMatterError as error:
            self.add(relpath, "", error.message, line=error.line)
            return
        self.check_document(Document(path, relpath, schema.SITUS, data, "", 0, lines))

    # -- one document ---------------------------------------------------------

    def check_document(self, doc):
        known = {f.name for f in doc.ctype.fields}
        for key in doc.metadata:
            if key not in known:
                suggestion = _closest(str(key), known)
                fix = (f"mungkin maksudnya '{suggestion}'" if suggestion
                       else f"hapus kolom ini; kolom {doc.ctype.label} yang dikenal: "
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
                    reason = (f" untuk kategori {category}" if spec.name in required_extra
                              else "")
                    self.add(doc, spec.name, f"{spec.label} wajib diisi{reason}. Perbaiki: "
                             f"tambahkan baris '{spec.name}: ...'{_example(spec)}")
                continue
            self.check_value(doc, spec, value, spec.name)
        if doc.ctype.key == "berita" and not (
            isinstance(category, str) and category in doc.ctype.conditional
        ):
            for name in ("klaim", "label", "beredar"):
                if not _is_empty(doc.metadata.get(name)):
                    self.add(doc, name, "kolom ini hanya untuk kategori Cek Fakta. Perbaiki: "
                             "ubah 'category' menjadi Cek Fakta atau hapus kolom ini")
        if doc.ctype.key == "berita" and doc.slug is not None and not doc.slug:
            self.add(doc, "title", "judul tidak menghasilkan alamat halaman. Perbaiki: "
                     "isi kolom 'slug' dengan huruf kecil dan tanda hubung")
        if doc.ctype.key == "halaman" and doc.slug in RESERVED_PAGE_SLUGS:
            self.add(doc, "slug", f"slug '{doc.slug}' sudah dipakai bagian lain portal. "
                     "Perbaiki: pilih slug lain")
        self.check_body_images(doc)
        self.check_body_links(doc)
        self.check_body_html(doc)

    def check_value(self, doc, spec, value, name):
        shape = spec.kind.shape
        if shape == kinds.GROUP or (shape == kinds.GROUP_OR_TEXT and isinstance(value, dict)):
            self.check_object(doc, spec, value, name)
        elif shape == kinds.GROUPS:
            if isinstance(value, dict):
                value = [value]
            if not isinstance(value, list):
                self.add(doc, name, f"{spec.label} harus berupa daftar. Perbaiki: tulis "
                         "setiap isian di baris baru diawali '- '")
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
            self.add(doc, name, f"{spec.label} harus berisi kolom bertingkat ({subnames}). "
                     f"Perbaiki: tulis '{spec.name}:' lalu kolom-kolomnya di baris berikut, "
                     "menjorok dua spasi")
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
                    self.add(doc, f"{name}.{sub.name}", f"{sub.label} wajib diisi. "
                             f"Perbaiki: tambahkan '{sub.name}: ...' di bawah "
                             f"'{spec.name}'{_example(sub)}")
                continue
            self.check_value(doc, sub, sub_value, f"{name}.{sub.name}")

    def check_body_images(self, doc):
        for match in BODY_IMAGE_RE.finditer(doc.body):
            target = match.group(1)
            if re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            if not INTRASITE_PREFIX.match(target):
                # A bare path would be resolved against the page's address
                # (/berita/<slug>/) and break; Pelican's form is unambiguous.
                self.add(doc, "", f"gambar '{target}' di isi tulisan ditulis tanpa "
                         "'{static}'. Perbaiki: tulis '{static}/images/nama-berkas.jpg'",
                         line=line)
                continue
            cleaned = INTRASITE_PREFIX.sub("", target).lstrip("/")
            if not self.image_exists(cleaned):
                self.add(doc, "", f"gambar '{target}' di isi tulisan tidak ditemukan. "
                         "Perbaiki: simpan berkasnya di content/images/ dan tulis "
                         "'{static}/images/nama-berkas.jpg'", line=line)

    def check_body_html(self, doc):
        for pattern, name in DANGEROUS_HTML:
            for match in pattern.finditer(doc.body):
                line = doc.body_line + doc.body.count("\n", 0, match.start())
                self.add(doc, "", f"{name} tidak diizinkan di isi tulisan. Perbaiki: hapus "
                         "bagian itu; tulis isi dengan Markdown biasa, dan sisipkan video "
                         "atau peta sebagai tautan", line=line)

    def check_body_links(self, doc):
        """Links written as {filename}/berita/x.md must point at a file that
        exists, or Pelican would stop the build with an English warning."""
        # Image sources are reported by check_body_images.
        image_sources = {image.start(1) for image in BODY_IMAGE_RE.finditer(doc.body)}
        for match in INTRASITE_LINK_RE.finditer(doc.body):
            what, target = match.groups()
            if match.start() in image_sources:
                continue
            base = self.content_dir if target.startswith("/") else doc.path.parent
            if not self.file_in_content(base / target.lstrip("/")):
                line = doc.body_line + doc.body.count("\n", 0, match.start())
                self.add(doc, "", f"tautan '{{{what}}}{target}' di isi tulisan menuju berkas "
                         "yang tidak ada. Perbaiki: periksa ejaan jalurnya, misalnya "
                         "{filename}/berita/2018-09-20-enam-kim-resmi-dibentuk-di-kobar.md",
                         line=line)

    def image_exists(self, relative):
        return self.file_in_content(self.content_dir / relative)

    def file_in_content(self, path):
        """True when `path` is a file inside the content folder."""
        candidate = Path(path).resolve()
        try:
            candidate.relative_to(self.content_dir)
        except ValueError:
            return False
        return candidate.is_file()

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
                    self.add(doc, "slug", f"slug '{slug}' sudah dipakai oleh {seen[slug].relpath}. "
                             "Perbaiki: beri slug yang berbeda")
                else:
                    seen[slug] = doc
        kim_slugs = {doc.slug for doc in by_type.get("kim", ()) if doc.slug}
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
                    if isinstance(ref, str) and kinds.SLUG_RE.match(ref) and ref not in kim_slugs:
                        suggestion = _closest(ref, kim_slugs)
                        fix = (f"mungkin maksudnya '{suggestion}'" if suggestion
                               else "tulis slug salah satu profil di content/kim/")
                        self.add(doc, spec.name, f"KIM '{ref}' tidak ada. Perbaiki: {fix}")
        for doc in documents:
            for name, src in _image_values(doc.ctype.fields, doc.metadata, ""):
                if isinstance(src, str) and src and not self.image_exists(src.lstrip("/")):
                    self.add(doc, name, f"berkas gambar '{src}' tidak ditemukan. Perbaiki: "
                             "simpan fotonya di folder content/images/ dan tulis jalurnya, "
                             "misalnya images/nama-berkas.jpg")


def _image_values(fields, data, prefix):
    if not isinstance(data, dict):
        return
    for spec in fields:
        value = data.get(spec.name)
        name = f"{prefix}{spec.name}"
        if spec.kind is kinds.IMAGE:
            yield name, value
        elif spec.kind.shape == kinds.GROUP:
            yield from _image_values(spec.fields, value, f"{name}.")
        elif spec.kind.shape == kinds.GROUPS:
            items = [value] if isinstance(value, dict) else value
            if isinstance(items, list):
                for index, item in enumerate(items, start=1):
                    yield from _image_values(spec.fields, item, f"{name}[{index}].")


def _is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def _example(spec):
    if spec.example is None:
        return ""
    if isinstance(spec.example, (list, dict)):
        return ""
    return f", misalnya '{spec.name}: {spec.example}'"


def _closest(word, candidates):
    import difflib

    found = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def validate_content(content_dir, display_root=None):
    """Return ``(documents, problems)`` for the whole content folder."""
    checker = _Checker(content_dir, display_root)
    documents = checker.read_all()
    for doc in documents:
        checker.check_document(doc)
    checker.check_collection(documents)
    checker.check_situs()
    return documents, sorted(set(checker.problems))


def format_report(problems):
    lines = [str(problem) for problem in problems]
    noun = "masalah"
    lines.append(f"Ditemukan {len(problems)} {noun} pada konten. Perbaiki lalu jalankan lagi "
                 "'invoke check'.")
    return "\n".join(lines)

"""What the web editor needs to check one entry as `invoke check` does.

Decap's form can only say "required" and match a pattern; it cannot require
a sub-field once its group is filled in (a photo's alt text), check a real
date, a coordinate in the regency, a price form, the sanitiser's raw-HTML
rules, a duplicate slug or a reference to a KIM that does not exist. The
editor's own check before saving (theme/static/js/aturan-editor.js) does,
from admin/aturan.json, written here at build time from the content model:

- the message templates (model/messages.py), so it words every problem as
  `invoke check` does;
- every content type's fields with their kind, choices and limits
  (model/schema.py), and the patterns of kinds.py, validation.py and
  sanitize.py, translated to JavaScript's regex syntax with Python's meaning;
- the published entries (slug, file) and the files they publish, for the
  checks against the other entries. Nothing of a draft: this file is public,
  and drafts are private until published. A reference to a draft therefore
  reads as one to nothing here; `invoke check` (CI), which sees the drafts,
  says it is a draft.

What the editor cannot meet is not sent: unknown fields (the form writes only
known ones), YAML syntax (the editor writes it), files and images (checked by
the build: a photo is uploaded in the same commit as the entry).
"""

import json
import re
from pathlib import Path

from ..intake import images, uploads, validation
from ..intake.sanitize import DANGEROUS_HTML
from ..model import kinds, messages, region
from ..model.schema import CONTENT_TYPES, RESERVED_PAGE_SLUGS, SITUS

RULES_FILE = "aturan.json"

# Python's regex classes under re.ASCII, written out for JavaScript.
_CLASSES = {"s": "\\t\\n\\v\\f\\r ", "d": "0-9", "w": "A-Za-z0-9_"}


def js_pattern(compiled):
    """{"source", "flags"} of a compiled Python pattern (re.ASCII, optionally
    re.I and re.M) for JavaScript's RegExp, matching the same strings: `$`
    also before a final newline, `.` not a newline, `^`/`$` of re.M at "\\n"
    only, and the ASCII classes spelled out."""
    if not compiled.flags & re.ASCII and any(f"\\{c}" in compiled.pattern for c in "sdwSDWb"):
        raise ValueError(f"pattern needs re.ASCII to mean the same in JavaScript: "
                         f"{compiled.pattern!r}")
    multiline = bool(compiled.flags & re.M)
    source, out, in_class, i = compiled.pattern, [], False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            code = source[i + 1]
            i += 2
            if code in _CLASSES:
                out.append(_CLASSES[code] if in_class else f"[{_CLASSES[code]}]")
            elif code.lower() in _CLASSES and not in_class:
                out.append(f"[^{_CLASSES[code.lower()]}]")
            elif code == "A":
                out.append("(?<![\\s\\S])")
            elif code == "Z":
                out.append("(?![\\s\\S])")
            else:
                out.append("\\" + code)
            continue
        if in_class:
            if char == "]":
                in_class = False
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            if source[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if source[i + 1:i + 2] == "]":  # a literal ] first in a class
                out.append("\\]")
                i += 1
        elif char == "^":
            out.append("(?<![^\\n])" if multiline else "(?<![\\s\\S])")
        elif char == "$":
            out.append("(?![^\\n])" if multiline else "(?=\\n?(?![\\s\\S]))")
        elif char == ".":
            out.append("[^\\n]")
        else:
            out.append(char)
        i += 1
    return {"source": "".join(out), "flags": "i" if compiled.flags & re.I else ""}


def field_rules(spec):
    """One field of the schema as the editor's check reads it."""
    entry = {"name": spec.name, "label": spec.label, "kind": spec.kind.name,
             "shape": spec.kind.shape, "required": spec.required,
             "example": validation.example_text(spec)}
    for key, value in (("choices", list(spec.choices)), ("max_length", spec.max_length),
                       ("minimum", spec.minimum),
                       ("not_starting_with", list(spec.not_starting_with)),
                       ("refers_to", spec.refers_to),
                       ("fields", [field_rules(sub) for sub in spec.fields])):
        if value or value == 0:
            entry[key] = value
    return entry


def _content_type(ctype):
    return {"label": ctype.label, "fields": [field_rules(spec) for spec in ctype.fields],
            "conditional": {key: list(names) for key, names in ctype.conditional.items()},
            "in_order": [list(pair) for pair in ctype.in_order]}


PATTERNS = {
    "slug": kinds.SLUG_RE, "email": kinds.EMAIL_RE, "url": kinds.URL_RE,
    "tanggal": kinds.DATE_RE, "tanggal_waktu": kinds.DATETIME_RE, "bulan": kinds.MONTH_RE,
    "gambar": kinds.IMAGE_RE, "spasi": kinds.SPACE_RE, "pemisah_telepon": kinds.PHONE_SEPARATORS,
    "ponsel": kinds.PHONE_RE, "telepon": kinds.TELEPHONE_RE, "youtube": kinds.YOUTUBE_RE,
    "dokumen": kinds.DOCUMENT_RE,
    "gambar_isi": validation.BODY_IMAGE_RE, "tautan_isi": validation.BODY_LINK_RE,
    "tautan_dalam": validation.INTRASITE_LINK_RE, "awalan_dalam": validation.INTRASITE_PREFIX,
    "img_mentah": validation.RAW_IMG_RE, "skema": validation.SCHEME_RE,
    "tujuan_md": validation.MD_TARGET_RE, "domain_polos": validation.BARE_DOMAIN_RE,
}


def editor_rules(documents=(), files=()):
    """The rules of admin/aturan.json. `documents` are the validated entries
    of this build (validation.Document), of which only the published are
    listed; `files` the files the site publishes from the content folder, as
    editors see their path (content/...)."""
    entries = {}
    for doc in documents:
        if not doc.draft:
            entries.setdefault(doc.ctype.key, []).append([doc.slug or "", doc.relpath])
    return {
        "pesan": messages.TEMPLATES,
        "pola": {name: js_pattern(pattern) for name, pattern in PATTERNS.items()},
        "html_berbahaya": [[js_pattern(pattern), name] for pattern, name in DANGEROUS_HTML],
        # Characters refused in values (kinds.refused_characters), written
        # with escapes only and read with JavaScript's `u` flag.
        "tak_terlihat": {"semua": kinds.INVISIBLE_OR_NBSP.pattern,
                         "teks": kinds.INVISIBLE.pattern,
                         "teks_baris": kinds.INVISIBLE_IN_LINES.pattern,
                         "kendali": kinds.CONTROL.pattern,
                         "kendali_isi": kinds.CONTROL_IN_BODY.pattern,
                         "pindah_baris": kinds.LINE_BREAK.pattern,
                         "kolom_baris": sorted(kinds.LONG_TEXT_FIELDS)},
        "bentuk_tanggal": kinds.DATE_FORMS,
        "akhiran_dokumen": list(kinds.DOCUMENT_SUFFIXES),
        "wilayah": {"nama": region.REGION_NAME, "tahun_awal": region.FIRST_YEAR,
                    "tahun_akhir": region.last_year(), "lintang": list(region.LATITUDE_RANGE),
                    "bujur": list(region.LONGITUDE_RANGE)},
        "slug_petunjuk": kinds.SLUG_HINT,
        "batas": {"slug": validation.MAX_SLUG, "isi": validation.MAX_BODY_BYTES},
        "slug_cadangan": sorted(RESERVED_PAGE_SLUGS),
        # Photos larger than this are made smaller before upload (foto-ponsel.js).
        "foto": {"sisi_maks": images.EDITOR_PHOTO_MAX_SIDE,
                 "bita_maks": images.EDITOR_PHOTO_MAX_BYTES},
        "jenis": {ctype.key: _content_type(ctype)
                  for ctype in (*CONTENT_TYPES.values(), SITUS)},
        "entri": {key: sorted(rows, key=lambda row: row[1]) for key, rows in entries.items()},
        "berkas": sorted(files),
    }


def published_paths(documents, content_dir):
    """The files of published entries and the files they use, as editors
    see their path (content/...): what a body may link to with {filename}
    or {static}. Nothing a draft alone uses."""
    content_dir = Path(content_dir).resolve()
    shown = [doc.relpath for doc in documents if not doc.draft]
    return sorted([*shown, *(f"{content_dir.name}/{path}"
                             for path in uploads.published(documents, content_dir))])


def write_rules(path, documents=(), files=()):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(editor_rules(documents, files), ensure_ascii=False,
                               sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")

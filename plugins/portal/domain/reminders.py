"""What the editors still have to fill in: reminders that `invoke check`
prints after a valid check. They never stop a build (an unknown contact
stays empty rather than invented), and they are for the editors only:
readers are never told what is missing (a KIM profile, its Rapor and the
Kirim Informasi page show what there is and leave out what there is not).
"""

from dataclasses import dataclass

from ..intake import situs as situs_module
from ..intake.validation import Problem
from ..model.messages import say
from ..model.schema import KIM, SITUS, SITUS_FILE

KIM_CONTACTS = tuple(spec.name for spec in KIM.field("kontak").fields)


def _mapping(value):
    return value if isinstance(value, dict) else {}


def has_contact(kontak):
    """Whether a KIM's `kontak` holds at least one way to reach it."""
    return any(_mapping(kontak).get(name) for name in KIM_CONTACTS)


@dataclass(frozen=True)
class Kelengkapan:
    """One part of a KIM profile that readers and the KIM's assessors look
    for (contacts, board, founding decree, logo, location); ``filled(meta)``
    says whether a profile's front matter has it."""

    field: str
    filled: object


KELENGKAPAN = (
    Kelengkapan("kontak", lambda meta: has_contact(meta.get("kontak"))),
    Kelengkapan("pengurus", lambda meta: bool(meta.get("pengurus"))),
    Kelengkapan("sk_pembentukan",
                lambda meta: bool(_mapping(meta.get("sk_pembentukan")).get("nomor"))),
    Kelengkapan("logo", lambda meta: bool(meta.get("logo"))),
    Kelengkapan("lokasi", lambda meta: bool(meta.get("lokasi"))),
)


def missing_parts(metadata, kelengkapan=KELENGKAPAN):
    """The fields of `kelengkapan` a KIM profile's front matter lacks."""
    return [item.field for item in kelengkapan if not item.filled(metadata)]


def reminders(documents, content_dir, rel):
    """``Problem`` lines for ``situs.yml`` fields still empty and for each
    published KIM whose profile lacks a part of KELENGKAPAN. `rel` turns a
    path into the path shown to editors (as validation shows it)."""
    found = []
    path = situs_module.path_in(content_dir)
    relpath = rel(path)
    if not path.is_file():
        found.append(Problem(relpath, 0, "", (
            f"berkas {SITUS_FILE} belum ada, sehingga portal tidak menyebut pengelolanya dan "
            "tidak menampilkan kontak apa pun. Perbaiki: buat berkas itu (contohnya di "
            "docs/panduan-editor.md, bagian Pengaturan situs) atau isi lewat editor web")))
    else:
        empty = situs_module.load(content_dir).empty_fields()
        if empty:
            found.append(Problem(relpath, 1, "", (
                f"{len(empty)} kolom {SITUS.label} belum diisi: " + ", ".join(empty)
                + ". Yang kosong tidak ditampilkan kepada pembaca. Perbaiki: isi bila "
                "datanya sudah pasti")))
    for doc in documents:
        if doc.ctype is not KIM or doc.draft:
            continue
        missing = missing_parts(doc.metadata)
        if not missing:
            continue
        # The line of the first missing field written empty, else the title's.
        line = next((doc.lines[name] for name in missing if doc.lines.get(name)),
                    doc.lines.get("title") or 0)
        effect = (", sehingga warga belum dapat menghubungi KIM ini langsung"
                  if "kontak" in missing else "")
        found.append(Problem(doc.relpath, line, "", say(
            "pengingat-profil-kim", fields=", ".join(missing), effect=effect)))
    return found


def format_reminders(found):
    if not found:
        return ""
    lines = ["Pengingat (tidak menghentikan pembangunan situs):"]
    lines += [f"  {problem}" for problem in found]
    return "\n".join(lines)

"""What the editors still have to fill in so that readers can reach someone:
reminders that `invoke check` prints after a valid check. They never stop a
build (an unknown contact stays empty rather than invented), and they are
for the editors only: readers are never told what is missing.
"""

from ..intake import situs as situs_module
from ..intake.validation import Problem
from ..model.schema import KIM, SITUS, SITUS_FILE

KIM_CONTACTS = tuple(spec.name for spec in KIM.field("kontak").fields)


def reminders(documents, content_dir, rel):
    """``Problem`` lines for ``situs.yml`` fields still empty and for each
    published KIM without any contact. `rel` turns a path into the path
    shown to editors (as validation shows it)."""
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
        kontak = doc.metadata.get("kontak")
        kontak = kontak if isinstance(kontak, dict) else {}
        if not any(kontak.get(name) for name in KIM_CONTACTS):
            found.append(Problem(doc.relpath, doc.lines.get("kontak") or doc.lines.get("title")
                                 or 0, "kontak", (
                "kontak KIM belum diisi, sehingga warga belum dapat menghubungi KIM ini "
                "langsung. Perbaiki: tambahkan 'kontak:' dengan subkolom "
                + ", ".join(KIM_CONTACTS) + " yang sudah pasti")))
    return found


def format_reminders(found):
    if not found:
        return ""
    lines = ["Pengingat (tidak menghentikan pembangunan situs):"]
    lines += [f"  {problem}" for problem in found]
    return "\n".join(lines)

"""New content files, ready to edit (`invoke new-kim`, `new-potensi`,
`new-berita`, `new-acara`, `new-video`, `new-dokumen`, `new-galeri`): front matter
written from the content type's schema, in its field order, and the body's
first headings, each with a note saying what belongs there. The notes are
HTML comments, which the sanitiser removes, and a heading left with nothing
under it is not published (rendering.py), so an unfinished file never shows
empty sections. Every new file starts as a draft; the tasks validate it
before keeping it."""

import json

from . import kinds
from .schema import ACARA, BERITA, DOKUMEN, GALERI, KIM, POTENSI, VIDEO

# Kinds whose values are written bare (a slug, a fixed choice); other text
# is quoted, since JSON strings are YAML scalars that quote what needs it.
_BARE = (kinds.SLUG, kinds.CHOICE, kinds.STATUS, kinds.KIM_REF, kinds.KIM_REFS)

# Headings of a new file's body and what to write under each.
BODIES = {
    KIM.key: (
        ("Profil", "Ceritakan KIM ini: kapan dan oleh siapa dibentuk, apa yang dikerjakannya."),
        ("Visi dan misi", "Tulis visi dan misi KIM bila sudah ditetapkan."),
        ("Program kegiatan", "Sebutkan kegiatan rutin atau rencana KIM."),
    ),
    POTENSI.key: (
        ("Tentang", "Jelaskan apa yang ditawarkan, apa yang bisa dilakukan pengunjung, "
                    "dan sejak kapan ada."),
        ("Cara ke sana", "Tulis cara mencapai tempat ini, bila Anda mengetahuinya pasti."),
    ),
    BERITA.key: (),
    VIDEO.key: (),
    DOKUMEN.key: (),
    GALERI.key: (),
    ACARA.key: (
        ("Tentang acara", "Jelaskan apa yang dilakukan, untuk siapa, dan apa yang perlu dibawa "
                          "atau disiapkan peserta."),
    ),
}
NOTE = ("Catatan di antara tanda ini tidak tampil di situs, dan judul bagian yang "
        "dibiarkan kosong tidak ditampilkan.")


def _scalar(spec, value):
    return str(value) if spec.kind in _BARE else json.dumps(value, ensure_ascii=False)


def scaffold(ctype, values):
    """The text of a new file of `ctype` with `values` (empty ones left
    out), as a draft."""
    lines = ["---"]
    for spec in ctype.fields:
        value = {**values, "status": "draft"}.get(spec.name)
        if value in (None, "", [], ()):
            continue
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], dict):
            lines.append(f"{spec.name}:")  # a list of groups: each item's fields below "- "
            for item in value:
                rows = [f"{key}: {_scalar(spec.subfield(key), sub)}"
                        for key, sub in item.items() if sub not in (None, "")]
                lines += [f"  - {rows[0]}"] + [f"    {row}" for row in rows[1:]]
        elif isinstance(value, (list, tuple)):
            lines.append(f"{spec.name}:")
            lines += [f"  - {_scalar(spec, item)}" for item in value]
        elif isinstance(value, dict):
            lines.append(f"{spec.name}:")
            lines += [f"  {key}: {_scalar(spec.subfield(key), item)}"
                      for key, item in value.items() if item not in (None, "")]
        else:
            lines.append(f"{spec.name}: {_scalar(spec, value)}")
    lines.append("---")
    sections = BODIES[ctype.key]
    if not sections:
        return "\n".join(lines) + "\n"
    body = [f"<!-- {NOTE} -->"] + [f"## {heading}\n\n<!-- {note} -->"
                                   for heading, note in sections]
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"

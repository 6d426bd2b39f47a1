"""New content files, ready to edit (`invoke new-kim`, `new-potensi`,
`new-berita`): front matter written from the content type's schema, in its
field order, and the body's first headings. Every new file starts as a
draft; the tasks validate it before keeping it."""

import json

from . import kinds
from .schema import BERITA, KIM, POTENSI

# Kinds whose values are written bare (a slug, a fixed choice); other text
# is quoted, since JSON strings are YAML scalars that quote what needs it.
_BARE = (kinds.SLUG, kinds.CHOICE, kinds.STATUS, kinds.KIM_REF, kinds.KIM_REFS)

BODIES = {
    KIM.key: ("Profil", "Visi dan misi", "Program kegiatan"),
    POTENSI.key: ("Tentang", "Cara ke sana"),
    BERITA.key: (),
}


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
        if isinstance(value, (list, tuple)):
            lines.append(f"{spec.name}:")
            lines += [f"  - {_scalar(spec, item)}" for item in value]
        else:
            lines.append(f"{spec.name}: {_scalar(spec, value)}")
    lines.append("---")
    headings = BODIES[ctype.key]
    return "\n".join(lines) + "\n" + "\n\n".join(f"## {heading}" for heading in headings) + \
        ("\n" if headings else "")

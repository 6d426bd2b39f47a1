"""Who runs the portal and how readers reach them (``content/situs.yml``).

The operator's name, address, contacts, logo, hoax-report channel and the
default author are configuration that the real operator fills in, validated
by ``schema.SITUS`` like any content file and editable in the web editor.
Nothing here has a default: a value that is not set is not shown, and no
page names an operator or author that nobody configured.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..model.schema import KONTAK, SITUS, SITUS_FILE
from . import frontmatter

# The operator's fields that let a reader reach someone, in display order.
CONTACT_FIELDS = ("telepon", *(spec.name for spec in KONTAK))
HOAX_FIELDS = tuple(spec.name for spec in SITUS.field("laporan_hoaks").fields)


@dataclass(frozen=True)
class Situs:
    pengelola: dict = field(default_factory=dict)
    laporan_hoaks: dict = field(default_factory=dict)
    penulis_bawaan: str = ""

    @property
    def nama(self):
        return self.pengelola.get("nama") or ""

    @property
    def kontak(self):
        """The operator's ways to be reached that are filled in."""
        return {name: self.pengelola[name] for name in CONTACT_FIELDS
                if self.pengelola.get(name)}

    @property
    def hoaks(self):
        """The hoax-report channels that are filled in."""
        return {name: self.laporan_hoaks[name] for name in HOAX_FIELDS
                if self.laporan_hoaks.get(name)}

    @property
    def default_author(self):
        """The author of news whose `penulis` is empty: the configured
        default author, else the operator, else nobody."""
        return self.penulis_bawaan or self.nama

    def empty_fields(self):
        """Dotted names of the fields still empty, for the editors."""
        names = []
        for spec in SITUS.fields:
            if spec.fields:
                values = getattr(self, spec.name)
                names += [f"{spec.name}.{sub.name}" for sub in spec.fields
                          if not values.get(sub.name)]
            elif not getattr(self, spec.name):
                names.append(spec.name)
        return names


def path_in(content_dir):
    return Path(content_dir) / SITUS_FILE


def read(content_dir):
    """The raw mapping of ``situs.yml`` and the line of each key (both empty
    when there is no such file). Raises ``frontmatter.FrontMatterError`` for
    a file that cannot be read."""
    path = path_in(content_dir)
    if not path.is_file():
        return {}, {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise frontmatter.FrontMatterError(
            "berkas bukan teks UTF-8. Perbaiki: simpan ulang berkas dengan pengodean "
            "UTF-8") from None
    return frontmatter.load(text.removeprefix("\ufeff"), first_line=1, what="berkas")


def from_mapping(data):
    """A ``Situs`` from a validated mapping; empty values are left out."""
    def filled(mapping):
        return {key: value for key, value in (mapping or {}).items()
                if value not in (None, "", [], {})}

    return Situs(pengelola=filled(data.get("pengelola")),
                 laporan_hoaks=filled(data.get("laporan_hoaks")),
                 penulis_bawaan=str(data.get("penulis_bawaan") or ""))


def load(content_dir):
    """The validated ``situs.yml`` of `content_dir` (validation runs first)."""
    return from_mapping(read(content_dir)[0])

"""The hub's settings file (``hub.yml``): its name and the portals it joins.

Read with the portal's YAML loader (``intake/frontmatter.py``: strict, the
line of every key), and checked the way content is: every problem at once,
each naming the file, the line and the field, with "Perbaiki:". The example
file ``hub.yml.contoh`` at the project's root shows every field.
"""

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..intake import frontmatter
from ..intake.validation import Problem, plain_slug
from ..model.messages import say

EXAMPLE_FILE = "hub.yml.contoh"
SLUG_HINT = "huruf kecil, angka dan tanda '-', misalnya kabupaten-contoh"
# The newest items on the hub's home page, unless the settings say otherwise.
NEWEST_DEFAULT = 30
NEWEST_RANGE = (1, 100)

HUB_FIELDS = {
    "nama": "nama: Portal KIM Provinsi Contoh",
    "keterangan": "keterangan: Kabar dan potensi dari KIM se-provinsi",
    "alamat": "alamat: https://kim.provinsi-contoh.go.id",
    "kabar_terbaru": f"kabar_terbaru: {NEWEST_DEFAULT}",
    "portal": "",
}
PORTAL_FIELDS = {
    "nama": "nama: Portal KIM Kabupaten Contoh",
    "alamat": "alamat: https://kim.kabupaten-contoh.go.id",
    "folder": "folder: ../portal-kabupaten-contoh/output",
    "slug": "slug: kabupaten-contoh",
}


class SettingsError(Exception):
    """The settings cannot be used; `problems` are the lines to show."""

    def __init__(self, problems):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class PortalSpec:
    name: str
    slug: str
    address: str  # the portal's public address without a trailing /, or ''
    folder: Path | None  # its built site on this machine, or None: read from `address`
    line: int  # of its entry in the settings file, for messages


@dataclass(frozen=True)
class HubSettings:
    path: Path
    shown: str  # the settings file as messages name it
    name: str
    subtitle: str
    address: str  # the hub's own public address without a trailing /, or ''
    newest: int
    portals: tuple


def web_address(value):
    """`value` without a trailing / if it is an absolute http(s) address,
    else None."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query \
            or parts.fragment:
        return None
    return value.strip().rstrip("/")


def read(path, shown=None):
    """The HubSettings of the file at `path`; SettingsError with every
    problem otherwise. `shown`: the file's name in messages."""
    path = Path(path)
    shown = shown or path.name
    if not path.is_file():
        raise SettingsError([Problem(shown, 0, "", say(
            "hub-pengaturan-tidak-ada", example=EXAMPLE_FILE, name=shown))])
    try:
        text = path.read_text(encoding="utf-8")
        data, lines = frontmatter.load(text.removeprefix("\ufeff"), first_line=1,
                                       what="berkas")
    except UnicodeDecodeError:
        raise SettingsError([Problem(shown, 0, "", "berkas bukan teks UTF-8. Perbaiki: simpan "
                                     "ulang berkas dengan pengodean UTF-8")]) from None
    except frontmatter.FrontMatterError as error:
        raise SettingsError([Problem(shown, error.line or 0, "", error.message)]) from None
    problems = []

    def problem(field, message):
        line = lines.get(field) or lines.get(field.rsplit(".", 1)[0]) or 0
        problems.append(Problem(shown, line, field, message))

    for key in data:
        if key not in HUB_FIELDS:
            problem(str(key), say("hub-kolom-tidak-dikenal", known=", ".join(HUB_FIELDS)))
    name = _text(data, "nama", HUB_FIELDS, problem, required=True)
    subtitle = _text(data, "keterangan", HUB_FIELDS, problem)
    address = _address(data, "alamat", HUB_FIELDS, problem)
    newest = _number(data, "kabar_terbaru", problem)
    portals = _portals(data.get("portal"), lines, path.parent, problem)
    if problems:
        raise SettingsError(sorted(problems))
    return HubSettings(path, shown, name, subtitle, address, newest, tuple(portals))


def _text(data, field, fields, problem, prefix="", required=False):
    value = data.get(field)
    if value is None or value == "":
        if required:
            problem(prefix + field, say("hub-kolom-wajib", example=f"'{fields[field]}'"))
        return ""
    if not isinstance(value, str) or "\n" in value.strip():
        problem(prefix + field, say("hub-bukan-teks", example=f"'{fields[field]}'"))
        return ""
    return value.strip()


def _address(data, field, fields, problem, prefix=""):
    value = data.get(field)
    if value is None or value == "":
        return ""
    address = web_address(value)
    if address is None:
        problem(prefix + field, say("hub-alamat-bukan-web", value=value,
                                    example=fields[field].split(": ", 1)[1]))
        return ""
    return address


def _number(data, field, problem):
    value = data.get(field)
    if value is None or value == "":
        return NEWEST_DEFAULT
    low, high = NEWEST_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problem(field, say("hub-angka", value=value, low=low, high=high,
                           example=NEWEST_DEFAULT))
        return NEWEST_DEFAULT
    return value


def _portals(entries, lines, base, problem):
    if not isinstance(entries, list) or not entries:
        problem("portal", say("hub-portal-bukan-daftar"))
        return []
    portals, seen = [], {}
    for number, entry in enumerate(entries, start=1):
        prefix = f"portal[{number}]."
        line = lines.get(f"portal[{number}]", 0)
        if not isinstance(entry, dict):
            problem(f"portal[{number}]", say("hub-portal-bukan-daftar"))
            continue
        for key in entry:
            if key not in PORTAL_FIELDS:
                problem(prefix + str(key), say("hub-kolom-tidak-dikenal",
                                               known=", ".join(PORTAL_FIELDS)))
        name = _text(entry, "nama", PORTAL_FIELDS, problem, prefix, required=True)
        address = _address(entry, "alamat", PORTAL_FIELDS, problem, prefix)
        folder_text = _text(entry, "folder", PORTAL_FIELDS, problem, prefix)
        slug = _text(entry, "slug", PORTAL_FIELDS, problem, prefix)
        if slug and plain_slug(slug) != slug:
            problem(prefix + "slug", say("slug-tidak-sah", value=slug, hint=SLUG_HINT))
        slug = slug or plain_slug(name)
        if not entry.get("alamat") and not entry.get("folder"):
            problem(f"portal[{number}]", say("hub-portal-tanpa-sumber"))
        if slug in seen:
            problem(prefix + ("slug" if entry.get("slug") else "nama"),
                    say("hub-portal-ganda", slug=slug, line=seen[slug]))
        seen.setdefault(slug, line)
        folder = Path(os.path.normpath(base / folder_text)) if folder_text else None
        if name and slug:
            portals.append(PortalSpec(name, slug, address, folder, line))
    return portals

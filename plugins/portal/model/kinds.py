"""Field kinds: one entry per kind of value an editor types.

Each ``Kind`` holds everything the portal knows about one kind of value:
how to check it (with the Indonesian message and fix shown by
``invoke check``, the build and the web editor), how to parse it for the
reader and the templates, how to present it on a page, and which web-editor
(Decap) widget edits it. Validation, the editor configuration, the reader,
the Jinja filters and the tests all take a kind from here, so adding a kind
is one entry in this file (plus its tests), and the schema's fields name
their kind by these constants.

Group kinds (OBJECT, OBJECTS, PRICE) hold sub-fields; validation and the
editor configuration walk those by the kind's ``shape``.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from . import formatting, region
from .messages import say

# Shapes: how a value is built from sub-fields (if at all).
SCALAR = "skalar"
GROUP = "kelompok"  # a mapping of sub-fields
GROUPS = "daftar-kelompok"  # a list of mappings
GROUP_OR_TEXT = "kelompok-atau-teks"  # a mapping, or one text


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of field value. ``check(spec, value)`` returns an Indonesian
    message (what is wrong, "Perbaiki:" how to fix it) or None; ``widget(spec)``
    returns the Decap settings of the field (widget, format, pattern, ...)."""

    name: str
    check: Callable = None
    widget: Callable = None
    shape: str = SCALAR
    # A (regex, message) the value must match: written in the syntax both
    # Python and JavaScript read, so the web editor checks the same pattern.
    pattern: tuple = ()
    # The web form's help line, where the schema's hint explains how to type
    # the value into a Markdown file instead.
    form_hint: str = ""
    # Whether the schema's example helps in the form (pickers need none).
    example_in_form: bool = False
    # Reading a checked value: for the reader and the templates.
    parse: Callable = None
    # The checked value in its one written form (a list where a list is
    # meant, a number where a number is meant); validation and the reader
    # both see this form.
    normalise: Callable = None
    # Presenting a value on a page: registered as the Jinja filter `filter`.
    format: Callable = None
    filter: str = ""

    def editor_widget(self, spec):
        """The Decap settings of a field of this kind: its own, or a text box
        with the kind's pattern."""
        if self.widget is not None:
            return self.widget(spec)
        return {"widget": "string", "pattern": list(self.pattern)}

    def __repr__(self):
        return f"Kind({self.name!r})"


# -- shared pieces -------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", re.ASCII)
SLUG_HINT = "huruf kecil, angka dan tanda hubung, misalnya 'rapat-anggota-2026'"
# A plain address, as a mailto: link takes it: letters, digits, '.', '_',
# '+' and '-' before the one '@', dot-separated names after it. No
# "mailto:", no '?' or '&' (a mailto: link would add the parts after them to
# the message: ?bcc=, ?body=), no '%', no spaces.
EMAIL_RE = re.compile(r"^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@"
                      r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$", re.ASCII)
# A web address: http:// or https:// (never javascript:, data: ...), a host
# without a user name before '@' (https://facebook.com@elsewhere.id leads
# elsewhere), then any path without spaces, quotes, '<', '>' or backslashes.
URL_RE = re.compile(r"""^https?://[^\s/$.?#@"'<>\\][^\s/?#@"'<>\\]*"""
                    r"""(?:[/?#][^\s"'<>\\]*)?$""", re.ASCII)
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$", re.ASCII)
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
# The photo formats the site publishes (intake/images.py): an SVG is a
# program as much as a picture, and is refused (intake/uploads.py).
IMAGE_RE = re.compile(r"\.(jpe?g|png|webp|gif)$", re.IGNORECASE | re.ASCII)
SPACE_RE = re.compile(r"\s", re.ASCII)
# Indonesian mobile numbers: 08xx…, +628xx… or 628xx…, 10 to 13 digits after 0.
PHONE_SEPARATORS = re.compile(r"[\s\-().]", re.ASCII)
PHONE_RE = re.compile(r"^(?:\+?62|0)(8\d{8,11})$", re.ASCII)
_SEP = r"[\s\-().]*"  # the separators PHONE_SEPARATORS removes
WHATSAPP_PATTERN = rf"^{_SEP}(?:(?:\+{_SEP})?6{_SEP}2|0){_SEP}8(?:{_SEP}\d){{8,11}}{_SEP}$"
MONTH_OR_DATE_PATTERN = r"^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$"

# Date formats of the web editor's pickers (dayjs tokens): the strings
# validation reads.
DATE_FORMAT = "YYYY-MM-DD"
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
# How each date kind is written, as its message says (keyed by kind name).
DATE_FORMS = {
    "tanggal": "YYYY-MM-DD, misalnya 2018-09-20",
    "tanggal-waktu": "YYYY-MM-DD atau YYYY-MM-DD JJ:MM, misalnya 2018-09-20 09:30",
    "bulan-atau-tanggal": "YYYY-MM-DD, atau YYYY-MM bila tanggalnya tidak diketahui",
}
STATUS_LABELS = {"published": "terbit", "draft": "draf (belum terbit)"}
# Text fields shown as a multi-line box rather than one line.
LONG_TEXT_FIELDS = frozenset({"ringkasan", "summary"})


# Characters no text field may hold, in three groups; each pattern below is
# written with escapes only, so that admin/aturan.json carries it as it is to
# the web editor (which reads it with the `u` flag: a lone surrogate then is
# one character, not half of an emoji).
#
# Characters an editor cannot see, often pasted from a word processor or a
# chat: zero-width spaces and joiners, direction marks, embeddings,
# overrides and isolates (which also reorder what is shown), the word joiner
# and its invisible kin, the byte-order mark and the soft hyphen.
_INVISIBLE = r"\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad"
# The no-break spaces: fine in a text, wrong in a value that must match
# exactly (a slug, a choice, an address).
_NBSP = r"\u00a0\u202f"
# Control characters: C0 but tab and line feed, DEL and C1, and what no text
# file can carry (lone surrogates, U+FFFE and U+FFFF). YAML refuses most of
# them written raw but writes them from escapes in double quotes ("\e",
# "\x01", "\ud800"); the Atom feeds cannot hold them (XML 1.0: the build
# stopped with an English traceback), the calendars and pages would carry
# them raw. The carriage return apart: a body's lines may end in "\r\n".
_CONTROL_BUT_CR = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_CONTROL = _CONTROL_BUT_CR + r"\r"
# Tab and line feed: part of a text only where it has several lines.
_LINE = r"\t\n"
CONTROL = re.compile(f"[{_CONTROL}]")
CONTROL_IN_BODY = re.compile(f"[{_CONTROL_BUT_CR}]")  # intake/validation.py
LINE_BREAK = re.compile(f"[{_LINE}]")
# What each kind of value refuses (refused_characters picks one): a text of
# several lines (a summary, shown in a multi-line box: YAML's block scalars
# `|` and `>` and the box write line breaks, and a tab is harmless there), a
# text of one line, and a value that must match exactly.
INVISIBLE_IN_LINES = re.compile(f"[{_INVISIBLE}{_CONTROL}]")
INVISIBLE = re.compile(f"[{_INVISIBLE}{_CONTROL}{_LINE}]")
INVISIBLE_OR_NBSP = re.compile(f"[{_INVISIBLE}{_NBSP}{_CONTROL}{_LINE}]")


def shown(value, limit=60):
    """A value as messages quote it: cut short, so a message stays one line."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def invisible_character(text, pattern=INVISIBLE_OR_NBSP):
    """A message naming the first character of `text` that `pattern` refuses
    and its position: a line break or tab in a one-line value, a control
    character, or an invisible character; or None."""
    match = pattern.search(str(text))
    if not match:
        return None
    char = match.group()
    key = ("baris-tunggal" if LINE_BREAK.match(char) else
           "karakter-kendali" if CONTROL.match(char) else "tak-terlihat")
    return say(key, code=f"{ord(char):04X}", position=match.start() + 1)


def refused_characters(spec):
    """The characters a one-value field refuses: a text keeps its no-break
    spaces, and only a text of several lines (a summary: the fields with a
    multi-line box, LONG_TEXT_FIELDS) its line breaks and tabs."""
    if spec.kind is TEXT:
        return INVISIBLE_IN_LINES if spec.name in LONG_TEXT_FIELDS else INVISIBLE
    if spec.kind is PRICE:  # a price written as text: 'mulai Rp10.000'
        return INVISIBLE
    return INVISIBLE_OR_NBSP


def _one_value(spec, value):
    """Kinds that hold one text: not a list, a mapping or true/false, and
    no invisible or control character."""
    if isinstance(value, (list, dict)):
        return say("satu-nilai", label=spec.label, name=spec.name)
    if isinstance(value, bool):
        return say("bukan-ya-tidak", label=spec.label)
    return invisible_character(value, refused_characters(spec))


def _single(test):
    """A check for a one-text kind: the shared test first, then `test`."""
    def check(spec, value):
        return _one_value(spec, value) or test(spec, value)
    return check


def _matching(regex, key, **values):
    """A test: `value` matches `regex`, or the message `key`."""
    def test(spec, value):
        return None if regex.match(str(value)) else say(key, value=shown(value), **values)
    return test


def whatsapp_number(value):
    """The number in the form wa.me expects (62…), or None."""
    match = PHONE_RE.match(PHONE_SEPARATORS.sub("", str(value)))
    return f"62{match.group(1)}" if match else None


def parse_datetime(text):
    """A checked DATE/DATETIME string as a naive datetime."""
    match = DATETIME_RE.match(str(text))
    year, month, day, hour, minute = match.groups()
    return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))


def has_time(text):
    """Whether a checked DATETIME string gives a time of day."""
    return " " in str(text).strip() or "T" in str(text)


def parse_month_or_date(text):
    """A checked MONTH_OR_DATE string as (date, has_day)."""
    text = str(text)
    month = MONTH_RE.match(text)
    if month:
        return date(int(month.group(1)), int(month.group(2)), 1), False
    return parse_datetime(text).date(), True


def _check_date(text, pattern, form):
    match = pattern.match(text)
    if not match:
        return say("tanggal-bentuk", value=shown(text), form=form)
    year, month, day = (int(part) for part in match.groups()[:3])
    if not region.FIRST_YEAR <= year <= region.last_year():
        return _year_message(year)
    if not 1 <= month <= 12:
        return say("tanggal-bulan", month=f"{month:02d}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return say("tanggal-hari", day=day, month=f"{month:02d}", year=year, last=last)
    if len(match.groups()) > 3 and match.group(4) is not None:
        hour, minute = int(match.group(4)), int(match.group(5))
        if hour > 23 or minute > 59:
            return say("tanggal-jam", hour=f"{hour:02d}", minute=f"{minute:02d}")
    return None


def _year_message(year):
    return say("tanggal-tahun", year=year, first=region.FIRST_YEAR, last=region.last_year())


def _list_items(spec, value, split_commas=True):
    items = value if isinstance(value, list) else [value]
    if isinstance(value, str) and split_commas and "," in value:
        items = [part.strip() for part in value.split(",")]
    return items


def _as_list(value):
    """'informasi desa, potensi lokal' written on one line means a list of
    two, as validation reads it."""
    return _list_items(None, value) if not isinstance(value, list) else value


def _list_check(item_test, split_commas=True):
    """A check for list kinds: every item a text, none twice, each passing
    `item_test(spec, item)`."""
    def check(spec, value):
        items = _list_items(spec, value, split_commas)
        for item in items:
            if not isinstance(item, (str, int)) or isinstance(item, bool) or str(item) == "":
                return say("daftar-bukan-teks", label=spec.label)
            message = invisible_character(item) or item_test(spec, item)
            if message:
                return message
        if len(set(map(str, items))) != len(items):
            return say("daftar-ganda")
        return None
    return check


def _options(spec):
    if spec.kind is STATUS:
        return [{"label": STATUS_LABELS.get(value, value), "value": value}
                for value in spec.choices]
    return list(spec.choices)


def _choice_test(spec, value):
    if value not in spec.choices:
        return say("pilihan-tidak-dikenal", value=shown(value), choices=", ".join(spec.choices))
    return None


def _number(value):
    """A coordinate as written: a number, or a number in quotes ("-2.7398",
    exactly the example with quotes around it)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def _coordinate(limit, plausible, name):
    low, high = plausible

    def check(spec, value):
        number = _number(value)
        if number is None:
            return say("koordinat-bukan-angka", value=shown(value))
        if not -limit <= number <= limit:
            return say("koordinat-rentang", value=value, limit=limit)
        if not low <= number <= high:
            return say("koordinat-wilayah", value=value, region=region.REGION_NAME, name=name,
                       low=low, high=high)
        return None

    def widget(spec):
        return {"widget": "number", "value_type": "float", "min": -limit, "max": limit,
                "step": 0.000001}
    return check, widget


# -- presenting values ----------------------------------------------------------

def tanggal_bebas(value):
    """A checked YYYY-MM or YYYY-MM-DD string, at the precision it has."""
    day, has_day = parse_month_or_date(value)
    return formatting.tanggal_singkat(day) if has_day else formatting.bulan_tahun(day)


def harga(value):
    """A potensi's price: a mapping {nilai, satuan} or free text."""
    if isinstance(value, dict):
        text = formatting.rupiah(value["nilai"])
        if value.get("satuan"):
            text += f" per {value['satuan']}"
        return text
    return str(value)


def wa_link(number, message=""):
    """A wa.me link with an optional prefilled message, or '' if invalid."""
    normalised = whatsapp_number(number) if number else None
    if not normalised:
        return ""
    link = f"https://wa.me/{normalised}"
    if message:
        link += "?text=" + quote(message, safe="")
    return link


# -- the kinds --------------------------------------------------------------------

def _text_check(spec, value):
    text = str(value)
    if spec.max_length and len(text) > spec.max_length:
        return say("teks-panjang", length=len(text), limit=spec.max_length)
    for prefix in spec.not_starting_with:
        if text.lower().startswith(prefix.lower() + " "):
            return say("teks-awalan", value=shown(text), prefix=text[:len(prefix)],
                       rest=shown(text[len(prefix):].strip()))
    return None


def _text_widget(spec):
    config = {"widget": "text" if spec.name in LONG_TEXT_FIELDS else "string"}
    if spec.max_length:
        config["pattern"] = [rf"^[\s\S]{{0,{spec.max_length}}}$",
                             f"paling banyak {spec.max_length} karakter"]
    return config


TEXT = Kind("teks", check=_single(_text_check), widget=_text_widget, example_in_form=True)

SLUG = Kind("slug", check=_single(_matching(SLUG_RE, "slug-tidak-sah", hint=SLUG_HINT)),
            pattern=(SLUG_RE.pattern, f"pakai {SLUG_HINT}"), example_in_form=True)

DATE = Kind(
    "tanggal",  # YYYY-MM-DD
    check=lambda spec, value: invisible_character(value) or _check_date(
        str(value), DATE_RE, DATE_FORMS["tanggal"]),
    widget=lambda spec: {"widget": "datetime", "format": DATE_FORMAT,
                         "date_format": DATE_FORMAT, "time_format": False,
                         "picker_utc": False},
    parse=lambda text: parse_datetime(text).date(), format=tanggal_bebas)

DATETIME = Kind(
    "tanggal-waktu",  # YYYY-MM-DD or YYYY-MM-DD HH:MM, WIB
    check=lambda spec, value: invisible_character(value) or _check_date(
        str(value), DATETIME_RE, DATE_FORMS["tanggal-waktu"]),
    widget=lambda spec: {"widget": "datetime", "format": DATETIME_FORMAT,
                         "date_format": DATE_FORMAT, "time_format": "HH:mm",
                         "picker_utc": False},
    form_hint="Tanggal dan jam dalam WIB.", parse=parse_datetime)


def _month_or_date_check(spec, value):
    text = str(value)
    refused = invisible_character(text)
    if refused:
        return refused
    month = MONTH_RE.match(text)
    if month:
        if not region.FIRST_YEAR <= int(month.group(1)) <= region.last_year():
            return _year_message(int(month.group(1)))
        if not 1 <= int(month.group(2)) <= 12:
            return say("tanggal-bulan", month=month.group(2))
        return None
    return _check_date(text, DATE_RE, DATE_FORMS["bulan-atau-tanggal"])


MONTH_OR_DATE = Kind(
    "bulan-atau-tanggal",  # YYYY-MM or YYYY-MM-DD
    check=_month_or_date_check,
    pattern=(MONTH_OR_DATE_PATTERN,
             "tulis YYYY-MM-DD, atau YYYY-MM bila tanggalnya tidak diketahui"),
    example_in_form=True, parse=parse_month_or_date, format=tanggal_bebas,
    filter="tanggal_bebas")


def _integer_check(spec, value):
    if isinstance(value, float):
        # 10.000 (ten thousand, Indonesian style) is read as the decimal 10.0.
        return say("bilangan-bertitik", value=value)
    if isinstance(value, bool) or not isinstance(value, int):
        return say("bilangan-bukan", value=shown(value))
    if spec.minimum is not None and value < spec.minimum:
        return say("bilangan-minimum", minimum=spec.minimum)
    return None


def _integer_widget(spec):
    config = {"widget": "number", "value_type": "int", "step": 1}
    if spec.minimum is not None:
        config["min"] = spec.minimum
    return config


INTEGER = Kind("bilangan-bulat", check=_integer_check, widget=_integer_widget,
               format=formatting.angka)

BOOLEAN = Kind(
    "ya-tidak",
    check=lambda spec, value: None if isinstance(value, bool) else
    say("ya-tidak-bukan", value=value),
    widget=lambda spec: {"widget": "boolean"})

CHOICE = Kind("pilihan", check=_single(_choice_test),
              widget=lambda spec: {"widget": "select", "options": _options(spec)})
STATUS = Kind("status", check=_single(_choice_test),
              widget=lambda spec: {"widget": "select", "options": _options(spec)})


def _choices_item(spec, item):
    if item not in spec.choices:
        return say("pilihan-daftar-tidak-dikenal", value=shown(item),
                   choices=", ".join(spec.choices))
    return None


CHOICES = Kind("daftar-pilihan", check=_list_check(_choices_item), normalise=_as_list,
               widget=lambda spec: {"widget": "select", "multiple": True,
                                    "options": _options(spec)})

TEXTS = Kind(
    "daftar-teks", check=_list_check(lambda spec, item: None), normalise=_as_list,
    # One box per item: Decap's comma-separated list box keeps an empty item
    # after a trailing comma.
    widget=lambda spec: {"widget": "list", "collapsed": False, "field": {
        "name": "isian", "label": spec.label[0].upper() + spec.label[1:], "widget": "string"}},
    form_hint="Tambahkan satu isian untuk setiap nilai.", example_in_form=True)


def _kim_widget(multiple):
    def widget(spec):
        config = {"widget": "relation", "collection": "kim", "value_field": "slug",
                  "search_fields": ["title"], "display_fields": ["title"]}
        if multiple:
            config["multiple"] = True
        return config
    return widget


KIM_REF = Kind("rujukan-kim", check=_single(_matching(SLUG_RE, "kim-bukan-slug")),
               widget=_kim_widget(False),
               form_hint="Pilih KIM dari daftar; ketik sebagian namanya untuk mencari.")


def _kim_item(spec, item):
    if isinstance(item, str) and "," in item:
        return say("kim-satu-baris")
    if not SLUG_RE.match(str(item)):
        return say("kim-bukan-slug", value=shown(item))
    return None


KIM_REFS = Kind("daftar-rujukan-kim", check=_list_check(_kim_item, split_commas=False),
                normalise=lambda value: value if isinstance(value, list) else [value],
                widget=_kim_widget(True),
                form_hint="Pilih satu KIM atau lebih dari daftar; ketik sebagian namanya "
                          "untuk mencari.")


def _image_check(spec, value):
    if not isinstance(value, str):
        return say("gambar-bukan-jalur", label=spec.label)
    # The characters first: a control character at the end would otherwise
    # be quoted raw as "not an image".
    refused = invisible_character(value)
    if refused:
        return refused
    if not IMAGE_RE.search(value):
        return say("gambar-bukan-gambar", value=shown(value))
    if SPACE_RE.search(value):
        return say("gambar-spasi", value=shown(value))
    return None


IMAGE = Kind("gambar", check=_image_check,
             widget=lambda spec: {"widget": "image", "choose_url": False},
             form_hint="Pilih foto yang sudah ada atau unggah foto baru (.jpg, .png, .webp "
                       "atau .gif).")

# Documents a KIM or the operator publishes: PDF, which every phone opens
# and which the build can tell by its bytes (intake/uploads.py).
DOCUMENT_SUFFIXES = ("pdf",)
DOCUMENT_RE = re.compile(r"\.(" + "|".join(DOCUMENT_SUFFIXES) + r")$", re.IGNORECASE | re.ASCII)


def _document_check(spec, value):
    if not isinstance(value, str):
        return say("dokumen-bukan-jalur", label=spec.label)
    refused = invisible_character(value)  # first, as for an image
    if refused:
        return refused
    if not DOCUMENT_RE.search(value):
        return say("dokumen-jenis-berkas", value=shown(value),
                   allowed=", ".join(f".{suffix}" for suffix in DOCUMENT_SUFFIXES))
    if SPACE_RE.search(value):
        return say("dokumen-spasi", value=shown(value))
    return None


DOCUMENT = Kind("berkas", check=_document_check,
                widget=lambda spec: {"widget": "file", "choose_url": False,
                                     "media_folder": "/content/berkas",
                                     "public_folder": "berkas"},
                form_hint="Pilih berkas yang sudah ada atau unggah berkas PDF baru; "
                          "dokumen Word atau Excel disimpan dulu sebagai PDF.")

def _url_test(spec, value):
    """An http(s) address; one that starts as one but holds what a link
    cannot (a space, a quote, a user name before '@') is told so."""
    text = str(value)
    if URL_RE.match(text):
        return None
    key = "url-tidak-polos" if text.startswith(("http://", "https://")) else "url-bukan"
    return say(key, value=shown(value))


URL = Kind("url", check=_single(_url_test),
           pattern=(URL_RE.pattern, "tulis alamat lengkap diawali https://"),
           example_in_form=True)

# A YouTube video: its 11-character id, or an address YouTube gives for it
# (watch?v=, youtu.be/, shorts/, embed/, live/), with or without more
# parameters. The id is what the page plays.
YOUTUBE_RE = re.compile(
    r"^(?:https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^#\s]*&)?v=|shorts/|embed/|"
    r"live/)|youtu\.be/))?([A-Za-z0-9_-]{11})(?:[?&#][^\s]*)?$", re.ASCII)


def youtube_id(value):
    """The video id of a checked YOUTUBE value."""
    return YOUTUBE_RE.match(str(value).strip()).group(1)


YOUTUBE = Kind("youtube", check=_single(_matching(YOUTUBE_RE, "youtube-bukan")),
               pattern=(YOUTUBE_RE.pattern, "salin alamat video dari YouTube"),
               example_in_form=True, parse=youtube_id)

EMAIL = Kind("email", check=_single(_matching(EMAIL_RE, "email-bukan")),
             pattern=(EMAIL_RE.pattern, "tulis seperti nama@contoh.id"), example_in_form=True)


def _whatsapp_test(spec, value):
    if whatsapp_number(value) is None:
        return say("whatsapp-bukan", value=value)
    return None


WHATSAPP = Kind("whatsapp", check=_single(_whatsapp_test),
                pattern=(WHATSAPP_PATTERN,
                         "tulis nomor ponsel diawali 08 atau +62, misalnya 0812-3456-7890"),
                example_in_form=True, parse=whatsapp_number, format=wa_link, filter="wa_link")

TELEPHONE_RE = re.compile(r"^\+?[\d\s\-().]{6,20}$", re.ASCII)


def _telephone_test(spec, value):
    digits = sum(ch.isdigit() for ch in str(value))
    if not TELEPHONE_RE.match(str(value)) or not 6 <= digits <= 15:
        return say("telepon-bukan", value=value)
    return None


def tel_link(number):
    """A tel: link: the digits (and a leading +) of a telephone number."""
    text = str(number).strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    return f"tel:{'+' if text.startswith('+') else ''}{digits}"


TELEPHONE = Kind("telepon", check=_single(_telephone_test),
                 pattern=(TELEPHONE_RE.pattern, "tulis nomor dengan kode wilayah, misalnya "
                                                "(0532) 21000"),
                 example_in_form=True, format=tel_link, filter="tel_link")

_lat_check, _lat_widget = _coordinate(90, region.LATITUDE_RANGE, "lintang")
_lon_check, _lon_widget = _coordinate(180, region.LONGITUDE_RANGE, "bujur")
LATITUDE = Kind("lintang", check=_lat_check, widget=_lat_widget, normalise=_number)
LONGITUDE = Kind("bujur", check=_lon_check, widget=_lon_widget, normalise=_number)


def _price_text_check(spec, value):
    """A price that is not a mapping: a text such as 'mulai Rp10.000'."""
    if isinstance(value, str):
        return invisible_character(value, refused_characters(spec))
    if isinstance(value, int) and not isinstance(value, bool):
        return say("harga-tanpa-satuan")
    return say("harga-tidak-dikenali")


PRICE = Kind("harga", check=_price_text_check, shape=GROUP_OR_TEXT,
             widget=lambda spec: {"widget": "object"},
             form_hint="Isi nilai (angka saja, tanpa titik) dan satuannya. Harga berupa teks, "
                       "misalnya 'mulai Rp10.000', hanya dapat ditulis di berkas Markdown; bila "
                       "harga potensi ini sudah berupa teks, jangan buka kolom ini di editor "
                       "web.",
             format=harga, filter="harga")
OBJECT = Kind("objek", shape=GROUP, widget=lambda spec: {"widget": "object"})
# One item written without "- " is a list of one (a mapping stays a mapping).
OBJECTS = Kind("daftar-objek", shape=GROUPS, widget=lambda spec: {"widget": "list",
                                                                   "collapsed": False},
               normalise=lambda value: [value] if isinstance(value, dict) else value)

ALL = (TEXT, SLUG, DATE, DATETIME, MONTH_OR_DATE, INTEGER, BOOLEAN, CHOICE, STATUS, CHOICES,
       TEXTS, KIM_REF, KIM_REFS, IMAGE, DOCUMENT, URL, YOUTUBE, EMAIL, WHATSAPP, TELEPHONE,
       LATITUDE, LONGITUDE, PRICE, OBJECT, OBJECTS)

# The kinds' presentations, as Jinja filters.
FILTERS = {kind.filter: kind.format for kind in ALL if kind.filter}

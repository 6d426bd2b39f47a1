"""Jinja filters that present dates, numbers and links the Indonesian way
(the presentations of particular field kinds are in kinds.py).

The ``id_ID`` system locale is not installed on every machine, so dates and
numbers are formatted with Babel's CLDR data instead of ``strftime``.
"""

from datetime import date, datetime
from functools import lru_cache
from urllib.parse import quote

from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from markupsafe import Markup

LOCALE = "id"


# A large site shows the same few thousand days on many pages (listings,
# "Baca juga"); Babel's pattern formatting is the costly part of a date.
@lru_cache(maxsize=65536)
def _date_text(day, pattern):
    return format_date(day, pattern, locale=LOCALE)


def tanggal(value):
    """'Kamis, 20 September 2018' (the default 'full' pattern pads the day)."""
    return _date_text(_as_date(value), "EEEE, d MMMM y")


def tanggal_singkat(value):
    """'20 September 2018'."""
    return _date_text(_as_date(value), "d MMMM y")


def bulan_tahun(value):
    """'September 2018' from a date or a (year, month) tuple."""
    if isinstance(value, (tuple, list)):
        value = date(int(value[0]), int(value[1]), 1)
    return _date_text(_as_date(value), "LLLL y")


def waktu(value):
    """'09.30 WIB' (Kotawaringin Barat is on Western Indonesia Time)."""
    return format_time(value, "HH.mm", locale=LOCALE) + " WIB"


def angka(value):
    """'1.234.567' with Indonesian grouping."""
    return format_decimal(value, locale=LOCALE)


def rupiah(value):
    """'Rp10.000' — Indonesian style writes no space after Rp."""
    return "Rp" + format_decimal(value, locale=LOCALE)


def wa_share(url, text=""):
    """A WhatsApp share link for a page (no number: the reader picks a chat)."""
    message = f"{text} {url}".strip()
    return "https://wa.me/?text=" + quote(message, safe="")


def urlencode_component(value):
    return quote(str(value), safe="")


def plain_text(html):
    """Text of a typogrified title for data outside HTML (JSON-LD, GeoJSON,
    feed titles): tags stripped, and typogrify's no-break spaces made plain."""
    return Markup(str(html)).striptags().replace("\xa0", " ")


def isoformat(value):
    return value.isoformat()


def _as_date(value):
    if isinstance(value, datetime):
        return value.date()
    return value


FILTERS = {
    "tanggal": tanggal,
    "tanggal_singkat": tanggal_singkat,
    "bulan_tahun": bulan_tahun,
    "waktu": waktu,
    "angka": angka,
    "rupiah": rupiah,
    "wa_share": wa_share,
    "urlencode_component": urlencode_component,
    "isoformat": isoformat,
}

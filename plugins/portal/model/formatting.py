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


def bulan_singkat(value):
    """'Sep': the month of a calendar tile."""
    return _date_text(_as_date(value), "LLL")


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


TILE_COLOURS = 8  # media--warna-0 ... -7 in theme/css/33-cards.css
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def warna(name):
    """One of the tile colours for `name`, always the same for the same
    name: items without a photo do not all look alike, and a KIM keeps its
    colour on every page (a small string hash; Python's own is salted)."""
    value = 7
    for char in str(name).lower():
        value = (value * 31 + _LETTERS.find(char) + 2) % 65521
    return value % TILE_COLOURS


def inisial(name):
    """The initials of a name for a monogram: the first letter of its first
    two capitalised words or numbers, leaving out a leading "KIM" (every KIM
    is named so): "KIM Agrowisata dan Taman Kelinci" -> "AT"."""
    words = str(name).split()
    if len(words) > 1 and words[0] == "KIM":
        words = words[1:]
    letters = "".join(word[0] for word in words if word[0].isupper() or word[0].isdigit())
    return letters[:2] or str(name)[:1].upper()


def lentur(title):
    """A title (HTML, as typogrify made it) for a narrow box, a card or a
    poster: without the no-break space typogrify puts between its last two
    words, so that it wraps between any two words, not only inside one."""
    return Markup(str(title).replace("&nbsp;", " "))


def _as_date(value):
    if isinstance(value, datetime):
        return value.date()
    return value


FILTERS = {
    "tanggal": tanggal,
    "tanggal_singkat": tanggal_singkat,
    "bulan_tahun": bulan_tahun,
    "bulan_singkat": bulan_singkat,
    "waktu": waktu,
    "angka": angka,
    "rupiah": rupiah,
    "wa_share": wa_share,
    "urlencode_component": urlencode_component,
    "isoformat": isoformat,
    "warna": warna,
    "inisial": inisial,
    "lentur": lentur,
}

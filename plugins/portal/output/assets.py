"""The theme's stylesheets, bundled at build time.

The CSS is written as one small file per concern in ``theme/css/`` (tokens
first, then base, layout and one file per component). Readers on weak
signal get the first render from the HTML and the stylesheets it links,
together at most 14 KB compressed (quality/budgets.py), so a page loads only
what pages of its kind use:

- the **base** sheet, on every page: every file that no page sheet below
  names (tokens, base, layout, and the components most pages show: cards,
  teasers, buttons, pagination, sharing ...);
- at most one **page sheet** (``PAGE_SHEETS``), named by the template before
  it extends base.html (``{% set sheet = "kim" %}``): the components only
  pages of its kind show (the map, the search page, the poster, charts ...).

Each sheet is its files concatenated in name order, without comments and
spare whitespace, in a file named with a hash of its content: it can be
cached forever and its name changes when it does.

Why a shared base and one small sheet per kind of page rather than one
complete sheet per kind: measured on this theme, one complete sheet is
about 0.4 KB smaller for the first page a reader opens (one compressed
stream instead of two), but every further kind of page would download the
shared rules again (about 3.5 KB each time); with a base sheet it costs
only its own small sheet (0.1 to 1 KB). Both fit the budget.

A page sheet comes after the base sheet, so its rules win over base rules
of the same specificity, in print too: a component in a page sheet keeps its
own print rules (``@media print``) in its own file, not in 90-print.css.
tests/test_budgets_maximal.py checks in Chromium that every page type looks
the same with its sheets as with all the theme's CSS at once.
"""

import hashlib
import re
from pathlib import Path

BASE = "base"
# Page sheet -> the files (their names without the number and .css) only
# pages of that kind use. A file named here is in no other sheet.
PAGE_SHEETS = {
    "beranda": ("beranda",),
    "artikel": ("neighbours", "figure", "klaim"),
    "kim": ("figure", "location", "chart", "map", "rapor"),
    "potensi": ("neighbours", "figure", "location", "map"),
    "acara": ("location",),
    "cari": ("search",),
    "peta": ("map",),
    "poster": ("poster",),
    "statistik": ("chart",),
    "rapor": ("chart", "rapor"),
    "video": ("video",),
    "galeri": ("galeri",),
    "dokumen": ("dokumen",),
    "ringkasan": ("ringkasan",),
}

# Strings (kept as they are) and comments (dropped).
_STRING = r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')"""
_STRING_OR_COMMENT = re.compile(_STRING + r"|/\*.*?\*/", re.S)
# Around these, whitespace never matters (":" does: "a :hover" is not "a:hover").
_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")


def minify(css):
    """`css` without comments and whitespace that changes nothing."""
    # A comment still separates what is around it: it becomes a space.
    css = _STRING_OR_COMMENT.sub(lambda match: match.group(1) or " ", css)
    # re.split with a group: code at even indices, strings at odd ones.
    parts = re.split(_STRING, css, flags=re.S)
    return "".join(_squeeze(part) if index % 2 == 0 else part
                   for index, part in enumerate(parts)).strip()


def _squeeze(code):
    code = _PUNCTUATION.sub(r"\1", re.sub(r"\s+", " ", code))
    return code.replace(";}", "}")


def _short_name(path):
    """'45-map.css' -> 'map'."""
    return path.stem.split("-", 1)[-1]


def sheets(css_dir):
    """``{sheet: [paths]}``: the base sheet and each page sheet, in name order."""
    files = sorted(Path(css_dir).glob("*.css"))
    names = {_short_name(path): path for path in files}
    claimed = {name for members in PAGE_SHEETS.values() for name in members}
    unknown = claimed - names.keys()
    if unknown:
        raise ValueError(f"PAGE_SHEETS names CSS files that do not exist: {sorted(unknown)}")
    found = {BASE: [path for path in files if _short_name(path) not in claimed]}
    for sheet, members in PAGE_SHEETS.items():
        found[sheet] = [path for path in files if _short_name(path) in members]
    return found


def bundle(css_dir):
    """``{sheet: (filename, text)}`` for the base sheet and every page sheet."""
    bundled = {}
    for sheet, paths in sheets(css_dir).items():
        text = "\n".join(minify(path.read_text(encoding="utf-8")) for path in paths) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        stem = "portal" if sheet == BASE else f"portal-{sheet}"
        bundled[sheet] = (f"{stem}.{digest}.css", text)
    return bundled

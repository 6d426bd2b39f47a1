"""Words the theme never shows readers: the editors' vocabulary (a field
name as code, "belum diisi", "(kolom ...)") and day counts that make a KIM
look abandoned ("2.736 hari lalu"). What a profile lacks is a reminder for
the editors (`invoke check`, portal/domain/reminders.py), never a line on a
page; the Rapor says what a KIM did and when, not how long ago.

Only the theme's words are read: the editor's own text (elements marked
data-editor-text: bodies, captions, sources) is theirs to write, and a
draft's notice (shown by the development build only, noindex) is for the
editor who previews it. Titles and summaries are the editors' too, but not
marked; the check runs on the tests' fixtures, whose titles say none of
this, and is no gate of a build: an editor's title must never stop one.
"""

import re

from .budgets import EDITOR_TEXT
from .pages import html_pages

# (rule, pattern over the page's visible words, what it is)
WORDS = (
    ("pengingat-editor", re.compile(r"\bbelum diisi\b", re.IGNORECASE),
     "pengingat untuk editor ('belum diisi')"),
    ("nama-kolom", re.compile(r"\(kolom\b|`", re.IGNORECASE),
     "nama kolom konten ('(kolom ...)' atau tanda `)"),
    ("hitungan-hari", re.compile(r"\b\d[\d.]*\s+hari\s+(yang\s+)?lalu\b", re.IGNORECASE),
     "hitungan hari sejak unggahan ('... hari lalu')"),
)


def theme_text(tree):
    """The visible words of a page's body without the editor's own text,
    and the code elements among them."""
    body = tree.clone().body
    if body is None:
        return "", []
    for node in body.css(f"{EDITOR_TEXT}, script, style, template"):
        node.decompose()
    return " ".join(body.text(separator=" ").split()), [
        " ".join(node.text().split()) for node in body.css("code")]


def is_draft(tree):
    robots = tree.css_first('meta[name="robots"]')
    return robots is not None and "noindex" in (robots.attributes.get("content") or "")


# The page on the data feeds (/feeds/) documents their fields for the
# developers who read them: field names are what it is for.
FOR_DEVELOPERS = ("feeds/",)


def check_reader_text(output_dir):
    """Problem lines (page: [rule] what it shows) for every reader page of
    the built site that shows readers what is for editors."""
    problems = []
    for name, tree, _ in html_pages(output_dir):
        if is_draft(tree) or name.startswith(FOR_DEVELOPERS):
            continue
        text, codes = theme_text(tree)
        for code in codes:
            problems.append(f"{name}: [kode] kode di halaman pembaca: {code!r}")
        for rule, pattern, what in WORDS:
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - 40):match.end() + 40]
                problems.append(f"{name}: [{rule}] {what}: …{around}…")
    return problems

"""Raw HTML in Markdown is passed through an allowlist (Ammonia, via nh3).

Editors may write a little HTML (a table, <abbr>, <sup>); anything that
could run code or load from another site is removed. Validation already
rejects the dangerous cases with a message for the editor (see
``DANGEROUS_HTML``); this is the last line of defence for everything else.
"""

import re

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "ul",
}
ATTRIBUTES = {
    "*": {"id", "class", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Patterns validation reports to the editor, with the Indonesian name of
# the problem. Checked on the Markdown source.
# `javascript:` as browsers read it: letters may be split by spaces or
# tabs, and the colon written as an entity (&colon; &#58; &#x3a;).
_JAVASCRIPT = r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*(?::|&colon;|&#0*58;?|&#x0*3a;?)"
DANGEROUS_HTML = (
    (re.compile(r"<\s*script(?=[\s>/])", re.I | re.ASCII), "tag <script>"),
    (re.compile(r"<\s*(iframe|frame|object|embed)(?=[\s>/])", re.I | re.ASCII),
     "sisipan <iframe>/<object>/<embed>"),
    (re.compile(r"<\s*style(?=[\s>/])", re.I | re.ASCII), "tag <style>"),
    (re.compile(r"<\s*form(?=[\s>/])", re.I | re.ASCII), "formulir <form>"),
    # <img/src=x/onerror=...>: a slash separates attributes as well as a space.
    (re.compile(r"<[^>]+[\s/]on[a-z]+\s*=", re.I | re.ASCII),
     "atribut peristiwa seperti onclick= atau onerror="),
    # Markdown's attribute lists: {: onclick="..." }
    (re.compile(r"\{:?[^}\n]*\bon[a-z]+\s*=", re.I | re.ASCII),
     "atribut peristiwa seperti onclick= atau onerror="),
    # Inline links, reference definitions ([x]: javascript:...), attributes.
    (re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|(?:href|src)\s*=\s*[\"']?)\s*"
                + _JAVASCRIPT, re.I | re.M | re.ASCII), "tautan javascript:"),
    (re.compile(r"<[^>]+\sstyle\s*=", re.I | re.ASCII), "atribut style="),
)


def clean(html):
    """Return `html` with everything outside the allowlist removed.

    Every link gets rel="noopener": a page opened from the portal must not
    be able to reach back into it."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener")

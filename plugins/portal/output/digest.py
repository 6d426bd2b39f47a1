"""The weekly digests' pages (domain/digest.py says what is in each), each
with its message for WhatsApp.

The message is plain text in WhatsApp's own marks (*tebal*, _miring_): a
heading, one line per item with its absolute address, and the portal's name
and address at the end. It stays under MESSAGE_LIMIT characters, counted as
a phone counts them (UTF-16 units: an emoji counts two): a long week keeps
the first items of each section, the longest section giving way first, and
links to its page for the rest. The text of an item (a title, a desa) never
brings marks of its own: *, _, ~ and ` are taken out, so the message's marks
always pair up, and every kind of space is a plain one (no no-break space,
which would travel in the link as %C2%A0).

The page shows the message in a read-only text field (selected and copied
without script; theme/static/js/salin.js adds a copy button) and links
to wa.me with it ("Kirim ke WhatsApp").
"""

import re
from dataclasses import dataclass

from pelican.generators import Generator

from ..model import formatting
from ..model.formatting import plain_text

# WhatsApp takes longer messages, but groups and channels read short ones;
# the issue asks for under 2,000 characters.
MESSAGE_LIMIT = 2000
# Items of each section the message starts from, before the length decides.
MESSAGE_ITEMS = {"berita": 8, "cek_fakta": 4, "acara": 5, "potensi": 5}
SECTIONS = (("berita", "Berita"), ("cek_fakta", "Cek fakta"), ("acara", "Agenda"),
            ("potensi", "Potensi baru"))
# A title longer than this is cut (titles may be long; a line should not be).
TITLE_LIMIT = 120
_MARKS = str.maketrans({"*": None, "_": " ", "~": None, "`": None})
_TAG = re.compile(r"<[a-zA-Z/!?][^>]*>")
# A "<" left that could start a tag with a ">" of a later line.
_TAG_START = re.compile(r"<(?=[a-zA-Z/!?])")
# An address an editor wrote in a title ("Waspada https://…"): WhatsApp would
# make it a link in the portal's own message, next to the portal's links.
_SCHEME, _BROKEN_SCHEME = "://", ": //"


def length(text):
    """Characters as a phone counts them (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def clean(text, limit=TITLE_LIMIT):
    """Plain text of a title for the message: no markup (not even a tag an
    editor typed as text), no WhatsApp marks, no web address, plain spaces
    only, at most `limit` characters."""
    text = _TAG_START.sub("< ", _TAG.sub(" ", plain_text(text))).replace(_SCHEME, _BROKEN_SCHEME)
    text = " ".join(text.translate(_MARKS).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _line(kind, item, url):
    title = clean(item.title)
    if kind == "cek_fakta" and item.verdict:
        return f"• _{item.verdict.label}_ {title} {url}"
    if kind == "acara":
        state = {"dibatalkan": " (_dibatalkan_)", "diundur": " (_diundur_)"}.get(item.keadaan, "")
        return f"• {formatting.tanggal_singkat(item.start)}: {title}{state} {url}"
    if kind == "potensi":
        return f"• {title}, {clean(item.desa_kelurahan, 60)} {url}"
    return f"• {title} {url}"


@dataclass
class Message:
    text: str
    cut: bool  # some items are only on the page
    wa_url: str


def message(digest, public_url, sitename):
    """The WhatsApp message of a digest (domain/digest.Digest)."""
    base = public_url.rstrip("/")
    lists = {kind: getattr(digest, kind) for kind, _ in SECTIONS}
    shown = {kind: min(len(items), MESSAGE_ITEMS[kind]) for kind, items in lists.items()}
    if digest.acara_more:
        lists["acara"] = lists["acara"] + [None]  # one more than shown: "lainnya" without a count

    def compose():
        # The portal's name closes the message; a KIM or kecamatan is named first.
        heading = ("Kabar sepekan" if digest.scope.kind == "portal"
                   else f"Kabar sepekan {digest.scope.name}")
        lines = [f"*{clean(heading, 200)}*", f"_{digest.week.period}_"]
        for kind, label in SECTIONS:
            if not shown[kind]:
                continue
            lines += ["", f"*{label}*"]
            lines += [_line(kind, item, f"{base}/{item.url}") for item in lists[kind][:shown[kind]]]
            rest = len(lists[kind]) - shown[kind]
            if rest:
                lines.append("_dan lainnya_" if kind == "acara" else f"_dan {rest} lainnya_")
        if cut():
            lines += ["", f"Selengkapnya: {base}/{digest.url}"]
        lines += ["", f"*{sitename}*", f"{base}/"]
        return "\n".join(lines)

    def cut():
        return any(len(lists[kind]) > shown[kind] for kind in shown)

    text = compose()
    while length(text) >= MESSAGE_LIMIT and any(shown.values()):
        # The longest section gives way first; of equal ones, the later.
        kind = max(reversed(SECTIONS), key=lambda section: shown[section[0]])[0]
        shown[kind] -= 1
        text = compose()
    # wa_share(url, text) writes "text url"; the message ends with the address.
    return Message(text, cut(), formatting.wa_share("", text))


class DigestGenerator(Generator):
    """Writes every digest page and the index of each scope's digests."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        digests = self.context["ringkasan"]
        settings = self.settings
        public_url, sitename = settings["PUBLIC_URL"], settings["SITENAME"]
        week_page = self.get_template("ringkasan")
        index_page = self.get_template("ringkasan_index")
        for scope in digests.scopes:
            for digest in scope.digests:
                writer.write_file(digest.save_as, week_page, self.context,
                                  relative_urls=settings["RELATIVE_URLS"], digest=digest,
                                  scope=scope, pesan=message(digest, public_url, sitename),
                                  page_name=digest.url, url=digest.url,
                                  # The message was made from their titles and
                                  # addresses before the page (builder/parallel.py).
                                  shows=[item for kind, _ in SECTIONS
                                         for item in getattr(digest, kind)])
            writer.write_file(scope.save_as, index_page, self.context,
                              relative_urls=settings["RELATIVE_URLS"], scope=scope,
                              page_name=scope.url, url=scope.url)

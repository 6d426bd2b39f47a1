"""Link previews: one 1200x630 image per KIM, potensi and article, drawn at
build time, for WhatsApp and Facebook (Open Graph ``og:image``).

A chat app shows the page's photo only as it is uploaded: a 4032x3024
original of 971 KB is dropped by WhatsApp (it shows no image above about
300 KB), and a page without a photo showed one generic image. Each page
now gets a card with its own title, its KIM or kecamatan, its category or
verdict, the portal's name and, when it has one large enough, its photo.

Every KIM and potensi has its card, and so do fact checks and each KIM's
newest articles (``own_cards``); an older article shows its KIM's card,
which keeps the number of files near the number of KIM and potensi rather
than of articles.

Cards are drawn with Pillow in Source Sans Pro (a pinned PyPI package, so
the build needs nothing from the system and downloads nothing) in the
theme's own colours (read from ``theme/css/00-tokens.css``). Drawing and
encoding one takes about 10 ms, so each is kept in the cache folder under the
hash of everything that decides its pixels (its text, the photo's bytes,
this module's code, the colours); a rebuild copies it. Cards that must be
drawn are drawn on every core; what all cards of a kind share (background, circles,
the portal's name) is drawn once. A card with a photo is a JPEG (a photo is
many times smaller so), others a PNG of 16 colours; either stays under
``MAX_BYTES`` (a JPEG is saved at lower quality until it does).
"""

import functools
import hashlib
import importlib.resources
import json
import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from .. import cores
from ..domain.grouping import newest_first
from ..model.formatting import plain_text, tanggal

WIDTH, HEIGHT = 1200, 630
# WhatsApp shows no preview image larger than this.
MAX_BYTES = 300_000
JPEG_QUALITIES = (82, 72, 62, 50, 40)
PNG_COLOURS = 16
# Each KIM's newest articles get a card of their own (own_cards).
ARTICLE_CARDS_PER_KIM = 3
# A photo smaller than this would be enlarged into a blur: the card is
# drawn without it.
MIN_PHOTO_WIDTH, MIN_PHOTO_HEIGHT = 480, 320
PHOTO_WIDTH = 480  # the photo fills the right part of the card
TEXT_WIDTH = 840  # without a photo: clear of the circles on the right
MARGIN = 64
FOLDER = "pratinjau"  # in the output: pratinjau/<page URL>-<hash>.png
# Drawing is worth starting processes for only from about this many cards.
PARALLEL_THRESHOLD = 24

_SOURCE = Path(__file__).read_bytes()  # part of every cache key


@dataclass(frozen=True)
class Card:
    """What one preview shows. `labels`: (text, colour token) pairs, the
    category or verdict; `lines`: where and when (KIM, kecamatan, date);
    `photo`: its path inside content/, or ''; `mark`: the portal's name
    at the foot, or '' (under a title that is that name already)."""

    title: str
    labels: tuple = ()
    lines: tuple = ()
    photo: str = ""
    photo_alt: str = ""
    mark: str = ""


@dataclass(frozen=True)
class Preview:
    """A drawn card as the page's head names it."""

    path: str  # inside the output, e.g. pratinjau/kim/palae-0123456789.png
    alt: str
    width: int = WIDTH
    height: int = HEIGHT
    type: str = field(default="image/png")


# -- what each page shows -----------------------------------------------------

def _photo_src(photo):
    if not photo:
        return "", ""
    get = photo.get if isinstance(photo, dict) else functools.partial(getattr, photo)
    return str(get("src", "") or ""), str(get("alt", "") or "")


def _place(item):
    return f"{str(item.jenis_wilayah).capitalize()} {item.desa_kelurahan}"


def kim_card(kim, mark):
    src, alt = _photo_src(getattr(kim, "foto", None))
    return Card(plain_text(kim.title), (("Profil KIM", "brand"),),
                (f"{_place(kim)} · Kecamatan {kim.kecamatan}",), src, alt, mark)


def potensi_card(item, mark):
    src, alt = _photo_src((getattr(item, "foto", None) or [None])[0])
    labels = (("Potensi", "brand"),) + tuple((term.name, "brand") for term in item.kategori_terms)
    lines = [f"{_place(item)} · Kecamatan {item.kecamatan}"]
    if item.kim_profile is not None:
        lines.append(f"Dikelola {plain_text(item.kim_profile.title)}")
    return Card(plain_text(item.title), labels, tuple(lines), src, alt, mark)


def article_card(article, mark):
    src, alt = _photo_src(getattr(article, "gambar", None))
    labels = ((article.category.name, "brand"),)
    if article.verdict is not None:
        labels += ((article.verdict.label, article.verdict.slug),)
    kims = article.kim_profiles
    kecamatan = sorted({kim.kecamatan for kim in kims})
    where = plain_text(kims[0].title) if len(kims) == 1 else f"{len(kims)} KIM" if kims else ""
    if len(kecamatan) == 1:
        where += f" · Kecamatan {kecamatan[0]}"
    elif kecamatan:
        where += f" di {len(kecamatan)} kecamatan"
    lines = tuple(filter(None, (where, tanggal(article.date))))
    return Card(plain_text(article.title), labels, lines, src, alt, mark)


def own_cards(articles, per_kim=None):
    """The articles that get a card of their own: every fact check (shared
    to answer a hoax, its verdict on the card) and each KIM's `per_kim`
    newest articles (``ARTICLE_CARDS_PER_KIM``), the ones people share.

    A card is a 15-20 KB file: one per article was most of a large site's
    bytes and files (at 5,000 articles 147 MB of 400 MB, 7,000 of 27,962
    files), against the hosts' limits (docs/performance.md). An older
    article shows its KIM's card (the KIM's name, place and the portal's),
    and its page still names its own title and summary to the apps."""
    per_kim = ARTICLE_CARDS_PER_KIM if per_kim is None else per_kim
    shown = {}
    own = []
    for article in sorted(articles, key=newest_first):
        # Articles of no KIM count as one more KIM's.
        groups = [id(kim) for kim in article.kim_profiles] or [None]
        if article.verdict is not None or any(shown.get(group, 0) < per_kim
                                              for group in groups):
            own.append(article)
        for group in groups:
            shown[group] = shown.get(group, 0) + 1
    return own


def site_card(sitename, subtitle):
    """The preview of pages that have none of their own (lists, home)."""
    return Card(sitename, (), (subtitle,))


def alt_text(card, with_photo):
    """What the card shows, for og:image:alt (read aloud by screen readers
    in the apps that show the preview)."""
    parts = [card.title]
    if card.labels:
        parts.append(" · ".join(text for text, _ in card.labels))
    parts.extend(card.lines)
    if with_photo and card.photo_alt:
        parts.append(f"Foto: {card.photo_alt}")
    if card.mark:
        parts.append(card.mark)
    return ". ".join(part.rstrip(".") for part in parts) + "."


# -- colours and fonts ----------------------------------------------------------

_TOKEN = re.compile(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\b")


def theme_colours(tokens_css):
    """The light scheme's colours from the theme's tokens (the first
    ``:root`` block): the cards use the site's own palette."""
    text = Path(tokens_css).read_text(encoding="utf-8")
    block = text[text.index(":root"):]
    block = block[:block.index("}")]
    return {name: value for name, value in _TOKEN.findall(block)}


def _rgb(hex_colour):
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def _mix(colour, other, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


@functools.lru_cache(maxsize=64)
def _font(weight, size):
    try:
        folder = importlib.resources.files("font_source_sans_pro") / "files"
    except ModuleNotFoundError:
        raise RuntimeError("the fonts of the link previews are missing: "
                           "pip install -r requirements.txt (font-source-sans-pro)") from None
    return ImageFont.truetype(str(folder / f"SourceSansPro-{weight}.ttf"), size)


# -- drawing --------------------------------------------------------------------

def _wrap(text, font, width):
    """Lines of `text` no wider than `width` (a word longer than a line is
    cut between characters)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:
            cut = max(1, next(i for i in range(len(word), 0, -1)
                              if font.getlength(word[:i]) <= width))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _fit(text, width, sizes, max_lines):
    """The largest title size at which `text` fits in `max_lines`; at the
    smallest, the last line ends with an ellipsis."""
    for size in sizes:
        font = _font("Bold", size)
        lines = _wrap(text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    lines[-1] = _shorten(lines[-1] + "…", font, width)
    return font, lines


def _shorten(text, font, width):
    """`text` on one line: cut with an ellipsis where it is too wide."""
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip(" ,·") + "…"


def layout(card, text_width):
    """The title's font and lines, and the other lines' font and lines, of
    a card whose text is `text_width` wide. Without the mark at the foot
    (the site's own card) the text is larger."""
    title_sizes, meta_size = ((68, 60, 54, 48, 44), 32) if card.mark else ((84, 76, 68), 40)
    title_font, title_lines = _fit(card.title, text_width, title_sizes,
                                   max_lines=3 if card.lines else 4)
    meta_font = _font("Regular", meta_size)
    meta_lines = []
    for text in card.lines:
        wrapped = _wrap(text, meta_font, text_width)
        if len(wrapped) > 2:
            wrapped[1] = _shorten(" ".join(wrapped[1:]), meta_font, text_width)
        meta_lines.extend(wrapped[:2])
    return title_font, title_lines, meta_font, meta_lines


def draw(card, colours, content_dir):
    """The card as a 1200x630 RGB image, and whether it shows the photo."""
    brand = _rgb(colours["brand"])
    white = (255, 255, 255)
    soft = _mix(brand, white, .82)  # the secondary text
    photo = _photo(card.photo, content_dir)
    image = _canvas(brand, photo is not None, card.mark).copy()
    pen = ImageDraw.Draw(image)
    if photo is not None:
        image.paste(photo, (WIDTH - PHOTO_WIDTH, 0))
        text_width = WIDTH - PHOTO_WIDTH - 2 * MARGIN
    else:
        text_width = TEXT_WIDTH

    title_font, title_lines, meta_font, meta_lines = layout(card, text_width)
    title_height = round(title_font.size * 1.14)
    meta_height = round(meta_font.size * 1.3)
    y = MARGIN
    if not card.mark:  # centred
        y = (HEIGHT - len(title_lines) * title_height - 18 - len(meta_lines) * meta_height) // 2

    if card.labels:
        label_font = _font("Bold", 28)
        x = MARGIN
        for text, token in card.labels:
            fill, ink = (white, brand) if token == "brand" else (_rgb(colours[token]), white)
            right = x + pen.textlength(text, font=label_font) + 32
            if right > MARGIN + text_width and x > MARGIN:
                break  # the other labels do not fit; the first always shows
            pen.rounded_rectangle((x, y, right, y + 46), radius=8, fill=fill)
            pen.text((x + 16, y + 23), text, font=label_font, fill=ink, anchor="lm")
            x = right + 12
        y += 46 + 34
    for line in title_lines:
        pen.text((MARGIN, y), line, font=title_font, fill=white, anchor="la")
        y += title_height
    y += 18
    for line in meta_lines:
        if card.mark and y + meta_height > HEIGHT - 130:
            break  # the mark's place
        pen.text((MARGIN, y), line, font=meta_font, fill=soft, anchor="la")
        y += meta_height

    return image, photo is not None


@functools.lru_cache(maxsize=8)
def _canvas(brand, with_photo, mark):
    """What every card of the same kind shows, drawn once per process and
    copied for each card: the background, without a photo its two circles,
    and the portal's name at the foot (`mark`, when the card has one)."""
    white = (255, 255, 255)
    image = Image.new("RGB", (WIDTH, HEIGHT), brand)
    pen = ImageDraw.Draw(image)
    text_width = WIDTH - PHOTO_WIDTH - 2 * MARGIN if with_photo else TEXT_WIDTH
    if not with_photo:
        # Two quiet circles fill the right side; the text stays clear of them.
        pen.ellipse((930, -170, 1450, 350), fill=_mix(brand, white, .07))
        pen.ellipse((1010, 380, 1370, 740), fill=_mix(brand, white, .04))
    if mark:
        # The portal's name as the site header shows it: the first two words bold.
        base = HEIGHT - MARGIN
        pen.line((MARGIN, base - 62, MARGIN + text_width, base - 62),
                 fill=_mix(brand, white, .3), width=2)
        words = mark.split(" ")
        bold, rest = " ".join(words[:2]) + " ", " ".join(words[2:])
        name_font = _font("Bold", 36)
        pen.text((MARGIN, base), bold, font=name_font, fill=white, anchor="ls")
        pen.text((MARGIN + pen.textlength(bold, font=name_font), base), rest,
                 font=_font("Regular", 36), fill=_mix(brand, white, .82), anchor="ls")
    return image


def _photo(src, content_dir):
    """The photo cut to the card's right part, or None when there is none
    or it is too small to fill it sharply."""
    if not src:
        return None
    path = Path(content_dir) / src.lstrip("/")
    try:
        with Image.open(path) as original:
            if original.width < MIN_PHOTO_WIDTH or original.height < MIN_PHOTO_HEIGHT:
                return None
            original.draft("RGB", (PHOTO_WIDTH * 2, HEIGHT * 2))  # JPEG: decode smaller
            photo = ImageOps.exif_transpose(original).convert("RGB")
    except OSError:
        return None
    return ImageOps.fit(photo, (PHOTO_WIDTH, HEIGHT), Image.LANCZOS)


def encode(image, with_photo):
    """The card's bytes and file suffix: a JPEG when it shows a photo, else a
    PNG of few colours; under MAX_BYTES either way."""
    from io import BytesIO

    if not with_photo:
        buffer = BytesIO()
        # The colours are chosen on a quarter-size copy, which has all of
        # the card's flat colours and enough of its letters' edges, and the
        # card is then mapped to them. 16 colours (4 bits a pixel) keep the
        # letters' edges as smooth to the eye as 64, and zlib level 6: on one
        # card 18 KB in 7 ms, against 26 KB in 4 ms with 64 colours at level
        # 3 (level 9: 17 KB in 55 ms). The cards are most of a site's bytes:
        # smaller files are worth a few milliseconds, once per card (cached).
        palette = image.reduce(4).quantize(PNG_COLOURS, method=Image.Quantize.FASTOCTREE,
                                           dither=Image.Dither.NONE)
        image.quantize(palette=palette, dither=Image.Dither.NONE).save(
            buffer, "PNG", compress_level=6)
        return buffer.getvalue(), ".png"
    for quality in JPEG_QUALITIES:
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_BYTES:
            break
    return buffer.getvalue(), ".jpg"


# -- the build's previews ---------------------------------------------------------

class Previews:
    """The previews of one build: which card each page gets, drawn or taken
    from the cache, copied into the output."""

    def __init__(self, content_dir, output_dir, cache_dir, tokens_css, sitename, workers=None):
        self.content_dir = Path(content_dir)
        self.output_dir = Path(output_dir)
        self.cache_dir = Path(cache_dir)
        self.colours = theme_colours(tokens_css)
        self.sitename = sitename
        self.workers = workers

    def attach(self, portal, articles, default_path, subtitle):
        """Give every KIM, potensi and published article its ``pratinjau``
        (a Preview) and return the preview of the other pages, drawn at
        `default_path` in the output. An article that gets no card of its
        own (``own_cards``) shows its first KIM's, else the site's."""
        own = own_cards(articles)
        pages = [(item, card(item, self.sitename)) for card, items in (
            (kim_card, portal.kims), (potensi_card, portal.potensi),
            (article_card, own)) for item in items]
        site = site_card(self.sitename, subtitle)
        keyed = [(item, card, self._key(card)) for item, card in pages + [(None, site)]]
        # Only what the cache lacks is drawn, each distinct card once.
        missing = {key: card for _, card, key in keyed if self._cached(key) is None}
        cores.map_items(self._draw_into_cache, missing.items(), self.workers,
                        threshold=PARALLEL_THRESHOLD)
        for item, card, key in keyed[:-1]:
            item.pratinjau = self._publish(card, key,
                                           f"{FOLDER}/{item.url.strip('/')}-{key[:10]}")
        site_preview = self._publish(site, keyed[-1][2], default_path.removesuffix(".png"))
        chosen = set(map(id, own))
        for article in articles:
            if id(article) not in chosen:
                kims = article.kim_profiles
                article.pratinjau = kims[0].pratinjau if kims else site_preview
        return site_preview

    def _key(self, card):
        digest = hashlib.sha256(_SOURCE)
        digest.update(json.dumps([asdict(card), self.colours, Image.__version__],
                                 sort_keys=True).encode())
        if card.photo:
            path = self.content_dir / card.photo.lstrip("/")
            digest.update(path.read_bytes() if path.is_file() else b"")
        return digest.hexdigest()[:32]

    def _cached(self, key):
        for suffix in (".jpg", ".png"):
            if (self.cache_dir / f"{key}{suffix}").is_file():
                return self.cache_dir / f"{key}{suffix}"
        return None

    def _draw_into_cache(self, job):
        key, card = job
        data, suffix = encode(*draw(card, self.colours, self.content_dir))
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = self.cache_dir / f"{key}.{os.getpid()}.tmp"
        partial.write_bytes(data)
        os.replace(partial, self.cache_dir / f"{key}{suffix}")  # atomic: builds share it

    def _publish(self, card, key, stem):
        cached = self._cached(key)
        relative = stem + cached.suffix
        target = self.output_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            # A link, not a copy: every build writes every card (a new output
            # folder each time), and nothing changes a file once written.
            os.link(cached, target)
        except OSError:  # another file system
            shutil.copyfile(cached, target)
        with_photo = cached.suffix == ".jpg"  # encode(): only cards with a photo
        return Preview(relative, alt_text(card, with_photo),
                       type="image/jpeg" if with_photo else "image/png")

"""The link preview cards (plugins/portal/output/previews.py) on their own:
what they show, their size in bytes, the photo, the cache."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from portal.model.vocabulary import VERDICTS
from portal.output import previews

ROOT = Path(__file__).resolve().parent.parent
TOKENS = ROOT / "theme" / "css" / "00-tokens.css"
MARK = "Portal KIM Kotawaringin Barat"


@pytest.fixture()
def content(tmp_path):
    """A content folder with a phone-sized photo of noise (the hardest case
    for JPEG) and a photo too small to fill a card."""
    folder = tmp_path / "content"
    (folder / "images").mkdir(parents=True)
    noise = Image.merge("RGB", [Image.effect_noise((1600, 1200), 90) for _ in range(3)])
    noise.save(folder / "images/besar.jpg", quality=90)
    Image.new("RGB", (8, 8), (200, 30, 30)).save(folder / "images/kecil.png")
    return folder


def previews_for(content, tmp_path):
    return previews.Previews(content, tmp_path / "output", tmp_path / "cache", TOKENS, MARK,
                             workers=1)


def test_theme_colours_name_every_verdict_and_the_brand():
    colours = previews.theme_colours(TOKENS)
    assert colours["brand"].startswith("#")
    assert all(verdict.slug in colours for verdict in VERDICTS)


def test_card_with_a_photo_shows_it_and_stays_under_the_limit(content, monkeypatch):
    card = previews.Card("Kerupuk Amplang", (("Potensi", "brand"), ("Kuliner", "brand")),
                         ("Desa Sungai Kapitan · Kecamatan Kumai",), "images/besar.jpg",
                         "Kerupuk", MARK)
    image, with_photo = previews.draw(card, previews.theme_colours(TOKENS), content)
    assert with_photo and image.size == (1200, 630)
    brand = previews._rgb(previews.theme_colours(TOKENS)["brand"])
    photo_part = image.crop((1200 - previews.PHOTO_WIDTH, 0, 1200, 630))
    assert photo_part.getcolors(1000) is None  # noise, not the brand colour
    assert image.getpixel((10, 10)) == brand
    data, suffix = previews.encode(image, with_photo)
    assert suffix == ".jpg" and len(data) < previews.MAX_BYTES
    # Over the limit at the first quality, it is saved again at a lower one.
    monkeypatch.setattr(previews, "MAX_BYTES", len(data) * 2 // 3)
    smaller, _ = previews.encode(image, with_photo)
    assert len(smaller) <= previews.MAX_BYTES


def test_a_photo_too_small_to_fill_the_card_is_left_out(content):
    card = previews.Card("KIM Kecil", (("Profil KIM", "brand"),), ("Kecamatan Kumai",),
                         "images/kecil.png", "Logo", MARK)
    image, with_photo = previews.draw(card, previews.theme_colours(TOKENS), content)
    assert not with_photo
    assert (200, 30, 30) not in {colour for _, colour in image.getcolors(1200 * 630)}
    data, suffix = previews.encode(image, with_photo)
    assert suffix == ".png" and len(data) < previews.MAX_BYTES
    assert "Foto" not in previews.alt_text(card, with_photo)


def test_a_long_title_is_shortened_within_the_card():
    title = " ".join(["Pengumuman"] * 40)
    card = previews.Card(title, (), ("Kamis, 20 September 2018",), mark=MARK)
    font, lines, _, _ = previews.layout(card, previews.TEXT_WIDTH)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= previews.TEXT_WIDTH for line in lines)
    one_word = previews.Card("A" * 200, (), (), mark=MARK)
    font, lines, _, _ = previews.layout(one_word, previews.TEXT_WIDTH)
    assert all(font.getlength(line) <= previews.TEXT_WIDTH for line in lines)


def kim(slug, title, photo=""):
    return SimpleNamespace(url=f"kim/{slug}/", title=title, jenis_wilayah="desa",
                           desa_kelurahan="Contoh", kecamatan="Kumai",
                           foto={"src": photo, "alt": "Foto balai desa"} if photo else None)


def test_attach_names_each_page_its_preview_and_draws_each_card_once(content, tmp_path,
                                                                     monkeypatch):
    items = [kim("satu", "KIM Satu", "images/besar.jpg"), kim("dua", "KIM Dua")]
    portal = SimpleNamespace(kims=items, potensi=[])
    default = previews_for(content, tmp_path).attach(portal, [], "theme/og-default.png",
                                                     "Kabar dan potensi lokal")
    assert default.path == "theme/og-default.png"
    assert items[0].pratinjau.path.startswith("pratinjau/kim/satu-")
    assert items[0].pratinjau.path.endswith(".jpg")
    assert items[0].pratinjau.type == "image/jpeg"
    assert "Foto: Foto balai desa" in items[0].pratinjau.alt
    assert items[1].pratinjau.path.endswith(".png")
    first = {path: path.read_bytes() for path in (tmp_path / "output").rglob("*.*")}
    assert len(first) == 3

    # A second build takes every card from the cache: nothing is drawn.
    def no_drawing(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(previews, "draw", no_drawing)
    again = [kim("satu", "KIM Satu", "images/besar.jpg"), kim("dua", "KIM Dua")]
    build = previews.Previews(content, tmp_path / "output-2", tmp_path / "cache", TOKENS, MARK,
                              workers=1)  # another output, the same cache
    build.attach(SimpleNamespace(kims=again, potensi=[]), [], "theme/og-default.png",
                 "Kabar dan potensi lokal")
    assert [item.pratinjau.path for item in again] == [item.pratinjau.path for item in items]
    second = {path.relative_to(tmp_path / "output-2"): path.read_bytes()
              for path in (tmp_path / "output-2").rglob("*.*")}
    assert second == {path.relative_to(tmp_path / "output"): data
                      for path, data in first.items()}

    # A changed title is a new card at a new address (so apps fetch it anew).
    changed = [kim("dua", "KIM Dua Baru")]
    monkeypatch.undo()
    build.attach(SimpleNamespace(kims=changed, potensi=[]), [], "theme/og-default.png",
                 "Kabar dan potensi lokal")
    assert changed[0].pratinjau.path != items[1].pratinjau.path


def test_article_card_names_its_verdict_kim_and_date():
    from datetime import date

    verdict = VERDICTS[0]
    article = SimpleNamespace(
        title="Klaim <em>rekaan</em>", category=SimpleNamespace(name="Cek Fakta"),
        verdict=verdict, date=date(2018, 9, 20), gambar=None,
        kim_profiles=[SimpleNamespace(title="KIM Satu", kecamatan="Kumai"),
                      SimpleNamespace(title="KIM Dua", kecamatan="Kumai")])
    card = previews.article_card(article, MARK)
    assert card.title == "Klaim rekaan"
    assert card.labels == (("Cek Fakta", "brand"), (verdict.label, verdict.slug))
    assert card.lines == ("2 KIM · Kecamatan Kumai", "Kamis, 20 September 2018")


def test_a_built_article_with_a_phone_photo_shares_a_card_with_that_photo(tmp_path):
    """End to end: the photo an editor uploads (here 1600x1200 of noise, the
    hardest to compress) is in the article's preview, under 300 KB, while
    og:image no longer points at the upload itself."""
    import shutil

    from selectolax.lexbor import LexborHTMLParser

    from conftest import FIXTURES, build

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    (content / "images" / "berita").mkdir()
    noise = Image.merge("RGB", [Image.effect_noise((1600, 1200), 60) for _ in range(3)])
    noise.save(content / "images" / "berita" / "rapat.jpg", quality=70)
    article = content / "berita" / "contoh-berita.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "gambar:\n  src: images/contoh.png\n  alt: Gambar contoh berita",
        "gambar:\n  src: images/berita/rapat.jpg\n  alt: Warga rapat di balai desa"),
        encoding="utf-8")
    output = tmp_path / "output"
    result = build(content, output, overrides={"SEARCH_INDEX": False,
                                               "CACHE_PATH": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stdout + result.stderr
    tree = LexborHTMLParser((output / "berita/berita-contoh-kegiatan-kim/index.html").read_text())
    meta = {node.attributes["property"]: node.attributes["content"]
            for node in tree.css("meta[property^='og:image']")}
    assert meta["og:image:type"] == "image/jpeg"
    assert "Foto: Warga rapat di balai desa" in meta["og:image:alt"]
    path = output / meta["og:image"].removeprefix("http://localhost:8000/")
    assert path.parent == output / "pratinjau" / "berita"
    assert path.stat().st_size < previews.MAX_BYTES
    with Image.open(path) as card:
        assert card.size == (1200, 630)
        assert card.crop((800, 0, 1200, 630)).getcolors(1000) is None  # the photo's noise


def _article(number, kims, verdict=None):
    from datetime import datetime

    return SimpleNamespace(
        title=f"Berita {number}", category=SimpleNamespace(name="Kegiatan"), verdict=verdict,
        date=datetime(2024, 1, 1 + number), gambar=None, kim_profiles=kims,
        source_path=f"berita/{number:02d}.md", url=f"berita/b-{number}/")


def test_older_articles_show_their_kims_card_fact_checks_always_their_own(content, tmp_path):
    """Each KIM's newest ARTICLE_CARDS_PER_KIM articles and every fact check
    get a card; an older article shows its first KIM's, one of no KIM the
    site's. The files drawn are one per KIM and chosen article."""
    per_kim = previews.ARTICLE_CARDS_PER_KIM
    satu, dua = kim("satu", "KIM Satu"), kim("dua", "KIM Dua")
    of_satu = [_article(number, [satu]) for number in range(per_kim + 2)]
    fact_check = _article(0, [satu], verdict=VERDICTS[0])  # the oldest of all
    shared = _article(per_kim + 2, [dua, satu])  # newest of dua, of satu too
    no_kim = [_article(number, []) for number in range(per_kim + 1)]
    articles = [*of_satu, fact_check, shared, *no_kim]
    site = previews_for(content, tmp_path).attach(SimpleNamespace(kims=[satu, dua], potensi=[]),
                                                  articles, "theme/og-default.png", "Kabar")
    newest_of_satu = {shared.url} | {item.url for item in of_satu[-(per_kim - 1):]}
    for item in of_satu:
        if item.url in newest_of_satu:
            assert item.pratinjau.path.startswith(f"pratinjau/{item.url.strip('/')}-")
        else:
            assert item.pratinjau == satu.pratinjau, item.url
    assert fact_check.pratinjau.path.startswith("pratinjau/berita/b-0-")
    assert VERDICTS[0].label in fact_check.pratinjau.alt
    assert shared.pratinjau.path.startswith(f"pratinjau/{shared.url.strip('/')}-")
    assert [item.pratinjau == site for item in no_kim] == [True] + [False] * per_kim
    drawn = sorted(path.name for path in (tmp_path / "output" / "pratinjau").rglob("*.png"))
    assert len(drawn) == 2 + per_kim + 1 + per_kim  # KIM, satu's and dua's, fact check, no KIM


def test_a_card_is_a_png_of_few_colours_and_small(tmp_path):
    card = previews.Card("Berita uji tentang musyawarah desa dan kegiatan warga",
                         (("Kegiatan", "brand"),), ("KIM Uji · Kecamatan Arut Selatan",
                                                    "Senin, 9 Mei 2022"), mark=MARK)
    data, suffix = previews.encode(*previews.draw(card, previews.theme_colours(TOKENS),
                                                  tmp_path))
    assert suffix == ".png" and len(data) < 20_000
    (tmp_path / "card.png").write_bytes(data)
    with Image.open(tmp_path / "card.png") as image:
        assert image.mode == "P" and len(image.getcolors()) <= previews.PNG_COLOURS

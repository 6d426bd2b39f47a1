"""Photo albums (content/galeri/): every photo a plain link to the full
picture with its alt text, caption and credit; with script PhotoSwipe
(served by the site) shows them larger; links to the activity's news and
agenda entry."""

from selectolax.lexbor import LexborHTMLParser

from conftest import serving

PAGE = "galeri/rapat-anggota-contoh/"


def tree(site, path):
    return LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def words(node):
    return " ".join(node.text().replace("\xa0", " ").split())


def test_an_album_is_photos_linking_to_themselves_with_alt_caption_and_credit(fixture_site):
    page = tree(fixture_site, PAGE)
    photos = page.css(".galeri__foto")
    assert [p.css_first("a").attributes["href"] for p in photos] == [
        "/images/galeri/rapat-1.jpg", "/images/galeri/rapat-2.jpg"]
    first = photos[0]
    assert first.css_first("a").attributes["data-pswp-width"] == "800"
    assert first.css_first("a").attributes["data-pswp-height"] == "600"
    img = first.css_first("img")
    assert img.attributes["alt"] == "Gambar rekaan berwarna biru dengan matahari kuning"
    assert img.attributes.get("srcset")  # responsive thumbnails from the image pipeline
    assert words(first.css_first("figcaption")) == "Gambar rekaan pertama · Foto: Dok. rekaan"
    assert photos[1].css_first("figcaption") is None
    links = {words(a): a.attributes["href"] for a in page.css(".link-list a")}
    assert links == {"Berita Contoh Kegiatan KIM": "/berita/berita-contoh-kegiatan-kim/",
                     "Rapat Anggota KIM Contoh Satu": "/agenda/rapat-anggota-contoh/"}
    assert (fixture_site / "theme" / "vendor" / "photoswipe" / "photoswipe.esm.min.js").is_file()
    listing = tree(fixture_site, "galeri")
    assert [a.attributes["href"] for a in listing.css(".teaser__title a")] == ["/" + PAGE]
    assert "2 foto" in words(listing.css_first(".teaser__meta"))


def test_photoswipe_shows_the_photos_larger_and_without_script_they_are_links(
        fixture_site, chromium):
    with serving(fixture_site) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        problems = []
        page.on("console", lambda message: problems.append(message.text)
                if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        try:
            page.goto(base + "/" + PAGE)
            page.locator(".galeri__foto a").first.click()
            viewer = page.locator(".pswp")
            viewer.wait_for(state="visible")
            # The full picture, over the thumbnail PhotoSwipe shows while it loads.
            page.locator('.pswp__img[src$="/images/galeri/rapat-1.jpg"]').wait_for()
            assert page.locator(".pswp__keterangan").inner_text() == \
                "Gambar rekaan pertama · Foto: Dok. rekaan"
            # Nothing of the page shows through the backdrop or behind the
            # caption (issue 26, point 9).
            page.wait_for_function(
                "getComputedStyle(document.querySelector('.pswp__bg')).opacity === '1'")
            caption = page.locator(".pswp__keterangan").evaluate(
                "e => getComputedStyle(e).backgroundColor")
            assert float(caption.rstrip(")").split(",")[-1]) >= 0.85, caption
            page.keyboard.press("Escape")
            viewer.wait_for(state="detached")
            assert problems == []
        finally:
            context.close()
        context = chromium.new_context(java_script_enabled=False)
        page = context.new_page()
        try:
            page.goto(base + "/" + PAGE)
            page.locator(".galeri__foto a").first.click()
            page.wait_for_url("**/images/galeri/rapat-1.jpg")
        finally:
            context.close()

"""Videos (content/video/): a page per video whose player is loaded from
YouTube's no-cookie domain only after the reader presses "Putar" — the
browser test shows no request to any other host before — and a plain link
to YouTube without script."""

import json

from selectolax.lexbor import LexborHTMLParser

from conftest import serving
from portal.model import kinds
from portal.model.schema import VIDEO

PAGE = "video/profil-contoh-satu/index.html"
EMBED = "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"


def tree(site, path):
    return LexborHTMLParser((site / path).read_text(encoding="utf-8"))


def policy(page):
    return page.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]


def test_the_video_page_is_a_cover_linking_to_youtube_until_pressed(fixture_site):
    page = tree(fixture_site, PAGE)
    cover = page.css_first(".video__cover")
    assert cover.attributes["href"] == "https://www.youtube.com/watch?v=aaaaaaaaaaa"
    assert cover.attributes["data-embed"] == EMBED
    assert page.css("iframe") == [] and "youtube" not in " ".join(
        node.attributes.get("src") or "" for node in page.css("img, script"))
    # Only a video page may frame the player, and only from that host.
    assert "frame-src https://www.youtube-nocookie.com;" in policy(page)
    assert "frame-src" not in policy(tree(fixture_site, "index.html"))
    data = [json.loads(node.text()) for node in page.css('script[type="application/ld+json"]')]
    video = next(item for item in data if item["@type"] == "VideoObject")
    assert video["embedUrl"] == EMBED and video["uploadDate"] == "2026-05-20"
    assert video["creator"][0]["name"] == "KIM Contoh Satu"
    listed = tree(fixture_site, "video/index.html").css(".teaser__title a")
    assert [a.attributes["href"] for a in listed] == ["/video/profil-contoh-satu/"]


def test_nothing_goes_to_youtube_before_the_reader_presses_play(fixture_site, chromium):
    with serving(fixture_site) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        try:
            page.goto(base + "/" + PAGE.removesuffix("index.html"))
            page.wait_for_load_state("networkidle")
            assert [url for url in requests if not url.startswith(base)] == []
            page.get_by_role("link", name="Putar video").click()
            frame = page.locator("iframe.video__player")
            frame.wait_for(state="attached")
            assert frame.get_attribute("src") == EMBED + "?autoplay=1&rel=0"
            page.wait_for_timeout(500)
            assert {url.split("?")[0] for url in requests if not url.startswith(base)} == {EMBED}
        finally:
            context.close()


def test_youtube_addresses_and_ids():
    spec = VIDEO.field("youtube")
    for value in ("aaaaaaaaaaa", "https://www.youtube.com/watch?v=aaaaaaaaaaa&t=30s",
                  "https://youtu.be/aaaaaaaaaaa", "https://m.youtube.com/shorts/aaaaaaaaaaa",
                  "https://www.youtube.com/watch?feature=share&v=aaaaaaaaaaa"):
        assert kinds.YOUTUBE.check(spec, value) is None, value
        assert kinds.youtube_id(value) == "aaaaaaaaaaa"
    for value in ("https://vimeo.com/123456", "aaaa", "https://youtube.com/channel/abc",
                  "https://example.com/watch?v=aaaaaaaaaaa"):
        assert "bukan alamat video YouTube" in kinds.YOUTUBE.check(spec, value), value

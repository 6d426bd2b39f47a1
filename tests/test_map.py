"""The map: GeoJSON written by the build, Leaflet served by the site itself,
drawn in Chromium (tiles answered locally: these machines have no
internet), and a plain list where script or tiles are missing."""

import base64
import json
from pathlib import Path

import pytest

# A 1x1 transparent PNG stands in for every OpenStreetMap tile.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    context.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(
        status=200, content_type="image/png", body=TILE))
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    yield tab
    context.close()


def geojson(site):
    return json.loads((Path(site) / "peta" / "lokasi.geojson").read_text())


def test_geojson_has_every_kim_and_potensi_with_a_location(full_site):
    features = geojson(full_site)["features"]
    kims = [f for f in features if f["properties"]["jenis"] == "KIM"]
    assert len(kims) == len(list(Path(full_site, "kim").glob("*/index.html")))
    palae = next(f for f in kims if f["properties"]["url"] == "/kim/palae/")
    assert palae["geometry"]["coordinates"] == [111.7197, -2.7398]
    assert palae["properties"]["perkiraan"] is True
    kelinci = next(f for f in features if f["properties"]["url"] == "/potensi/taman-kelinci/")
    assert kelinci["properties"]["lokasi_kim"] is True


def test_map_page_draws_every_place_and_marks_approximate_ones(page, served_site, full_site):
    page.goto(served_site + "/peta/")
    features = geojson(full_site)["features"]
    markers = page.locator("path.leaflet-interactive")
    markers.nth(len(features) - 1).wait_for(timeout=15000)
    assert markers.count() == len(features)
    dashed = [m.get_attribute("stroke-dasharray") for m in markers.all()]
    approximate = sum(1 for f in features if f["properties"]["perkiraan"])
    assert sum(1 for d in dashed if d) == approximate > 0
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    markers.first.click(force=True)
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.get_attribute("href") in {f["properties"]["url"] for f in features}
    assert page.errors == []


def test_kim_page_shows_its_own_place_on_a_map(page, served_site):
    page.goto(served_site + "/kim/palae/")
    page.locator(".map path.leaflet-interactive").wait_for(timeout=15000)
    assert page.locator(".map path.leaflet-interactive").count() == 1
    assert page.errors == []


def test_without_javascript_the_map_page_is_a_list(chromium, served_site, full_site):
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "/peta/")
    assert not tab.locator("[data-module='peta']").is_visible()
    items = tab.locator(".place-list__item")
    assert items.count() > 0
    assert "(perkiraan)" in tab.locator(".place-list").first.inner_text()
    osm = tab.locator(".place-list__osm").first.get_attribute("href")
    assert osm.startswith("https://www.openstreetmap.org/?mlat=")
    # The list is paginated; its pages together name every place on the map.
    listed = items.count()
    while tab.locator('.pagination a[rel="next"]').count():
        tab.locator('.pagination a[rel="next"]').click()
        assert not tab.locator("[data-module='peta']").count()
        listed += tab.locator(".place-list__item").count()
    assert listed == len(geojson(full_site)["features"])
    context.close()


def test_leaflet_is_served_by_the_site_and_loaded_only_where_a_map_is(full_site):
    assert (Path(full_site) / "theme/vendor/leaflet/leaflet.js").is_file()
    for path in Path(full_site).rglob("*.html"):
        name = path.relative_to(full_site).as_posix()
        html = path.read_text()
        has_map = 'data-module="peta"' in html
        assert ("leaflet.js" in html) == has_map, name
        assert "unpkg" not in html and "cdn" not in html.lower(), name
        if name == "peta/index.html" or name.startswith(("kim/", "potensi/")) and has_map:
            assert "https://tile.openstreetmap.org" in html  # the page's CSP allows tiles

"""The web editor at /admin/ (Decap CMS).

Unit tests check that the generated configuration follows the content model
field by field; the build tests check what the site serves at /admin/; the
browser test writes a news article through the real editor (decap-server as
the local backend) and builds the site with it.
"""

import contextlib
import http.server
import json
import os
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, SAMPLE, build, copy_project, serving
from portal.editor import cms, editor_rules
from portal.intake import frontmatter
from portal.intake.validation import plain_slug
from portal.model import kinds, schema, vocabulary
from portal.model.schema import CONTENT_TYPES
from portal.output.policy import PagePolicy

DEV = runpy.run_path(str(ROOT / "pelicanconf.py"))
# The widgets Decap CMS 3 ships: every kind's editor widget must be one.
DECAP_WIDGETS = {"boolean", "code", "color", "datetime", "file", "hidden", "image", "list",
                 "map", "markdown", "number", "object", "relation", "select", "string", "text"}


def settings(**overrides):
    return {**DEV, **overrides}


@pytest.fixture(scope="module")
def config():
    return cms.config(settings())


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields):
    return {f["name"]: f for f in fields}


# --- the configuration, field by field -------------------------------------------

def test_each_content_type_is_a_collection_writing_markdown_with_yaml_front_matter(config):
    assert [c["name"] for c in config["collections"]] == [
        "berita", "acara", "galeri", "video", "dokumen", "kim", "potensi", "halaman", "situs"]
    for item in config["collections"][:8]:
        assert item["folder"] == f"content/{item['name']}"
        assert item["create"] is True
        assert item["extension"] == "md"
        assert item["format"] == "yaml-frontmatter"
    assert collection(config, "berita")["slug"] == "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
    for name in ("acara", "galeri", "video", "dokumen", "kim", "potensi", "halaman"):
        assert collection(config, name)["slug"] == "{{fields.slug}}"
    assert config["publish_mode"] == "simple"
    assert config["media_folder"] == "content/images/uploads"
    assert config["public_folder"] == "images/uploads"
    assert config["locale"] == "id"


def check_fields(specs, fields, path, optional_group=False):
    """Every schema field has a Decap field with the right widget and
    required flag (recursively); nothing else is in the form."""
    assert [f["name"] for f in fields] == [s.name for s in specs], path
    for spec, field in zip(specs, fields, strict=True):
        where = f"{path}.{spec.name}"
        assert field["widget"] in DECAP_WIDGETS, where
        assert field["label"].lower() == spec.label.lower(), where
        # Required sub-fields of an optional group cannot be required in
        # Decap (it would demand them with the group left empty).
        assert field["required"] is (spec.required and not optional_group), where
        if spec.kind.shape in (kinds.GROUP, kinds.GROUP_OR_TEXT):
            check_fields(spec.fields, field["fields"], where,
                         optional_group or not spec.required)
        elif spec.kind.shape == kinds.GROUPS:
            check_fields(spec.fields, field["fields"], where, optional_group)


def test_the_site_settings_are_one_form_writing_situs_yml(config):
    situs = collection(config, "situs")
    assert "folder" not in situs and situs["delete"] is False
    [form] = situs["files"]
    assert (form["file"], form["format"]) == ("content/situs.yml", "yml")
    check_fields(schema.SITUS.fields, form["fields"], "situs")
    pengelola = by_name(form["fields"])["pengelola"]
    assert by_name(pengelola["fields"])["whatsapp"]["pattern"][0] == kinds.WHATSAPP_PATTERN


@pytest.mark.parametrize("key", list(CONTENT_TYPES))
def test_every_schema_field_is_in_the_form_with_its_widget(config, key):
    fields = collection(config, key)["fields"]
    assert fields[-1] == cms.BODY_FIELD
    assert (fields[-1]["name"], fields[-1]["widget"], fields[-1]["label"]) == \
        ("body", "markdown", "Isi tulisan")
    check_fields(CONTENT_TYPES[key].fields, fields[:-1], key)


def test_select_options_are_the_vocabulary(config):
    berita = by_name(collection(config, "berita")["fields"])
    kim = by_name(collection(config, "kim")["fields"])
    potensi = by_name(collection(config, "potensi")["fields"])
    assert berita["category"]["options"] == list(vocabulary.KATEGORI_BERITA)
    assert berita["label"]["options"] == [v.label for v in vocabulary.VERDICTS]
    assert kim["kecamatan"]["options"] == [k.name for k in vocabulary.KECAMATAN]
    assert kim["jenis_wilayah"]["options"] == list(vocabulary.JENIS_WILAYAH)
    assert potensi["kategori"]["options"] == [k.name for k in vocabulary.KATEGORI_POTENSI]
    assert potensi["kategori"]["multiple"] is True
    assert "multiple" not in berita["category"]
    for key in CONTENT_TYPES:
        status = by_name(collection(config, key)["fields"])["status"]
        assert [o["value"] for o in status["options"]] == ["published", "draft"]


def test_kim_references_are_relations_to_the_kim_collection(config):
    berita = by_name(collection(config, "berita")["fields"])["kim"]
    potensi = by_name(collection(config, "potensi")["fields"])["kim"]
    for field in (berita, potensi):
        assert field["widget"] == "relation"
        assert field["collection"] == "kim"
        assert field["value_field"] == "slug"
        assert field["search_fields"] == ["title"]
        assert field["display_fields"] == ["title"]
    assert berita["multiple"] is True
    assert "multiple" not in potensi
    # The value is the KIM's slug field, which its file name follows.
    assert by_name(collection(config, "kim")["fields"])["slug"]["required"] is True


def test_dates_are_stored_as_the_strings_validation_reads(config):
    berita = by_name(collection(config, "berita")["fields"])
    date, modified = berita["date"], berita["modified"]
    for field in (date, modified):
        assert (field["format"], field["date_format"], field["time_format"]) == \
            ("YYYY-MM-DD HH:mm", "YYYY-MM-DD", "HH:mm")
        assert field["picker_utc"] is False
    tanggal = by_name(berita["beredar"]["fields"])["tanggal"]
    assert (tanggal["format"], tanggal["time_format"]) == ("YYYY-MM-DD", False)
    # What dayjs writes with these formats passes validation.
    date_spec = CONTENT_TYPES["berita"].field("date")
    assert date_spec.kind.check(date_spec, "2025-11-28 09:30") is None
    day_spec = CONTENT_TYPES["berita"].field("beredar").subfield("tanggal")
    assert day_spec.kind.check(day_spec, "2025-11-27") is None


def test_numbers_and_limits(config):
    kim = by_name(collection(config, "kim")["fields"])
    assert kim["jumlah_anggota"]["value_type"] == "int"
    assert kim["jumlah_anggota"]["min"] == 1
    lokasi = by_name(kim["lokasi"]["fields"])
    assert lokasi["lat"]["value_type"] == lokasi["lon"]["value_type"] == "float"
    assert (lokasi["lat"]["min"], lokasi["lat"]["max"]) == (-90, 90)
    harga = by_name(by_name(collection(config, "potensi")["fields"])["harga"]["fields"])
    assert set(harga) == {"nilai", "satuan"} and harga["nilai"]["value_type"] == "int"
    klaim = by_name(collection(config, "berita")["fields"])["klaim"]
    assert re.search(klaim["pattern"][0], "x" * 74)
    assert not re.search(klaim["pattern"][0], "x" * 75)


PATTERN_SAMPLES = {
    # kind: (accepted by validation, rejected by validation)
    kinds.SLUG: (["palae", "sari-rasa", "kim-2"], ["Palae", "sari rasa", "-x", "a--b", ""]),
    kinds.URL: (["https://contoh.id/a?b=c", "http://x.id"], ["contoh.id", "ftp://x.id",
                                                             "https:// x"]),
    kinds.EMAIL: (["kim@contoh.id", "a.b@desa.go.id"], ["kim@contoh", "kim contoh.id"]),
    kinds.WHATSAPP: (["0812-3456-7890", "+62 812 3456 7890", "6281234567890",
                       "(0812) 3456.7890"],
                      ["0212345678", "0812", "+1 812 3456 7890", "08123456789012345",
                       "0812-abcd-7890"]),
    kinds.MONTH_OR_DATE: (["2018-09", "2018-09-19"], ["2018-13", "2018-9", "19-09-2018",
                                                       "2018-09-19 10:00"]),
}


@pytest.mark.parametrize("kind", list(PATTERN_SAMPLES))
def test_patterns_agree_with_validation(kind):
    regex, message = kind.pattern
    spec = schema.Field("x", kind, "x")
    good, bad = PATTERN_SAMPLES[kind]
    for value in good:
        assert kind.check(spec, value) is None, value
        assert re.search(regex, value), value
    for value in bad:
        assert kind.check(spec, value) is not None, value
        assert not re.search(regex, value), value
    assert message.startswith(("pakai", "tulis"))  # read after "<label> tidak sesuai: "


def test_hints_are_indonesian_and_say_when_a_field_is_required(config):
    berita = by_name(collection(config, "berita")["fields"])
    assert "Wajib untuk kategori Cek Fakta" in berita["klaim"]["hint"]
    alt = by_name(berita["gambar"]["fields"])["alt"]
    assert alt["required"] is False and "Wajib bila gambar utama diisi" in alt["hint"]
    harga = by_name(collection(config, "potensi")["fields"])["harga"]
    assert "berkas Markdown" in harga["hint"]


def test_body_images_use_the_portal_block_that_writes_static_paths(config):
    body = collection(config, "berita")["fields"][-1]
    assert body["editor_components"] == [cms.BODY_IMAGE_COMPONENT]
    script = (ROOT / "theme" / "static" / "js" / "decap-portal.js").read_text()
    assert f"id: '{cms.BODY_IMAGE_COMPONENT}'" in script
    assert "var PREFIX = '{static}/';" in script


def test_backends_for_development_and_production():
    dev = cms.config(settings())
    assert dev["local_backend"] is True
    assert dev["backend"]["name"] == "github"
    custom = cms.config(settings(CMS_LOCAL_BACKEND_URL="http://localhost:9999/api/v1"))
    assert custom["local_backend"] == {"url": "http://localhost:9999/api/v1"}
    production = cms.config(settings(CMS_LOCAL_BACKEND=False, CMS_REPO="diskominfo/portal",
                                     CMS_BRANCH="terbit", CMS_AUTH_URL="https://auth.contoh.id/",
                                     CMS_AUTH_SITE_DOMAIN="kim.contoh.id"))
    assert "local_backend" not in production
    assert production["backend"]["repo"] == "diskominfo/portal"
    assert production["backend"]["branch"] == "terbit"
    assert production["backend"]["base_url"] == "https://auth.contoh.id"
    assert production["backend"]["site_domain"] == "kim.contoh.id"


def test_policy_allows_only_what_the_editor_needs():
    dev = PagePolicy.from_settings(settings()).editor_csp()
    directives = dict(part.split(" ", 1) for part in dev.split("; "))
    assert directives["script-src"] == "'self' 'unsafe-eval'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert "http://localhost:8081" in directives["connect-src"]
    production = PagePolicy.from_settings(settings(CMS_LOCAL_BACKEND=False)).editor_csp()
    assert "localhost" not in production
    custom = PagePolicy.from_settings(settings(CMS_LOCAL_BACKEND_URL="http://127.0.0.1:9/api")).editor_csp()
    connect = dict(part.split(" ", 1) for part in custom.split("; "))["connect-src"]
    assert connect.split()[-1] == "http://127.0.0.1:9"


def test_yaml_is_deterministic_and_reads_back(config):
    text = cms.config_yaml(settings())
    assert text == cms.config_yaml(settings())
    assert "&id" not in text and "*id" not in text
    assert yaml.safe_load(text) == config


def test_missing_bundle_stops_with_an_indonesian_message(tmp_path):
    with pytest.raises(cms.DecapMissing, match="npm ci --omit=dev"):
        cms.copy_bundle(tmp_path / "tidak-ada", tmp_path / "admin")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_indonesian_interface_covers_every_english_phrase(tmp_path):
    """decap-id.js translates every phrase of the pinned Decap's English
    locale (Decap falls back to English for a missing one)."""
    english = ROOT / "node_modules" / "decap-cms-locales" / "src" / "en" / "index.js"
    if not english.is_file():
        pytest.fail("decap-cms-locales not installed: run bash scripts/install-test-tools.sh")
    script = tmp_path / "keys.js"
    script.write_text(
        "const fs = require('fs');\n"
        "const keys = (o, p = '') => Object.entries(o).flatMap(([k, v]) =>\n"
        "  typeof v === 'object' ? keys(v, p + k + '.') : [p + k]);\n"
        f"const en = new Function(fs.readFileSync({json.dumps(str(english))}, 'utf8')\n"
        "  .replace(/export default en;?/, 'return en;'))();\n"
        "let id = null;\n"
        "global.window = {CMS: {registerLocale: (name, phrases) => { id = phrases; }}};\n"
        f"require({json.dumps(str(ROOT / 'theme' / 'static' / 'js' / 'decap-id.js'))});\n"
        "const have = new Set(keys(id));\n"
        "console.log(JSON.stringify(keys(en).filter(k => !have.has(k))));\n")
    result = subprocess.run(["node", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_editor_guide_shows_the_web_editor():
    guide = (ROOT / "docs" / "panduan-editor.md").read_text()
    assert "## 15. Editor web" in guide
    pictures = re.findall(r"!\[[^\]]+\]\((gambar/[^)]+\.png)\)", guide)
    assert len(pictures) >= 2
    for picture in pictures:
        assert (ROOT / "docs" / picture).is_file(), picture


# --- what the build serves at /admin/ ----------------------------------------------

@pytest.fixture
def admin_site(sample_site):
    """The sample site that the rest of the suite builds already."""
    return sample_site


def test_admin_page_loads_the_bundle_from_the_site(admin_site):
    page = LexborHTMLParser((admin_site / "admin" / "index.html").read_text())
    assert page.css_first("html").attributes["lang"] == "id"
    assert page.css_first('meta[name="robots"]').attributes["content"].startswith("noindex")
    policy = page.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert policy == PagePolicy.from_settings(settings()).editor_csp()
    scripts = [node.attributes["src"] for node in page.css("script[src]")]
    assert scripts == ["/theme/js/tanpa-bingkai.js", "/admin/decap-cms.js",
                       "/theme/js/decap-id.js", "/theme/js/aturan-editor.js",
                       "/theme/js/decap-portal.js",
                       "/theme/js/status-terbit.js", "/theme/js/foto-ponsel.js"]
    for src in scripts:
        assert (admin_site / src.lstrip("/")).is_file(), src
    # The rules the editor checks before saving, next to its configuration.
    rules = json.loads((admin_site / "admin" / "aturan.json").read_text())
    expected = json.loads(json.dumps(editor_rules.editor_rules()))
    assert {key: rules[key] for key in expected if key not in ("entri", "berkas")} == \
        {key: value for key, value in expected.items() if key not in ("entri", "berkas")}
    # ... and the entries and files an entry is checked against.
    assert {row[1] for row in rules["entri"]["kim"]} == {
        f'content/kim/{path.name}' for path in (SAMPLE / "kim").glob("*.md")}
    assert ["palae", 'content/kim/palae.md'] in rules["entri"]["kim"]
    # The sample's published entries use no photo or document of their own.
    assert {f'content/{path.relative_to(SAMPLE).as_posix()}' for path in SAMPLE.rglob("*.md")
            if "status: draft" not in path.read_text()} == set(rules["berkas"])
    assert (admin_site / "admin" / "decap-cms.js").read_bytes() == \
        (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").read_bytes()
    assert not list((admin_site / "admin").glob("*.map"))


@pytest.mark.parametrize("sandbox", ["", ' sandbox="allow-scripts allow-same-origin allow-forms"'])
def test_the_editor_does_not_run_in_another_sites_frame(admin_site, chromium, tmp_path,
                                                        sandbox):
    """Clickjacking: a page elsewhere frames /admin/. The editor does not
    start there and only says how to open it. (Its attempt to take the whole
    window is refused by Chromium without a click in the frame.)"""
    with serving(admin_site) as site, serving(tmp_path) as elsewhere:
        (tmp_path / "index.html").write_text(
            f'<!doctype html><title>x</title><iframe src="{site}/admin/"{sandbox} '
            'width="800" height="600"></iframe>', encoding="utf-8")
        page = chromium.new_page()
        try:
            page.goto(elsewhere + "/")
            frame = page.frame_locator("iframe")
            frame.get_by_text("Editor web tidak dapat dibuka di dalam halaman lain").wait_for()
            page.wait_for_timeout(1000)  # time for Decap to start, were it to
            assert frame.locator("#nc-root").count() == 0
            assert frame.get_by_role("button", name="Masuk").count() == 0
            assert page.url == elsewhere + "/"
        finally:
            page.close()


def test_admin_config_is_the_generated_one(admin_site):
    written = (admin_site / "admin" / "config.yml").read_text()
    assert written == cms.config_yaml(settings())


def test_admin_is_kept_out_of_the_sitemap_and_search_engines(admin_site):
    assert "/admin/" not in (admin_site / "sitemap.xml").read_text()
    assert "Disallow: /admin/\n" in (admin_site / "robots.txt").read_text()


def test_production_admin_saves_through_github_only(tmp_path):
    output = tmp_path / "prod"
    result = build(SAMPLE, output, "publishconf.py",
                   {"PORTAL_SITEURL": "https://kim.contoh.test", "PORTAL_CMS_REPO": "kobar/portal"})
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((output / "admin" / "config.yml").read_text())
    assert "local_backend" not in config
    assert config["backend"]["repo"] == "kobar/portal"
    assert config["site_url"] == "https://kim.contoh.test"
    html = (output / "admin" / "index.html").read_text()
    assert 'src="https://kim.contoh.test/admin/decap-cms.js"' in html
    assert "localhost" not in html


# --- the real editor in Chromium -----------------------------------------------------

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TITLE = "Pelatihan Jurnalistik Warga di Sungai Kapitan"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped with code {process.returncode}")
        try:
            with socket.create_connection(("localhost", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"decap-server did not listen on port {port}")


@pytest.fixture
def editor_project(tmp_path):
    """A private copy of the project with decap-server writing into it."""
    yield from _editor_project(tmp_path, {})


def _editor_project(tmp_path, settings_env):
    if not DECAP_SERVER.is_file() or shutil.which("node") is None:
        pytest.fail("decap-server or Node.js missing: run 'npm ci'")
    project = copy_project(tmp_path / "proyek")
    port = free_port()
    env = {**os.environ, "PORTAL_CMS_LOCAL_BACKEND_URL": f"http://localhost:{port}/api/v1",
           **settings_env}
    built = invoke(project, env, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=project,
        env={**os.environ, "GIT_REPO_DIRECTORY": str(project), "PORT": str(port),
             "LOG_LEVEL": "warn"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for_port(port, server)
        yield project
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        server.stderr.close()


def invoke(project, env, *args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project,
                          capture_output=True, text=True, env=env)


@pytest.fixture
def editor_site(editor_project):
    with serving(editor_project / "output") as url:
        yield url


# A desktop, and the 360 px phone most village editors have: the whole flow,
# with a photo, with no sideways scrolling at any step (editor-ponsel.css).
@pytest.mark.parametrize("width", [1280, 360])
def test_a_news_article_written_in_the_editor_builds(editor_project, editor_site, chromium,
                                                      tmp_path, width):
    screenshots = os.environ.get("CMS_SCREENSHOT_DIR")
    prefix = "" if width == 1280 else "ponsel-"
    photo = tmp_path / "pelatihan-menulis.jpg"
    from PIL import Image, ImageDraw

    # On the desktop a small photo, uploaded as it is; on the phone one as a
    # phone camera takes it (4000x3000, about 4 MB), made smaller before upload.
    size = (960, 640) if width == 1280 else (4000, 3000)
    picture = Image.new("RGB", size, "#9fd3e6")  # sky, river bank, sun
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, size[1] * 5 // 8, size[0], size[1]), fill="#2f7d5b")
    draw.ellipse((size[0] * 3 // 4, size[1] // 8, size[0] * 7 // 8, size[1] * 5 // 16),
                 fill="#f2c14e")
    if width == 360:  # a camera's grain: what makes phone photos large
        picture = Image.blend(picture, Image.effect_noise(size, 24).convert("RGB"), 0.25)
    picture.save(photo, quality=93 if width == 360 else 80)
    assert width == 1280 or photo.stat().st_size > 3_500_000
    problems = []

    widths = []

    def shoot(page, name, **options):
        widths.append((name, page.evaluate("document.documentElement.scrollWidth")))
        if screenshots:
            page.screenshot(path=str(Path(screenshots) / (prefix + name)), **options)

    # The editor's session, in the browser shared by the tests.
    started = time.monotonic()
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="id-ID",
                                   timezone_id="Asia/Jakarta")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        page.goto(editor_site + "/admin/")
        # The local backend (decap-server) needs no account.
        page.get_by_role("button", name="Masuk").click()
        page.get_by_role("link", name="Berita", exact=True).wait_for()
        page.get_by_text("2018-09-20 · Enam Kelompok Informasi Masyarakat").wait_for()
        shoot(page, "editor-web-daftar.png")

        page.get_by_text("Berita baru").click()
        page.get_by_label("Judul", exact=True).fill(TITLE)
        page.get_by_label("Tanggal terbit", exact=True).fill("2025-11-28T09:30")
        page.get_by_label("Kategori", exact=True).click()
        page.get_by_text("Kegiatan", exact=True).click()
        kim = page.get_by_label("KIM terkait")
        kim.click()
        kim.type("Palae")
        page.get_by_text("KIM Palae", exact=True).click()
        page.get_by_label("Ringkasan").fill("KIM Palae melatih warga menulis berita desa.")
        # An optional group typed in and cleared again is left out of the
        # file (decap-portal.js), not saved as `gambar: {keterangan: ""}`.
        page.locator("[id^='gambar-field'] [data-testid=expand-button]").first.click()
        page.get_by_label("Keterangan foto").fill("sementara")
        page.get_by_label("Keterangan foto").fill("")

        body = page.locator("[data-slate-editor]")
        body.click()
        page.keyboard.type("KIM Palae mengadakan pelatihan menulis berita untuk warga.")
        page.keyboard.press("Enter")
        # A photo in the body, through the portal's own "Foto" block.
        page.get_by_title("Sisipkan").click()
        page.get_by_role("menuitem", name="Foto").click()
        page.get_by_text("Pilih gambar", exact=True).last.click()
        page.locator("input[type=file]").last.set_input_files(photo)
        # The uploaded photo is selected.
        page.get_by_text("pelatihan-menulis.jpg").first.wait_for()
        page.get_by_text("Pakai yang dipilih").click()
        page.get_by_label("Teks alternatif", exact=True).last.fill(
            "Peserta pelatihan menulis di balai desa")
        page.get_by_label("Judul", exact=True).scroll_into_view_if_needed()
        shoot(page, "editor-web-berita-baru.png")
        page.get_by_text("Berkas foto", exact=True).last.scroll_into_view_if_needed()
        shoot(page, "editor-web-foto.png")

        save = page.get_by_role("button", name="Simpan").first
        box = save.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # on screen, not off to the side
        save.click()
        page.get_by_text("Simpan sekarang").click()
        page.get_by_text("Isian tersimpan").wait_for()
        shoot(page, "editor-web-tersimpan.png")
    finally:
        context.close()
    assert problems == []
    assert [name for name, scroll in widths if scroll > width] == [], widths
    print(f"{width} px: from opening /admin/ to 'Isian tersimpan' in "
          f"{time.monotonic() - started:.1f} s (scripted)")

    articles = list((editor_project / "content" / "berita").glob("2025-11-28-*.md"))
    assert [p.name for p in articles] == [f"2025-11-28-{plain_slug(TITLE)}.md"]
    metadata, body_text, _, _ = frontmatter.split(articles[0].read_text(encoding="utf-8"))
    assert metadata == {"title": TITLE, "date": "2025-11-28 09:30", "category": "Kegiatan",
                        "summary": "KIM Palae melatih warga menulis berita desa.",
                        "kim": ["palae"]}
    assert "![Peserta pelatihan menulis di balai desa]" \
           "({static}/images/uploads/pelatihan-menulis.jpg)" in body_text
    stored = editor_project / "content" / "images" / "uploads" / "pelatihan-menulis.jpg"
    if width == 1280:
        assert stored.read_bytes() == photo.read_bytes()  # small: as it was, never enlarged
    else:
        with Image.open(stored) as saved:
            assert (saved.format, saved.size) == ("JPEG", (2000, 1500))
        assert stored.stat().st_size <= 500_000
        print(f"phone photo: {photo.stat().st_size / 1e6:.1f} MB -> "
              f"{stored.stat().st_size / 1e3:.0f} KB stored")

    env = dict(os.environ)
    checked = invoke(editor_project, env, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = invoke(editor_project, env, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    page_html = editor_project / "output" / "berita" / plain_slug(TITLE) / "index.html"
    assert page_html.is_file()
    html = page_html.read_text(encoding="utf-8")
    assert "Pelatihan Jurnalistik Warga" in html
    assert 'src="/images/uploads/pelatihan-menulis.jpg"' in html
    assert "/kim/palae/" in html


@contextlib.contextmanager
def logged_in_editor(chromium, site, width=360, height=800):
    """The web editor of `site` in a new phone-sized page of the shared
    browser, logged in (the local backend needs no account)."""
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="id-ID",
                                   timezone_id="Asia/Jakarta")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(site + "/admin/")
        page.get_by_role("button", name="Masuk").click()
        yield page
    finally:
        context.close()


def start_news(page, title):
    """A new article with the fields every article needs filled in."""
    page.get_by_text("Berita baru").click()
    page.get_by_label("Judul", exact=True).fill(title)
    page.get_by_label("Tanggal terbit", exact=True).fill("2025-11-28T09:30")
    page.get_by_label("Kategori", exact=True).click()
    page.get_by_text("Kegiatan", exact=True).click()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_editor_refuses_a_photo_without_alt_text_with_checks_words(editor_project,
                                                                        editor_site, chromium,
                                                                        width):
    """The bug that was reported: a photo group filled in without its alt
    text was saved ("Isian tersimpan") and then rejected by the build. On a
    phone the whole message must be on screen."""
    with logged_in_editor(chromium, editor_site, width, 860) as page:
        start_news(page, "Foto tanpa teks alternatif")
        page.locator("[id^='gambar-field'] [data-testid=expand-button]").first.click()
        page.get_by_label("Keterangan foto").fill("Warga di balai desa")
        page.get_by_role("button", name="Simpan").first.click()
        page.get_by_text("Simpan sekarang").click()
        message = page.get_by_text("kolom 'gambar.alt': teks alternatif wajib diisi")
        message.wait_for()
        assert "Isian gagal disimpan" in message.inner_text()
        assert "kolom 'gambar.src': berkas foto wajib diisi" in message.inner_text()
        assert page.get_by_text("Isian tersimpan").count() == 0
        page.wait_for_timeout(1500)  # the notice slides in from the right
        box = message.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        if os.environ.get("CMS_SCREENSHOT_DIR") and width == 360:
            page.screenshot(path=str(Path(os.environ["CMS_SCREENSHOT_DIR"]) /
                                     "ponsel-editor-web-ditolak.png"))
    assert not list((editor_project / "content" / "berita").glob("2025-11-28-*.md"))


def test_the_editor_refuses_a_slug_another_article_has(editor_project, editor_site, chromium):
    """Rules against the other entries (admin/aturan.json lists them): a new
    article with the slug of an existing one is not saved, in check's words."""
    existing = SAMPLE / "berita" / "2018-09-03-kobar-rencanakan-lima-kim.md"
    slug = frontmatter.split(existing.read_text(encoding="utf-8")).metadata.get("slug") or \
        plain_slug(frontmatter.split(existing.read_text(encoding="utf-8")).metadata["title"])
    with logged_in_editor(chromium, editor_site) as page:
        start_news(page, "Rencana KIM di Kobar")
        page.get_by_label("Slug (alamat halaman)").fill(slug)
        page.get_by_role("button", name="Simpan").first.click()
        page.get_by_text("Simpan sekarang").click()
        message = page.get_by_text(f"kolom 'slug': slug '{slug}' sudah dipakai oleh "
                                   f'content/berita/{existing.name}. Perbaiki: beri slug yang '
                                   "berbeda")
        message.wait_for()
        assert page.get_by_text("Isian tersimpan").count() == 0
    assert not list((editor_project / "content" / "berita").glob("2025-11-28-*.md"))


# -- after "Simpan": building, published or failed -----------------------------------

REPO = "kim-kobar/portal"


def _runs(*jobs):
    """Check runs as GitHub lists them: (job, status, conclusion) each."""
    return [{"id": number, "name": name, "status": status, "conclusion": conclusion}
            for number, (name, status, conclusion) in enumerate(jobs, start=1)]


DONE = "completed"
# What GitHub answers for the saved commit, three looks at each stage, for
# each outcome (jobs of .github/workflows/site.yml). A job that waits for
# another has no check run until it starts: the suite while `changes` runs.
STAGES = {
    # A code change somewhere in the push: the suite runs, the build is done
    # before it, and the deploy waits for both.
    "terbit": [
        _runs(("changes", "queued", None)),
        _runs(("changes", "in_progress", None), ("build", "in_progress", None)),
        _runs(("changes", DONE, "success"), ("test", "in_progress", None),
              ("build", DONE, "success")),
        _runs(("changes", DONE, "success"), ("test", DONE, "success"),
              ("build", DONE, "success"), ("deploy", "in_progress", None)),
        _runs(("changes", DONE, "success"), ("test", DONE, "success"),
              ("build", DONE, "success"), ("deploy", DONE, "success")),
    ],
    # Only content changed (an editor's save): the suite is skipped.
    "terbit-tanpa-uji": [
        _runs(("changes", DONE, "success"), ("test", DONE, "skipped"),
              ("build", "in_progress", None)),
        _runs(("changes", DONE, "success"), ("test", DONE, "skipped"),
              ("build", DONE, "success"), ("deploy", "in_progress", None)),
        _runs(("changes", DONE, "success"), ("test", DONE, "skipped"),
              ("build", DONE, "success"), ("deploy", DONE, "success")),
    ],
    # `invoke check` in the build job refuses the entry (annotated).
    "gagal": [
        _runs(("changes", "in_progress", None), ("build", "in_progress", None)),
        _runs(("changes", DONE, "success"), ("test", DONE, "skipped"),
              ("build", DONE, "failure"), ("deploy", DONE, "skipped")),
    ],
}
FAILED_BUILD = 3  # the id of `build` in the last "gagal" stage


class GitHubStandIn:
    """The three GitHub endpoints the editor asks after a save, answering
    for one commit of the saved file: its check runs go through the stages
    of `outcome` (STAGES), ending failed (with an annotation, as `invoke
    check` writes them in CI) or deployed."""

    def __init__(self, project, outcome):
        self.project, self.outcome = project, outcome
        self.requests = []
        self.looks = 0
        self.message = ("kolom 'gambar.src': berkas gambar 'images/uploads/hilang.jpg' tidak "
                        "ditemukan. Perbaiki: simpan fotonya di folder content/images/")
        self.saved = None

    def answer(self, path, query):
        self.requests.append((path, query))
        base = f"/repos/{REPO}"
        if path == f"{base}/commits":
            self.saved = query.get("path", [""])[0]
            if not (self.project / self.saved).is_file():
                return []  # not saved yet: no commit has this file
            now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            return [{"sha": "c0ffee", "commit": {"committer": {"date": now}}}]
        if path == f"{base}/commits/c0ffee/check-runs":
            stages = STAGES[self.outcome]
            runs = stages[min(self.looks // 3, len(stages) - 1)]
            self.looks += 1
            return {"total_count": len(runs), "check_runs": runs}
        if path == f"{base}/check-runs/{FAILED_BUILD}/annotations":
            return [{"path": self.saved, "start_line": 12, "annotation_level": "failure",
                     "title": "Kolom 'gambar.src'", "message": self.message}]
        return None


@contextlib.contextmanager
def github_stand_in(project, outcome):
    stand_in = GitHubStandIn(project, outcome)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            body = stand_in.answer(url.path, urllib.parse.parse_qs(url.query))
            data = json.dumps(body).encode()
            self.send_response(404 if body is None else 200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

        def do_OPTIONS(self):
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Authorization, Accept")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Everything the panel showed, title and detail, in order (a save shows
# each state at least for one look, 0.5 s here).
RECORD_PANEL = """() => {
  window.panelShown = [];
  new MutationObserver(() => {
    const panel = document.getElementById('status-terbit');
    const text = panel ? [...panel.querySelectorAll('p')].map((p) => p.textContent).join(' ')
                       : '';
    const shown = window.panelShown;
    if (text && text !== shown[shown.length - 1]) shown.push(text);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""
CHECKING = "Situs sedang dibangun… Tahap 1 dari 2: isi diperiksa. Biasanya beberapa menit."
DEPLOYING = "Situs sedang dibangun… Tahap 2 dari 2: situs diterbitkan."
PUBLISHED = "Terbit: perubahan sudah tampil di situs."


@pytest.mark.parametrize("outcome", ["gagal", "terbit", "terbit-tanpa-uji"])
def test_after_saving_the_editor_shows_whether_the_page_was_published(tmp_path, chromium,
                                                                       outcome):
    project_dir = tmp_path / "proyek"
    with github_stand_in(project_dir, outcome) as (stand_in, api):
        env = {"PORTAL_CMS_REPO": REPO, "PORTAL_CMS_STATUS_API": api,
               "PORTAL_CMS_STATUS_POLL_SECONDS": "0.5"}
        projects = _editor_project(tmp_path, env)
        project = next(projects)
        try:
            with serving(project / "output") as site:
                with logged_in_editor(chromium, site) as page:
                    start_news(page, "Rapat KIM bulan ini")
                    page.evaluate(RECORD_PANEL)
                    page.get_by_role("button", name="Simpan").first.click()
                    page.get_by_text("Simpan sekarang").click()
                    status = page.get_by_role("status", name="Status penerbitan")
                    status.get_by_text("Situs sedang dibangun").wait_for()
                    if outcome == "gagal":
                        status.get_by_text("Gagal terbit: situs tidak berubah.").wait_for()
                        item = status.locator("li")
                        assert item.inner_text() == (
                            'content/berita/2025-11-28-rapat-kim-bulan-ini.md baris 12: '
                            + stand_in.message)
                    else:
                        status.get_by_text(PUBLISHED).wait_for()
                        link = status.get_by_role("link", name="Lihat halaman")
                        assert link.get_attribute("href") == \
                            "http://localhost:8000/berita/rapat-kim-bulan-ini/"
                    shown = [text for text in page.evaluate("window.panelShown")
                             if text.startswith(("Situs sedang", "Terbit", "Gagal"))]
                    box = status.bounding_box()
                    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
                    if os.environ.get("CMS_SCREENSHOT_DIR") and outcome != "terbit-tanpa-uji":
                        page.screenshot(path=str(Path(os.environ["CMS_SCREENSHOT_DIR"]) /
                                                 f"ponsel-editor-web-{outcome}.png"))
        finally:
            projects.close()
    assert stand_in.saved == 'content/berita/2025-11-28-rapat-kim-bulan-ini.md'
    asked = {path for path, _ in stand_in.requests}
    assert f"/repos/{REPO}/commits/c0ffee/check-runs" in asked
    assert (f"/repos/{REPO}/check-runs/{FAILED_BUILD}/annotations" in asked) == \
        (outcome == "gagal")
    # Checking until the suite and the build have both finished (a suite not
    # started yet is still to come; a skipped one is finished), then
    # deploying, then published.
    if outcome == "gagal":
        assert shown[0] == CHECKING and shown[-1].startswith("Gagal terbit")
        assert DEPLOYING not in shown
    else:
        assert shown == [CHECKING, DEPLOYING, PUBLISHED]


def test_status_settings_name_the_jobs_of_the_workflow():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    status = cms.status_settings({**DEV, "CMS_REPO": REPO})
    jobs = workflow["jobs"]
    assert status["pemeriksaan"] == ["test", "build"]
    assert status["penerbitan"] == "deploy"
    # Check runs are named after the job ids (no job sets a `name`).
    assert not any("name" in job for job in jobs.values())
    # The deploy waits for every job the panel waits for.
    assert set(status["pemeriksaan"]) <= set(jobs[status["penerbitan"]]["needs"])
    # The build job runs `invoke check`, whose annotations the panel shows.
    assert ".venv/bin/invoke check" in [step.get("run") for step in jobs["build"]["steps"]]
    assert cms.status_settings({**DEV, "CMS_REPO": ""}) == {}


def test_an_activity_written_in_the_editor_on_a_phone_passes_the_check(editor_project,
                                                                        editor_site, chromium):
    """A new content type in the editor, as a village editor uses it: the
    Agenda collection at 360 px, its required group (Tempat) and choices."""
    with logged_in_editor(chromium, editor_site) as page:
        page.get_by_role("link", name="Agenda", exact=True).click()
        page.get_by_text("Acara baru").click()
        page.get_by_label("Nama acara", exact=True).fill("Rapat Rencana Liputan Desa")
        page.get_by_label("Slug (alamat halaman)", exact=True).fill("rapat-rencana-liputan")
        page.get_by_label("Mulai", exact=True).fill("2026-12-05T08:00")
        page.get_by_label("Keadaan acara", exact=True).click()
        page.get_by_text("terjadwal", exact=True).click()
        page.get_by_label("Nama tempat", exact=True).fill("Balai Desa")
        page.get_by_label("Kecamatan", exact=True).click()
        page.get_by_text("Kumai", exact=True).click()
        page.get_by_role("button", name="Simpan").first.click()
        page.get_by_text("Simpan sekarang").click()
        page.get_by_text("Isian tersimpan").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    saved = editor_project / "content" / "acara" / "rapat-rencana-liputan.md"
    metadata = frontmatter.split(saved.read_text(encoding="utf-8")).metadata
    assert metadata["mulai"] == "2026-12-05 08:00"
    assert metadata["tempat"] == {"nama": "Balai Desa", "kecamatan": "Kumai"}
    checked = invoke(editor_project, dict(os.environ), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

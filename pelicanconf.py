"""Development settings. ``publishconf.py`` imports these and overrides only
what production needs."""

import os

PROJECT_ROOT = os.path.dirname(os.path.abspath(__file__))

# Who runs the portal and the default author are not settings here: the
# operator fills them in content/situs.yml (plugins/portal/intake/situs.py).
SITENAME = "Portal KIM Kotawaringin Barat"
SITESUBTITLE = "Kabar dan potensi lokal dari Kelompok Informasi Masyarakat"
SITEURL = ""
# Absolute address of the site, for canonical links, link previews,
# structured data, feeds and the sitemap (the local server in development).
PUBLIC_URL = "http://localhost:8000"

PATH = "content"
THEME = "theme"
# Where the theme's static files are published (Pelican's default, named so
# that templates and the plugin build their addresses from it).
THEME_STATIC_DIR = "theme"
# The plugin is the installed package `portal` (pyproject.toml, plugins/portal/).
PLUGINS = ["portal"]

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
# Only Markdown with YAML front matter is content. reStructuredText would
# also make docutils warn about the "id" language.
READERS = {"rst": None, "html": None, "htm": None, "markdown": None, "mkd": None, "mdown": None}

ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
KIM_PATHS = ["kim"]
POTENSI_PATHS = ["potensi"]
# Nothing of the content folder is copied by Pelican: the portal publishes
# the photos and documents the published entries use, photos as clean
# copies without metadata, after checking their bytes
# (plugins/portal/output/files.py).
STATIC_PATHS = []

MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.sane_lists"],
    "extension_configs": {},
    "output_format": "html5",
}
TYPOGRIFY = True
# Acronyms are everywhere in Indonesian (KIM, SK, UMKM, WIB); wrapping each
# in <span class="caps"> adds bytes and no value.
TYPOGRIFY_OMIT_FILTERS = ["caps"]

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Clean URLs ending in "/".
# Drafts (status: draft) are shown by the development build only, under
# /draf/ with a "DRAF" banner and noindex, so an editor can preview them;
# the production build (publishconf.py) publishes nothing of a draft
# (plugins/portal/__init__.py applies this to Pelican's draft settings).
SHOW_DRAFTS = True


def clean_url(url):
    """A page's address and the file Pelican writes it to: the address ends
    in "/" (or is "" for the home page) and the file is that folder's
    index.html. Lower case, so neither Pelican nor publishconf.py takes it
    for a setting."""
    return url, url + "index.html"


ARTICLE_URL, ARTICLE_SAVE_AS = clean_url("berita/{slug}/")
DRAFT_URL, DRAFT_SAVE_AS = clean_url("draf/berita/{slug}/")
PAGE_URL, PAGE_SAVE_AS = clean_url("{slug}/")
DRAFT_PAGE_URL, DRAFT_PAGE_SAVE_AS = clean_url("draf/{slug}/")
CATEGORY_URL, CATEGORY_SAVE_AS = clean_url("kategori/{slug}/")
CATEGORIES_URL, CATEGORIES_SAVE_AS = clean_url("kategori/")
TAG_URL, TAG_SAVE_AS = clean_url("tag/{slug}/")
TAGS_URL, TAGS_SAVE_AS = clean_url("tag/")
ARCHIVES_URL, ARCHIVES_SAVE_AS = clean_url("arsip/")
# A year page lists the months of the year, not its articles, so the portal
# writes it (plugins/portal/output/generator.py); Pelican's own year archives, which
# would list (or paginate) every article of the year, are off. Pelican still
# writes the month archives, paginated (PAGINATED_TEMPLATES), from the months
# the portal groups in one pass (plugins/portal/domain/grouping.py): Pelican's own
# grouping, on when MONTH_ARCHIVE_SAVE_AS is set, grows with the square of
# the number of articles.
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = ""
ARCHIVE_YEAR_SAVE_AS = "arsip/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = ""
ARCHIVE_MONTH_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
AUTHOR_SAVE_AS = ""
# One language, so no translations to pair (duplicate slugs are caught by
# validation). Pelican pairs them by slug in time that grows with the square
# of the number of articles (8 s at 20,000).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
AUTHORS_SAVE_AS = ""

# The news list lives at /berita/; the home page is its own template.
DIRECT_TEMPLATES = ["beranda", "index", "categories", "tags", "archives", "luring"]
BERANDA_URL, BERANDA_SAVE_AS = clean_url("")
INDEX_URL, INDEX_SAVE_AS = clean_url("berita/")
# No page grows with the content: every full list is paginated, and the
# summary pages (/arsip/, /kim/, a kecamatan) show counts, a few items and
# links to those lists.
DEFAULT_PAGINATION = 10
POTENSI_PER_PAGE = 24
KIM_PER_PAGE = 24
ARCHIVE_PER_PAGE = 20
PETA_PER_PAGE = 50
AGENDA_PER_PAGE = 20  # past activities on each page of /agenda/
VIDEO_PER_PAGE = 12
GALERI_PER_PAGE = 12
DOKUMEN_PER_PAGE = 20
# An album shows this many photos a page; the rest on its next pages.
GALERI_FOTO_PER_PAGE = 24
# What one page repeats is capped, so that every page keeps the page budget
# whatever the content (quality/budgets.py, tests/test_budgets_maximal.py):
KIM_NAMED = 12  # KIM named on an item's page (article, activity...); the rest counted
KIM_NAMED_IN_LIST = 3  # KIM named under an item in a list
PENGURUS_SHOWN = 12  # board members on a KIM profile
FOKUS_SHOWN = 10  # a KIM's fields of activity
TAGS_SHOWN = 12  # tags under an article
POTENSI_FOTO_SHOWN = 8  # photos on a potensi's page
FOOTER_PAGES = 6  # static pages linked in every page's footer
CEK_FAKTA_SHOWN = 10  # fact checks on /cek-fakta/; all of them on their category's pages
AGENDA_COMING_SHOWN = 20  # coming activities on /agenda/; all of them in its calendar
TAGS_INDEX_SHOWN = 100  # the most used tags on /tag/; every tag has its page
ARCHIVE_YEARS_WITH_MONTHS = 5  # /arsip/: the newest years month by month, older ones a line each
STATISTIK_ROWS = 60  # rows of a table on /statistik/ (the newest months); all in /arsip/
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "kim_berita": None,
                       "potensi_index": POTENSI_PER_PAGE, "potensi_kategori": POTENSI_PER_PAGE,
                       "period_archives": ARCHIVE_PER_PAGE,
                       "kecamatan_kim": KIM_PER_PAGE, "kecamatan_potensi": POTENSI_PER_PAGE,
                       "kecamatan_berita": None, "kecamatan_rapor": KIM_PER_PAGE,
                       "peta": PETA_PER_PAGE,
                       "agenda": AGENDA_PER_PAGE, "video_index": VIDEO_PER_PAGE,
                       "galeri_index": GALERI_PER_PAGE, "galeri": GALERI_FOTO_PER_PAGE,
                       "dokumen_index": DOKUMEN_PER_PAGE,
                       "kim_potensi": KIM_PER_PAGE}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

# The portal's own pages (plugins/portal).
KIM_URL, KIM_SAVE_AS = clean_url("kim/{slug}/")
KIM_BERITA_URL, KIM_BERITA_SAVE_AS = clean_url("kim/{slug}/berita/")
KIM_LATEST_BERITA = 4
# A KIM profile shows this many potensi of its desa; more get a page of their own.
KIM_LATEST_POTENSI = 3
KIM_POTENSI_URL, KIM_POTENSI_SAVE_AS = clean_url("kim/{slug}/potensi/")
# A printable A4 poster of each KIM and potensi, for the notice board
# (plugins/portal/output/posters.py).
KIM_POSTER_URL, KIM_POSTER_SAVE_AS = clean_url("kim/{slug}/poster/")
KIM_INDEX_URL, KIM_INDEX_SAVE_AS = clean_url("kim/")
KECAMATAN_URL, KECAMATAN_SAVE_AS = clean_url("kecamatan/{slug}/")
# A kecamatan page (and its section of /kim/) shows this many KIM and potensi
# cards and latest news; longer lists get a page of their own.
KECAMATAN_PREVIEW = 6
KECAMATAN_LATEST_BERITA = 5
KECAMATAN_KIM_URL, KECAMATAN_KIM_SAVE_AS = clean_url("kecamatan/{slug}/kim/")
KECAMATAN_POTENSI_URL, KECAMATAN_POTENSI_SAVE_AS = clean_url("kecamatan/{slug}/potensi/")
# /rapor/ shows each kecamatan's first KECAMATAN_PREVIEW KIM; a kecamatan with
# more has its own paginated Rapor page.
KECAMATAN_RAPOR_URL, KECAMATAN_RAPOR_SAVE_AS = clean_url("rapor/{slug}/")
KECAMATAN_BERITA_URL, KECAMATAN_BERITA_SAVE_AS = clean_url("kecamatan/{slug}/berita/")
KECAMATAN_INDEX_URL, KECAMATAN_INDEX_SAVE_AS = clean_url("kecamatan/")
POTENSI_URL, POTENSI_SAVE_AS = clean_url("potensi/{slug}/")
POTENSI_POSTER_URL, POTENSI_POSTER_SAVE_AS = clean_url("potensi/{slug}/poster/")
POTENSI_INDEX_URL, POTENSI_INDEX_SAVE_AS = clean_url("potensi/")
# Agenda: activities of the KIM (content/acara/), the coming ones first; each
# with a calendar file, and calendars to subscribe to (plugins/portal/output/
# calendar.py). What is "coming" is decided on the day of the build; the
# workflow rebuilds every day. PORTAL_TODAY (YYYY-MM-DD) fixes that day.
ACARA_PATHS = ["acara"]
ACARA_URL, ACARA_SAVE_AS = clean_url("agenda/{slug}/")
ACARA_ICS_URL = "agenda/{slug}/acara.ics"
AGENDA_URL, AGENDA_SAVE_AS = clean_url("agenda/")
AGENDA_ICS_URL = "agenda/agenda.ics"
KIM_AGENDA_ICS_URL = "kim/{slug}/agenda.ics"
KECAMATAN_AGENDA_ICS_URL = "kecamatan/{slug}/agenda.ics"
AGENDA_SOON = 3  # "Agenda terdekat": how many coming activities a page shows
AGENDA_TODAY = os.environ.get("PORTAL_TODAY", "")
# Videos of the KIM (content/video/): the video stays on YouTube; a page
# shows a cover and loads YouTube's player (from its no-cookie domain) only
# when the reader presses "Putar" (theme/static/js/video.js).
VIDEO_PATHS = ["video"]
VIDEO_URL, VIDEO_SAVE_AS = clean_url("video/{slug}/")
VIDEO_INDEX_URL, VIDEO_INDEX_SAVE_AS = clean_url("video/")
YOUTUBE_EMBED_URL = "https://www.youtube-nocookie.com/embed/{id}"
YOUTUBE_WATCH_URL = "https://www.youtube.com/watch?v={id}"
# Documents (content/dokumen/; their PDF files in content/berkas/, published
# as they are once their bytes are checked): a page each, the list, and the
# list of each type and each KIM.
DOKUMEN_PATHS = ["dokumen"]
DOKUMEN_URL, DOKUMEN_SAVE_AS = clean_url("dokumen/{slug}/")
DOKUMEN_INDEX_URL, DOKUMEN_INDEX_SAVE_AS = clean_url("dokumen/")
DOKUMEN_JENIS_URL, DOKUMEN_JENIS_SAVE_AS = clean_url("dokumen/jenis/{slug}/")
DOKUMEN_KIM_URL, DOKUMEN_KIM_SAVE_AS = clean_url("dokumen/kim/{slug}/")
# Photo albums of activities (content/galeri/): the photos are plain links;
# PhotoSwipe (npm, served by the site) shows them larger with script.
GALERI_PATHS = ["galeri"]
GALERI_URL, GALERI_SAVE_AS = clean_url("galeri/{slug}/")
GALERI_INDEX_URL, GALERI_INDEX_SAVE_AS = clean_url("galeri/")
PHOTOSWIPE_DIST = os.path.join(PROJECT_ROOT, "node_modules", "photoswipe", "dist")
PHOTOSWIPE_SAVE_DIR = THEME_STATIC_DIR + "/vendor/photoswipe"
POTENSI_KATEGORI_URL, POTENSI_KATEGORI_SAVE_AS = clean_url("potensi/kategori/{slug}/")
CEK_FAKTA_URL, CEK_FAKTA_SAVE_AS = clean_url("cek-fakta/")
PETA_URL, PETA_SAVE_AS = clean_url("peta/")
PETA_GEOJSON = "peta/lokasi.geojson"
# Leaflet comes from the pinned npm package (`npm ci --omit=dev`) and is
# served by the site itself; tiles come from OpenStreetMap.
LEAFLET_DIST = os.path.join(PROJECT_ROOT, "node_modules", "leaflet", "dist")
LEAFLET_SAVE_DIR = THEME_STATIC_DIR + "/vendor/leaflet"
MAP_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# The web editor at /admin/ (Decap CMS, plugins/portal/editor/cms.py): the bundle
# comes from the pinned npm package and is served by the site; config.yml is
# generated from the content model. Production saves through the GitHub
# backend (repository and branch from the environment; GitHub Actions sets
# GITHUB_REPOSITORY). In development `npx decap-server` (port 8081) lets the
# editor write the files of this working copy instead.
CMS_URL, CMS_SAVE_AS = clean_url("admin/")
CMS_SAVE_DIR = "admin"
DECAP_DIST = os.path.join(PROJECT_ROOT, "node_modules", "decap-cms", "dist")
CMS_REPO = os.environ.get("PORTAL_CMS_REPO") or os.environ.get("GITHUB_REPOSITORY", "")
CMS_BRANCH = os.environ.get("PORTAL_CMS_BRANCH", "main")
# Logging in with GitHub needs an OAuth proxy (GitHub Pages has no server of
# its own; README, "Web editor"): its base address (unset: Decap's default,
# Netlify's https://api.netlify.com), its path, and the site domain Netlify's
# proxy knows the site by (unset: the domain /admin/ is served from).
CMS_AUTH_URL = os.environ.get("PORTAL_CMS_AUTH_URL", "")
CMS_AUTH_ENDPOINT = os.environ.get("PORTAL_CMS_AUTH_ENDPOINT", "auth")
CMS_AUTH_SITE_DOMAIN = os.environ.get("PORTAL_CMS_AUTH_SITE_DOMAIN", "")
CMS_LOCAL_BACKEND = True
# Address of decap-server's API; unset means Decap's default,
# http://localhost:8081/api/v1 (for another port: PORT=8082 npx decap-server).
CMS_LOCAL_BACKEND_URL = os.environ.get("PORTAL_CMS_LOCAL_BACKEND_URL") or None
# After "Simpan" the editor follows the build of the saved commit through the
# GitHub API (check runs of the jobs of .github/workflows/site.yml) and says
# whether the page was published or why not. PORTAL_CMS_STATUS_API points it
# at another API root (the tests' stand-in); it is off without CMS_REPO.
CMS_STATUS_API = os.environ.get("PORTAL_CMS_STATUS_API", "https://api.github.com")
# The jobs that check a commit: the suite (skipped when only content/ changed)
# and the one build, `invoke check` + `invoke publish`; then the one that
# publishes that build.
CMS_STATUS_CHECK_JOBS = ("test", "build")
CMS_STATUS_DEPLOY_JOB = "deploy"
CMS_STATUS_POLL_SECONDS = float(os.environ.get("PORTAL_CMS_STATUS_POLL_SECONDS", "10"))
CMS_STATUS_GIVE_UP_MINUTES = 30
# Search (plugins/portal/output/search.py): pages are indexed in parts of at
# most this many pages. Pagefind needs about 70 KB of memory per page it
# indexes, and an edit indexes its part again (about 1.2 s per 1,000 pages).
SEARCH_PART_SIZE = 1000
# With more indexed pages than this, news older than a year before the newest
# are searched only when the reader asks (a query downloads less).
SEARCH_ARCHIVE_FROM = 5000
CARI_URL, CARI_SAVE_AS = clean_url("cari/")
STATISTIK_URL, STATISTIK_SAVE_AS = clean_url("statistik/")
# Rapor KIM: what each KIM published, as of the build's day (AGENDA_TODAY);
# each profile shows its own (plugins/portal/domain/rapor.py).
RAPOR_URL, RAPOR_SAVE_AS = clean_url("rapor/")
# Weekly digests for WhatsApp groups and channels (plugins/portal/domain/
# digest.py): for the portal, each KIM and each kecamatan ({base}: "",
# "kim/<slug>/", "kecamatan/<slug>/"), a page per ISO week ({minggu}:
# "2026-24") that has news, fact checks or new potensi, with the message to
# paste. Only the newest RINGKASAN_MINGGU weeks, counted back from the newest
# week with items on the site (content dates only, never the build's day).
RINGKASAN_URL, RINGKASAN_SAVE_AS = clean_url("{base}ringkasan/{minggu}/")
RINGKASAN_INDEX_URL, RINGKASAN_INDEX_SAVE_AS = clean_url("{base}ringkasan/")
RINGKASAN_MINGGU = 13  # a quarter: a digest is for sharing now; older news are in /arsip/
RINGKASAN_PER_BAGIAN = 10  # items of each section a digest page lists; the rest on its scope's page
RINGKASAN_KIM_SHOWN = 48  # KIM with digests a kecamatan's digest index links
NOT_FOUND_SAVE_AS = "404.html"

# Readable without signal (plugins/portal/output/offline.py): the portal
# installs like an app (manifest, icons) and its service worker keeps the
# pages a reader opened, for reading without signal; /luring/ lists them; a
# "Hemat data" switch loads photos and maps only when tapped. OFFLINE = False
# switches all of it off, and the worker then removes itself from the
# readers' phones on their next visit.
OFFLINE = True
OFFLINE_SHORT_NAME = "Portal KIM"  # under the icon on a phone's home screen
# The store on a phone: the newest pages a reader opened or saved, and at
# most this many bytes (pages and the photos of saved pages); the oldest go first.
OFFLINE_MAX_PAGES = 200
OFFLINE_MAX_BYTES = 25 * 1024 * 1024
LURING_URL, LURING_SAVE_AS = clean_url("luring/")

# Atom feeds: all news, per category and per KIM.
# Feed entries need absolute links; in development they point at the
# local server of `invoke serve`.
FEED_DOMAIN = PUBLIC_URL
FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
KIM_FEED_ATOM = "feeds/kim/{slug}.atom.xml"
KIM_FEED_ATOM_URL = "feeds/kim/{slug}.atom.xml"
# The newest videos, albums and documents (the agenda has its calendars).
VIDEO_FEED_ATOM = "feeds/video.atom.xml"
GALERI_FEED_ATOM = "feeds/galeri.atom.xml"
DOKUMEN_FEED_ATOM = "feeds/dokumen.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20
# JSON Feed 1.1 (plugins/portal/output/feeds.py): every Atom feed has a twin
# (its name with .json); the kecamatan, the fact checks, the agenda, and the
# directories of KIM and potensi (every entry, FEED_JSON_PAGE a file, the
# next one named by next_url) have JSON feeds of their own. /feeds/ lists
# them and explains their "_portal" extension.
KECAMATAN_FEED_JSON = "feeds/kecamatan/{slug}.json"
CEK_FAKTA_FEED_JSON = "feeds/cek-fakta.json"
AGENDA_FEED_JSON = "feeds/agenda.json"
KIM_FEED_JSON = "feeds/kim.json"
POTENSI_FEED_JSON = "feeds/potensi.json"
FEED_JSON_PAGE = 500
FEEDS_URL, FEEDS_SAVE_AS = clean_url("feeds/")

# Menu: halaman shown in the footer, sections in the header (base.html).
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

DEFAULT_DATE = None
# Dates come from the front matter only (validation asks for them where a
# type has one): no date is read from a file's name ("2024-05-01-x.md").
# Pelican would otherwise parse a date from every such name on every build.
FILENAME_METADATA = ""
# Memory a build may use, in MiB: pages are written by one process per core
# (PORTAL_WORKERS) only while each forked copy still fits (cores.within_memory).
# At 100,000 articles that is one process (2.3 GB at the end of writing; two
# held 2.9 GB halfway and still grew: docs/performance.md). The live preview
# keeps its last build's process (portal/builder/resident.py) through a
# rebuild only while both fit. 0: no limit.
PORTAL_MEMORY_MB = 4096
# Resized photos are kept here between builds (content-addressed).
CACHE_PATH = os.path.join(PROJECT_ROOT, ".cache")
RELATIVE_URLS = False
# The output must not depend on when or where it was built.
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = []

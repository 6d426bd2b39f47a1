"""What reading without signal (issue 28, the OFFLINE setting) costs a
reader: the bytes a first visit downloads (the home page, then an article)
with the feature on and off, which files make the difference, and the first
render of both pages against the 14 KB budget.

    .venv/bin/python bench/offline_cost.py [--host github netlify none] [--phone] [--list]
        [--article /berita/enam-kim-resmi-dibentuk-di-kobar/] [--quiet-ms 4000]

The frozen sample (tests/fixtures/sample) is built twice into a temporary
folder with development settings, as the tests build it: OFFLINE on (the
default) and OFFLINE=False. Each build is served on localhost over HTTP/1.1
with gzip for text, as static hosts serve it, by a server that counts what
it writes for every request (status line, headers and body). The caching
headers are a host's (--host):

- github: Cache-Control max-age=600, Last-Modified and ETag (GitHub Pages);
- netlify: max-age=0, must-revalidate and ETag: every reuse is a 304;
- none: no caching header at all (nothing is reused from the HTTP cache).

Chromium (Debian's, through Playwright; 360 x 800 CSS pixels, with --phone
at 3 device pixels each, as a mobile with touch) starts from an empty
profile for each build and host, opens the home page, waits until the service worker is
active (navigator.serviceWorker.ready) and nothing has been asked of the
server for --quiet-ms, then opens the article in the same tab and waits the
same way. Bytes are the server's, per request; "body" is the compressed
body alone. A real host sends more headers than this server (and HTTP/2
compresses them), so the body is what compares across hosts.

The first render is quality/budgets.py's measure (the page without the
editor's own text, with its stylesheets, gzip level 9); the whole page
with its text is shown beside it.
"""

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from quality.budgets import (  # noqa: E402
    FIRST_RENDER_BUDGET,
    compressed_size,
    first_render_size,
    without_editor_text,
)
from quality.pages import SiteFiles  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))  # its sibling scripts
import static_host  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "sample" / "content"
TODAY = "2026-06-15"  # as tests/conftest.py: the agenda's pages depend on the day
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
# tests/conftest.py's: no request of the browser's own to muddle the count.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTICLE = "/berita/enam-kim-resmi-dibentuk-di-kobar/"
HOSTS = {
    "github": {"Cache-Control": "max-age=600"},
    "netlify": {"Cache-Control": "public, max-age=0, must-revalidate"},
    "none": None,
}

# The feature's own files (plugins/portal/output/offline.py), for the table
# of what each weighs whether or not the browser asked for it.
OFFLINE_FILES = ("theme/js/luring.js", "pekerja-luring.js",
                 "manifest.webmanifest", "theme/aplikasi/ikon-192.png",
                 "theme/aplikasi/ikon-512.png", "theme/aplikasi/ikon-512-maskable.png",
                 "luring/index.html", "theme/js/luring-halaman.js", "theme/js/luring-alat.js",
                 "theme/js/luring-simpan.js", "theme/js/luring-hemat.js")


class _Counted:
    """The connection's writer, counting every byte written to it."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _Handler(static_host.StaticHost):
    """The site's files, text gzipped, the host's caching headers; every
    request logged on the server with the bytes written for it."""

    host = None  # the headers of HOSTS, None for none

    def setup(self):
        super().setup()
        self.wfile = _Counted(self.wfile)

    def handle_one_request(self):
        self.command, start = None, self.wfile.count
        self._status, self._body = None, 0
        self.server.touch()
        try:
            super().handle_one_request()
        finally:
            if self.command and self._status:
                self.server.log.append({
                    "path": unquote(urlsplit(self.path).path),
                    "dest": self.headers.get("Sec-Fetch-Dest", "?"),
                    "status": self._status, "wire": self.wfile.count - start,
                    "body": self._body})
            self.server.touch()

    def validator(self, path, body):
        # A host without caching headers sends no validator either.
        return None if self.host is None else '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def answered(self, status, size):
        self._status, self._body = status, size


class CountingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, folder, host):
        handler = type("Handler", (_Handler,), {"host": HOSTS[host],
                                                "headers_of_host": HOSTS[host] or {}})
        super().__init__(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(folder)))
        self.log, self.last = [], time.monotonic()

    def touch(self):
        self.last = time.monotonic()

    def take(self):
        """The requests logged since the last take."""
        taken, self.log = self.log, []
        return taken


def build(target, overrides):
    """The sample built as tests/conftest.py's build() does."""
    pairs = [f"{key}={json.dumps(value)}" for key, value in overrides.items()]
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(SAMPLE), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(target), "--fatal", "warnings", *(["-e", *pairs] if pairs else [])],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "PORTAL_TODAY": TODAY})
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return target


def settle(tab, server, quiet_ms):
    """Until nothing has been asked of the server for `quiet_ms`."""
    while (time.monotonic() - server.last) * 1000 < quiet_ms:
        tab.wait_for_timeout(100)


def visit(folder, host, article, quiet_ms, offline, phone=False):
    """(requests of the home page, requests of the article, whether a
    service worker controlled the article), from an empty profile."""
    from playwright.sync_api import sync_playwright

    server = CountingServer(folder, host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="profil-") as profile, \
                sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                viewport={"width": 360, "height": 800},
                # A phone's screen (1080 x 2400): the browser picks the app
                # icon it fetches by the screen's density.
                **({"device_scale_factor": 3, "is_mobile": True, "has_touch": True}
                   if phone else {}))
            tab = context.pages[0] if context.pages else context.new_page()
            tab.goto(base + "/", wait_until="load")
            if offline:
                tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
            settle(tab, server, quiet_ms)
            home = server.take()
            tab.goto(base + article, wait_until="load")
            settle(tab, server, quiet_ms)
            second = server.take()
            controlled = tab.evaluate("Boolean(navigator.serviceWorker &&"
                                      " navigator.serviceWorker.controller)")
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return home, second, controlled


def rows(requests):
    """{(path, what asked): [requests, wire bytes, body bytes, statuses]}."""
    table = {}
    for request in requests:
        key = (request["path"], request["dest"])
        row = table.setdefault(key, [0, 0, 0, set()])
        row[0] += 1
        row[1] += request["wire"]
        row[2] += request["body"]
        row[3].add(request["status"])
    return table


def report_visit(title, on, off, listing):
    """One page's table: every file asked for with the feature on or off."""
    with_rows, without_rows = rows(on), rows(off)
    totals = [sum(r["wire"] for r in side) for side in (on, off)]
    bodies = [sum(r["body"] for r in side) for side in (on, off)]
    print(f"\n{title}: {len(on)} requests on, {len(off)} off")
    print(f"  {'file (asked as)':<52} {'on':>14} {'off':>14} {'difference':>11}")
    for key in sorted(set(with_rows) | set(without_rows)):
        yes, no = with_rows.get(key), without_rows.get(key)
        if not listing and yes and no and yes[:3] == no[:3]:
            continue
        name = f"{key[0]} ({key[1]})"
        print(f"  {name:<52} {_cell(yes):>14} {_cell(no):>14} "
              f"{_wire(yes) - _wire(no):>+11,}")
    print(f"  {'total on the wire':<52} {totals[0]:>14,} {totals[1]:>14,} "
          f"{totals[0] - totals[1]:>+11,}")
    print(f"  {'of which bodies (compressed)':<52} {bodies[0]:>14,} {bodies[1]:>14,} "
          f"{bodies[0] - bodies[1]:>+11,}")
    return totals[0] - totals[1], bodies[0] - bodies[1]


def _wire(row):
    return row[1] if row else 0


def _cell(row):
    """'1,234 ×2 304': bytes, times asked when more than once, statuses other than 200."""
    if not row:
        return "-"
    count = f" ×{row[0]}" if row[0] > 1 else ""
    statuses = ",".join(str(s) for s in sorted(row[3]) if s != 200)
    return f"{row[1]:,}{count}{' ' + statuses if statuses else ''}"


def first_render(folders, article):
    """{page: {build: (budget measure, whole page with its sheets)}}."""
    figures = {}
    for page in ("index.html", article.strip("/") + "/index.html"):
        for label, folder in folders.items():
            site = SiteFiles(folder)
            text = site.text(page)
            tree = LexborHTMLParser(text)
            measured = first_render_size(site, page, tree, text)
            # The sheets' share of the measure, to add to the whole page.
            sheets = measured - compressed_size(without_editor_text(tree, text).encode("utf-8"))
            whole = compressed_size(text.encode("utf-8")) + sheets
            figures.setdefault(page, {})[label] = (measured, whole)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", nargs="+", choices=sorted(HOSTS), default=["github"],
                        help="caching headers of which host (default: github)")
    parser.add_argument("--article", default=ARTICLE, help="the second page")
    parser.add_argument("--quiet-ms", type=int, default=4000,
                        help="nothing asked of the server for this long: settled")
    parser.add_argument("--phone", action="store_true",
                        help="a phone's screen: 3 device pixels a CSS pixel, touch")
    parser.add_argument("--list", action="store_true",
                        help="every file, also those the same with the feature off")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luring-") as temporary:
        folders = {"on": build(Path(temporary) / "on", {}),
                   "off": build(Path(temporary) / "off", {"OFFLINE": False})}
        print("The feature's files, gzip level 6 (as served; PNG as is):")
        for name in OFFLINE_FILES:
            path = folders["on"] / name
            if path.is_file():
                data = path.read_bytes()
                packed = len(data) if name.endswith(".png") else len(gzip.compress(data, 6,
                                                                                   mtime=0))
                print(f"  {name:<40} {len(data):>8,} {packed:>8,}")
        for host in args.host:
            print(f"\n== host headers: {host} ==")
            on = visit(folders["on"], host, args.article, args.quiet_ms, True, args.phone)
            off = visit(folders["off"], host, args.article, args.quiet_ms, False, args.phone)
            first = report_visit("home page, first visit", on[0], off[0], args.list)
            second = report_visit(f"then {args.article}", on[1], off[1], args.list)
            print(f"\nextra with OFFLINE on: first visit {first[0]:+,} bytes on the wire "
                  f"({first[1]:+,} of bodies), second page {second[0]:+,} ({second[1]:+,}); "
                  f"both {first[0] + second[0]:+,} ({first[1] + second[1]:+,}); "
                  f"worker controls the second page: {'yes' if on[2] else 'no'}")
        print(f"\nFirst render, gzip level 9, budget {FIRST_RENDER_BUDGET:,} bytes "
              "(without the editor's text | whole page), with its stylesheets:")
        for page, builds in first_render(folders, args.article).items():
            cells = "   ".join(f"{label} {measured:,} | {whole:,}"
                               for label, (measured, whole) in builds.items())
            worst = max(measured for measured, _ in builds.values())
            print(f"  /{page.removesuffix('index.html'):<45} {cells}   "
                  f"{'within' if worst <= FIRST_RENDER_BUDGET else 'OVER'}")


if __name__ == "__main__":
    main()

"""What a reader on a slow connection downloads, and how long it takes, when
opening a potensi page (whose map sits below the fold), that scrolling to
the map costs nothing, and what the map costs once the reader presses
"Tampilkan peta"; an article is measured beside it for comparison.
Chromium, network throttled through the DevTools protocol
(``Network.emulateNetworkConditions``), 360 x 800 px, empty cache per run.

    .venv/bin/python bench/map_transfer.py [--latency 400] [--kbps 400] [--runs 3]
        [--tile-kb 10] [--list] [PATH ...]

PATHs default to /potensi/taman-kelinci/ and an article of the frozen
sample (tests/fixtures/sample), which is built into a temporary folder with
MAP_TILES pointing at a local stand-in tile server: these machines have no
internet, and a request answered by the browser itself would not be
throttled. Every tile is the same PNG of --tile-kb KB (real OpenStreetMap
tiles vary), so tiles are counted and reported apart from the site's own
bytes. The site is served over HTTP/1.1 with gzip for text
(search_first_result.serve, as static hosts do).

Reported per page: bytes on the wire (DevTools' encodedDataLength, headers
included) and requests until the network is quiet, whether Leaflet was
among them, the tiles, the time to the load event and to the last byte;
then what scrolling the map into view added (nothing), and what pressing
its button added.
"""

import argparse
import json
import statistics
import struct
import sys
import tempfile
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_first_result import CHROMIUM, CHROMIUM_ARGS, ROOT, serve  # noqa: E402

PAGES = ("/potensi/taman-kelinci/", "/berita/enam-kim-resmi-dibentuk-di-kobar/")
QUIET_MS = 1500  # no request in flight for this long: the page has settled

# When the last response of the page ended, from the navigation's start.
LAST_BYTE = """() => Math.max(
  performance.getEntriesByType('navigation')[0].loadEventEnd,
  ...performance.getEntriesByType('resource').map((r) => r.responseEnd))"""


def stand_in_tile(size):
    """A valid 1x1 PNG padded with a text chunk to `size` bytes."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
    end = chunk(b"IEND", b"")
    padding = max(0, size - len(head) - len(pixels) - len(end) - 12 - len(b"Comment\0"))
    return head + chunk(b"tEXt", b"Comment\0" + b"x" * padding) + pixels + end


def tile_server(body):
    class Tiles(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build_sample(target, tiles):
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "tests" / "fixtures" / "sample" / "content"),
         "-s", str(ROOT / "pelicanconf.py"), "-o", str(target), "--fatal", "warnings",
         "-e", f"MAP_TILES={json.dumps(tiles + '/{z}/{x}/{y}.png')}"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return target


class Recorder:
    """Every response of one tab, with its bytes on the wire, from DevTools."""

    def __init__(self, cdp):
        self.urls, self.sizes, self.pending = {}, {}, set()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived",
               lambda e: self.urls.__setitem__(e["requestId"], e["response"]["url"]))
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", lambda e: self.pending.discard(e["requestId"]))

    def _sent(self, event):
        self.pending.add(event["requestId"])
        self.urls.setdefault(event["requestId"], event["request"]["url"])

    def _finished(self, event):
        self.pending.discard(event["requestId"])
        self.sizes[event["requestId"]] = event["encodedDataLength"]

    def snapshot(self, tiles):
        done = [(self.urls[key], size) for key, size in self.sizes.items()]
        own = [(url, size) for url, size in done if not url.startswith(tiles)]
        return {
            "bytes": sum(size for _, size in own),
            "requests": len(own),
            "leaflet": any("leaflet" in url for url, _ in own),
            "tiles": sum(1 for url, _ in done if url.startswith(tiles)),
            "tile_bytes": sum(size for url, size in done if url.startswith(tiles)),
            "files": sorted(own),
        }


def settle(tab, recorder):
    """Wait until no request has been in flight for QUIET_MS."""
    quiet = 0
    while quiet < QUIET_MS:
        tab.wait_for_timeout(100)
        quiet = 0 if recorder.pending else quiet + 100


def measure(base, tiles, path, latency_ms, kbps):
    from playwright.sync_api import sync_playwright

    conditions = {"offline": False, "latency": latency_ms,
                  "downloadThroughput": kbps * 1000 / 8, "uploadThroughput": kbps * 1000 / 8}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 800})
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        recorder = Recorder(cdp)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", conditions)
        tab.goto(base + path, wait_until="load")
        settle(tab, recorder)
        opened = recorder.snapshot(tiles)
        opened["load_ms"] = tab.evaluate(
            "performance.getEntriesByType('navigation')[0].loadEventEnd")
        opened["last_byte_ms"] = tab.evaluate(LAST_BYTE)
        scrolled = pressed = None
        if tab.locator(".map").count():
            tab.locator(".map").first.scroll_into_view_if_needed()
            settle(tab, recorder)
            scrolled = recorder.snapshot(tiles)
            start = tab.evaluate("performance.now()")
            tab.get_by_role("button", name="Tampilkan peta").click()
            tab.locator(".map .leaflet-interactive").first.wait_for(timeout=60000)
            settle(tab, recorder)
            pressed = recorder.snapshot(tiles)
            pressed["map_ms"] = max(0, tab.evaluate(LAST_BYTE) - start)
            pressed["drawn"] = tab.locator(".map .leaflet-interactive").count() > 0
        context.close()
        browser.close()
    return opened, scrolled, pressed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=list(PAGES))
    parser.add_argument("--latency", type=int, default=400, help="round trip, ms")
    parser.add_argument("--kbps", type=int, default=400, help="kbit/s each way")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tile-kb", type=float, default=10)
    parser.add_argument("--list", action="store_true", help="print each file of the first run")
    args = parser.parse_args()
    tiles, tiles_url = tile_server(stand_in_tile(int(args.tile_kb * 1024)))
    with tempfile.TemporaryDirectory(prefix="peta-") as temporary:
        folder = build_sample(Path(temporary) / "out", tiles_url)
        server, base = serve(folder)
        try:
            for path in args.paths:
                runs = [measure(base, tiles_url, path, args.latency, args.kbps)
                        for _ in range(args.runs)]
                report(path, runs, args)
        finally:
            for running in (server, tiles):
                running.shutdown()
                running.server_close()


def report(path, runs, args):
    opened = [o for o, _, _ in runs]
    first = opened[0]
    print(f"{path} ({args.latency} ms, {args.kbps} kbit/s, median of {len(runs)} runs)")
    print(f"  opened:   {first['bytes']:,} bytes in {first['requests']} requests from the site, "
          f"Leaflet {'loaded' if first['leaflet'] else 'not loaded'}, "
          f"{first['tiles']} tiles ({first['tile_bytes']:,} bytes); "
          f"load event {statistics.median(o['load_ms'] for o in opened) / 1000:.1f} s, "
          f"last byte {statistics.median(o['last_byte_ms'] for o in opened) / 1000:.1f} s")
    if args.list:
        for url, size in first["files"]:
            print(f"    {size:>8,} {url.split('/', 3)[-1]}")
    scrolled = runs[0][1]
    if scrolled:
        print(f"  scrolled to the map: + {scrolled['bytes'] - first['bytes']:,} bytes, "
              f"{scrolled['requests'] - first['requests']} requests, {scrolled['tiles']} tiles")
    pressed = [p for _, _, p in runs if p]
    if pressed:
        after = pressed[0]
        print(f"  pressed:  {after['bytes']:,} bytes in {after['requests']} requests from the "
              f"site, {after['tiles']} tiles ({after['tile_bytes']:,} bytes); map drawn: "
              f"{'yes' if after['drawn'] else 'no'}, its last byte "
              f"{statistics.median(p['map_ms'] for p in pressed) / 1000:.1f} s after the press")
        if args.list:
            for url, size in sorted(set(after["files"]) - set(first["files"])):
                print(f"    {size:>8,} {url.split('/', 3)[-1]}")


if __name__ == "__main__":
    main()

"""How long a reader on a slow connection waits on /cari/ for the first
search result, and for all of them, measured in Chromium with the network
throttled through the DevTools protocol (``Network.emulateNetworkConditions``).

    .venv/bin/python bench/search_first_result.py [OUTPUT_DIR] [--query kelinci]
        [--latency 400] [--kbps 400] [--runs 5]

OUTPUT_DIR is a site built with development settings (SITEURL ""); without
it the frozen sample (tests/fixtures/sample) is built into a temporary
folder. The site is served on localhost over HTTP/1.1 with gzip for text,
as static hosts (GitHub Pages, Netlify) serve it; each run starts from an
empty browser cache. Times are from the start of navigation (the
page's ``performance.now()``): the first result's title on the page, and
the status line saying how many results there are (all of them shown).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # its sibling scripts
import static_host  # noqa: E402

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]

# Marks, in the page, when the first result and the final status appear.
WATCH = """
new MutationObserver(() => {
  if (window.__first === undefined && document.querySelector('.search__title a')) {
    window.__first = performance.now();
  }
  const status = document.querySelector('[data-search-status]');
  if (window.__done === undefined && status && /hasil/.test(status.textContent)) {
    window.__done = performance.now();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def serve(folder):
    return static_host.serve(static_host.StaticHost, folder)


def first_result(base, query, latency_ms, kbps, runs):
    """[(ms to the first result, ms to all results, status line)] per run."""
    from playwright.sync_api import sync_playwright

    conditions = {"offline": False, "latency": latency_ms,
                  "downloadThroughput": kbps * 1000 / 8, "uploadThroughput": kbps * 1000 / 8}
    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            # A new context each time: nothing comes from the browser's cache.
            # bypass_csp: the page's CSP forbids the evaluated probes below.
            context = browser.new_context(viewport={"width": 360, "height": 800},
                                          bypass_csp=True)
            context.add_init_script(WATCH)
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", conditions)
            tab.goto(f"{base}/cari/?q={quote(query)}", wait_until="commit")
            tab.wait_for_function("window.__done !== undefined", timeout=120000)
            first, done = tab.evaluate("[window.__first, window.__done]")
            measured.append((first, done, tab.inner_text("[data-search-status]")))
            context.close()
        browser.close()
    return measured


def build_sample(target):
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "tests" / "fixtures" / "sample" / "content"),
         "-s", str(ROOT / "pelicanconf.py"), "-o", str(target), "--fatal", "warnings"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return target


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", help="a built site (default: the frozen sample)")
    parser.add_argument("--query", default="kelinci")
    parser.add_argument("--latency", type=int, default=400, help="round trip, ms")
    parser.add_argument("--kbps", type=int, default=400, help="kbit/s each way")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cari-") as temporary:
        folder = Path(args.output) if args.output else build_sample(Path(temporary) / "out")
        server, base = serve(folder)
        try:
            runs = first_result(base, args.query, args.latency, args.kbps, args.runs)
        finally:
            server.shutdown()
            server.server_close()
    for first, done, status in runs:
        shown = "none" if first is None else f"{first:,.0f} ms"
        print(f"first result {shown:>10}   all results {done:,.0f} ms   {status}")
    firsts = [first for first, _, _ in runs if first is not None]
    if firsts:
        print(f"median: first result {statistics.median(firsts):,.0f} ms, all results "
              f"{statistics.median(done for _, done, _ in runs):,.0f} ms "
              f"({args.latency} ms latency, {args.kbps} kbit/s, query “{args.query}”, "
              f"{len(runs)} runs)")


if __name__ == "__main__":
    main()

"""How long an editor on a slow connection waits for the web editor at
/admin/ to be usable (its login button visible and enabled), and how many
bytes the browser transferred by then, measured in Chromium at 360x800 with
the network throttled through the DevTools protocol.

    .venv/bin/python bench/editor_first_screen.py [OUTPUT_DIR] [--latency 400]
        [--kbps 400] [--runs 3]

OUTPUT_DIR is a site built with development settings; without it the frozen
sample (tests/fixtures/sample) is built into a temporary folder. Served over
HTTP/1.1 with gzip for text (bench/search_first_result.py's server), from an
empty browser cache on every run.
"""

import argparse
import importlib.util
import statistics
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("search_first_result",
                                              HERE / "search_first_result.py")
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)


def first_screen(base, latency_ms, kbps, runs):
    """[(ms to a usable login button, bytes transferred by then)] per run."""
    from playwright.sync_api import sync_playwright

    conditions = {"offline": False, "latency": latency_ms,
                  "downloadThroughput": kbps * 1000 / 8, "uploadThroughput": kbps * 1000 / 8}
    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_bench.CHROMIUM,
                                             args=_bench.CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 360, "height": 800},
                                          is_mobile=True, locale="id-ID")
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            received = []
            cdp.on("Network.loadingFinished",
                   lambda event, into=received: into.append(event["encodedDataLength"]))
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", conditions)
            tab.goto(f"{base}/admin/", wait_until="commit")
            tab.get_by_role("button", name="Masuk").wait_for(state="visible", timeout=300000)
            elapsed = tab.evaluate("performance.now()")
            measured.append((elapsed, sum(received)))
            context.close()
        browser.close()
    return measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", help="a built site (default: the frozen sample)")
    parser.add_argument("--latency", type=int, default=400, help="round trip, ms")
    parser.add_argument("--kbps", type=int, default=400, help="kbit/s each way")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="admin-") as temporary:
        folder = Path(args.output) if args.output else _bench.build_sample(
            Path(temporary) / "out")
        server, base = _bench.serve(folder)
        try:
            runs = first_screen(base, args.latency, args.kbps, args.runs)
        finally:
            server.shutdown()
            server.server_close()
    for elapsed, size in runs:
        print(f"usable after {elapsed / 1000:5.1f} s   {size / 1e6:.2f} MB transferred")
    print(f"median: {statistics.median(e for e, _ in runs) / 1000:.1f} s, "
          f"{statistics.median(s for _, s in runs) / 1e6:.2f} MB "
          f"({args.latency} ms latency, {args.kbps} kbit/s, {len(runs)} runs)")


if __name__ == "__main__":
    main()

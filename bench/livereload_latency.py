"""Time from saving an article to the reloaded page in the browser, with
`invoke livereload` on the sample site and on a generated site.

    .venv/bin/python bench/livereload_latency.py [ARTICLES ...]   (default: 0 1000)

0 means the sample content. Each size is measured three times; the median
is reported. Between saves the page is left open for BENCH_PAUSE_MS
milliseconds (default 5000), as an editor reads it before saving again.
"""

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402
from processes import memory_of_tree  # noqa: E402

PROJECT_FILES = ("plugins", "quality", "theme", "tasks.py", "pelicanconf.py", "publishconf.py")
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
PAUSE_MS = int(os.environ.get("BENCH_PAUSE_MS", "5000"))
# Long enough for the last save's rebuild to finish before memory is read.
BUILD_WAIT_MS = int(os.environ.get("BENCH_BUILD_WAIT_MS", "30000"))


def project_copy(articles):
    work = Path(tempfile.mkdtemp(prefix="bench-livereload-"))
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
    (work / "node_modules").symlink_to(ROOT / "node_modules")
    if articles:
        generate(work / "content", articles)
    else:
        shutil.copytree(ROOT / "content", work / "content")
    return work


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(url)


def measure(articles, runs=3):
    work = project_copy(articles)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", "--port",
                               str(port)], cwd=work, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    article = sorted((work / "content" / "berita").glob("*.md"))[-1]
    slug = next(line.split(":", 1)[1].strip() for line in article.read_text().splitlines()
                if line.startswith("slug:")) if "slug:" in article.read_text() else None
    url = f"http://localhost:{port}/berita/{slug}/"
    times = []
    memory = 0.0
    try:
        wait_until_up(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(url)
            page.wait_for_timeout(1500)  # let livereload.js connect
            for run in range(runs):
                marker = f"Penanda-{articles}-{run}-{time.time_ns()}"
                start = time.monotonic()
                article.write_text(article.read_text() + f"\n{marker}\n")
                page.get_by_text(marker).wait_for(timeout=600_000)
                times.append(time.monotonic() - start)
                # An editor reads the page before saving again.
                page.wait_for_timeout(PAUSE_MS)
            # At rest once the last rebuild is done: the server and the
            # resident (the last build's process, builder/resident.py).
            page.wait_for_timeout(BUILD_WAIT_MS)
            memory = memory_of_tree(server.pid)
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return times, memory


def main(sizes):
    for articles in sizes:
        times, memory = measure(articles)
        label = "contoh" if articles == 0 else f"{articles} berita"
        print(f"{label:12} simpan -> halaman dimuat ulang: median {statistics.median(times):.1f} s "
              f"({', '.join(f'{t:.1f}' for t in times)}); memori pratinjau saat diam "
              f"{memory:,.0f} MiB")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [0, 1000])

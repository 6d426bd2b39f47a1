"""Build benchmark: the portal against stock Pelican (`simple` theme) and
Hugo (minimal layouts) on the same generated articles.

    .venv/bin/python bench/run.py --sizes 1000,5000,20000 --runs 3 [--report docs/performance.md]

With --report, the tables replace what stands between the
`<!-- bench:start -->` and `<!-- bench:end -->` markers of that file.

For each size (number of articles; one KIM per ten articles, three potensi
per KIM) it reports, as the median of --runs runs: cold build time (empty
output and caches), peak memory (all the build's processes together,
sampled) and output size; whether two cold builds gave the same bytes; the
rebuild time after adding a sentence to one article's body and after
changing one article's title (caches kept, into a new folder and from the
previous build, as `invoke build`, `livereload` and `publish` do: pages
that did not change are carried over, builder/incremental.py), and whether
the last rebuild has the same bytes as a full build of the same content; then the
same articles built by stock Pelican and by Hugo, and the ratios. On the
first cold build it also measures the heaviest page (HTML and CSS,
compressed) and what one search query downloads in Chromium. With
--livereload, the time from saving an article to the reloaded page in
`invoke livereload` (bench/livereload_latency.py) on the sample and each
size.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # its sibling scripts
from generate import generate  # noqa: E402
from processes import memory_of_tree  # noqa: E402
from search_transfer import search_transfer  # noqa: E402

SITEURL = "https://kim.contoh.test"
# The build's day, the same for every build of one run: the agenda, rapor and
# calendars change with the regency's day (17:00 UTC), and a day change
# between a cold build and its rebuild renders every page again.
sys.path.insert(0, str(ROOT / "plugins"))
from portal.domain.agenda import today  # noqa: E402

TODAY = os.environ.get("PORTAL_TODAY") or today().isoformat()
_site = None

PYTHON = sys.executable


def timed(command, cwd=ROOT, env=None):
    """Run `command`; return (seconds, peak memory in MiB of it and all its
    processes together, sampled every 0.2 s, CPU seconds of them all)."""
    import threading

    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak[0] = max(peak[0], memory_of_tree(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{stderr[-3000:]}")
    # The largest single process (kernel figure) is a floor for the sampled sum.
    cpu = usage.ru_utime + usage.ru_stime  # includes the children it waited for
    return seconds, max(peak[0], usage.ru_maxrss / 1024), cpu


def folder_size(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 2**20


def output_kinds(path):
    """{kind: [files, bytes]} of an output folder, a kind being the first
    folder and the file's suffix (issue 27, item 4 asks per article for both
    bytes and files, and what to cut needs to know which kind weighs)."""
    kinds = {}
    for file in Path(path).rglob("*"):
        if file.is_file():
            parts = file.relative_to(path).parts
            folder = parts[0] if len(parts) > 1 else "."
            kind = kinds.setdefault(f"{folder} {file.suffix or '-'}", [0, 0])
            kind[0] += 1
            kind[1] += file.stat().st_size
    return kinds


def _page_sizes(names):
    from selectolax.lexbor import LexborHTMLParser

    from quality.budgets import first_render_size
    return [(first_render_size(_site, name, LexborHTMLParser(text := _site.text(name)), text,
                               SITEURL), name) for name in names]


def largest_page(output):
    """(compressed bytes, name) of the heaviest reader page, HTML and CSS,
    and the number of reader pages; measured on both cores."""
    import multiprocessing

    from quality.pages import SiteFiles, is_reader_page

    global _site
    _site = SiteFiles(output)
    names = [name for name in _site.html_names() if is_reader_page(name)]
    runs = [names[start::8] for start in range(8)]
    with multiprocessing.get_context("fork").Pool() as pool:
        sizes = [size for part in pool.map(_page_sizes, runs) for size in part]
    return max(sizes), len(names)


# -- the three builders -------------------------------------------------------

def portal_build(content, output, cache, previous=None):
    overrides = [f'CACHE_PATH="{cache}"']
    if previous is not None:
        overrides.append(f'INCREMENTAL_FROM="{previous}"')
    return timed([PYTHON, "-m", "pelican", str(content), "-s", str(ROOT / "publishconf.py"),
                  "-o", str(output), "--fatal", "warnings", "-e", *overrides],
                 env={"PORTAL_SITEURL": SITEURL, "PORTAL_TODAY": TODAY})


def same_bytes(first, second):
    """Whether two output folders hold the same files with the same bytes."""
    import filecmp

    def names(folder):
        return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*")
                      if p.is_file())

    listed = names(first)
    if listed != names(second):
        return False
    _, mismatch, errors = filecmp.cmpfiles(first, second, listed, shallow=False)
    return not mismatch and not errors


def stock_tree(content, target):
    """The same articles as stock Pelican reads them (its Markdown metadata)."""
    (target / "berita").mkdir(parents=True)
    for path in sorted((content / "berita").glob("*.md")):
        head, body = path.read_text().split("\n---\n", 1)
        meta = dict(line.split(": ", 1) for line in head.splitlines()[1:] if ": " in line)
        tags = meta["tags"].strip("[]")
        (target / "berita" / path.name).write_text(
            f"Title: {meta['title']}\nDate: {meta['date']}\nCategory: {meta['category']}\n"
            f"Tags: {tags}\nSlug: {meta['slug']}\nSummary: {meta['summary']}\n\n{body}")
    settings = target.parent / "stock_settings.py"
    settings.write_text('SITENAME = "Stock"\nSITEURL = "https://kim.contoh.test"\n'
                        'TIMEZONE = "Asia/Jakarta"\nDEFAULT_LANG = "en"\n'
                        'THEME = "simple"\nDEFAULT_PAGINATION = 10\n'
                        'FEED_DOMAIN = SITEURL\nFEED_ALL_ATOM = "feeds/all.atom.xml"\n')
    return settings


def stock_build(content, output, settings):
    return timed([PYTHON, "-m", "pelican", str(content), "-s", str(settings), "-o",
                  str(output)])


def hugo_tree(content, target):
    """The same articles for Hugo, with minimal single and list layouts."""
    (target / "content" / "berita").mkdir(parents=True)
    for path in sorted((content / "berita").glob("*.md")):
        text = path.read_text()
        # Hugo wants ISO dates: "2019-01-01 08:00" -> "2019-01-01T08:00:00+07:00".
        lines = [(f"date: {line[6:16]}T{line[17:22]}:00+07:00" if line.startswith("date: ")
                  else line) for line in text.split("\n---\n", 1)[0].splitlines()]
        body = text.split("\n---\n", 1)[1]
        (target / "content" / "berita" / path.name).write_text(
            "\n".join(lines) + "\n---\n" + body)
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n')
    (layouts / "single.html").write_text(
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}'
        '</time>{{ .Content }}</article>{{ end }}\n')
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li>'
        '<a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    (target / "hugo.toml").write_text(
        'baseURL = "https://kim.contoh.test/"\nlanguageCode = "id"\ntitle = "Hugo"\n'
        '[pagination]\npagerSize = 10\n[taxonomies]\ntag = "tags"\ncategory = "categories"\n')
    return target


def hugo_build(site, output):
    return timed([str(Path(PYTHON).parent / "hugo"), "--quiet", "--source", str(site),
                  "--destination", str(output)])


# -- measuring ----------------------------------------------------------------

def median_of(runs, action):
    """(median seconds, largest memory, median CPU seconds) of `runs` runs."""
    results = [action(run) for run in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            statistics.median(r[2] for r in results))


def measure(size, runs, work):
    content = generate(work / f"konten-{size}", size)
    cache = work / f"cache-{size}"
    row = {"size": size}

    def cold(run):
        shutil.rmtree(cache, ignore_errors=True)
        return portal_build(content, work / f"out-{size}-{run}", cache)

    row["cold"], row["memory"], row["cold_cpu"] = median_of(runs, cold)
    row["output"] = folder_size(work / f"out-{size}-0")
    row["kinds"] = output_kinds(work / f"out-{size}-0")
    row["files"] = sum(files for files, _ in row["kinds"].values())
    (row["largest"], row["largest_page"]), row["pages"] = largest_page(work / f"out-{size}-0")
    row["search"] = search_transfer(work / f"out-{size}-0", SITEURL)
    entries = [path.parent.name for path in (work / f"out-{size}-0").glob(
        "pagefind*/pagefind-entry.json")]
    row["search_parts"] = (len([name for name in entries if "arsip" not in name]),
                           len([name for name in entries if "arsip" in name]))
    row["identical"] = same_bytes(work / f"out-{size}-0", work / f"out-{size}-1") \
        if runs > 1 else None
    article = sorted((content / "berita").glob("*.md"))[size // 2]
    previous = [work / f"out-{size}-{runs - 1}"]  # its record is in the cache

    def rebuild(run, change):
        # Into a new folder, from the previous build, as `invoke build`,
        # `livereload` and `publish` do (they swap it in afterwards).
        text = article.read_text()
        if change == "judul":
            head, body = text.split("\n---\n", 1)
            head = "\n".join(line + f" (ubah {run})" if line.startswith("title: ") else line
                             for line in head.splitlines())
            article.write_text(head + "\n---\n" + body)
        else:
            article.write_text(text + f"\nSuntingan {run}.\n")
        output = work / f"out-{size}-{change}-{run}"
        result = portal_build(content, output, cache, previous[0])
        previous[0] = output
        return result

    row["rebuild"], _, row["rebuild_cpu"] = median_of(runs, lambda run: rebuild(run, "isi"))
    row["rebuild_title"], _, _ = median_of(runs, lambda run: rebuild(run, "judul"))
    # The last rebuild against a full build of the same content (caches kept).
    portal_build(content, work / f"out-{size}-penuh", cache)
    row["rebuild_identical"] = same_bytes(previous[0], work / f"out-{size}-penuh")
    settings = stock_tree(content, work / f"stock-{size}" / "content")
    row["stock"], row["stock_memory"], row["stock_cpu"] = median_of(runs, lambda run: stock_build(
        work / f"stock-{size}" / "content", work / f"stock-out-{size}-{run}", settings))
    site = hugo_tree(content, work / f"hugo-{size}")
    row["hugo"], _, row["hugo_cpu"] = median_of(
        runs, lambda run: hugo_build(site, work / f"hugo-out-{size}-{run}"))
    for folder in list(work.iterdir()):
        if folder.name.startswith(("out-", "stock-out-", "hugo-out-")):
            shutil.rmtree(folder, ignore_errors=True)
    # Let the file system finish freeing those blocks before the next size is
    # timed (this machine's disk is mounted with `discard`).
    os.sync()
    return row


def table(rows):
    lines = ["| articles | portal cold (s) | rebuild, one body edited (s) | rebuild, one title "
             "edited (s) | two cold builds identical | last rebuild = full build | peak memory "
             "(MiB) | output (MiB) | output files | Pelican `simple` (s) | Hugo (s) | "
             "portal ÷ Pelican | portal ÷ Hugo |",
             "|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    said = {True: "yes", False: "**no**", None: "–"}
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['cold']:.1f} | {r['rebuild']:.1f} | "
                     f"{r['rebuild_title']:.1f} | {said[r['identical']]} | "
                     f"{said[r['rebuild_identical']]} | "
                     f"{r['memory']:.0f} | {r['output']:.0f} | {r['files']:,} | "
                     f"{r['stock']:.1f} | "
                     f"{r['hugo']:.2f} | {r['cold'] / r['stock']:.2f} | "
                     f"{r['cold'] / r['hugo']:.0f} |")
    lines += ["", "| articles | portal cold (CPU s) | rebuild (CPU s) | Pelican `simple` "
              "(CPU s) | Hugo (CPU s) | portal ÷ Pelican (CPU) |",
              "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['cold_cpu']:.1f} | {r['rebuild_cpu']:.1f} | "
                     f"{r['stock_cpu']:.1f} | {r['hugo_cpu']:.2f} | "
                     f"{r['cold_cpu'] / r['stock_cpu']:.2f} |")
    lines += ["", "| articles | reader pages | heaviest page (HTML + CSS, gzip) | "
              "search index parts | downloaded per query |", "|---:|---:|---|---:|---|"]
    for r in rows:
        queries = ", ".join(f"“{query}”: index {index / 1024:.0f} KB; with Pagefind's program "
                            f"{raw / 1024:.0f} KB (gzip {packed / 1024:.0f} KB)"
                            for query, (raw, packed, _, index) in r["search"].items())
        main, archive = r["search_parts"]
        parts = f"{main} + {archive} (arsip)" if archive else f"{main}"
        lines.append(f"| {r['size']:,} | {r['pages']:,} | {r['largest'] / 1024:.1f} KB "
                     f"(`{r['largest_page']}`) | {parts} | {queries} |")
    return "\n".join(lines)


def kinds_table(row, shown=15):
    """The heaviest kinds of file of one size's output, per article."""
    lines = [f"\n{row['size']:,} articles: the {shown} heaviest kinds of output file",
             "| folder, suffix | files | MiB | KB per article | files per article |",
             "|---|---:|---:|---:|---:|"]
    heaviest = sorted(row["kinds"].items(), key=lambda item: -item[1][1])[:shown]
    for kind, (files, size) in heaviest:
        lines.append(f"| `{kind}` | {files:,} | {size / 2**20:.1f} | "
                     f"{size / 1024 / row['size']:.1f} | {files / row['size']:.2f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--report")
    parser.add_argument("--livereload", action="store_true",
                        help="also time save -> reloaded page on the sample and each size")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    rows = []
    try:
        for size in sizes:
            rows.append(measure(size, args.runs, work))
            print(table(rows[-1:]), flush=True)
            print(kinds_table(rows[-1]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = table(rows)
    if args.livereload:
        result += "\n\n" + livereload_table([0, *sizes], args.runs)
    header = (f"Measured {time.strftime('%Y-%m-%d')} on {platform.node() or 'this machine'} "
              f"({os.cpu_count()} cores), median of {args.runs} runs:\n"
              f"`{' '.join([Path(PYTHON).name, *sys.argv])}`\n\n")
    print(result)
    if args.report:
        write_report(Path(args.report), header + result + "\n")


def livereload_table(sizes, runs):
    from livereload_latency import measure as livereload

    lines = ["| articles | live preview: save → reloaded page (s), median | runs | "
             "preview's memory at rest (MiB) |",
             "|---:|---:|---|---:|"]
    for size in sizes:
        times, memory = livereload(size, runs)
        label = "sample content" if size == 0 else f"{size:,}"
        lines.append(f"| {label} | {statistics.median(times):.1f} | "
                     f"{', '.join(f'{t:.1f}' for t in times)} | {memory:,.0f} |")
        print(lines[-1], flush=True)
    return "\n".join(lines)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_report(path, text):
    """Put `text` between the bench markers of `path`, keeping the rest of
    the page (the analysis around the figures); a file without markers is
    replaced whole."""
    page = path.read_text() if path.exists() else ""
    if START in page and END in page:
        before, rest = page.split(START, 1)
        text = f"{before}{START}\n{text}{END}{rest.split(END, 1)[1]}"
    path.write_text(text)


if __name__ == "__main__":
    main()

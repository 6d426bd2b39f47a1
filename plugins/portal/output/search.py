"""Full-text search: Pagefind indexes the finished pages after every build.

Only published pages whose body is marked ``data-pagefind-body`` (berita,
halaman, KIM profiles, potensi) are indexed; listings, navigation and
drafts stay out. The pages' ``lang="id"`` gives Indonesian stemming.

Pagefind holds about 70 KB of memory per page while indexing, so a site of
100,000 articles cannot be indexed in one run on a small machine. The pages
are therefore indexed in parts of at most ``SEARCH_PART_SIZE`` pages (twice
that in the main tier, below: ``part_sizes``), each
written as its own bundle; the search page loads the first and merges the
others into it in the browser (``mergeIndex``). Each part is indexed from a
folder of hard links to its pages, which costs no copying.

A page's part is fixed by a hash of its address (``plan``), so an edit
changes one part, and an incremental build indexes only the parts whose
pages changed and links the others from the previous build
(incremental.py). Parts are numbered within their tier.

A reader's query downloads, from every part it searches, the part's page
list and the postings of the query's words, which grow with the pages
searched. A site with more than ``SEARCH_ARCHIVE_FROM`` indexed pages is
therefore searched in two tiers: first everything but older news (the
``utama`` parts: profiles, potensi, pages, activities, media, and news of
the twelve months up to the newest article), and the older news (``arsip``)
only when the reader asks for it. A smaller site is one tier, searched whole.

Pagefind joins the text of adjacent elements without a space: a profile's
``<dt>Desa</dt><dd>Sungai Kapitan</dd>`` became "DesaSungai Kapitan" in the
index and in the result snippets, and such glued words cannot be found. So
a page whose block elements touch is indexed from a copy with a space after
each of their ends (``spaced``); the pages readers get are not changed, and
no template has to remember to leave whitespace between its tags.

Pagefind also ends a heading, paragraph or list item with a full stop when
its text ends with a letter, so that result snippets read as sentences; but
not when whitespace comes before the end tag ("Sumber, 3 September 2018 Tag"),
nor after a closing ” or ], and never for a definition list: a profile's
facts read "Desa Sungai Kapitan Kecamatan Kumai Dibentuk September 2018".
The indexed copy therefore ends every such block itself (``punctuated``):
"Desa: Sungai Kapitan. Kecamatan: Kumai.", and a heading is never run into
the text after it.
"""

import functools
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import cbor2

from .. import cores
from ..model.formatting import bulan_tahun

# The kinds of page the search finds, as each page names itself in its
# `jenis` filter (components/search_meta.html) and /cari/ offers them.
PAGE_KINDS = ("Berita", "Cek Fakta", "Agenda", "KIM", "Potensi", "Galeri", "Video", "Dokumen",
              "Halaman")

# Generator attributes holding the content whose templates mark their body
# with data-pagefind-body (article.html, page.html, kim.html, potensi.html).
INDEXED_KINDS = ("articles", "pages", "kims", "potensi", "acara", "videos", "dokumen", "galeri")

# The end of an element that browsers show as a block (or a line break),
# directly followed by more markup or text: a word boundary Pagefind misses.
_TOUCHING_BLOCK_END = re.compile(
    r"(?:</(?:address|article|aside|blockquote|caption|dd|div|dl|dt|figcaption|figure|footer"
    r"|h[1-6]|header|li|nav|ol|p|section|summary|table|td|th|tr|ul)>|<br\s*/?>)(?=\S)",
    re.IGNORECASE)

# The end of a block (as above, br and headings aside). Its text ends as a
# sentence when it ends with a letter, a digit, a closing bracket or quote
# (_SENTENCE_END), perhaps inside inline elements (_INLINE_END) and before
# whitespace: else the snippets would run it into the next block. Headings
# are left to Pagefind, which ends them with a full stop itself: what is
# inside them is also the result's title and its sections' names, which
# must not gain one.
_BLOCKS = (r"address|article|aside|blockquote|caption|dd|div|dl|dt|figcaption|figure|footer"
           r"|header|li|nav|ol|p|section|summary|table|td|th|tr|ul")
_BLOCK_END = re.compile(r"</(" + _BLOCKS + r")>", re.IGNORECASE)
_INLINE_END = re.compile(r"</(?:a|abbr|b|bdi|cite|code|data|em|i|mark|q|s|small|span|strong"
                         r"|sub|sup|time|u)>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[\w)\]”’\"']")
_SPACE = re.compile(r"\s")
# A heading's end: whitespace before it hides its last letter from Pagefind.
_HEADING_END = re.compile(r"</h[1-6]>", re.IGNORECASE)

# The main tier's parts are this many times SEARCH_PART_SIZE (part_sizes).
MAIN_PART_FACTOR = 2


class SearchIndexError(RuntimeError):
    pass


def indexed_pages(generators, archive_from):
    """{tier: sorted output paths} of the pages that carry
    ``data-pagefind-body``: all in ``utama`` unless there are more than
    `archive_from`, when news older than twelve months before the newest
    article are in ``arsip``."""
    pages, dated = set(), {}
    for generator in generators:
        for kind in INDEXED_KINDS:
            for item in getattr(generator, kind, ()):
                if getattr(item, "status", "published") == "published":
                    pages.add(item.save_as)
                    if kind == "articles":
                        dated[item.save_as] = (item.date.year, item.date.month)
    archive = set()
    if len(pages) > archive_from and dated:
        year, month = max(dated.values())
        since = (year - 1, month + 1) if month < 12 else (year, 1)
        archive = {page for page, when in dated.items() if when < since}
    tiers = {"utama": sorted(pages - archive)}
    if archive:
        tiers["arsip"] = sorted(archive)
    return tiers


def archive_since(generators, tiers):
    """The month from which news are in the main tier, as "Mei 2025", or
    "" when there is no archive tier."""
    if "arsip" not in tiers:
        return ""
    main = set(tiers["utama"])
    months = [(item.date.year, item.date.month) for generator in generators
              for item in getattr(generator, "articles", ()) if item.save_as in main]
    return bulan_tahun(min(months)) if months else ""


def part_sizes(settings):
    """{tier: most pages in one of its parts}. The main tier, searched by
    every query, has larger parts (``SEARCH_MAIN_PART_SIZE``, by default
    ``MAIN_PART_FACTOR`` times ``SEARCH_PART_SIZE``): a query downloads
    from each part it searches a page list and a whole chunk of the word
    index, so fewer parts cost fewer bytes (at 20,000 articles, "kelinci":
    420 KB from 14 parts of at most 1,000 pages, 215 KB from 7 of at most
    2,000, 187 KB from 4 of at most 4,000; docs/performance.md). Larger
    still would cost an edit more: it indexes its whole part again. The
    archive, searched on request, keeps the smaller parts."""
    size = settings["SEARCH_PART_SIZE"]
    return {"utama": settings.get("SEARCH_MAIN_PART_SIZE") or size * MAIN_PART_FACTOR,
            "arsip": size}


def plan(tiers, part_size):
    """{bundle: its pages}: each tier's pages in parts of at most
    `part_size` (one number, or one per tier: part_sizes), each page in the
    part a hash of its address picks, so that
    it stays in the same part build after build while the number of parts
    stays. The number leaves a quarter of room for the hash's unevenness; a
    part still too full overflows into a lettered one (pagefind-3b)."""
    bundles = {}
    for tier, pages in tiers.items():
        stem = "pagefind" if tier == "utama" else "pagefind-arsip"
        size = part_size[tier] if isinstance(part_size, dict) else part_size
        count = max(1, -(-len(pages) * 5 // (size * 4)))
        buckets = [[] for _ in range(count)]
        for page in pages:
            buckets[zlib.crc32(page.encode("utf-8")) % count].append(page)
        for number, bucket in enumerate(buckets, 1):
            name = stem if number == 1 else f"{stem}-{number}"
            if bucket or name == "pagefind":  # the search page starts from that one
                bundles[name] = bucket[:size]
            for extra, start in enumerate(range(size, len(bucket), size)):
                bundles[f"{stem}-{number}{chr(ord('b') + extra)}"] = \
                    bucket[start:start + size]
    return bundles


def build_index(output_dir, bundles, carry=None, workers=None, budget_mib=None):
    """Index each part of `bundles` (plan), the parts on up to `workers`
    processes or threads (cores.map_waiting, within `budget_mib`); with `carry` (incremental.Carry), a part whose
    pages show Pagefind the same as in the previous build (same_for_index)
    is linked from it instead of being indexed again."""
    output_dir = Path(output_dir)
    key = _indexer_key()
    parts = [(bundle, part) for bundle, part in bundles.items()
             if carry is None or not carry.take_tree(bundle, part, key, same_for_index)]
    # Each part is a Pagefind run of its own, into its own folder: the parts
    # are indexed side by side (a part's preparation and Pagefind's run
    # each keep one core busy).
    cores.map_waiting(functools.partial(_index_job, output_dir), parts, workers, budget_mib)


def _index_job(output_dir, job):
    _index_part(output_dir, *job)


# What Pagefind reads of a page: the element marked data-pagefind-body (an
# <article> in this theme: components/detail.html, page.html), the language
# of <html>, and the data-pagefind-filter/meta/sort attributes, which it
# reads wherever they are (this theme writes them with their value,
# "jenis:Berita"; one that takes an element's content counts as the page).
_INDEXED_START = re.compile(r"<article\b[^>]*\sdata-pagefind-body[\s>=]", re.IGNORECASE)
_ARTICLE_TAG = re.compile(r"<(/?)article\b", re.IGNORECASE)
_PAGEFIND_TAG = re.compile(r"<[^>]*\sdata-pagefind-(?!ignore|body)[^>]*>", re.IGNORECASE)
_WITH_VALUE = re.compile(r"\sdata-pagefind-(?:filter|meta|sort)=\"[^\"]*:", re.IGNORECASE)
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def indexed_text(html):
    """The parts of a page that make its entry in the search index, or the
    whole page when they cannot be told apart for sure (no marked
    <article>, more than one, or one not closed)."""
    starts = list(_INDEXED_START.finditer(html))
    if len(starts) != 1 or html.count("data-pagefind-body") != 1:
        return html
    depth = 0
    for tag in _ARTICLE_TAG.finditer(html, starts[0].start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            region = html[starts[0].start():tag.end()]
            outside = _PAGEFIND_TAG.findall(html[:starts[0].start()] + html[tag.end():])
            if not all(_WITH_VALUE.search(found) for found in outside):
                return html
            return "\0".join([*_HTML_TAG.findall(html), region, *outside])
    return html


def same_for_index(earlier, later):
    """Whether the pages at paths `earlier` and `later` make the same entry
    in the search index (indexed_text): a page whose only change is a
    neighbour's title in its links is not indexed again."""
    try:
        return indexed_text(Path(earlier).read_text(encoding="utf-8")) == \
            indexed_text(Path(later).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def _indexer_key():
    """What, besides the pages, makes a part's index: this module and
    Pagefind's version."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(importlib.metadata.version("pagefind").encode())
    return digest.hexdigest()[:24]


def _index_part(output_dir, bundle, pages):
    site = Path(tempfile.mkdtemp(prefix=".indeks-", dir=output_dir.parent))
    try:
        for page in pages:
            source = output_dir / page
            if not source.is_file():
                continue
            target = site / page
            target.parent.mkdir(parents=True, exist_ok=True)
            html = source.read_text(encoding="utf-8")
            clean = spaced(punctuated(html))
            if clean != html:
                target.write_text(clean, encoding="utf-8")
                continue
            try:
                os.link(source, target)
            except OSError:  # another file system, or no hard links there
                shutil.copyfile(source, target)
        if not any(site.iterdir()):
            # Pagefind refuses an empty site; an empty page gives an empty index.
            (site / "index.html").write_text('<!doctype html><html lang="id"><body '
                                             'data-pagefind-body></body></html>')
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path",
             str(output_dir / bundle), "--silent"],
            capture_output=True, text=True, check=False,
        )
        if result.returncode != 0:
            raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stderr}")
        steady(output_dir / bundle)
        drop_unused_program(output_dir / bundle, first=bundle in FIRST_BUNDLES)
    finally:
        shutil.rmtree(site, ignore_errors=True)


# The bundle each tier's search starts from (plan): the only ones whose
# pagefind.js and WebAssembly a browser loads. The others are merged into
# it (mergeIndex), which reads their index files with the first one's program.
FIRST_BUNDLES = ("pagefind", "pagefind-arsip")
# Pagefind's program as /cari/ uses it (cari.js: its own interface, no worker).
_PROGRAM = re.compile(r"^(pagefind\.js|wasm\.[\w-]+\.pagefind)$")


def drop_unused_program(bundle, first):
    """Remove from `bundle` the files of Pagefind no search loads: its own
    interfaces (pagefind-ui, -modular-ui, -component-ui, -highlight) and its
    worker everywhere, and in a merged bundle its program too. Pagefind
    writes them all in every bundle: 11 files and 690 KB each, some 6 MB and
    100 files at 5,000 articles and 25 MB at 20,000."""
    for path in bundle.iterdir():
        if path.is_file() and path.name != "pagefind-entry.json" and \
                path.suffix != ".pf_meta" and not (first and _PROGRAM.match(path.name)):
            path.unlink()


# Pagefind's binary files: the gzip of this marker followed by CBOR.
_MARKER = b"pagefind_dcd"


def _read(path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_MARKER):
        raise SearchIndexError(f"{path.name}: bukan berkas indeks Pagefind yang dikenal")
    return cbor2.loads(data[len(_MARKER):])


def _write(folder, prefix, suffix, value, digits):
    """`value` as a Pagefind file named by the hash of its content."""
    data = _MARKER + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, 9, mtime=0))
    return name


def steady(bundle):
    """Make a Pagefind bundle the same bytes for the same pages.

    Pagefind 1.5 writes each filter's values, and the list of filters in the
    index's metadata, in the order of a Rust HashMap, which differs from run
    to run: two builds of the same content gave different filter and meta
    files, and so a different entry file, and a deploy re-uploaded them
    (fragments and word index are stable). The values and filters are put in
    name order here, and the files renamed by the hash of what they now hold;
    the metadata and the entry file name the new files. The search reads
    them by those names only. The word index is cut finer on the way
    (finer_chunks)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = {}
        for name, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            title, values = _read(path)
            new = _write(bundle / "filter", f"{language}_", ".pf_filter",
                         [title, sorted(values, key=lambda item: item[0])], 7)
            if new != old:
                path.unlink()
            renamed[name] = new
        meta[3] = sorted([name, renamed[name]] for name, _ in meta[3])
        meta[2] = finer_chunks(bundle, language, meta[2])
        new_meta = _write(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10)
        if new_meta != f"pagefind.{info['hash']}":
            meta_path.unlink()
        info["hash"] = new_meta.removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


# Pagefind cuts its word index into chunks of 20,000 postings (a page a word
# is on, and each place on that page), about 15 KB; a query downloads, from
# every part it searches, the whole chunk of each of its words, mostly other
# words' postings. finer_chunks cuts them at CHUNK_POSTINGS instead.
PAGEFIND_CHUNK = 20_000
CHUNK_POSTINGS = 2_000
# Words that begin with the same CHUNK_PREFIX letters stay in one chunk.
CHUNK_PREFIX = 3


def finer_chunks(bundle, language, chunks):
    """The word index of `bundle` in chunks of about CHUNK_POSTINGS
    postings; `chunks` and the result are the metadata's list of [first
    word, last word, file] (the bounds by which a query picks a chunk).

    The chunks are cut and bounded as Pagefind cuts them (_cut, _bounds: at
    PAGEFIND_CHUNK they give back Pagefind's own), only smaller: a query for
    "desa" downloads 3 KB from a part of 700 generated pages instead of 15
    KB, and a search across ten portals of two such parts (a hub) about 300
    KB instead of 510 to 610 (docs/performance.md, "Hub"); the index has
    some 6 % more bytes in 7 times as many files. Pagefind loads one chunk per
    query word and matches the word's extensions in it ("pasar" finds
    "pasaran"), so a cut never falls between words that share their first
    CHUNK_PREFIX letters unless the chunk reached Pagefind's own size: a
    query of three letters or more finds every extension it found in
    Pagefind's chunks (two letters may find fewer, as between Pagefind's
    own chunks)."""
    words = []
    for _, _, name in chunks:
        path = bundle / "index" / f"{name}.pf_index"
        words += _read(path)[0]
        path.unlink()
    parts = _cut(words, CHUNK_POSTINGS)
    return [[first, last, _write(bundle / "index", f"{language}_", ".pf_index", [part], 7)]
            for (first, last), part in zip(_bounds(parts), parts)]


def _cut(words, size):
    """`words` (Pagefind's [word, pages, ...] in word order) in runs that
    each end once they hold `size` postings (a page and each of the word's
    places on it, as Pagefind counts them), at the next word that does not
    share the first CHUNK_PREFIX letters or at PAGEFIND_CHUNK postings."""
    runs, run, postings = [], [], 0
    for word, after in zip(words, words[1:] + [None]):
        run.append(word)
        postings += sum(1 + len(page[1]) + len(page[2]) for page in word[1])
        apart = after is None or after[0][:CHUNK_PREFIX] != word[0][:CHUNK_PREFIX]
        if postings >= size and (apart or postings >= PAGEFIND_CHUNK):
            runs.append(run)
            run, postings = [], 0
    return runs + [run] if run else runs


def _bounds(runs):
    """[first, last] of each run, where two neighbours' facing words are cut
    to the shortest prefixes that still tell them apart (as Pagefind does)."""
    bounds = [[run[0][0], run[-1][0]] for run in runs]
    for before, after in zip(bounds, bounds[1:]):
        common = len(os.path.commonprefix([before[1], after[0]]))
        before[1], after[0] = before[1][:common + 1], after[0][:common + 1]
    return bounds


def spaced(html):
    """`html` with a space after every block element's end that touches
    what follows, so that its words stay apart in the index."""
    return _TOUCHING_BLOCK_END.sub(r"\g<0> ", html)


def punctuated(html):
    """`html` with every block's text but a heading's ended as a sentence
    (a term of a definition list with a colon, every other block with a full
    stop) where it ends without punctuation, and no whitespace before a
    heading's end, so that result snippets keep a heading, a term or a list
    item apart from what follows."""
    # From each end tag back to its text: a regular expression looking for
    # that text forward tried every letter of the page, and was most of the
    # time of preparing a page for the index.
    pieces, done = [], 0
    for heading in _HEADING_END.finditer(html):
        end = heading.start()
        while end > done and _SPACE.match(html, end - 1):
            end -= 1
        pieces.append(html[done:end])
        done = heading.start()
    html = "".join(pieces) + html[done:]
    pieces, done = [], 0
    for block in _BLOCK_END.finditer(html):
        end = _text_end(html, block.start())
        if end is not None:
            pieces += (html[done:end], ":" if block[1].lower() == "dt" else ".")
            done = end
    pieces.append(html[done:])
    return "".join(pieces)


def _text_end(html, at):
    """Where the text before `at` (a block's end tag) ends, going back over
    whitespace and the ends of inline elements; None when that text does
    not end like a sentence's last word (punctuated)."""
    while True:
        while at and _SPACE.match(html, at - 1):
            at -= 1
        start = html.rfind("<", 0, at)
        if start < 0 or not _INLINE_END.fullmatch(html, start, at):
            break
        at = start
    return at if at and _SENTENCE_END.match(html, at - 1) else None

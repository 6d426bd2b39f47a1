"""Full-text search: Pagefind indexes the finished pages after every build.

Only published pages whose body is marked ``data-pagefind-body`` (berita,
halaman, KIM profiles, potensi) are indexed; listings, navigation and
drafts stay out. The pages' ``lang="id"`` gives Indonesian stemming.

Pagefind holds about 70 KB of memory per page while indexing, so a site of
100,000 articles cannot be indexed in one run on a small machine. The pages
are therefore indexed in parts of at most ``SEARCH_PART_SIZE`` pages, each
written as its own bundle (``pagefind/``, ``pagefind-2/``, ...); the search
page loads the first and merges the others into it in the browser
(``mergeIndex``), so readers search everything at once. Each part is
indexed from a folder of hard links to its pages, which costs no copying.

Pagefind joins the text of adjacent elements without a space: a profile's
``<dt>Desa</dt><dd>Sungai Kapitan</dd>`` became "DesaSungai Kapitan" in the
index and in the result snippets, and such glued words cannot be found. So
a page whose block elements touch is indexed from a copy with a space after
each of their ends (``spaced``); the pages readers get are not changed, and
no template has to remember to leave whitespace between its tags.
"""

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
from pathlib import Path

import cbor2

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


class SearchIndexError(RuntimeError):
    pass


def indexed_pages(generators):
    """Output paths of the pages that carry ``data-pagefind-body``, sorted."""
    paths = set()
    for generator in generators:
        for kind in INDEXED_KINDS:
            for item in getattr(generator, kind, ()):
                if getattr(item, "status", "published") == "published":
                    paths.add(item.save_as)
    return sorted(paths)


def bundle_names(page_count, part_size):
    parts = max(1, -(-page_count // part_size))
    return ["pagefind"] + [f"pagefind-{number}" for number in range(2, parts + 1)]


def parts(pages, part_size):
    return [pages[start:start + part_size] for start in range(0, len(pages), part_size)] \
        or [[]]


def build_index(output_dir, pages, part_size, carry=None):
    """Index `pages` in parts; with `carry` (incremental.Carry), a part whose
    pages are the same bytes as in the previous build is linked from it
    instead of being indexed again."""
    output_dir = Path(output_dir)
    key = _indexer_key()
    for bundle, part in zip(bundle_names(len(pages), part_size), parts(pages, part_size),
                            strict=True):
        if carry is None or not carry.take_tree(bundle, part, key):
            _index_part(output_dir, bundle, part)


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
            clean = spaced(html)
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
    finally:
        shutil.rmtree(site, ignore_errors=True)


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
    them by those names only."""
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
        new_meta = _write(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10)
        if new_meta != f"pagefind.{info['hash']}":
            meta_path.unlink()
        info["hash"] = new_meta.removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def spaced(html):
    """`html` with a space after every block element's end that touches
    what follows, so that its words stay apart in the index."""
    return _TOUCHING_BLOCK_END.sub(r"\g<0> ", html)

"""Markdown to HTML for every content file, done once per distinct text.

Turning Markdown into safe, typographically polished HTML (Python-Markdown,
the nh3 allowlist, typogrify) is the largest cost of reading content. It is
a pure function of the text and of a few settings, so:

- each result is kept in a cache file under ``CACHE_PATH`` keyed by a hash
  of the text; the cache is only valid for one *namespace*, a hash of this
  package's code, the versions of the libraries that render, and the
  settings that change the result, so any of those changing starts afresh;
- texts not in the cache are rendered by a pool of processes, one per core,
  before Pelican reads the files; the reader then only looks the result up.

Pelican's own typogrify step is turned off (see ``take_over_typography``)
because it would run on every build, after the cache.

Headings get two corrections on the way (``sections``): the page's title is
its only h1, and the sanitiser drops h1 tags (keeping their text), so a
body's ``# Heading`` used to end up as loose text glued to the paragraph
after it; a body with an h1 now has all its headings moved one level down.
And a heading with nothing under it (a scaffold's "## Visi dan misi" left
empty) is not published as an empty section.
"""

import hashlib
import importlib.metadata
import json
import os
import pickle
import re
from pathlib import Path

from markdown import Markdown
from markupsafe import escape

from .. import cores
from . import sanitize

_META_EXTENSIONS = {"markdown.extensions.meta", "meta"}
_LIBRARIES = ("markdown", "nh3", "typogrify", "smartypants")
_RENDER_SETTINGS = ("MARKDOWN", "TYPOGRIFY", "TYPOGRIFY_IGNORE_TAGS",
                    "TYPOGRIFY_OMIT_FILTERS", "TYPOGRIFY_DASHES")
# Below this many texts to render, starting processes costs more than it saves.
_POOL_THRESHOLD = 64


def take_over_typography(settings):
    """The rendering options (the settings that change the HTML), taken
    before typogrify moves from Pelican's reader to ours: its result is then
    cached with the rest of the rendering instead of recomputed each build.
    The options are handed to ``render_all``."""
    options = {name: settings.get(name) for name in _RENDER_SETTINGS}
    options["TYPOGRIFY"] = bool(options["TYPOGRIFY"])
    settings["TYPOGRIFY"] = False
    return options


def markdown_config(settings):
    config = dict(settings["MARKDOWN"])
    config["extensions"] = [
        ext for ext in config.get("extensions", []) if ext not in _META_EXTENSIONS]
    config["extension_configs"] = {
        key: value for key, value in config.get("extension_configs", {}).items()
        if key not in _META_EXTENSIONS}
    return config


class Renderer:
    """Body, summary and title of one file to HTML, as the templates show
    them. One Markdown instance is reused (reset between texts): building
    one costs as much as converting a short article."""

    def __init__(self, settings):
        self._markdown = Markdown(**markdown_config(settings))
        self._typogrify = _typogrifier(settings) if settings.get("TYPOGRIFY") else None

    def _markdown_html(self, text):
        self._markdown.reset()
        return drop_empty_sections(sanitize.clean(demote_headings(
            self._markdown.convert(text))))

    def _typography(self, html):
        return self._typogrify(html) if self._typogrify and html else html

    def render(self, job):
        body, summary, title = job
        return (
            self._typography(self._markdown_html(body)),
            None if summary is None else self._typography(self._markdown_html(summary)),
            # Escape first: typogrify then adds its markup to the title.
            None if title is None else self._typography(str(escape(title))),
        )


_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.IGNORECASE)
_HEADING = re.compile(r"<h([1-6])[^>]*>.*?</h\1\s*>", re.IGNORECASE | re.DOTALL)


def demote_headings(html):
    """`html` with every heading one level down (h6 stays h6) when it has an
    h1: `#` then `##` in a body become h2 then h3, keeping their order."""
    if not _H1.search(html):
        return html
    return _HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{min(int(tag[2]) + 1, 6)}", html)


def drop_empty_sections(html):
    """`html` without the headings that have nothing under them: followed
    by the end, or by a heading of the same or a higher level, with only
    whitespace (or dropped headings) between."""
    pieces, start = [], 0
    for heading in _HEADING.finditer(html):
        pieces += [(None, html[start:heading.start()]), (int(heading[1]), heading[0])]
        start = heading.end()
    pieces.append((None, html[start:]))
    kept = []
    below = None  # what follows: "text", the level of a kept heading, or None (the end)
    for level, piece in reversed(pieces):
        if level is None:
            kept.append(piece)
            below = "text" if piece.strip() else below
        elif below == "text" or (below is not None and below > level):
            kept.append(piece)
            below = level
    return "".join(reversed(kept))


def _typogrifier(settings):
    """Typogrify as Pelican's reader applies it (same options)."""
    import smartypants
    from typogrify.filters import typogrify

    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    smartypants.Attr.default = {"oldschool": smartypants.Attr.set2,
                                "oldschool_inverted": smartypants.Attr.set3,
                                }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omit = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    return lambda text: typogrify(text, ignore, **omit)


def job_for(metadata, body):
    """What is rendered for one file: its body, summary and title texts."""
    summary = metadata.get("summary")
    title = metadata.get("title")
    return (body, None if summary in (None, "") else str(summary),
            None if title in (None, "") else str(title))


def job_key(job):
    return hashlib.sha256(json.dumps(job).encode("utf-8")).hexdigest()


def namespace(settings):
    """Everything besides the text that can change the rendered HTML."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent  # the whole plugin, all its layers
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(library.encode())
    chosen = {name: settings.get(name) for name in _RENDER_SETTINGS}
    digest.update(json.dumps(chosen, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:20]


class RenderCache:
    """Rendered HTML by text hash (or another value made from a text:
    frontmatter.Parsed), in one file per namespace. Entries not used by the
    last build are dropped when it is saved, so the file holds the current
    content only."""

    def __init__(self, folder, name):
        self.path = Path(folder) / f"{name}.pickle"
        self.folder = Path(folder)
        try:
            with open(self.path, "rb") as handle:
                self._old = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            self._old = {}
        self._used = {}
        self.hits = 0

    def get(self, key):
        value = self._old.get(key)
        if value is not None:
            self._used[key] = value
            self.hits += 1
        return value

    def put(self, key, value):
        self._used[key] = value

    def save(self):
        if self._used.keys() == self._old.keys():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob("*.pickle"):
            if stale != self.path:
                stale.unlink(missing_ok=True)  # another build may have just done so
        # A name of its own: two builds may save at the same time.
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(self._used, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)


_worker_renderer = None


def _init_worker(settings):
    global _worker_renderer
    _worker_renderer = Renderer(settings)


def _render_in_worker(job):
    return _worker_renderer.render(job)


def render_all(jobs, options, cache_path, workers=None):
    """Rendered HTML for each job (in order), from the cache (in
    `cache_path`) or rendered on `workers` processes, with the rendering
    `options` (take_over_typography). Returns the list and the number of
    cache hits."""
    cache = RenderCache(Path(cache_path) / "konten", namespace(options))
    keys = [job_key(job) for job in jobs]
    results = [cache.get(key) for key in keys]
    missing = sorted({i for i, result in enumerate(results) if result is None})
    if missing:
        todo = [jobs[i] for i in missing]
        rendered = cores.map_items(_render_in_worker, todo, workers, _init_worker,
                                   (options,), threshold=_POOL_THRESHOLD,
                                   chunks_per_worker=8)
        for i, value in zip(missing, rendered, strict=True):
            results[i] = value
            cache.put(keys[i], value)
    cache.save()
    return results, cache.hits



"""The live preview's resident: the process that built the site on view
stays after its build, holding everything Pelican read and linked, so that
when an editor saves a new body for an entry its page is rendered again in
a fraction of a second, while the full rebuild (which every save still
runs, and which checks and replaces the whole site) starts.

Only a change the old build's objects can show is rendered here: the body
of one entry whose front matter and photos are as they were, with no
problem that file alone shows (``validation.check_file``). Anything else (a
title, a date, a new photo, a new or deleted file, the theme) waits for the
full rebuild, as before. The page is rendered by the generator that wrote it
in the build, with the same templates, context and reader, so it is the
page the full rebuild writes (tests/test_resident.py compares them byte for
byte).

The resident answers requests over a pipe, one line of JSON each way. The
preview (builder/warm.py) replaces it with the next build's process once
that build succeeds, keeps it through that build only while both fit
PORTAL_MEMORY_MB, and stops it after any change it did not render (its
objects are then older than the files).
"""

import json
import os
import select
import signal
import sys
import traceback
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from ..intake import rendering
from ..intake.corpus import Corpus, Entry
from ..intake.validation import INTRASITE_LINK_RE, check_file
from . import incremental
from .state import CONTENT_LISTS


class Refused(Exception):
    """The saved file's page cannot be rendered from the old build's
    objects: the full rebuild shows it (the message says why, for developers)."""


class Kept:
    """What a build leaves for the resident: its generators and its Pelican
    object (with the portal's PortalBuild)."""

    def __init__(self):
        self.generators = None
        self.pelican = None
        self._items = None

    def index(self):
        """Find each entry by its file, once (thousands of paths resolved)."""
        if self._items is None:
            self._items = {os.path.realpath(item.source_path): (generator, item)
                           for generator in self.generators for name in CONTENT_LISTS
                           for item in getattr(generator, name, ()) if item.source_path}
        return self._items

    def item(self, path):
        """(generator, content object) of the entry read from `path`, or None."""
        return self.index().get(os.path.realpath(path))


def capture():
    """In the build's process, before Pelican runs: a Kept that the build's
    signals fill in."""
    kept = Kept()

    def generators_read(generators):
        kept.generators = generators

    def finished(pelican):
        kept.pelican = pelican

    signals.all_generators_finalized.connect(generators_read, weak=False)
    signals.finalized.connect(finished, weak=False)
    return kept


class _OnePage(Writer):
    """Pelican's writer, writing only the page saved as `name`: every other
    page, feed and file a generator would write is passed over unrendered."""

    primary = False  # no stylesheet, copied files or map data (parallel.py)

    def __init__(self, output_path, settings, name):
        super().__init__(output_path, settings=settings)
        self.name = name

    def write_file(self, name, template, context, *args, **kwargs):
        if name != self.name:
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        return None


def render_saved_body(kept, path, folder):
    """Render the page of the entry at `path` with the body now saved in the
    file, into `folder`; its path there (the page's output path). Raises
    Refused when that page cannot be made from the kept build."""
    found = kept.item(path)
    build = kept.pelican.portal_build if kept.pelican is not None else None
    if found is None or build is None:
        raise Refused("not an entry of the build on view")
    generator, item = found
    settings = generator.settings
    content_dir = Path(settings["PATH"]).resolve()
    old = build.corpus.document(Path(os.path.realpath(path)))
    document, problems = check_file(content_dir, content_dir.parent, path)
    if old is None or document is None or problems:
        raise Refused("the file has problems, or was not validated in the build")
    if document.ctype != old.ctype or document.metadata != old.metadata:
        raise Refused("the front matter changed")
    if document.images != old.images:
        raise Refused("the body shows other photos")
    body, summary, title = rendering.Renderer(build.rendering).render(
        rendering.job_for(document.metadata, document.body))
    # The build's own reader, given this one entry: Pelican's content, as the
    # build read it (photo sizes, srcset).
    reader = generator.readers.readers["md"]
    reader.corpus = Corpus([Entry(document, body, summary, title)])
    content, _ = reader.read(str(document.path))
    if _links(content) != _links(item._content):
        # What a link may point at is checked across the whole content
        # (a draft, a file the site publishes): only the rebuild can.
        raise Refused("the body links other entries or files")
    item._content = content
    incremental.forget(item)
    writer = _OnePage(str(folder), settings, item.save_as)
    if isinstance(generator, ArticlesGenerator):
        # Its generate_output would also sort every tag's articles first.
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        generator.generate_articles(write)
        generator.generate_drafts(write)
    else:
        generator.generate_output(writer)
    if not Path(folder, item.save_as).is_file():
        raise Refused("its generator wrote no page for it")
    return item.save_as


def _links(html):
    """The entries and files a body links ({filename}, {static}, {attach}),
    as the reader gives it (Pelican makes them addresses when it is shown)."""
    return sorted(INTRASITE_LINK_RE.findall(html))


# -- the resident process ---------------------------------------------------

def serve(kept, requests, replies):
    """In the build's process, once its build succeeded: answer requests
    (a JSON line {"path", "folder"}) on the file descriptor `requests` with a
    JSON line on `replies` ({"page": output path} or {"refused": why}) until
    the preview closes its end. Never returns."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends it with the preview
    try:
        kept.index()  # while the editor reads, before the first save
        with os.fdopen(requests, encoding="utf-8") as lines, \
                os.fdopen(replies, "w", encoding="utf-8") as answers:
            for line in lines:
                request = json.loads(line)
                try:
                    answer = {"page": render_saved_body(kept, request["path"],
                                                        request["folder"])}
                except Refused as refusal:
                    answer = {"refused": str(refusal)}
                except Exception as error:  # noqa: BLE001 - the full rebuild speaks
                    answer = {"refused": f"{type(error).__name__}: {error}"}
                    if os.environ.get("PORTAL_DEBUG"):
                        traceback.print_exc()
                answers.write(json.dumps(answer) + "\n")
                answers.flush()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


class Resident:
    """The preview's handle on a resident process."""

    def __init__(self, pid, requests, replies):
        self.pid = pid
        self._requests = os.fdopen(requests, "w", encoding="utf-8")
        self._replies = os.fdopen(replies, encoding="utf-8")

    def render(self, path, folder, timeout=10):
        """The output path of the page rendered for `path` into `folder`, or
        None (refused, or no answer within `timeout` seconds)."""
        try:
            self._requests.write(json.dumps({"path": str(path), "folder": str(folder)}) + "\n")
            self._requests.flush()
            ready, _, _ = select.select([self._replies], [], [], timeout)
            # No answer in time: a late one would answer the next request
            # (the caller stops a resident that gives no page).
            answer = json.loads(self._replies.readline() or "{}") if ready else {}
        except (OSError, ValueError):
            return None
        return answer.get("page")

    def let_go(self):
        """Close this process's ends of the pipes (in a forked copy of the
        preview: the resident stays the preview's)."""
        for stream in (self._requests, self._replies):
            try:
                stream.close()
            except OSError:
                pass

    def stop(self):
        self.let_go()
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass

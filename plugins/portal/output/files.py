"""The files of the content folder that the site publishes, written by the
portal itself.

Pelican's StaticGenerator would copy, as they are, every file under its
STATIC_PATHS and every file a body links to with {static}, drafts'
included, following symbolic links; the portal gives it neither
(pelicanconf.py, ``take_over_links``). Only the files the shown entries use
are published (intake/uploads.py, ``published``): photos as their clean copy, without
metadata (intake/images.py), PDF documents as they are. Both come from
copies in the cache folder, made from one read of each file on which the
checks of `invoke check` (intake/uploads.py) are made again: what is
published is what was checked, even if a file changes while the site is
built.
"""

import functools
import hashlib
import os
import sys
from pathlib import Path

from .. import cores
from ..intake import images, uploads
from ..intake.validation import Problem, format_report, unexpected
from ..model.messages import say

# Below this many files the copies are made in this process: most are in
# the cache already, and only need reading.
PARALLEL_THRESHOLD = 16


class LinkedFile:
    """What Pelican's link replacement needs of a file a body links to with
    {static} or {attach}: its address."""

    def __init__(self, relative):
        self.source_path = self.save_as = self.url = relative

    def attach_to(self, content):
        """{attach} is taken as {static}: a file keeps its one address,
        however many entries link to it."""


class PublishedFiles:
    """The published files of one build: their copies made (or found) in
    the cache before the pages are written, then placed in the output."""

    def __init__(self, content_dir, cache_dir, derivatives, workers=None):
        self.content_dir = Path(content_dir)
        self.cache_dir = Path(cache_dir)
        self.derivatives = derivatives
        self.workers = workers
        self.copies = {}  # path inside the content folder -> its copy in the cache

    def take_over_links(self, context):
        """Pelican's {static} links resolve to the published files, and
        Pelican's own copying gets nothing: its StaticGenerator runs after
        the portal's generator and copies every file a body links to."""
        for relative in self.copies:
            context["static_content"][relative] = LinkedFile(relative)
        context["static_links"].clear()

    def prepare(self, relatives):
        """Make (or find) the copy of each file; an editor's message and the
        end of the build for a file that is not what `invoke check` took it
        for (changed since, or broken past what the check can see)."""
        made = cores.map_items(
            functools.partial(_copy_in_cache, self.content_dir, self.cache_dir,
                              self.derivatives), relatives, self.workers,
            threshold=PARALLEL_THRESHOLD)
        problems = [Problem(f"{self.content_dir.name}/{relative}", 0, "", message)
                    for relative, (_, message) in zip(relatives, made, strict=True) if message]
        if problems:
            # Printed, not logged: one plain line per problem, never wrapped.
            print(format_report(problems), file=sys.stderr)
            raise SystemExit(1)
        self.copies = {relative: Path(copy) for relative, (copy, _) in
                       zip(relatives, made, strict=True)}
        self.derivatives.remember({relative: copy for relative, copy in self.copies.items()
                                   if uploads.kind_of(relative) == "foto"})

    def write(self, output_dir):
        for relative, copy in self.copies.items():
            images.place(copy, Path(output_dir) / relative, again=True)


def _copy_in_cache(content_dir, cache_dir, derivatives, relative):
    """(path of the copy of file `relative` in the cache, None), or (None,
    the message for a file that cannot be published)."""
    path = content_dir / relative
    try:
        link = uploads.link_on_the_way(content_dir, relative)
        if link is not None:
            return None, uploads.link_problem(link)
        data = path.read_bytes()
        if uploads.kind_of(relative) == "foto":
            message = images.photo_problem(path, data)
            if message:
                return None, message
            try:
                return str(derivatives.published(relative, data)), None
            except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken photo
                return None, say("foto-bukan-foto")
        message = uploads.document_problem(path, data)
        if message:
            return None, message
        copy = cache_dir / f"{hashlib.sha256(data).hexdigest()[:24]}{path.suffix.lower()}"
        if not copy.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            partial = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
            partial.write_bytes(data)
            os.replace(partial, copy)  # atomic: parallel builds share the cache
        return str(copy), None
    except OSError as error:  # gone since it was checked, or unreadable
        return None, unexpected(error)

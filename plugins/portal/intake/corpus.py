"""The corpus: the content of one build, read, validated and rendered once.

``load`` validates the whole content folder (every problem at once) and
renders each file's Markdown (cached, on every core); the resulting
``Corpus`` is handed to the reader, which turns each entry into Pelican's
objects without reading, parsing, validating or rendering the file again.
What the build shows is therefore exactly what was validated, even when a
file is saved again while the site is being built.
"""

from dataclasses import dataclass
from pathlib import Path

from . import rendering
from .validation import Document, validate_content


@dataclass(frozen=True)
class Entry:
    document: Document
    body_html: str
    summary_html: str | None
    title_html: str | None


class Corpus:
    def __init__(self, entries):
        # A document's path is real already (validation reads the resolved
        # content folder and never through a link): resolving thousands of
        # paths again is a system call for every part of each.
        self._entries = {entry.document.path: entry for entry in entries}
        self._all_read = False

    def entry(self, source_path):
        """The entry of a content file. Every Markdown file Pelican reads
        was validated, so a missing entry is a programming error. Pelican
        names the file under the content folder as configured, which is the
        real one unless that path goes through a link."""
        if self._all_read:
            raise RuntimeError(f"{source_path} is read after all_read(): its text is gone")
        found = self._entries.get(Path(source_path))
        return found if found is not None else self._entries[Path(source_path).resolve()]

    def document(self, source_path):
        """The validated document of a content file, or None: what is kept
        of it after all_read() too."""
        found = self._entries.get(Path(source_path))
        return found.document if found is not None else None

    def all_read(self):
        """Pelican has read every entry: its objects hold what the pages
        show. What the rest of the build asks of a document (its path,
        type, metadata and the files it uses) stays; the file's text, the
        Markdown, the lines of its fields and the rendered HTML go: a few
        kilobytes per file that would otherwise live to the end of the
        build (a 100,000-article site has 140,000 files)."""
        for path, entry in self._entries.items():
            document = entry.document
            document.text, document.body, document.lines = "", "", {}
            self._entries[path] = Entry(document, "", None, None)
        self._all_read = True

    def __len__(self):
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries.values())


def load(content_dir, display_root, options, cache_path, workers=None):
    """``(corpus, problems)``: the corpus is None when there are problems.
    `options` and `cache_path` are the rendering's (rendering.render_all)."""
    documents, problems = validate_content(content_dir, display_root, cache_path)
    if problems:
        return None, problems
    rendered, _ = rendering.render_all(
        [rendering.job_for(doc.metadata, doc.body) for doc in documents], options, cache_path,
        workers)
    return Corpus(Entry(doc, *html) for doc, html in zip(documents, rendered, strict=True)), []

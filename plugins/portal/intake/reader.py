"""Markdown reader with YAML front matter.

Pelican's fields (date, category, tags, ...) are turned into Pelican's
objects; the portal's fields keep their YAML values. Validation has already
run over the whole content folder before any file is read (see
``__init__.py``), so values here are known to be well-formed.
"""

import os
from pathlib import Path

from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import pelican_open

from ..model import kinds
from . import frontmatter, images, rendering
from .validation import plain_slug


class PortalMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self._renderer = None

    def read(self, source_path):
        parsed = self.settings.get("PORTAL_PARSED", {}).get(str(Path(source_path).resolve()))
        if parsed and parsed[0] == os.stat(source_path).st_mtime_ns:
            # Validated and rendered moments ago (rendering.py); unchanged since.
            _, raw, _, rendered = parsed
        else:
            with pelican_open(source_path) as text:
                raw, body, _ = frontmatter.split(text)
            if self._renderer is None:
                self._renderer = rendering.Renderer(self.settings)
            rendered = self._renderer.render(rendering.job_for(raw, body))
        body_html, summary_html, title_html = rendered
        content = images.add_sizes(body_html, self.settings["PATH"],
                                   os.path.dirname(source_path),
                                   self.settings.get("PORTAL_DERIVATIVES"))
        return content, self.convert_metadata(raw, summary_html, title_html)

    def convert_metadata(self, raw, summary_html, title_html):
        metadata = {}
        for key, value in raw.items():
            if value is None or value == "" or value == [] or value == {}:
                continue
            if key == "title":
                metadata["title"] = title_html
            elif key in ("date", "modified"):
                metadata[key] = kinds.DATETIME.parse(value)
                # Templates show a time only when the editor gave one.
                metadata[f"{key}_has_time"] = kinds.has_time(value)
            elif key == "category":
                metadata["category"] = Category(str(value), self.settings)
            elif key == "tags":
                items = value if isinstance(value, list) else str(value).split(",")
                names = [str(t).strip() for t in items if str(t).strip()]
                metadata["tags"] = [Tag(name, self.settings) for name in names]
            elif key == "slug":
                metadata["slug"] = str(value)
            elif key == "summary":
                metadata["summary"] = summary_html
            elif key == "penulis":
                # Pelican's author (feeds): the writer, else AUTHOR from situs.yml.
                metadata["penulis"] = value
                metadata["author"] = Author(str(value), self.settings)
            else:
                metadata[key] = value
        if "slug" not in metadata and "title" in raw:
            # Same derivation as validation, so references and duplicates
            # are checked against the slug that is actually used.
            metadata["slug"] = plain_slug(raw["title"])
        return metadata

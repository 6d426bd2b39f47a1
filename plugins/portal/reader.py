"""Markdown reader with YAML front matter.

Pelican's fields (date, category, tags, ...) are turned into Pelican's
objects; the portal's fields keep their YAML values. Validation has already
run over the whole content folder before any file is read (see
``__init__.py``), so values here are known to be well-formed.
"""

import os
from pathlib import Path

from markdown import Markdown
from markupsafe import escape
from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag
from pelican.utils import pelican_open

from . import frontmatter, images, sanitize
from .validation import parse_datetime, plain_slug

# Our front matter is YAML, so Python-Markdown's "meta" extension must not
# run: it would swallow a first body line such as "Catatan: ...".
_META_EXTENSIONS = {"markdown.extensions.meta", "meta"}


class PortalMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        config = dict(settings["MARKDOWN"])
        config["extensions"] = [
            ext for ext in config.get("extensions", []) if ext not in _META_EXTENSIONS
        ]
        config["extension_configs"] = {
            key: value
            for key, value in config.get("extension_configs", {}).items()
            if key not in _META_EXTENSIONS
        }
        self._config = config

    def read(self, source_path):
        parsed = self.settings.get("PORTAL_PARSED", {}).get(str(Path(source_path).resolve()))
        if parsed and parsed[0] == os.stat(source_path).st_mtime_ns:
            _, raw, body = parsed  # validated moments ago, file unchanged since
        else:
            with pelican_open(source_path) as text:
                raw, body, _ = frontmatter.split(text)
        markdown = Markdown(**self._config)
        content = sanitize.clean(markdown.convert(body))
        content = images.add_sizes(content, self.settings["PATH"], os.path.dirname(source_path),
                                   self.settings.get("PORTAL_DERIVATIVES"))
        return content, self.convert_metadata(raw, markdown)

    def convert_metadata(self, raw, markdown):
        metadata = {}
        for key, value in raw.items():
            if value is None or value == "" or value == [] or value == {}:
                continue
            if key == "title":
                # Escape first: typogrify later adds markup to the title.
                metadata["title"] = str(escape(str(value)))
            elif key in ("date", "modified"):
                metadata[key] = parse_datetime(value)
                # Templates show a time only when the editor gave one.
                metadata[f"{key}_has_time"] = " " in str(value).strip() or "T" in str(value)
            elif key == "category":
                metadata["category"] = Category(str(value), self.settings)
            elif key == "tags":
                items = value if isinstance(value, list) else str(value).split(",")
                names = [str(t).strip() for t in items if str(t).strip()]
                metadata["tags"] = [Tag(name, self.settings) for name in names]
            elif key == "slug":
                metadata["slug"] = str(value)
            elif key == "summary":
                markdown.reset()
                metadata["summary"] = sanitize.clean(markdown.convert(str(value)))
            else:
                metadata[key] = value
        if "slug" not in metadata and "title" in raw:
            # Same derivation as validation, so references and duplicates
            # are checked against the slug that is actually used.
            metadata["slug"] = plain_slug(raw["title"])
        return metadata

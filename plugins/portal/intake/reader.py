"""Markdown reader with YAML front matter.

Every file was read, validated and rendered before Pelican reads any
(``corpus.py``); the reader takes the file's entry from the corpus it was
given and turns its values into Pelican's objects (category, tags, author,
dates); the portal's fields keep their YAML values.
"""

from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag

from . import images


class PortalMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings, corpus=None, derivatives=None, show_drafts=True):
        super().__init__(settings)
        self.corpus = corpus
        self.derivatives = derivatives
        self.show_drafts = show_drafts

    def read(self, source_path):
        entry = self.corpus.entry(source_path)
        # Resized copies of a draft's photos are written only where drafts
        # are shown: a production build publishes no file of a draft.
        shown = self.show_drafts or not entry.document.draft
        content = images.add_sizes(entry.body_html, self.settings["PATH"],
                                   entry.document.images, self.derivatives if shown else None)
        return content, self.convert_metadata(entry)

    def convert_metadata(self, entry):
        document = entry.document
        metadata = {}
        for key, value in document.values.items():
            if key == "title":
                metadata["title"] = entry.title_html
            elif key in ("date", "modified"):
                metadata[key], metadata[f"{key}_has_time"] = document.dates[key]
            elif key == "category":
                metadata["category"] = Category(str(value), self.settings)
            elif key == "tags":
                metadata["tags"] = [Tag(name, self.settings) for name in document.tags]
            elif key == "summary":
                metadata["summary"] = entry.summary_html
            elif key == "penulis":
                # Pelican's author (feeds): the writer, else AUTHOR from situs.yml.
                metadata["penulis"] = value
                metadata["author"] = Author(str(value), self.settings)
            else:
                metadata[key] = value
        if document.slug:
            # The slug references and duplicates were checked against.
            metadata["slug"] = document.slug
        return metadata

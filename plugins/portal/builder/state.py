"""One build of the portal: what each step hands to the next.

Pelican's plugin steps are separate signal handlers; the objects one step
makes for a later one travel in a ``PortalBuild``, made when Pelican starts
(``initialized``) and handed explicitly to the reader (as its constructor
argument, through Pelican's READERS table), to the portal's generator (a
subclass bound to it) and to the last step (on the Pelican object), never
parked in the settings.
"""

from dataclasses import dataclass, field

# The generators' lists of content objects (Pelican's and the portal's).
CONTENT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages",
                 "kims", "potensi", "acara", "videos", "dokumen", "galeri")


@dataclass
class PortalBuild:
    corpus: object  # intake.corpus.Corpus
    derivatives: object  # intake.images.Derivatives
    situs: object  # intake.situs.Situs
    previews: object  # output.previews.Previews
    base: str  # everything but the bodies the pages read (builder/incremental.py)
    # The options the Markdown was rendered with (rendering.take_over_typography).
    rendering: dict = field(default_factory=dict)
    # This build's incremental.Carry, once all content is read.
    carry: object = None
    # The search index's parts: {bundle: output paths of its pages}, once
    # all content is read (output/search.py).
    search_bundles: dict = field(default_factory=dict)
    # Output paths of pages that are linked but kept out of sitemap.xml (the
    # posters: a printable copy of a page that is listed).
    unlisted: set = field(default_factory=set)

"""Content classes for the portal's own types.

Pelican looks up ``<CLASS>_URL`` and ``<CLASS>_SAVE_AS`` from the class
name, so ``Kim`` uses ``KIM_URL`` and ``Potensi`` uses ``POTENSI_URL``.
"""

from pelican.contents import Content


class PortalContent(Content):
    """What the portal's types share: each needs a title and a slug (its page
    address), and is published unless its status says draft."""

    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"


class Kim(PortalContent):
    default_template = "kim"


class Potensi(PortalContent):
    default_template = "potensi"


class Acara(PortalContent):
    """An activity on the agenda (content/acara/)."""

    default_template = "acara"


class Video(PortalContent):
    """A KIM's video on YouTube (content/video/), played on the portal only
    after the reader asks for it."""

    default_template = "video"


class Dokumen(PortalContent):
    """A document a KIM or the operator publishes (content/dokumen/); its file
    is in content/berkas/."""

    default_template = "dokumen"


class Galeri(PortalContent):
    """An album of photos from one activity of a KIM (content/galeri/)."""

    default_template = "galeri"

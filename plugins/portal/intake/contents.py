"""Content classes for the portal's own types.

Pelican looks up ``<CLASS>_URL`` and ``<CLASS>_SAVE_AS`` from the class
name, so ``Kim`` uses ``KIM_URL`` and ``Potensi`` uses ``POTENSI_URL``.
"""

from pelican.contents import Content


class Kim(Content):
    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "kim"


class Potensi(Content):
    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "potensi"


class Acara(Content):
    """An activity on the agenda (content/acara/)."""

    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "acara"


class Video(Content):
    """A KIM's video on YouTube (content/video/), played on the portal only
    after the reader asks for it."""

    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "video"


class Dokumen(Content):
    """A document a KIM or the operator publishes (content/dokumen/); its file
    is in content/berkas/."""

    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "dokumen"


class Galeri(Content):
    """An album of photos from one activity of a KIM (content/galeri/)."""

    mandatory_properties = ("title", "slug")
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "galeri"

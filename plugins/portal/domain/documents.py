"""Documents the KIM and the operator publish (content/dokumen/, their files
in content/berkas/): newest first, by type and by KIM, each with its file's
address, size and format as readers see them before downloading.

Attributes set on each document: ``dokumen.kim_profiles``,
``dokumen.file_url``, ``dokumen.file_size`` (bytes), ``dokumen.file_label``
('PDF, 1,2 MB'), ``dokumen.file_type`` (its media type).
"""

import mimetypes
import os
from dataclasses import dataclass, field

from ..model.formatting import angka


@dataclass
class Documents:
    items: list = field(default_factory=list)  # newest first
    by_jenis: dict = field(default_factory=dict)  # jenis -> documents, in vocabulary order
    by_kim: dict = field(default_factory=dict)  # KIM slug -> documents


def slugify_jenis(jenis):
    """The address part of a document type: 'SK' -> 'sk'."""
    return jenis.lower().replace(" ", "-")


def size_text(size):
    """'820 KB', '1,2 MB': what a reader on a data plan wants to know."""
    if size < 1_000_000:
        return f"{angka(max(1, round(size / 1000)))} KB"
    return f"{angka(round(size / 1_000_000, 1))} MB"


def link(documents, kims, jenis_order, content_dir):
    by_slug = {kim.slug: kim for kim in kims}
    result = Documents()
    for dokumen in documents:
        refs = dokumen.kim if isinstance(getattr(dokumen, "kim", None), list) else \
            [dokumen.kim] if getattr(dokumen, "kim", None) else []
        dokumen.kim_profiles = [by_slug[slug] for slug in refs if slug in by_slug]
        path = dokumen.berkas.lstrip("/")
        dokumen.file_url = path
        dokumen.file_size = os.path.getsize(os.path.join(content_dir, path))
        dokumen.file_label = f"{path.rsplit('.', 1)[-1].upper()}, {size_text(dokumen.file_size)}"
        dokumen.file_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    result.items = sorted(documents, key=lambda item: (item.date, item.slug), reverse=True)
    for jenis in jenis_order:
        matching = [item for item in result.items if item.jenis == jenis]
        if matching:
            result.by_jenis[jenis] = matching
    for dokumen in result.items:
        for kim in dokumen.kim_profiles:
            result.by_kim.setdefault(kim.slug, []).append(dokumen)
    return result

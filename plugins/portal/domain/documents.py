"""Documents the KIM and the operator publish (content/dokumen/, their files
in content/berkas/): newest first, by type and by KIM, each with its file's
address, size and format as readers see them before downloading.

Attributes set on each document: ``dokumen.kim_profiles``,
``dokumen.jenis_url`` (its type's list), ``dokumen.file_url``,
``dokumen.file_size`` (bytes), ``dokumen.file_label`` ('PDF, 1,2 MB'),
``dokumen.file_type`` (its media type).
"""

import mimetypes
import os
from dataclasses import dataclass, field

from ..model.formatting import angka
from .relations import named_kims, newest_first_by_kim


@dataclass
class Documents:
    items: list = field(default_factory=list)  # newest first
    by_jenis: dict = field(default_factory=dict)  # jenis -> documents, in vocabulary order
    by_kim: dict = field(default_factory=dict)  # KIM slug -> documents
    jenis_urls: dict = field(default_factory=dict)  # jenis -> the address of its list

    # A filter is offered only where it narrows the list: with one type, or
    # every document from one KIM, its one chip would list the same again.
    @property
    def filter_by_jenis(self):
        return len(self.by_jenis) > 1

    @property
    def filter_by_kim(self):
        return any(len(listed) < len(self.items) for listed in self.by_kim.values())


def slugify_jenis(jenis):
    """The address part of a document type: 'SK' -> 'sk'."""
    return jenis.lower().replace(" ", "-")


def size_text(size):
    """'820 KB', '1,2 MB': what a reader on a data plan wants to know."""
    if size < 1_000_000:
        return f"{angka(max(1, round(size / 1000)))} KB"
    return f"{angka(round(size / 1_000_000, 1))} MB"


def link(documents, kims, jenis_order, content_dir, jenis_url):
    """The ``Documents``; `jenis_url` is the address template of a type's list."""
    by_slug = {kim.slug: kim for kim in kims}
    result = Documents()
    for dokumen in documents:
        dokumen.kim_profiles = named_kims(dokumen, by_slug)
        dokumen.jenis_url = jenis_url.format(slug=slugify_jenis(dokumen.jenis))
        path = dokumen.berkas.lstrip("/")
        dokumen.file_url = path
        dokumen.file_size = os.path.getsize(os.path.join(content_dir, path))
        dokumen.file_label = f"{path.rsplit('.', 1)[-1].upper()}, {size_text(dokumen.file_size)}"
        dokumen.file_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    result.items, result.by_kim = newest_first_by_kim(documents)
    for jenis in jenis_order:
        matching = [item for item in result.items if item.jenis == jenis]
        if matching:
            result.by_jenis[jenis] = matching
            result.jenis_urls[jenis] = jenis_url.format(slug=slugify_jenis(jenis))
    return result

"""Photo albums (content/galeri/): newest first, each with the KIM, the news
article and the agenda activity it belongs to, and each KIM's albums.

Attributes set on each album: ``galeri.kim_profiles``, ``galeri.berita_page``
and ``galeri.acara_page`` (the linked entries, or None). The berita and
acara named exist: validation checked them (schema ``refers_to``).
"""

import shutil
from pathlib import Path

from .relations import named_kims, newest_first_by_kim


class PhotoSwipeMissing(Exception):
    pass


def link(galleries, kims, articles, events):
    by_slug = {kim.slug: kim for kim in kims}
    articles_by_slug = {article.slug: article for article in articles}
    events_by_slug = {acara.slug: acara for acara in events}
    for galeri in galleries:
        galeri.kim_profiles = named_kims(galeri, by_slug)
        galeri.berita_page = articles_by_slug.get(getattr(galeri, "berita", None))
        galeri.acara_page = events_by_slug.get(getattr(galeri, "acara", None))
    return newest_first_by_kim(galleries)


def copy_photoswipe(source, target):
    """The lightbox's two modules and stylesheet, served by the site."""
    source = Path(source)
    names = ("photoswipe-lightbox.esm.min.js", "photoswipe.esm.min.js", "photoswipe.css")
    if not all((source / name).is_file() for name in names):
        raise PhotoSwipeMissing(
            f"PhotoSwipe tidak ditemukan di {source}. Jalankan 'npm ci --omit=dev' di folder "
            "proyek untuk memasang paketnya, lalu bangun ulang situs.")
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(source / name, target / name)

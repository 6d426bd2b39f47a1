"""schema.org data (JSON-LD) for each page type, built as plain dicts; the
templates print them with Jinja's HTML-safe ``tojson``.

Fact-check tools read ClaimReview: claimReviewed, reviewRating (with
alternateName, the verdict label), url, author, datePublished and
itemReviewed (the Claim, where and when it appeared).
"""

from ..model.formatting import plain_text
from . import agenda


class StructuredData:
    """`situs` (situs.Situs) names the operator; where it names nobody, no
    publisher or author is asserted."""

    def __init__(self, settings, situs):
        self.base = settings["PUBLIC_URL"].rstrip("/")
        self.sitename = settings["SITENAME"]
        self.situs = situs
        self.default_image = f"{settings['THEME_STATIC_DIR']}/og-default.png"
        # As many as the page names (KIM_NAMED, POTENSI_FOTO_SHOWN): the data
        # describes what the page shows, and no page grows with a list.
        self.kim_named = settings.get("KIM_NAMED")
        self.photos_shown = settings.get("POTENSI_FOTO_SHOWN")

    def url(self, path):
        return f"{self.base}/{path}"

    def image(self, src):
        return self.url(src) if src else self.url(self.default_image)

    def organizations(self, kims):
        """The KIM an item names, as the page names them."""
        return [{"@type": "Organization", "name": plain_text(kim.title), "url": self.url(kim.url)}
                for kim in kims[:self.kim_named]]

    def publisher(self):
        """The operator as an Organization, or None when not configured."""
        if not self.situs.nama:
            return None
        data = {"@type": "Organization", "name": self.situs.nama, "url": self.url("")}
        if self.situs.pengelola.get("logo"):
            data["logo"] = self.url(self.situs.pengelola["logo"])
        kontak = self.situs.kontak
        data.update(_contact(kontak))
        if kontak.get("telepon"):
            data["telephone"] = kontak["telepon"]
        if self.situs.pengelola.get("alamat"):
            data["address"] = self.situs.pengelola["alamat"]
        return data

    def author(self, article):
        """The article's own writer, else the configured default author."""
        if getattr(article, "penulis", None):
            return {"@type": "Person", "name": str(article.penulis)}
        if self.situs.default_author == self.situs.nama and self.situs.nama:
            return self.publisher()
        if self.situs.default_author:
            return {"@type": "Organization", "name": self.situs.default_author}
        return None

    def website(self):
        data = {"@context": "https://schema.org", "@type": "WebSite", "name": self.sitename,
                "url": self.url(""), "inLanguage": "id"}
        return _with(data, publisher=self.publisher())

    def news_article(self, article):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": plain_text(article.title)[:110],
            "url": self.url(article.url),
            "mainEntityOfPage": self.url(article.url),
            "datePublished": article.date.isoformat(),
            "dateModified": getattr(article, "modified", article.date).isoformat(),
            "inLanguage": "id",
            "articleSection": article.category.name,
            "image": [self.image(getattr(article, "gambar", {}).get("src")
                                 if getattr(article, "gambar", None) else None)],
        }
        data = _with(data, author=self.author(article), publisher=self.publisher())
        if getattr(article, "summary", None):
            data["description"] = plain_text(article.summary)
        original = getattr(article, "diterbitkan_ulang", None) or {}
        if original.get("url"):
            data["isBasedOn"] = original["url"]
        if getattr(article, "kim_profiles", None):
            data["about"] = self.organizations(article.kim_profiles)
        return data

    def claim_review(self, article):
        beredar = getattr(article, "beredar", None) or {}
        verdict = article.verdict
        claim = {"@type": "Claim", "appearance": {"@type": "CreativeWork",
                                                  "name": beredar.get("tempat", "")}}
        if beredar.get("tanggal"):
            claim["datePublished"] = str(beredar["tanggal"])
        return _with({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": self.url(article.url),
            "claimReviewed": article.klaim,
            "datePublished": article.date.date().isoformat(),
            "inLanguage": "id",
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": verdict.rating,
                             "bestRating": 5, "worstRating": 1,
                             "alternateName": verdict.label},
        }, author=self.publisher())

    def organization(self, kim):
        data = self._item("Organization", kim, {
            "areaServed": f"{kim.jenis_wilayah.capitalize()} {kim.desa_kelurahan}, "
                          f"Kecamatan {kim.kecamatan}, Kabupaten Kotawaringin Barat",
            "address": self._address(kim),
        })
        if getattr(kim, "ringkasan", None):
            data["description"] = kim.ringkasan
        data.update(_contact(getattr(kim, "kontak", None) or {}))
        if getattr(kim, "logo", None):
            data["logo"] = self.url(kim.logo)
        if getattr(kim, "lokasi", None):
            data["location"] = self._place(plain_text(kim.title), kim, kim.lokasi)
        return data

    def potensi(self, item):
        place = self._place(plain_text(item.title), item, item.lokasi_efektif)
        place["url"] = self.url(item.url)
        if getattr(item, "ringkasan", None):
            place["description"] = item.ringkasan
        photos = getattr(item, "foto", None) or []
        if photos:
            place["image"] = [self.url(photo["src"]) for photo in photos[:self.photos_shown]]
        harga = getattr(item, "harga", None)
        if isinstance(harga, dict):
            place["makesOffer"] = {"@type": "Offer", "price": harga["nilai"],
                                   "priceCurrency": "IDR"}
        return place

    def event(self, acara):
        """An activity of the agenda (domain/agenda.py) as a schema.org Event."""
        status = {"terjadwal": "EventScheduled", "dibatalkan": "EventCancelled",
                  "diundur": "EventRescheduled"}[acara.keadaan]
        tempat = acara.tempat
        address = {"@type": "PostalAddress", "addressRegion": "Kalimantan Tengah",
                   "addressCountry": "ID"}
        if tempat.get("desa_kelurahan"):
            address["addressLocality"] = tempat["desa_kelurahan"]
        place = {"@type": "Place", "name": tempat["nama"], "address": address}
        if acara.lokasi:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": acara.lokasi["lat"],
                            "longitude": acara.lokasi["lon"]}
        end = agenda.end_of(acara)
        data = self._item("Event", acara, {
            "startDate": (acara.start.date() if acara.all_day else acara.start).isoformat(),
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
        })
        if end is not None:
            data["endDate"] = (acara.last_day if acara.all_day else end).isoformat()
        if getattr(acara, "ringkasan", None):
            data["description"] = acara.ringkasan
        if acara.kim_profiles:
            data["organizer"] = self.organizations(acara.kim_profiles)
        semula = getattr(acara, "jadwal_semula", None)
        if acara.keadaan == "diundur" and semula:
            when, timed = agenda.moment(semula)
            data["previousStartDate"] = (when if timed else when.date()).isoformat()
        return data

    def video(self, video):
        """A KIM's video (domain/videos.py) as a schema.org VideoObject."""
        gambar = getattr(video, "gambar", None) or {}
        data = self._item("VideoObject", video, {
            "description": getattr(video, "ringkasan", None) or plain_text(video.title),
            "uploadDate": video.date.date().isoformat(),
            "thumbnailUrl": self.image(gambar.get("src")),
            "embedUrl": video.embed_url,
            "inLanguage": "id",
        })
        if video.kim_profiles:
            data["creator"] = self.organizations(video.kim_profiles)
        return data

    def gallery(self, galeri, photos=None):
        """A photo album (domain/galleries.py) as a schema.org ImageGallery,
        with the `photos` of one of its pages (all of them when None). A
        photo's caption is left out: it is the editor's own text, of any
        length, which the page shows (and its budget leaves out)."""
        data = self._item("ImageGallery", galeri, {
            "datePublished": galeri.date.date().isoformat(),
            "inLanguage": "id",
            "image": [_with({"@type": "ImageObject", "contentUrl": self.url(foto["src"]),
                             "description": foto["alt"]}, creditText=foto.get("kredit"))
                      for foto in (galeri.foto if photos is None else photos)],
        })
        if galeri.kim_profiles:
            data["creator"] = self.organizations(galeri.kim_profiles)
        return data

    def document(self, dokumen):
        """A published document (domain/documents.py) as a schema.org DigitalDocument."""
        data = self._item("DigitalDocument", dokumen, {
            "datePublished": dokumen.date.date().isoformat(),
            "encodingFormat": dokumen.file_type,
            "contentUrl": self.url(dokumen.file_url),
            "inLanguage": "id",
        })
        if dokumen.kim_profiles:
            data["publisher"] = self.organizations(dokumen.kim_profiles)
        else:
            data = _with(data, publisher=self.publisher())
        return data

    def _item(self, schema_type, item, details):
        """The data of an item with a page of its own (a KIM, an activity, a
        video, an album, a document): its type, its name (the title as plain
        text) and its page's address, then its `details`."""
        return {"@context": "https://schema.org", "@type": schema_type,
                "name": plain_text(item.title), "url": self.url(item.url), **details}

    def _address(self, item):
        """The desa of a KIM or a potensi."""
        return {"@type": "PostalAddress", "addressLocality": item.desa_kelurahan,
                "addressRegion": "Kalimantan Tengah", "addressCountry": "ID"}

    def _place(self, name, item, lokasi):
        place = {"@context": "https://schema.org", "@type": "Place", "name": name,
                 "address": self._address(item)}
        if lokasi:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": lokasi["lat"],
                            "longitude": lokasi["lon"]}
        return place

    def breadcrumbs(self, trail, current_path, current_name):
        items = [("Beranda", "")] + list(trail) + [(current_name, current_path)]
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": index, "name": name, "item": self.url(path)}
                for index, (name, path) in enumerate(items, start=1)
            ],
        }


def _contact(kontak):
    """How a KIM or the operator is reached, from its `kontak`: its email
    address and its own pages elsewhere (web site, social media) as sameAs."""
    same_as = [kontak[k] for k in ("website", "facebook", "instagram", "youtube")
               if kontak.get(k)]
    return _with({}, email=kontak.get("email") or None, sameAs=same_as or None)


def _with(data, **optional):
    """`data` with the optional values that are set (None is left out)."""
    return {**data, **{key: value for key, value in optional.items() if value is not None}}

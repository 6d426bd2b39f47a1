"""schema.org data (JSON-LD) for each page type, built as plain dicts; the
templates print them with Jinja's HTML-safe ``tojson``.

Fact-check tools read ClaimReview: claimReviewed, reviewRating (with
alternateName, the verdict label), url, author, datePublished and
itemReviewed (the Claim, where and when it appeared).
"""

from .formatting import plain_text


class StructuredData:
    def __init__(self, settings):
        self.base = settings["PUBLIC_URL"].rstrip("/")
        self.sitename = settings["SITENAME"]
        self.publisher_name = settings["AUTHOR"]

    def url(self, path):
        return f"{self.base}/{path}"

    def image(self, src):
        return self.url(src) if src else self.url("theme/og-default.png")

    def publisher(self):
        return {"@type": "Organization", "name": self.publisher_name,
                "url": self.url("")}

    def website(self):
        return {"@context": "https://schema.org", "@type": "WebSite", "name": self.sitename,
                "url": self.url(""), "inLanguage": "id"}

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
            "author": ({"@type": "Person", "name": article.penulis}
                       if getattr(article, "penulis", None) else self.publisher()),
            "publisher": self.publisher(),
        }
        if getattr(article, "summary", None):
            data["description"] = plain_text(article.summary)
        if getattr(article, "kim_profiles", None):
            data["about"] = [{"@type": "Organization", "name": plain_text(kim.title),
                              "url": self.url(kim.url)} for kim in article.kim_profiles]
        return data

    def claim_review(self, article):
        beredar = getattr(article, "beredar", None) or {}
        verdict = article.verdict
        claim = {"@type": "Claim", "appearance": {"@type": "CreativeWork",
                                                  "name": beredar.get("tempat", "")}}
        if beredar.get("tanggal"):
            claim["datePublished"] = str(beredar["tanggal"])
        return {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": self.url(article.url),
            "claimReviewed": article.klaim,
            "datePublished": article.date.date().isoformat(),
            "author": self.publisher(),
            "inLanguage": "id",
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": verdict.rating,
                             "bestRating": 5, "worstRating": 1,
                             "alternateName": verdict.label},
        }

    def organization(self, kim):
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": plain_text(kim.title),
            "url": self.url(kim.url),
            "areaServed": f"{kim.jenis_wilayah.capitalize()} {kim.desa_kelurahan}, "
                          f"Kecamatan {kim.kecamatan}, Kabupaten Kotawaringin Barat",
            "address": self._address(kim),
        }
        if getattr(kim, "ringkasan", None):
            data["description"] = kim.ringkasan
        kontak = getattr(kim, "kontak", None) or {}
        if kontak.get("email"):
            data["email"] = kontak["email"]
        same_as = [kontak[k] for k in ("website", "facebook", "instagram", "youtube")
                   if kontak.get(k)]
        if same_as:
            data["sameAs"] = same_as
        if getattr(kim, "logo", None):
            data["logo"] = self.url(kim.logo)
        if getattr(kim, "lokasi", None):
            data["location"] = self._place(plain_text(kim.title), kim, kim.lokasi)
        return data

    def potensi(self, item):
        owner = item.kim_profile
        place = self._place(plain_text(item.title), owner, item.lokasi_efektif)
        place["url"] = self.url(item.url)
        if getattr(item, "ringkasan", None):
            place["description"] = item.ringkasan
        photos = getattr(item, "foto", None) or []
        if photos:
            place["image"] = [self.url(photo["src"]) for photo in photos]
        harga = getattr(item, "harga", None)
        if isinstance(harga, dict):
            place["makesOffer"] = {"@type": "Offer", "price": harga["nilai"],
                                   "priceCurrency": "IDR"}
        return place

    def _address(self, kim):
        return {"@type": "PostalAddress", "addressLocality": kim.desa_kelurahan,
                "addressRegion": "Kalimantan Tengah", "addressCountry": "ID"}

    def _place(self, name, kim, lokasi):
        place = {"@context": "https://schema.org", "@type": "Place", "name": name}
        if kim is not None:
            place["address"] = self._address(kim)
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

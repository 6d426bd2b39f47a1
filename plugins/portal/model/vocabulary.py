"""Fixed vocabularies of the portal: the regency's kecamatan, the potensi
categories, the news categories and the fact-check verdicts.

Everything here is reference data shared by validation, relations and the
templates, so that an allowed value is defined in exactly one place.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kecamatan:
    name: str
    slug: str
    # Village counts from the 2013 sanitation white paper (approximate).
    desa: int
    kelurahan: int


KECAMATAN = (
    Kecamatan("Arut Selatan", "arut-selatan", 13, 7),
    Kecamatan("Kumai", "kumai", 15, 3),
    Kecamatan("Kotawaringin Lama", "kotawaringin-lama", 15, 2),
    Kecamatan("Arut Utara", "arut-utara", 10, 1),
    Kecamatan("Pangkalan Lada", "pangkalan-lada", 11, 0),
    Kecamatan("Pangkalan Banteng", "pangkalan-banteng", 17, 0),
)
KECAMATAN_BY_NAME = {k.name: k for k in KECAMATAN}


@dataclass(frozen=True)
class Term:
    """An allowed value with the slug used in URLs."""

    name: str
    slug: str


KATEGORI_POTENSI = (
    Term("Agrowisata", "agrowisata"),
    Term("Wisata Alam", "wisata-alam"),
    Term("Wisata Budaya", "wisata-budaya"),
    Term("Kuliner", "kuliner"),
    Term("Kerajinan", "kerajinan"),
    Term("Pertanian", "pertanian"),
    Term("Perkebunan", "perkebunan"),
    Term("Perikanan", "perikanan"),
    Term("Peternakan", "peternakan"),
    Term("Seni Budaya", "seni-budaya"),
    Term("UMKM/Jasa", "umkm-jasa"),
)
KATEGORI_BY_NAME = {k.name: k for k in KATEGORI_POTENSI}

KATEGORI_BERITA = ("Berita", "Kegiatan", "Pengumuman", "Cek Fakta")
CEK_FAKTA = "Cek Fakta"


@dataclass(frozen=True)
class Verdict:
    label: str
    slug: str
    meaning: str
    # Position on the ClaimReview rating scale (1 = false, 5 = true).
    rating: int


VERDICTS = (
    Verdict("HOAKS", "hoaks", "Informasi bohong yang sengaja dibuat untuk menipu.", 1),
    Verdict("DISINFORMASI", "disinformasi", "Informasi salah yang sengaja disebarkan.", 1),
    Verdict("MISINFORMASI", "misinformasi", "Informasi salah yang tersebar tanpa niat menipu.", 2),
    Verdict("KLARIFIKASI", "klarifikasi",
            "Penjelasan atas informasi yang menyesatkan atau kurang lengkap.", 3),
    Verdict("FAKTA", "fakta", "Informasi yang terbukti benar.", 5),
)
VERDICT_BY_LABEL = {v.label: v for v in VERDICTS}

JENIS_WILAYAH = ("desa", "kelurahan")

# What became of a planned activity (acara): held as planned, called off, or
# moved to another day (its `mulai` is then the new day).
KEADAAN_ACARA = ("terjadwal", "dibatalkan", "diundur")

# What a KIM's video is: its profile (the short film KIM make for the KIM
# Award and KIMFest), coverage of an activity, or something else.
JENIS_VIDEO = ("profil KIM", "liputan", "lainnya")

# What a published document is (content/dokumen/).
JENIS_DOKUMEN = ("SK", "laporan", "pengumuman", "formulir", "lainnya")

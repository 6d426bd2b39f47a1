"""The content model: one schema per content type.

A schema is a tuple of ``Field`` declarations. Validation (``validation.py``)
interprets them, the editor guide documents them, and later the web editor's
configuration can be generated from them, so the rules live only here.

Pelican's own fields keep their English names (title, date, category, tags,
slug, summary, status); the portal's fields are Indonesian words.
"""

from dataclasses import dataclass, field

# Field kinds: each field names its kind, and the kind knows how its values
# are checked, read, shown and edited (kinds.py).
from .kinds import (
    BOOLEAN,
    CHOICE,
    CHOICES,
    DATE,
    DATETIME,
    DOCUMENT,
    EMAIL,
    IMAGE,
    INTEGER,
    KIM_REF,
    KIM_REFS,
    LATITUDE,
    LONGITUDE,
    MONTH_OR_DATE,
    OBJECT,
    OBJECTS,
    PRICE,
    SLUG,
    SLUG_HINT,
    STATUS,
    TELEPHONE,
    TEXT,
    TEXTS,
    URL,
    WHATSAPP,
    YOUTUBE,
    Kind,
)
from .vocabulary import (
    JENIS_DOKUMEN,
    JENIS_VIDEO,
    JENIS_WILAYAH,
    KATEGORI_BERITA,
    KATEGORI_POTENSI,
    KEADAAN_ACARA,
    KECAMATAN,
    VERDICTS,
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    label: str
    required: bool = False
    choices: tuple = ()
    fields: tuple = ()  # sub-fields of an OBJECT or of each item of OBJECTS
    max_length: int | None = None
    minimum: int | None = None
    example: object = None
    hint: str = ""
    # Words the portal writes itself before the value ("Desa Kinjil"): a
    # value starting with one of them would show it twice.
    not_starting_with: tuple = ()
    # A SLUG field naming an entry of another content type (its key): the
    # entry must exist.
    refers_to: str = ""

    def subfield(self, name):
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class ContentType:
    key: str  # folder under content/
    label: str
    fields: tuple
    # Fields required only when a condition on another field holds.
    conditional: dict = field(default_factory=dict)
    # (earlier, later): two date fields of which the later, when given, may
    # not be before the earlier (an activity's end and start).
    in_order: tuple = ()

    def field(self, name):
        return next((f for f in self.fields if f.name == name), None)


PHOTO = (
    Field("src", IMAGE, "berkas foto", required=True, example="images/potensi/nama-foto.jpg",
          hint="jalur berkas di dalam folder content/, misalnya images/..."),
    Field("alt", TEXT, "teks alternatif", required=True, max_length=250,
          example="Anak-anak memberi makan kelinci",
          hint="gambarkan isi foto untuk pembaca yang tidak dapat melihatnya"),
    Field("keterangan", TEXT, "keterangan foto", example="Pengunjung di Taman Kelinci"),
)

KONTAK = (
    Field("whatsapp", WHATSAPP, "nomor WhatsApp", example="0812-3456-7890",
          hint="nomor ponsel yang aktif di WhatsApp, diawali 08 atau +62"),
    Field("email", EMAIL, "alamat email", example="kim@example.id"),
    Field("website", URL, "situs web", example="https://..."),
    Field("facebook", URL, "halaman Facebook", example="https://facebook.com/..."),
    Field("instagram", URL, "akun Instagram", example="https://instagram.com/..."),
    Field("youtube", URL, "kanal YouTube", example="https://youtube.com/..."),
)

LOKASI = (
    Field("lat", LATITUDE, "garis lintang", required=True, example=-2.7398),
    Field("lon", LONGITUDE, "garis bujur", required=True, example=111.7197),
    Field("perkiraan", BOOLEAN, "lokasi perkiraan", example=True,
          hint="true bila titik hanya perkiraan, misalnya pusat desa"),
)

SUMBER = (
    Field("nama", TEXT, "nama sumber", required=True, example="Kalteng Pos"),
    Field("judul", TEXT, "judul tulisan sumber"),
    Field("tanggal", DATE, "tanggal terbit sumber", example="2018-11-25"),
    Field("url", URL, "alamat tulisan sumber"),
)


# Fields most content types have, with the same rules in each: a type names
# them through these rather than spelling the rules out again.
STATUS_FIELD = Field("status", STATUS, "status", choices=("published", "draft"))
SUMBER_FIELD = Field("sumber", OBJECTS, "sumber", fields=SUMBER)


def slug_field(example=None, required=True):
    """The page's address. Only a news item may leave it out (Pelican then
    makes it from the title)."""
    return Field("slug", SLUG, "slug (alamat halaman)", required=required, example=example,
                 hint=SLUG_HINT)


def summary_field(name="ringkasan", **options):
    """A summary: short enough for a card and a link preview everywhere.
    News and pages keep Pelican's own field name, ``summary``."""
    return Field(name, TEXT, "ringkasan", max_length=300, **options)


def wilayah(desa_example, kecamatan_example):
    """Where a KIM or a potensi is: its desa or kelurahan and kecamatan. KIM
    and potensi of one desa are matched by these (relations.py)."""
    return (
        Field("desa_kelurahan", TEXT, "nama desa/kelurahan", required=True,
              example=desa_example,
              hint="tanpa kata 'Desa' atau 'Kelurahan' di depannya; profil KIM dan potensi "
                   "di desa yang sama memakai ejaan yang sama",
              not_starting_with=("Desa", "Kelurahan")),
        Field("jenis_wilayah", CHOICE, "jenis wilayah", required=True, choices=JENIS_WILAYAH,
              example="desa"),
        Field("kecamatan", CHOICE, "kecamatan", required=True,
              choices=tuple(k.name for k in KECAMATAN), example=kecamatan_example),
    )


KIM = ContentType(
    key="kim",
    label="profil KIM",
    fields=(
        Field("title", TEXT, "nama KIM", required=True, example="KIM Palae"),
        slug_field("nama-kim"),
        *wilayah("Sungai Kapitan", "Kumai"),
        Field("tanggal_dibentuk", MONTH_OR_DATE, "tanggal dibentuk", example="2018-09",
              hint="YYYY-MM-DD, atau YYYY-MM bila tanggalnya tidak diketahui"),
        Field("sk_pembentukan", OBJECT, "SK pembentukan", fields=(
            Field("nomor", TEXT, "nomor SK", required=True),
            Field("tanggal", DATE, "tanggal SK"),
            Field("penerbit", TEXT, "penerbit SK"),
        )),
        Field("nomor_kim_id", TEXT, "nomor KIM.id"),
        Field("fokus", TEXTS, "fokus kegiatan", example=["informasi desa", "potensi lokal"]),
        Field("pengurus", OBJECTS, "pengurus", fields=(
            Field("jabatan", TEXT, "jabatan", required=True, example="Ketua"),
            Field("nama", TEXT, "nama pengurus", required=True),
        )),
        Field("jumlah_anggota", INTEGER, "jumlah anggota", minimum=1),
        Field("kontak", OBJECT, "kontak", fields=KONTAK),
        Field("lokasi", OBJECT, "lokasi", fields=LOKASI),
        Field("logo", IMAGE, "logo"),
        Field("foto", OBJECT, "foto", fields=PHOTO),
        summary_field(hint="satu atau dua kalimat untuk kartu KIM dan pratinjau tautan"),
        SUMBER_FIELD,
        STATUS_FIELD,
    ),
)

POTENSI = ContentType(
    key="potensi",
    label="potensi",
    fields=(
        Field("title", TEXT, "nama potensi", required=True, example="Taman Kelinci"),
        slug_field("nama-potensi"),
        # A potensi belongs to its desa; the KIM of that desa list it. A KIM
        # is named only where a source says the potensi is that KIM's own.
        *wilayah("Kumpai Batu Atas", "Arut Selatan"),
        Field("kim", KIM_REF, "KIM pengelola", example="nama-kim",
              hint="isi hanya bila sumber menyebut potensi ini dikelola KIM tersebut; potensi "
                   "sudah tampil di profil setiap KIM di desa yang sama"),
        Field("kategori", CHOICES, "kategori", required=True,
              choices=tuple(k.name for k in KATEGORI_POTENSI), example=["Agrowisata"]),
        summary_field(required=True),
        Field("harga", PRICE, "harga", example={"nilai": 10000, "satuan": "orang"},
              hint="angka dengan satuan, atau teks seperti 'mulai Rp10.000'", fields=(
                  Field("nilai", INTEGER, "nilai harga", required=True, minimum=0),
                  Field("satuan", TEXT, "satuan harga", example="orang"),
              )),
        Field("jam_buka", TEXT, "jam buka", example="Setiap hari, 08.00–17.00 WIB"),
        Field("kontak", OBJECT, "kontak", fields=KONTAK,
              hint="kosongkan untuk memakai kontak KIM"),
        Field("lokasi", OBJECT, "lokasi", fields=LOKASI,
              hint="kosongkan untuk memakai lokasi KIM"),
        Field("foto", OBJECTS, "foto", fields=PHOTO),
        SUMBER_FIELD,
        STATUS_FIELD,
    ),
)

BERITA = ContentType(
    key="berita",
    label="berita",
    fields=(
        Field("title", TEXT, "judul", required=True),
        Field("date", DATETIME, "tanggal terbit", required=True, example="2018-09-20 09:30",
              hint="YYYY-MM-DD atau YYYY-MM-DD JJ:MM, waktu WIB"),
        Field("modified", DATETIME, "tanggal diperbarui"),
        Field("category", CHOICE, "kategori", required=True, choices=KATEGORI_BERITA,
              example="Berita"),
        Field("tags", TEXTS, "tag", example=["KIM", "Diskominfo"]),
        slug_field(required=False),
        summary_field("summary"),
        Field("kim", KIM_REFS, "KIM terkait", example=["nama-kim"]),
        Field("penulis", TEXT, "penulis"),
        Field("gambar", OBJECT, "gambar utama", fields=PHOTO),
        Field("kredit", TEXT, "kredit", example="Humas Diskominfo Kobar"),
        Field("diterbitkan_ulang", OBJECT, "diterbitkan ulang dari",
              hint="isi bila tulisan ini diterbitkan ulang dari media lain", fields=(
                  Field("nama", TEXT, "nama media asal", required=True, example="MMC Kobar"),
                  Field("tanggal", DATE, "tanggal terbit di media asal", example="2018-09-20"),
                  Field("url", URL, "alamat tulisan asal"),
              )),
        SUMBER_FIELD,
        STATUS_FIELD,
        # Cek Fakta only.
        Field("klaim", TEXT, "klaim yang diperiksa", max_length=74),
        Field("label", CHOICE, "label hasil periksa", choices=tuple(v.label for v in VERDICTS)),
        Field("beredar", OBJECT, "tempat dan waktu klaim beredar", fields=(
            Field("tempat", TEXT, "tempat beredar", required=True, example="grup WhatsApp"),
            Field("tanggal", DATE, "tanggal beredar", required=True),
        )),
    ),
    conditional={
        # category value -> fields that become required
        "Cek Fakta": ("klaim", "label", "beredar", "sumber"),
    },
)

HALAMAN = ContentType(
    key="halaman",
    label="halaman",
    fields=(
        Field("title", TEXT, "judul", required=True),
        slug_field(),
        summary_field("summary"),
        Field("kontak_pengelola", BOOLEAN, "tampilkan kontak pengelola", example=True,
              hint="true bila halaman ini perlu menampilkan kontak pengelola portal dan saluran "
                   "laporan hoaks dari content/situs.yml, misalnya halaman Kirim Informasi"),
        STATUS_FIELD,
    ),
)

ACARA = ContentType(
    key="acara",
    label="acara",
    fields=(
        Field("title", TEXT, "nama acara", required=True,
              example="Pelatihan Menulis Berita Desa"),
        slug_field("pelatihan-menulis-berita-desa"),
        Field("mulai", DATETIME, "mulai", required=True, example="2026-12-05 08:00",
              hint="YYYY-MM-DD JJ:MM dalam WIB; tanggal saja (YYYY-MM-DD) untuk acara "
                   "sepanjang hari"),
        Field("selesai", DATETIME, "selesai", example="2026-12-05 12:00",
              hint="kosongkan bila tidak diketahui; tanggal saja untuk acara beberapa hari"),
        Field("keadaan", CHOICE, "keadaan acara", required=True, choices=KEADAAN_ACARA,
              example="terjadwal",
              hint="diundur: tulis tanggal baru di 'mulai' dan tanggal lama di "
                   "'jadwal_semula'"),
        Field("jadwal_semula", DATETIME, "jadwal semula",
              hint="hanya untuk acara yang diundur: tanggal sebelum diundur"),
        Field("tempat", OBJECT, "tempat", required=True, fields=(
            Field("nama", TEXT, "nama tempat", required=True, example="Balai Desa"),
            Field("desa_kelurahan", TEXT, "desa/kelurahan", example="Sungai Kapitan",
                  hint="tanpa kata 'Desa' atau 'Kelurahan' di depannya",
                  not_starting_with=("Desa", "Kelurahan")),
            Field("kecamatan", CHOICE, "kecamatan", required=True,
                  choices=tuple(k.name for k in KECAMATAN), example="Kumai"),
            Field("lat", LATITUDE, "garis lintang", example=-2.7398),
            Field("lon", LONGITUDE, "garis bujur", example=111.7197),
        )),
        Field("kim", KIM_REFS, "KIM penyelenggara", example=["nama-kim"]),
        Field("kontak", OBJECT, "kontak", fields=KONTAK,
              hint="kosongkan untuk memakai kontak KIM penyelenggara"),
        summary_field(hint="satu atau dua kalimat untuk daftar agenda dan pratinjau tautan"),
        SUMBER_FIELD,
        STATUS_FIELD,
    ),
    in_order=(("mulai", "selesai"),),
)

VIDEO = ContentType(
    key="video",
    label="video",
    fields=(
        Field("title", TEXT, "judul video", required=True, example="Profil KIM Palae"),
        slug_field("profil-nama-kim"),
        Field("youtube", YOUTUBE, "alamat video YouTube", required=True,
              example="https://www.youtube.com/watch?v=XXXXXXXXXXX",
              hint="salin alamat video dari YouTube; video harus dapat ditonton umum"),
        Field("date", DATE, "tanggal terbit", required=True, example="2026-11-20"),
        Field("jenis", CHOICE, "jenis video", choices=JENIS_VIDEO, example="profil KIM"),
        Field("kim", KIM_REFS, "KIM pembuat", example=["nama-kim"]),
        Field("gambar", OBJECT, "gambar sampul", fields=PHOTO,
              hint="kosongkan untuk sampul berisi judul video; sampul tidak diambil dari "
                   "YouTube, supaya halaman tidak menghubungi YouTube sebelum video diputar"),
        summary_field(),
        SUMBER_FIELD,
        STATUS_FIELD,
    ),
)

DOKUMEN = ContentType(
    key="dokumen",
    label="dokumen",
    fields=(
        Field("title", TEXT, "judul dokumen", required=True,
              example="SK Pembentukan KIM Palae"),
        slug_field("sk-pembentukan-nama-kim"),
        Field("berkas", DOCUMENT, "berkas", required=True,
              example="berkas/sk-pembentukan-nama-kim.pdf",
              hint="jalur berkas di dalam folder content/, misalnya berkas/..."),
        Field("date", DATE, "tanggal dokumen", required=True, example="2018-09-20",
              hint="tanggal yang tertulis di dokumen, YYYY-MM-DD"),
        Field("jenis", CHOICE, "jenis dokumen", required=True, choices=JENIS_DOKUMEN,
              example="SK"),
        Field("kim", KIM_REFS, "KIM penerbit", example=["nama-kim"],
              hint="kosongkan untuk dokumen pengelola portal"),
        summary_field(),
        SUMBER_FIELD,
        STATUS_FIELD,
    ),
)

GALERI = ContentType(
    key="galeri",
    label="galeri",
    fields=(
        Field("title", TEXT, "judul galeri", required=True,
              example="Pelatihan Menulis Berita Desa"),
        slug_field("pelatihan-menulis-berita-desa"),
        Field("date", DATE, "tanggal kegiatan", required=True, example="2026-11-20"),
        Field("kim", KIM_REFS, "KIM", required=True, example=["nama-kim"]),
        Field("foto", OBJECTS, "foto", required=True, fields=(
            *PHOTO,
            Field("kredit", TEXT, "kredit foto", example="Dok. KIM Palae",
                  hint="siapa yang memotret"),
        )),
        Field("berita", SLUG, "berita terkait", refers_to="berita",
              hint="slug berita tentang kegiatan ini, bila ada"),
        Field("acara", SLUG, "acara terkait", refers_to="acara",
              hint="slug acara di agenda, bila ada"),
        summary_field(),
        STATUS_FIELD,
    ),
)

CONTENT_TYPES = {t.key: t for t in (KIM, POTENSI, BERITA, HALAMAN, ACARA, VIDEO, DOKUMEN,
                                    GALERI)}

# Who runs the portal and how readers reach them: one YAML file the real
# operator fills in (content/situs.yml), never asserted by sample content.
# Every field is optional; what is empty is not shown, and `invoke check`
# reminds the editors of it.
SITUS = ContentType(
    key="situs",
    label="pengaturan situs",
    fields=(
        Field("pengelola", OBJECT, "pengelola portal", fields=(
            Field("nama", TEXT, "nama pengelola",
                  hint="lembaga atau kelompok yang menjalankan portal ini"),
            Field("alamat", TEXT, "alamat pengelola"),
            Field("telepon", TELEPHONE, "nomor telepon kantor", example="(0532) 21000",
                  hint="nomor telepon kantor, dengan kode wilayah"),
            *KONTAK,
            Field("logo", IMAGE, "logo pengelola"),
        )),
        Field("laporan_hoaks", OBJECT, "saluran laporan hoaks", fields=(
            Field("whatsapp", WHATSAPP, "nomor WhatsApp laporan hoaks", example="0812-3456-7890",
                  hint="nomor ponsel yang aktif di WhatsApp, diawali 08 atau +62"),
            Field("email", EMAIL, "email laporan hoaks", example="laporan@example.id"),
            Field("formulir", URL, "alamat formulir laporan", example="https://..."),
        )),
        Field("penulis_bawaan", TEXT, "penulis bawaan",
              hint="nama yang dicantumkan sebagai penulis berita yang kolom 'penulis'-nya "
                   "kosong, misalnya nama tim redaksi; kosongkan bila tidak ada"),
    ),
)
SITUS_FILE = "situs.yml"  # in the content folder

# Page slugs that would collide with the portal's own sections.
RESERVED_PAGE_SLUGS = frozenset(
    {"kim", "kecamatan", "potensi", "berita", "cek-fakta", "kategori", "tag", "arsip",
     "feeds", "theme", "images", "cari", "peta", "statistik", "admin", "draf", "agenda",
     "acara", "pratinjau", "video", "dokumen", "berkas", "rapor", "galeri", "luring",
     "ringkasan", "pagefind"}
)

"""Maximal content for the page budgets (tests/test_budgets_maximal.py).

Every field filled to the longest a real editor plausibly writes, and every
list a page shows grown far beyond what the theme shows at once:

- one KIM (``maks``) with every field at its maximum, 50 articles, 20
  activities, 10 albums, 8 videos, 8 documents and 30 potensi of its desa
  naming it;
- a 10,000-word article with tables; an album of 500 photos;
- a kecamatan (Arut Selatan) with 100 KIM;
- a configured operator (content/situs.yml, shown in every page's footer),
  12 static pages and fact checks.

The text is varied enough to compress about as well as real Indonesian
prose (a few hundred syllables, not a handful of words repeated): gzip
would make a repetitive fixture look lighter than real content is.
Generated into a temporary folder by the test, never committed.
"""

import random
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from portal.model.vocabulary import KATEGORI_POTENSI, KECAMATAN

SEED = 2018
# Longest plausible values of the fields without a limit in the schema.
TITLE = 120  # a title (KIM, article, album, activity ...)
NAME = 60  # a person's or a place's name, a source's name
PHRASE = 150  # a source's title, an address, a caption
ALT = 250  # the schema's limit for alt text
SUMMARY = 300  # the schema's limit for every ringkasan/summary
PENGURUS = 25  # board members of the fullest KIM
FOKUS = 14
SUMBER = 15  # sources of a profile or an article
TAGS = 14  # tags of one article
TAG_POOL = 300  # distinct tags of all articles
KIM_REFS = 30  # KIM one article, activity, album, video or document names
PHOTOS = 12  # photos of a potensi
PHOTO = (1200, 900)  # wider than the widest derivative (intake/images.py)
ALBUM_PHOTOS = 500
KECAMATAN_KIM = 100
ARTICLES = 50
ACTIVITIES = 20
ALBUMS = 10
VIDEOS = 8
DOCUMENTS = 25
POTENSI = 30
PAGES = 12
LONG_ARTICLE_WORDS = 10_000
TODAY = date(2026, 6, 15)  # conftest.TODAY: the agenda's coming activities

_ONSETS = ("b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "ng", "ny", "p", "r", "s", "t",
           "w", "y", "")
_VOWELS = ("a", "i", "u", "e", "o", "a", "i", "a")
_CODAS = ("", "", "", "n", "ng", "r", "t", "k", "s", "l", "h", "m")


class Text:
    """Pseudo-Indonesian words and sentences, the same for the same seed."""

    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        # A vocabulary of a few thousand words, drawn with a skew like real
        # text (some words far more frequent than others).
        self.vocabulary = [self._word() for _ in range(3000)]

    def _word(self):
        return "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) +
                       self.rng.choice(_CODAS) for _ in range(self.rng.randint(2, 3)))

    def word(self):
        index = min(int(self.rng.paretovariate(0.6)) - 1, len(self.vocabulary) - 1)
        return self.vocabulary[index] if self.rng.random() < 0.5 else \
            self.rng.choice(self.vocabulary)

    def words(self, length):
        """Words, capitalised, cut to at most `length` characters."""
        text = ""
        while len(text) < length:
            text += (" " if text else "") + self.word()
        text = text[:length].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]
        return text[0].upper() + text[1:]

    def name(self, length=NAME):
        return " ".join(part.capitalize() for part in self.words(length).split())

    def sentence(self, length=SUMMARY):
        return self.words(length - 1) + "."

    def paragraph(self, sentences=5):
        return " ".join(self.sentence(self.rng.randint(60, 160)) for _ in range(sentences))


def _yaml(value):
    """A YAML scalar, quoted (values here never hold a double quote)."""
    return f'"{value}"'


def _write(path, front, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + front.strip("\n") + "\n---\n\n" + body.strip() + "\n",
                    encoding="utf-8")


def _photo(path, number, size=(48, 32)):
    """A JPEG of one colour: quick to make and to resize. Photos a page shows
    with their srcset are as wide as a real one (PHOTO), so that the page
    carries every width's address as it would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    colour = ((number * 37) % 256, (number * 91) % 256, (number * 53) % 256)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=70)


def _photo_yaml(text, src, indent="  ", credit=False):
    lines = [f"{indent}- src: {src}", f"{indent}  alt: {_yaml(text.sentence(ALT))}",
             f"{indent}  keterangan: {_yaml(text.sentence(PHRASE))}"]
    if credit:
        lines.append(f"{indent}  kredit: {_yaml(text.name(NAME))}")
    return "\n".join(lines)


def _sources(text, count=SUMBER):
    lines = ["sumber:"]
    for number in range(count):
        lines += [f"  - nama: {_yaml(text.name(NAME))}",
                  f"    judul: {_yaml(text.sentence(PHRASE))}",
                  f"    tanggal: 2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                  f"    url: https://sumber-berita-daerah.example.id/{number}/"
                  f"{text.words(60).lower().replace(' ', '-')}"]
    return "\n".join(lines)


def _contacts(text, slug, indent="  "):
    return "\n".join(f"{indent}{line}" for line in (
        'whatsapp: "0812-3456-7890"',
        f"email: {slug}.kelompok-informasi@desa-contoh.example.id",
        f"website: https://{slug}.desa-contoh.example.id/profil-kelompok-informasi",
        f"facebook: https://facebook.com/{slug}.kelompok.informasi.masyarakat",
        f"instagram: https://instagram.com/{slug}.kelompok.informasi",
        f"youtube: https://youtube.com/@{slug}-kelompok-informasi-masyarakat"))


def _body(text, paragraphs=4):
    return "\n\n".join(text.paragraph() for _ in range(paragraphs))


def _long_body(text, words=LONG_ARTICLE_WORDS):
    """A long article: sections, paragraphs, lists and tables."""
    parts, count, section = [], 0, 0
    while count < words:
        section += 1
        parts.append(f"## Bagian {section}: {text.words(60)}")
        for _ in range(4):
            paragraph = text.paragraph(6)
            parts.append(paragraph)
            count += len(paragraph.split())
        parts.append("\n".join(f"- {text.sentence(90)}" for _ in range(5)))
        rows = ["| Desa | Kegiatan | Peserta | Keterangan |", "|---|---|---:|---|"]
        rows += [f"| {text.name(30)} | {text.words(40)} | {text.rng.randint(5, 400)} | "
                 f"{text.words(60)} |" for _ in range(8)]
        parts.append("\n".join(rows))
        count += 8 * 15
    return "\n\n".join(parts)


def make_maximal_content(target):
    """Write the maximal content into `target` (a new content folder)."""
    target = Path(target)
    text = Text()
    kumai, arut = KECAMATAN[1].name, KECAMATAN[0].name
    desa = text.name(40)

    _photo(target / "images" / "logo-maks.jpg", 0)
    _photo(target / "images" / "foto-maks.jpg", 1, PHOTO)
    (target / "berkas").mkdir(parents=True)
    for number in range(DOCUMENTS):
        (target / "berkas" / f"dokumen-{number:02d}.pdf").write_bytes(
            b"%PDF-1.4\n% Dokumen rekaan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    (target / "situs.yml").write_text(
        "pengelola:\n"
        f"  nama: {_yaml(text.name(PHRASE))}\n"
        f"  alamat: {_yaml(text.sentence(PHRASE))}\n"
        "  telepon: (0532) 21000\n"
        + _contacts(text, "pengelola-portal") + "\n"
        "  logo: images/logo-maks.jpg\n"
        "laporan_hoaks:\n"
        '  whatsapp: "0812-3456-7891"\n'
        "  email: laporan-hoaks.pengelola-portal@desa-contoh.example.id\n"
        "  formulir: https://formulir.desa-contoh.example.id/laporan-dugaan-hoaks-kotawaringin\n"
        f"penulis_bawaan: {_yaml(text.name(NAME))}\n", encoding="utf-8")

    # The fullest KIM.
    pengurus = "\n".join(f"  - jabatan: {_yaml(text.name(40))}\n    nama: {_yaml(text.name(NAME))}"
                         for _ in range(PENGURUS))
    fokus = "\n".join(f"  - {_yaml(text.words(40).lower())}" for _ in range(FOKUS))
    _write(target / "kim" / "maks.md", f"""
title: {_yaml("KIM " + text.name(TITLE - 4))}
slug: maks
desa_kelurahan: {_yaml(desa)}
jenis_wilayah: desa
kecamatan: {kumai}
tanggal_dibentuk: 2018-09-20
sk_pembentukan:
  nomor: {_yaml("141/" + text.words(40).upper().replace(" ", "/") + "/IX/2018")}
  tanggal: 2018-09-20
  penerbit: {_yaml(text.sentence(PHRASE))}
nomor_kim_id: {_yaml("KIM-62.01-" + "".join(str(text.rng.randint(0, 9)) for _ in range(12)))}
fokus:
{fokus}
pengurus:
{pengurus}
jumlah_anggota: 1250
kontak:
{_contacts(text, "maks")}
lokasi:
  lat: -2.7398
  lon: 111.7197
  perkiraan: true
logo: images/logo-maks.jpg
foto:
  src: images/foto-maks.jpg
  alt: {_yaml(text.sentence(ALT))}
  keterangan: {_yaml(text.sentence(PHRASE))}
ringkasan: {_yaml(text.sentence(SUMMARY))}
{_sources(text)}
status: published
""", _body(text, 8))

    # A kecamatan with many KIM, each with a full card.
    for number in range(KECAMATAN_KIM):
        slug = f"arut-{number:03d}"
        _write(target / "kim" / f"{slug}.md", f"""
title: {_yaml(f"KIM {number:03d} " + text.name(TITLE - 8))}
slug: {slug}
desa_kelurahan: {_yaml(text.name(40))}
jenis_wilayah: {"desa" if number % 3 else "kelurahan"}
kecamatan: {arut}
tanggal_dibentuk: 2019-{1 + number % 12:02d}
lokasi:
  lat: {-2.60 - number / 1000:.4f}
  lon: {111.60 + number / 1000:.4f}
ringkasan: {_yaml(text.sentence(SUMMARY))}
""", text.paragraph())

    # Potensi of the fullest KIM's desa, naming it, with many photos.
    for number in range(POTENSI):
        photos = []
        for index in range(PHOTOS if number == 0 else 1):
            src = f"images/potensi/p{number:02d}-{index:02d}.jpg"
            _photo(target / src, 1000 + number * 20 + index, PHOTO)
            photos.append(_photo_yaml(text, src))
        kategori = "\n".join(f"  - {_yaml(term.name)}" for term in KATEGORI_POTENSI[:3])
        _write(target / "potensi" / f"potensi-{number:02d}.md", f"""
title: {_yaml(text.name(TITLE))}
slug: potensi-maks-{number:02d}
desa_kelurahan: {_yaml(desa)}
jenis_wilayah: desa
kecamatan: {kumai}
kim: maks
kategori:
{kategori}
ringkasan: {_yaml(text.sentence(SUMMARY))}
harga:
  nilai: 1250000
  satuan: {_yaml(text.words(40).lower())}
jam_buka: {_yaml(text.sentence(PHRASE))}
kontak:
{_contacts(text, f"potensi-{number:02d}")}
lokasi:
  lat: -2.7401
  lon: 111.7202
foto:
{chr(10).join(photos)}
{_sources(text)}
""", _body(text, 3))

    kim_refs = "kim:\n  - maks\n" + "\n".join(f"  - arut-{number:03d}"
                                                for number in range(KIM_REFS - 1))
    # Tags drawn from a pool larger than /tag/ lists (TAGS_INDEX_SHOWN).
    pool = sorted({text.words(30).lower() for _ in range(TAG_POOL)})
    start = date(2020, 1, 1)
    for number in range(ARTICLES):
        # Enough in one month for its archive to have a second page, the rest
        # spread over the years before (more than /arsip/ shows month by month).
        day = start + timedelta(days=number) if number < 25 else \
            start - timedelta(days=(number - 24) * 170)
        tags = "tags:\n" + "\n".join(f"  - {_yaml(tag)}"
                                      for tag in text.rng.sample(pool, TAGS))
        category = ("Berita", "Kegiatan", "Pengumuman")[number % 3]
        body = _long_body(text) if number == 0 else _body(text)
        src = f"images/berita/b{number:02d}.jpg"
        _photo(target / src, 3000 + number, PHOTO)
        _write(target / "berita" / f"{day.isoformat()}-berita-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
date: {day.isoformat()} 09:30
modified: {(day + timedelta(days=2)).isoformat()} 10:00
category: {category}
{tags}
slug: berita-maks-{number:02d}
summary: {_yaml(text.sentence(SUMMARY))}
{kim_refs}
penulis: {_yaml(text.name(NAME))}
gambar:
  src: {src}
  alt: {_yaml(text.sentence(ALT))}
  keterangan: {_yaml(text.sentence(PHRASE))}
kredit: {_yaml(text.name(NAME))}
diterbitkan_ulang:
  nama: {_yaml(text.name(NAME))}
  tanggal: {day.isoformat()}
  url: https://media-daerah.example.id/{day.year}/{text.words(80).lower().replace(" ", "-")}
{_sources(text)}
""", body)
    for number, verdict in enumerate(("HOAKS", "DISINFORMASI", "KLARIFIKASI")):
        day = date(2025, 3 + number, 10)
        _write(target / "berita" / f"{day.isoformat()}-cek-fakta-{number}.md", f"""
title: {_yaml(text.sentence(TITLE))}
date: {day.isoformat()} 08:00
category: Cek Fakta
slug: cek-fakta-maks-{number}
summary: {_yaml(text.sentence(SUMMARY))}
{kim_refs}
klaim: {_yaml(text.sentence(74))}
label: {verdict}
beredar:
  tempat: {_yaml(text.sentence(PHRASE))}
  tanggal: {day.isoformat()}
{_sources(text)}
""", _body(text))

    for number in range(ACTIVITIES):
        # Half coming after TODAY, half past.
        day = TODAY + timedelta(days=(number - ACTIVITIES // 2) * 9 + 1)
        state = ("terjadwal", "dibatalkan", "diundur")[number % 3]
        moved = f"jadwal_semula: {(day - timedelta(days=7)).isoformat()} 08:00\n" \
            if state == "diundur" else ""
        _write(target / "acara" / f"acara-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
slug: acara-maks-{number:02d}
mulai: {day.isoformat()} 08:00
selesai: {day.isoformat()} 16:00
keadaan: {state}
{moved}tempat:
  nama: {_yaml(text.name(PHRASE))}
  desa_kelurahan: {_yaml(desa)}
  kecamatan: {kumai}
  lat: -2.7398
  lon: 111.7197
{kim_refs}
kontak:
{_contacts(text, f"acara-{number:02d}")}
ringkasan: {_yaml(text.sentence(SUMMARY))}
{_sources(text)}
""", _body(text))

    for number in range(ALBUMS):
        count = ALBUM_PHOTOS if number == 0 else 24
        photos = []
        for index in range(count):
            src = f"images/galeri/g{number:02d}-{index:03d}.jpg"
            _photo(target / src, 5000 + number * 600 + index, PHOTO if number == 0 else (48, 32))
            photos.append(_photo_yaml(text, src, credit=True))
        day = date(2025, 1 + number, 5)
        _write(target / "galeri" / f"galeri-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
slug: galeri-maks-{number:02d}
date: {day.isoformat()}
{kim_refs}
foto:
{chr(10).join(photos)}
berita: berita-maks-{number:02d}
acara: acara-maks-{number:02d}
ringkasan: {_yaml(text.sentence(SUMMARY))}
""", text.paragraph())

    for number in range(VIDEOS):
        video_id = "".join(text.rng.choice("abcdefghijklmnopqrstuvwxyzABCDEF0123456789_-")
                           for _ in range(11))
        _write(target / "video" / f"video-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
slug: video-maks-{number:02d}
youtube: https://www.youtube.com/watch?v={video_id}
date: 2025-{1 + number:02d}-20
jenis: {("profil KIM", "liputan", "lainnya")[number % 3]}
{kim_refs}
ringkasan: {_yaml(text.sentence(SUMMARY))}
{_sources(text)}
""", text.paragraph())

    for number in range(DOCUMENTS):
        _write(target / "dokumen" / f"dokumen-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
slug: dokumen-maks-{number:02d}
berkas: berkas/dokumen-{number:02d}.pdf
date: {2000 + number}-{1 + number % 12:02d}-10
jenis: {("SK", "laporan", "pengumuman", "formulir", "lainnya")[number % 5]}
{kim_refs}
ringkasan: {_yaml(text.sentence(SUMMARY))}
{_sources(text)}
""", text.paragraph())

    for number in range(PAGES):
        contact = "kontak_pengelola: true\n" if number == 0 else ""
        _write(target / "halaman" / f"halaman-{number:02d}.md", f"""
title: {_yaml(text.sentence(TITLE))}
slug: halaman-maks-{number:02d}
summary: {_yaml(text.sentence(SUMMARY))}
{contact}""", _long_body(text, 2000) if number == 0 else _body(text))
    return target

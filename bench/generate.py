"""Synthetic content with the real content model, for benchmarks:
one KIM for every ten articles and three potensi per KIM.

    .venv/bin/python bench/generate.py TARGET_DIR ARTICLES
"""

import random
import sys
from pathlib import Path

from portal.model.vocabulary import KATEGORI_BERITA, KATEGORI_POTENSI, KECAMATAN

WORDS = ("desa warga kegiatan informasi pelatihan panen kebun sungai perahu pasar "
         "sekolah posyandu gotong royong festival kerajinan rotan anyaman kerupuk amplang "
         "wisata hutan kelinci sapi sawit jeruk kelengkeng durian rambutan perpustakaan "
         "lomba musyawarah jalan jembatan air bersih listrik internet sinyal hoaks "
         "klarifikasi pengumuman bantuan benih pupuk nelayan ikan tambak madu").split()


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def generate(target, articles, seed=2018):
    rng = random.Random(seed)
    target = Path(target)
    for folder in ("kim", "potensi", "berita", "halaman"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    kims = max(1, articles // 10)
    kategori_berita = [k for k in KATEGORI_BERITA if k != "Cek Fakta"]
    for number in range(kims):
        kecamatan = KECAMATAN[number % len(KECAMATAN)]
        slug = f"kim-{number:05d}"
        (target / "kim" / f"{slug}.md").write_text(
            f"---\ntitle: KIM Uji {number:05d}\nslug: {slug}\ndesa_kelurahan: Uji {number}\n"
            f"jenis_wilayah: desa\nkecamatan: {kecamatan.name}\ntanggal_dibentuk: 2018-09\n"
            f"lokasi:\n  lat: {-2.9 + rng.random() * 0.8:.4f}\n"
            f"  lon: {111.3 + rng.random() * 0.9:.4f}\n  perkiraan: true\n"
            f"ringkasan: {sentence(rng)}\n---\n\n## Profil\n\n{paragraph(rng)}\n",
            encoding="utf-8")
        for index in range(3):
            kategori = KATEGORI_POTENSI[(number + index) % len(KATEGORI_POTENSI)].name
            (target / "potensi" / f"{slug}-potensi-{index}.md").write_text(
                f"---\ntitle: Potensi {index} KIM {number:05d}\n"
                f"slug: {slug}-potensi-{index}\ndesa_kelurahan: Uji {number}\n"
                f"jenis_wilayah: desa\nkecamatan: {kecamatan.name}\nkim: {slug}\n"
                f"kategori:\n  - \"{kategori}\"\n"
                f"ringkasan: {sentence(rng)}\nharga:\n  nilai: {rng.randint(1, 50) * 1000}\n"
                f"  satuan: orang\n---\n\n{paragraph(rng)}\n", encoding="utf-8")
    for number in range(articles):
        year = 2019 + number * 7 // max(articles, 1)
        month = 1 + number % 12
        day = 1 + number % 28
        kim = f"kim-{number % kims:05d}"
        tags = sorted({rng.choice(WORDS) for _ in range(3)})
        (target / "berita" / f"{year}-{month:02d}-{day:02d}-berita-{number:06d}.md").write_text(
            f"---\ntitle: Berita uji {number:06d} tentang {rng.choice(WORDS)}\n"
            f"date: {year}-{month:02d}-{day:02d} {8 + number % 10:02d}:{number % 60:02d}\n"
            f"category: {kategori_berita[number % len(kategori_berita)]}\n"
            f"tags: [{', '.join(tags)}]\nkim: [{kim}]\nslug: berita-{number:06d}\n"
            f"summary: {sentence(rng)}\n---\n\n{paragraph(rng)}\n\n## Rincian\n\n"
            f"{paragraph(rng)}\n", encoding="utf-8")
    (target / "halaman" / "tentang-portal.md").write_text(
        "---\ntitle: Tentang Portal\nslug: tentang-portal\n---\n\nHalaman uji.\n",
        encoding="utf-8")
    return target


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]))

"""What photos add to the build: the sample content built without photos,
with N large photos and an empty image cache, and again with the cache warm.

    .venv/bin/python bench/image_cost.py [N]
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent


def build(content, output, cache):
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(output), "--fatal", "warnings", "-e", f'CACHE_PATH="{cache}"'],
        cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main(count=10):
    work = Path(tempfile.mkdtemp(prefix="bench-gambar-"))
    plain = work / "tanpa-foto"
    shutil.copytree(ROOT / "content", plain)
    with_photos = work / "dengan-foto"
    shutil.copytree(ROOT / "content", with_photos)
    articles = sorted((with_photos / "berita").glob("*.md"))
    for number in range(count):
        photo = with_photos / "images" / "bench" / f"foto-{number}.jpg"
        photo.parent.mkdir(parents=True, exist_ok=True)
        Image.effect_noise((2000, 1500), 40 + number).convert("RGB").save(photo, quality=85)
        article = articles[number % len(articles)]
        article.write_text(article.read_text() + f"\n![Foto uji {number}]"
                           f"({{static}}/images/bench/foto-{number}.jpg)\n")
    cache = work / "cache"
    results = {
        "tanpa foto": build(plain, work / "o1", cache),
        f"{count} foto, cache kosong": build(with_photos, work / "o2", cache),
        f"{count} foto, cache terisi": build(with_photos, work / "o3", cache),
    }
    for label, seconds in results.items():
        print(f"{label:24} {seconds:6.2f} s")
    shutil.rmtree(work)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)

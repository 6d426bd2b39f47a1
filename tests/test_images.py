"""Photos get resized WebP derivatives with srcset, made once and reused
from the cache on the next build."""

import re
import shutil

from PIL import Image

from conftest import FIXTURES, build


def make_photo(path, size=(2000, 1500)):
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.save(path, "JPEG", quality=90)


def site_with_photo(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    make_photo(content / "images" / "berita" / "foto-besar.jpg")
    article = next((content / "berita").glob("*.md"))
    text = article.read_text()
    text = text.replace("---\n", "---\ngambar:\n  src: images/berita/foto-besar.jpg\n"
                        "  alt: Gradasi abu-abu untuk uji\n  keterangan: Foto uji\n", 1) \
        if "gambar:" not in text else text
    article.write_text(text + "\n![Foto di isi]({static}/images/berita/foto-besar.jpg)\n")
    return content, article


def test_photos_get_webp_srcset_width_height_and_a_cached_rebuild(tmp_path):
    content, article = site_with_photo(tmp_path)
    cache = tmp_path / "cache"
    first = build(content, tmp_path / "out1", overrides={"CACHE_PATH": str(cache)})
    assert first.returncode == 0, first.stderr
    html = next((tmp_path / "out1" / "berita").glob("*/index.html")).read_text()
    images = [tag for tag in re.findall(r"<img [^>]+>", html) if "foto-besar" in tag]
    assert len(images) == 2  # the lead photo and the one in the body
    for tag in images:
        assert 'width="2000"' in tag and 'height="1500"' in tag, tag
        srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
        assert [entry.split()[1] for entry in srcset.split(", ")] == ["360w", "720w", "1080w"]
        assert 'sizes="' in tag
    derivative = tmp_path / "out1" / "images" / "webp" / "berita" / "foto-besar-720.webp"
    assert derivative.read_bytes()[8:12] == b"WEBP"
    with Image.open(derivative) as image:
        assert image.size == (720, 540)
    assert 'loading="lazy"' in images[1] and 'loading="lazy"' not in images[0]

    cached = {path: path.stat().st_mtime_ns for path in cache.rglob("*.webp")}
    # Three widths of the photo, one of the 8 px fixture image, and three of each of
    # the two 800 px photos of the fixture's album (360, 720 and their own 800).
    assert len(cached) == 3 + 1 + 2 * 3
    second = build(content, tmp_path / "out2", overrides={"CACHE_PATH": str(cache)})
    assert second.returncode == 0, second.stderr
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*.webp")} == cached
    assert (tmp_path / "out2" / "images" / "webp" / "berita" / "foto-besar-720.webp").read_bytes() \
        == derivative.read_bytes()


def test_small_images_are_not_upscaled(full_site):
    html = (full_site / "kim" / "contoh-dua" / "index.html").read_text()
    assert 'srcset="/images/webp/contoh-8.webp 8w"' in html

"""Scale run: one cold build of a very large generated site, then a rebuild
after one article's body changed, with the figures that matter for hosting.

    .venv/bin/python bench/scale.py [ARTICLES]   (default 100000)

The content is bench/generate.py's (one KIM per ten articles, three potensi
per KIM: 100,000 articles come with 10,000 KIM and 30,000 potensi). Reports
wall and CPU time, peak memory of all the build's processes together, the
output's size and number of files, the largest folder by file count, and
the same for the rebuild (from the first build, as `invoke build` does).
"""

import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from run import folder_size, portal_build  # noqa: E402


def census(output):
    """(files, MiB, the folder holding the most files directly, its count)."""
    files = [path for path in Path(output).rglob("*") if path.is_file()]
    folders = Counter(path.parent.relative_to(output).as_posix() for path in files)
    folder, count = folders.most_common(1)[0]
    return len(files), folder_size(output), folder, count


def main(articles):
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        started = time.perf_counter()
        content = generate(work / "konten", articles)
        sources = sum(1 for path in content.rglob("*.md"))
        print(f"{articles:,} articles: {sources:,} source files generated in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        cache = work / "cache"
        seconds, memory, cpu = portal_build(content, work / "out-1", cache)
        files, size, folder, count = census(work / "out-1")
        print(f"cold build: {seconds:.0f} s wall, {cpu:.0f} s CPU, peak memory {memory:,.0f} MiB, "
              f"output {size:,.0f} MiB in {files:,} files (most in one folder: {count:,} in "
              f"{folder}/)", flush=True)
        article = sorted((content / "berita").glob("*.md"))[articles // 2]
        article.write_text(article.read_text() + "\nSuntingan untuk uji skala.\n")
        seconds, memory, cpu = portal_build(content, work / "out-2", cache, work / "out-1")
        print(f"rebuild after one body edit: {seconds:.0f} s wall, {cpu:.0f} s CPU, "
              f"peak memory {memory:,.0f} MiB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

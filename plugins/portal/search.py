"""Full-text search: Pagefind indexes the finished output after every build.

Only page bodies marked ``data-pagefind-body`` (articles, KIM profiles,
potensi, halaman) are indexed, so navigation, footers and listing pages
stay out of the index. The pages' ``lang="id"`` gives Indonesian stemming.
"""

import subprocess
import sys


class SearchIndexError(RuntimeError):
    pass


def build_index(output_dir):
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output_dir), "--output-subdir",
         "pagefind", "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stderr}")

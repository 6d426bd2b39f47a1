"""Memory of a build over time, process by process: where a peak comes from.

    .venv/bin/python bench/memory_timeline.py CONTENT OUTPUT CACHE [SETTING=VALUE ...]

Builds CONTENT with publishconf.py into OUTPUT (CACHE: its cache folder; a
SETTING=VALUE such as PORTAL_MEMORY_MB=0 or INCREMENTAL_FROM='"PREVIOUS"' is
passed to Pelican's -e) and prints, every half second, the seconds since the
start, the sum of the build's processes' proportional set sizes (MiB, as
bench/run.py's peak) and each process's own: a forked process shows as a
second column, and the pages it copies from its parent as both columns
growing. The last line is the peak. Pelican's own output goes to
OUTPUT.log.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import pss_kib, tree  # noqa: E402
from run import PYTHON, ROOT, SITEURL  # noqa: E402


def main(content, output, cache, *settings):
    command = [PYTHON, "-m", "pelican", content, "-s", str(ROOT / "publishconf.py"), "-o",
               output, "--fatal", "warnings", "-e", f'CACHE_PATH="{cache}"', *settings]
    start = time.perf_counter()
    with open(f"{output}.log", "w") as log:
        build = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                 env={**os.environ, "PORTAL_SITEURL": SITEURL})
        peak = 0
        while build.poll() is None:
            sizes = [pss_kib(pid) // 1024 for pid in tree(build.pid)]
            peak = max(peak, sum(sizes))
            print(f"{time.perf_counter() - start:8.1f} s {sum(sizes):6d} MiB | "
                  + " ".join(map(str, sizes)), flush=True)
            time.sleep(0.5)
    print(f"peak {peak:,} MiB; build exit status {build.returncode}")
    return build.returncode


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))

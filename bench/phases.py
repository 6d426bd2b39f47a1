"""Where one build spends its time: runs Pelican in this process and prints
the seconds of each phase.

    .venv/bin/python bench/phases.py CONTENT -s publishconf.py -o OUTPUT [pelican options]

The phases are cut at Pelican's signals and around the portal's own steps:
start-up (imports, settings, validation, Markdown of all bodies), emptying
the output folder, reading the content, rendering the pages in this process,
waiting for the other rendering process, the sitemap and the search index.
The arguments are Pelican's own.
"""

import sys
import time
from pathlib import Path

import pelican
from pelican import signals

ROOT = Path(__file__).resolve().parent.parent

from portal.builder import parallel  # noqa: E402
from portal.output import search, sitemap  # noqa: E402

marks = [("start", time.perf_counter())]


def mark(name):
    marks.append((name, time.perf_counter()))


def timed(module, name, label):
    """Wrap module.name so that its start and end are marked."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        mark(f"{label}:start")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"{label}:end")

    setattr(module, name, wrapper)


timed(pelican, "clean_output_dir", "empty output")
timed(parallel, "wait_for_workers", "other process")
timed(sitemap, "write", "sitemap")
timed(search, "build_index", "search index")


def _first_generator(_generator):
    if not any(name == "generators" for name, _ in marks):
        mark("generators")


def _writer(_pelican):
    mark("writer")  # returns None: Pelican keeps its own choice of writer


# Module-level functions: signals hold their receivers by weak reference.
signals.generator_init.connect(_first_generator)
signals.get_writer.connect(_writer)


def report():
    """Seconds between consecutive marks, each named by what it measures."""
    names = {
        ("start", "generators"): "start-up, validation, Markdown",
        ("generators", "empty output:start"): "generators",
        ("empty output:start", "empty output:end"): "empty the output folder",
        ("empty output:end", "writer"): "read content, link relations",
        ("generators", "writer"): "read content, link relations",
        ("writer", "other process:start"): "render and write (this process)",
        ("other process:start", "other process:end"): "wait for the other process",
        ("other process:end", "sitemap:start"): "-",
        ("sitemap:start", "sitemap:end"): "sitemap",
        ("sitemap:end", "search index:start"): "-",
        ("search index:start", "search index:end"): "search index (Pagefind)",
        ("search index:end", "end"): "-",
    }
    total = marks[-1][1] - marks[0][1]
    lines = ["| phase | seconds | share |", "|---|---:|---:|"]
    for (before, t0), (after, t1) in zip(marks, marks[1:], strict=False):
        label = names.get((before, after), f"{before} → {after}")
        if label == "-" and t1 - t0 < 0.05:
            continue
        lines.append(f"| {label} | {t1 - t0:.1f} | {100 * (t1 - t0) / total:.0f} % |")
    lines.append(f"| all | {total:.1f} | |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.argv[0] = "pelican"
    try:
        pelican.main(sys.argv[1:])
    finally:
        mark("end")
        print(report(), file=sys.stderr)

"""Using every core: how many processes, and one way to share work out.

Validation-free, pure work over many items (rendering Markdown, checking
built pages) goes through ``map_items``: a pool of forked processes (they
inherit the imported modules and the objects made before the fork instead
of receiving them pickled), in order, or a plain loop when there is one
core or too little work to pay for starting processes (measured for
rendering: below about 64 texts).

Work that mostly waits for another program (Pagefind) goes through
``map_waiting``: the same pool while its copies fit the memory budget, else
threads, since a fork of a process holding a large site is not a cheap copy
for long.

Writing the pages is the one different case (``builder/parallel.py``): those
processes do not map a function over items but each walk Pelican's own
page-writing loop and take their turns, so they fork once, at the writer.
They ask ``count`` for their number like everything else, and then
``within_memory``: a forked writer does not stay a cheap copy.
"""

import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor


def count(requested=None):
    """Processes to use: `requested` (PORTAL_WORKERS), else one per core."""
    return max(1, int(requested or os.cpu_count() or 1))


# While a process writes pages it grows by about half of what it held when
# it started (measured at 20,000 articles on one process: 384 MiB before
# the first page, 557 MiB after the last: records, Pelican's cached
# bodies and summaries, templates).
_GROWTH_WHILE_WRITING = 1.5


def resident_bytes(pid="self"):
    """Memory this process (or process `pid`) holds now (Linux), or 0 when
    it cannot be told."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def within_memory(processes, budget_mib, held=None):
    """How many of `processes` page writers fit in `budget_mib` (None or 0:
    no limit) when this process, holding `held` bytes (now, by default),
    forks the others. A forked writer soon holds a copy of nearly all of
    it, not a shared view: CPython writes the reference count of every
    object it reads, and writing pages reads the whole site, so each
    page of memory it touches is copied."""
    held = resident_bytes() if held is None else held
    if not budget_mib or not held:
        return processes
    fitting = int(budget_mib * 2**20 // (held * _GROWTH_WHILE_WRITING))
    return max(1, min(processes, fitting))


def map_waiting(function, items, workers=None, budget_mib=None):
    """``[function(item) for item in items]`` for work that mostly waits for
    another program, which uses the other cores (a search-index part is
    mostly Pagefind's own process): on forked processes (map_items) while
    a copy of this process per worker fits `budget_mib` (within_memory),
    else on threads. A forked pool does not stay a cheap copy of a large
    process (at 100,000 articles each of two forked search-index workers
    came to own some 700 MiB within seconds); threads share its memory but
    prepare one item at a time (at 5,000 articles the search index took
    17.3 s on threads against 14.7 and 15.8 s on processes)."""
    items = list(items)
    workers = min(count(workers), len(items))
    if workers > 1 and within_memory(workers, budget_mib) < workers:
        with ThreadPoolExecutor(workers) as executor:
            return list(executor.map(function, items))
    return map_items(function, items, workers, threshold=2, chunks_per_worker=1)


def map_items(function, items, workers=None, initializer=None, initargs=(), threshold=1,
              chunks_per_worker=4):
    """``[function(item) for item in items]``, on up to `workers` processes.
    `initializer(*initargs)` prepares each process (or this one, when the
    work stays here)."""
    items = list(items)
    workers = min(count(workers), len(items))
    if workers <= 1 or len(items) < threshold:
        if initializer is not None:
            initializer(*initargs)
        return [function(item) for item in items]
    chunksize = max(1, len(items) // (workers * chunks_per_worker))
    with multiprocessing.get_context("fork").Pool(workers, initializer, initargs) as pool:
        return pool.map(function, items, chunksize=chunksize)

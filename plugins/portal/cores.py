"""Using every core: how many processes, and one way to share work out.

Validation-free, pure work over many items (rendering Markdown, checking
built pages) goes through ``map_items``: a pool of forked processes (they
inherit the imported modules and the objects made before the fork instead
of receiving them pickled), in order, or a plain loop when there is one
core or too little work to pay for starting processes (measured for
rendering: below about 64 texts).

Writing the pages is the one different case (``builder/parallel.py``): those
processes do not map a function over items but each walk Pelican's own
page-writing loop and take their turns, so they fork once, at the writer.
They ask ``count`` for their number like everything else.
"""

import multiprocessing
import os


def count(requested=None):
    """Processes to use: `requested` (PORTAL_WORKERS), else one per core."""
    return max(1, int(requested or os.cpu_count() or 1))


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

"""Pages rendered on every core.

Once Pelican has read all content and the relations are computed, each page
depends only on that shared, read-only context, so pages can be rendered in
any order by any process. ``ShareWriter`` forks one process per extra core
when Pelican asks for a writer; every process then walks the same sequence of
pages (the generators' ``generate_output``), renders only the pages whose
turn is its own (the *n*-th page of a kind, its template, goes to process
*n* mod *workers*: ``my_turn``) and skips the rest without rendering them.
Because all processes see the same sequence,
each page is rendered exactly once, and its bytes do not depend on which
process rendered it.

Work that is not a page (copying static files, the stylesheet, map data and
the web editor's files) is done by the main process only (``primary``).
The main process waits for the others before anything reads the output
(``wait_for_workers``, from the ``finalized`` signal).
"""

import atexit
import gc
import os
import signal
import sys
import threading
import traceback
from pathlib import Path

from pelican.generators import StaticGenerator
from pelican.writers import Writer

from .. import cores
from ..output import feeds
from . import incremental

# The generators of the current build, kept from the all_generators_finalized
# signal: a worker runs their generate_output itself.
_generators = []
# The writer of the current build, so that `finalized` can wait for its workers.
_writers = []


def remember_generators(generators):
    _generators[:] = generators


class WorkerFailed(RuntimeError):
    pass


def _safe_to_fork():
    """Only the main thread and daemon helpers may run: a fork copies any
    lock another thread holds. The only helper in a Pelican build is the
    refresh thread of its "Generating..." status line (rich)."""
    return all(thread is threading.main_thread() or thread.daemon
               for thread in threading.enumerate())


def _reset_console_locks():
    """In a new worker: the status line's refresh thread did not come along
    and may have held the console's locks at the fork; give the worker its
    own, so that its log messages cannot wait forever. (Python resets the
    logging module's locks itself.)"""
    try:
        from pelican.log import console
    except ImportError:
        return
    if hasattr(console, "_lock"):
        console._lock = threading.RLock()
    for live in getattr(console, "_live_stack", ()):
        if hasattr(live, "_lock"):
            live._lock = threading.RLock()


def _kind(template):
    """The kind of page a template makes, for taking turns: a Jinja
    template's name; other texts (feeds._Text) take turns by their class."""
    return getattr(template, "name", None) or type(template).__name__


class _Turn:
    """Template stand-in: renders a page only on this process's turn, and
    only if the previous build's copy cannot be carried over
    (incremental.py); notes what the page read while it renders.
    `decided`: the writer has already found that this process renders it."""

    def __init__(self, template, writer, decided=False):
        self._template = template
        self._writer = writer
        self._decided = decided

    def render(self, context):
        writer = self._writer
        name = context["output_file"]
        if not self._decided and (not writer.my_turn(_kind(self._template))
                                  or writer.carry.take(name)):
            writer.skip_next_file = True
            return ""
        with incremental.reading() as reads:
            # A page made from values taken from contents before it renders
            # names them (`shows`, a keyword of write_file).
            incremental.shows(context.get("shows", ()))
            text = self._template.render(context)
        writer.carry.written(reads, text, name)
        return text

    def __getattr__(self, name):
        return getattr(self._template, name)


class ShareWriter(Writer):
    carry = None  # the build's incremental.Carry (for_build)

    @classmethod
    def for_build(cls, carry):
        """The writer class Pelican instantiates for one build."""
        return type(cls.__name__, (cls,), {"carry": carry, "__module__": cls.__module__})

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        self.workers = cores.count(settings.get("PORTAL_WORKERS"))
        if self.workers > 1:
            fitting = cores.within_memory(self.workers, settings.get("PORTAL_MEMORY_MB"))
            if fitting < self.workers:
                # Short: Pelican's console wraps long lines.
                print(f"Halaman ditulis oleh {fitting} proses, bukan {self.workers}: batas "
                      f"memori {settings.get('PORTAL_MEMORY_MB')} MiB", flush=True)
                self.workers = fitting
        self.share = 0
        self.skip_next_file = False
        self._turns = {}  # kind of page (its template, or feeds) -> pages seen
        self._newest = None  # the newest article's date (_create_new_feed)
        self._children = []
        self._reports = {}  # worker pid -> the read end of its report pipe
        _writers[:] = [self]
        if self.workers > 1 and _generators and _safe_to_fork():
            self._fork()
        else:
            self.workers = 1

    @property
    def primary(self):
        return self.share == 0

    def my_turn(self, kind):
        """Whether this process renders the next page of `kind`. Pages take
        turns within their kind, not in one sequence: a KIM's or potensi's
        page is followed by its poster, so one sequence gave every poster
        (and its QR code, the slowest drawing) to one process, which then
        worked 7 s longer than the other at 5,000 articles."""
        seen = self._turns.get(kind, 0)
        self._turns[kind] = seen + 1
        return seen % self.workers == self.share

    # -- pages and feeds ----------------------------------------------------

    def write_file(self, name, template, context, *args, **kwargs):
        if template is None:
            return super().write_file(name, template, context, *args, **kwargs)
        if name and not args and not self._paginated(kwargs):
            # One file: whose turn it is and whether it is carried over is
            # decided before Pelican copies the context, opens a file and
            # signals it. A process skips all but its share of the pages,
            # and a rebuild carries nearly all of them: that bookkeeping
            # was about 35 us a page, 0.5 s of a rebuild at 5,000 articles.
            if not self.my_turn(_kind(template)) or self.carry.take(name):
                return None
            template = _Turn(template, self, decided=True)
        else:
            # Pages of a list: each page's name is known only inside Pelican.
            template = _Turn(template, self)
        return super().write_file(name, template, context, *args, **kwargs)

    def _paginated(self, kwargs):
        """Whether Pelican's write_file writes these arguments as several
        pages (its own rule)."""
        paginated = kwargs.get("paginated")
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items()
                         if key in ("articles", "dates")}
        return bool(paginated) and \
            kwargs.get("template_name") in self.settings.get("PAGINATED_TEMPLATES", {})

    def _open_w(self, filename, encoding, override=False):
        if self.skip_next_file:
            # Another process renders and writes this file, or it was
            # carried over from the previous build.
            self.skip_next_file = False
            return open(os.devnull, "w", encoding=encoding)
        if os.path.lexists(filename):
            # Never write through a hard link into the previous build.
            os.unlink(filename)
        return super()._open_w(filename, encoding, override)

    def _create_new_feed(self, feed_type, feed_title, context):
        if callable(feed_title):
            # Named while the feed is written: what the name shows is the
            # feed's (incremental.py).
            feed_title = feed_title()
        feed = super()._create_new_feed(feed_type, feed_title, context)
        if self._newest is None:
            # Once per build, not once per feed: a site of 100,000 articles
            # has 10,000 KIM feeds.
            self._newest = feeds.newest_date(context.get("articles") or ())
        return feeds.site_as_author(feeds.steady_updated(feed, self._newest),
                                    context["SITENAME"])

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if not self.my_turn("feed") or path and self.carry.take(path):
            return None
        with incremental.reading() as reads:
            feed = super().write_feed(elements, context, path, *args, **kwargs)
        if path:
            self.carry.written(reads, Path(self.output_path, path).read_text(encoding="utf-8"),
                               path)
        return feed

    # -- processes ----------------------------------------------------------

    def _fork(self):
        sys.stdout.flush()
        sys.stderr.flush()
        # Everything read so far lives until the end of the build: out of the
        # garbage collector's sight, its full passes no longer walk millions
        # of objects in every process, and a worker's passes no longer write
        # to (and so copy) the pages it shares with the main process.
        gc.freeze()
        for share in range(1, self.workers):
            # The worker tells the main process what its pages were made
            # from (incremental.py) through a pipe, once it is done.
            report_read, report_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                _reset_console_locks()
                os.close(report_read)
                self.share = share
                self._children = []
                self._reports = {}
                self._run_worker(report_write)  # never returns
            os.close(report_write)
            self._children.append(pid)
            self._reports[pid] = report_read
        # If the main process fails first, its workers must not go on writing.
        atexit.register(self._stop_workers)

    def _stop_workers(self):
        for pid in self._children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self._children = []

    def _run_worker(self, report):
        """In a forked process: write this process's share of the pages,
        report what they were made from, then exit without returning into
        Pelican."""
        status = 0
        try:
            for generator in _generators:
                # Static files are copied once, by the main process.
                if hasattr(generator, "generate_output") and \
                        not isinstance(generator, StaticGenerator):
                    generator.generate_output(self)
            with os.fdopen(report, "w", encoding="utf-8") as pipe:
                pipe.write(self.carry.report())
        except BaseException:  # noqa: BLE001 - reported, then the build fails
            traceback.print_exc()
            status = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)

    def wait_for_workers(self):
        failed = 0
        for pid in self._children:
            with os.fdopen(self._reports.pop(pid), encoding="utf-8") as pipe:
                report = pipe.read()  # before waiting: the worker may wait to write it
            _, status = os.waitpid(pid, 0)
            if report:
                self.carry.merge(report)
            if os.waitstatus_to_exitcode(status) != 0:
                failed += 1
        self._children = []
        if failed:
            raise WorkerFailed(f"{failed} proses penulis halaman gagal; lihat pesan di atas.")


def wait_for_workers():
    """Called once all pages are written: returns when every worker is done
    (raises if one failed)."""
    for writer in _writers:
        writer.wait_for_workers()
    _writers.clear()
    _generators.clear()

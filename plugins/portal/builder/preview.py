"""The live preview of `invoke livereload`: serve the built site, rebuild on
every saved change and reload the open browsers, and show in the page what
stopped the last rebuild.

A rebuild that `invoke check` would refuse leaves the previous site in
place (the build never half-changes it), so without a word the editor would
look at the old page and think the change was lost. The preview keeps the
problems of the last rebuild and answers them at PROBLEMS_URL, with whether
a rebuild is under way;
theme/static/js/pratinjau.js, which pages load only in the live preview
(base.html, when LIVERELOAD_PORT is set), shows them above the page and in
the browser's console. The published site has neither.

Every save starts a full rebuild, in a thread of its own, so that pages are
served while it runs; saves made meanwhile start one more when it is done.
Before that, a saved body is rendered at once by the resident (the process
of the last build, resident.py) and its page served from memory until a
rebuild that read the saved file replaces the site: at 5,000 articles the
page is back in a third of a second instead of after the whole rebuild.
"""

import json
import os
import stat
import sys
import threading

import livereload
from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

PROBLEMS_URL = "/_pratinjau/masalah.json"


class _QuickWatcher(Watcher):
    """Looks for saved changes every 0.2 s (livereload's own watcher looks
    every 0.8 s), knowing every file that changed, which livereload's does
    not, and calls `on_change(paths)` with them."""

    IGNORED = (".pyc", ".pyo", ".swp", "~")

    def __init__(self, on_change):
        super().__init__()
        self._on_change = on_change
        self.loop = None
        self._seen = None

    def snapshot(self):
        """{file: (modification time, size)} under the watched paths (hidden
        files and folders and Python's caches left out)."""
        found = {}
        for root in self._tasks:
            try:
                info = os.stat(root)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                _look_under(root, found)
            else:
                found[root] = (info.st_mtime_ns, info.st_size)
        return found

    def start_from(self, seen):
        self._seen = seen

    def start(self, callback):
        """livereload's call, once its loop is about to run."""
        self.loop = ioloop.IOLoop.current()
        if self._seen is None:
            self._seen = self.snapshot()

        def look():
            now = self.snapshot()
            changed = sorted(path for path in now.keys() | self._seen.keys()
                             if now.get(path) != self._seen.get(path))
            self._seen = now
            if changed:
                self._on_change(changed)

        ioloop.PeriodicCallback(look, 200).start()
        return True


def _look_under(folder, found):
    try:
        entries = list(os.scandir(folder))
    except OSError:  # gone meanwhile
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "__pycache__" or \
                entry.name.endswith(_QuickWatcher.IGNORED):
            continue
        try:
            if entry.is_dir():
                _look_under(entry.path, found)
            else:
                info = entry.stat()
                found[entry.path] = (info.st_mtime_ns, info.st_size)
        except OSError:  # gone meanwhile, or a broken link
            continue


def _reload_browsers():
    if LiveReloadHandler.waiters:
        LiveReloadHandler.reload_waiters("*")


class _ProblemsHandler(web.RequestHandler):
    # Set on the subclass made for one preview: the problems of the last
    # rebuild, and its builds' state ("running": one is under way).
    problems = ()
    builds = {}

    def get(self):
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(json.dumps({"masalah": list(self.problems),
                               "membangun": bool(self.builds.get("running"))},
                              ensure_ascii=False))


class _Rendered(StaticFileHandler):
    """livereload's file handler, answering first with a page the resident
    rendered after a save (`pages`: {output path: bytes}, set on the
    subclass made for one preview) until the rebuild replaces the site."""

    pages = {}

    async def get(self, path, include_body=True):
        page = self.pages.get(path) or self.pages.get(path + "index.html")
        if page is None:
            return await super().get(path, include_body)
        self._in_memory = True
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Length", len(page))
        if include_body:
            self.write(page)
        return None

    def compute_etag(self):
        # A page in memory has no file for the handler's ETag; none is sent.
        return None if getattr(self, "_in_memory", False) else super().compute_etag()


class _PreviewServer(Server):
    def __init__(self, problems, builds, pages, **options):
        super().__init__(**options)
        self._problems = problems
        self._builds = builds
        self.SFH = type("Rendered", (_Rendered,), {"pages": pages})

    def get_web_handlers(self, script):
        handler = type("Problems", (_ProblemsHandler,), {"problems": self._problems,
                                                         "builds": self._builds})
        return [(PROBLEMS_URL, handler), *super().get_web_handlers(script)]


def serve(root, host, port, watched, rebuild, render_saved=None):
    """Serve `root` at host:port until interrupted. `rebuild(forking)` builds
    the site into `root` and returns the problems that stopped it (lines an
    editor reads; empty when it succeeded); it runs once now and again after
    every change under the `watched` paths, in a thread of its own so that
    pages are served meanwhile; `forking(function)` runs `function` where a
    fork is safe and returns its result. `render_saved(paths)`, if given,
    returns {output path: bytes} of pages already made for the saved
    `paths` (the resident, warm.py), shown until that rebuild is done."""
    # The site forbids inline scripts (CSP), so the snippet the livereload
    # server would inject cannot run; the pages link livereload.js themselves
    # when LIVERELOAD_PORT is set (base.html), and the injection is turned off.
    livereload.server.LiveScriptInjector.transform_first_chunk = (
        lambda self, status_code, headers, chunk, finishing: (status_code, headers, chunk))
    problems = []
    pages = {}

    def forking(function):
        """Run `function` on the server's thread (a fork copies the locks
        other threads hold; the server's thread holds none between its
        callbacks) and return its result."""
        if threading.current_thread() is threading.main_thread():
            return function()
        done = threading.Event()
        result = {}

        def call():
            try:
                result["value"] = function()
            except BaseException as error:  # noqa: BLE001 - raised in the caller
                result["error"] = error
            finally:
                done.set()

        watcher.loop.add_callback(call)
        done.wait()
        if "error" in result:
            raise result["error"]
        return result["value"]

    builds = {"started": 0, "running": False, "again": False}
    # The build after which each page in `pages` is no longer needed: the
    # next one to start reads the file as saved (one running now may have
    # read it before).
    until = {}

    def on_change(paths):
        made = {}
        try:
            made = render_saved(paths) if render_saved is not None else {}
        except Exception as error:  # noqa: BLE001 - the rebuild below shows the change
            print(f"Pratinjau cepat dilewati ({type(error).__name__}: {error})",
                  file=sys.stderr)
        if made:
            pages.update(made)
            until.update(dict.fromkeys(made, builds["started"] + 1))
            _reload_browsers()
        if builds["running"]:
            builds["again"] = True  # once this one is done
        else:
            start_build()

    def start_build():
        builds["started"] += 1
        builds["running"] = True
        number = builds["started"]

        def rebuild_in_background():
            try:
                problems[:] = rebuild(forking)
            finally:
                watcher.loop.add_callback(rebuilt, number)

        threading.Thread(target=rebuild_in_background, daemon=True).start()

    def rebuilt(number):
        for page in [page for page, last in until.items() if last <= number]:
            del pages[page], until[page]
        builds["running"] = False
        if builds["again"]:
            builds["again"] = False
            start_build()
        # Every finished rebuild reloads the browsers, a failed one too (the
        # page then shows why).
        _reload_browsers()

    watcher = _QuickWatcher(on_change)
    for path in watched:
        watcher.watch(str(path))
    watcher.start_from(watcher.snapshot())  # changes saved during the first build count
    problems[:] = rebuild(forking)
    server = _PreviewServer(problems, builds, pages, watcher=watcher)
    server.serve(host=host, port=port, root=str(root), open_url_delay=None)

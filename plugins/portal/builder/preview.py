"""The live preview of `invoke livereload`: serve the built site, rebuild on
every saved change and reload the open browsers, and show in the page what
stopped the last rebuild.

A rebuild that `invoke check` would refuse leaves the previous site in
place (the build never half-changes it), so without a word the editor would
look at the old page and think the change was lost. The preview keeps the
problems of the last rebuild and answers them at PROBLEMS_URL;
theme/static/js/pratinjau.js, which pages load only in the live preview
(base.html, when LIVERELOAD_PORT is set), shows them above the page and in
the browser's console. The published site has neither.
"""

import json

import livereload
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

PROBLEMS_URL = "/_pratinjau/masalah.json"


class _QuickWatcher(Watcher):
    """livereload's own watcher (it compares file times and runs the
    rebuild), looking every 0.2 s instead of every 0.8 s, so a save is seen
    0.3 s sooner on average; it does not look while a rebuild runs. Each
    finished rebuild reloads the browsers, a failed one too (the page then
    shows why): livereload's own loop skipped a reload within 3 s of the
    previous one, which a rebuild in under a second made the rule."""

    def start(self, callback):
        def look():
            changed, _ = self.examine()
            if changed and LiveReloadHandler.waiters:
                LiveReloadHandler.reload_waiters()

        ioloop.PeriodicCallback(look, 200).start()
        return True


class _ProblemsHandler(web.RequestHandler):
    problems = ()  # set on the subclass made for one preview

    def get(self):
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(json.dumps({"masalah": list(self.problems)}, ensure_ascii=False))


class _PreviewServer(Server):
    def __init__(self, problems, **options):
        super().__init__(**options)
        self._problems = problems

    def get_web_handlers(self, script):
        handler = type("Problems", (_ProblemsHandler,), {"problems": self._problems})
        return [(PROBLEMS_URL, handler), *super().get_web_handlers(script)]


def serve(root, host, port, watched, rebuild):
    """Serve `root` at host:port until interrupted. `rebuild()` builds the
    site into `root` and returns the problems that stopped it (lines an
    editor reads; empty when it succeeded); it runs once now and again on
    every change under the `watched` paths."""
    # The site forbids inline scripts (CSP), so the snippet the livereload
    # server would inject cannot run; the pages link livereload.js themselves
    # when LIVERELOAD_PORT is set (base.html), and the injection is turned off.
    livereload.server.LiveScriptInjector.transform_first_chunk = (
        lambda self, status_code, headers, chunk, finishing: (status_code, headers, chunk))
    problems = []

    def rebuild_and_keep_problems():
        problems[:] = rebuild()

    rebuild_and_keep_problems()
    server = _PreviewServer(problems, watcher=_QuickWatcher())
    for path in watched:
        server.watch(str(path), rebuild_and_keep_problems)
    server.serve(host=host, port=port, root=str(root), open_url_delay=None)

"""A local web server that behaves like the static hosts the site is
published to: clean URLs map to index.html and a missing page gets
404.html with status 404. Used by `invoke serve`/`preview` and by the
browser tests."""

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    root = None

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        if self.quiet:
            return
        super().log_message(format, *args)


def make_server(path, host="localhost", port=8000, quiet=False):
    """Return a ThreadingHTTPServer serving `path` (call serve_forever)."""
    handler_class = type("Handler", (_Handler,), {"quiet": quiet})
    handler = functools.partial(handler_class, directory=str(path))
    return ThreadingHTTPServer((host, int(port)), handler)

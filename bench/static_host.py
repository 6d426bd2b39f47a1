"""A local server that answers as the static hosts the portal runs on do:
HTTP/1.1 keep-alive, an index.html for a folder, text gzipped on the fly,
and, where a benchmark asks for them, validators (ETag, Last-Modified, a
304 to a conditional request) and the host's own headers. One home for the
benchmarks that measure what a reader downloads (search_first_result.py,
hub.py, offline_cost.py); each subclasses StaticHost for what it counts.
"""

import gzip
import mimetypes
import threading
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json",
                    "application/manifest+json", "image/svg+xml")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/manifest+json", ".webmanifest")


class StaticHost(SimpleHTTPRequestHandler):
    """The folder's files. Subclasses set `headers_of_host` (sent with every
    file), give `validator` a body (an ETag for the file, or None for a host
    that sends none), and see every answer in `answered`."""

    protocol_version = "HTTP/1.1"
    headers_of_host = {}

    def validator(self, path, body):
        return None

    def answered(self, status, size):
        """Called once per answer with its status and its body's length."""

    def do_GET(self, head=False):  # noqa: N802 - the stdlib's name
        path = Path(self.directory) / unquote(urlsplit(self.path).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._answer(404, b"", {"Content-Type": "text/plain"}, head)
        body = path.read_bytes()
        headers = {"Content-Type": mimetypes.guess_type(path.name)[0]
                   or "application/octet-stream", **self.headers_of_host}
        tag = self.validator(path, body)
        if tag:
            headers.update({"ETag": tag, "Vary": "Accept-Encoding",
                            "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True)})
            if self.headers.get("If-None-Match") == tag:
                del headers["Content-Type"]
                return self._answer(304, b"", headers, head)
        if headers["Content-Type"].startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get(
                "Accept-Encoding", ""):
            body = gzip.compress(body, 6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        return self._answer(200, body, headers, head)

    def do_HEAD(self):  # noqa: N802 - the stdlib's name
        self.do_GET(head=True)

    def _answer(self, status, body, headers, head):
        self.answered(status, 0 if head else len(body))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


def serve(handler, folder, server_class=ThreadingHTTPServer):
    """Serve `folder` with `handler` (a StaticHost class) on a free port, in
    a thread: (server, its address)."""
    server = server_class(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"

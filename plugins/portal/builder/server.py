"""A local web server that behaves like the static hosts the site is
published to: clean URLs map to index.html and a missing page gets
404.html with status 404. Used by `invoke serve`/`preview` and by the
browser tests."""

import errno
import functools
import socket
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# How many ports after the one asked for are tried when it is taken.
PORT_TRIES = 20


class NoFreePort(Exception):
    """The port asked for is not one, or no port from it to PORT_TRIES
    after it is free; the message is an editor's (Indonesian)."""


def free_port(host, port):
    """`port` when nothing listens on it, else the next free one after it:
    an editor who left a preview running (or runs another program on 8000)
    gets a working server, not a traceback. Binding with SO_REUSEADDR, as
    the servers do, so a port a stopped server left in TIME_WAIT counts as
    free."""
    for candidate in range(port, min(port + PORT_TRIES, 65535) + 1):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, candidate))
            except OSError as error:
                if error.errno in (errno.EADDRINUSE, errno.EACCES):
                    continue
                raise NoFreePort(f"port {port} tidak dapat dipakai di {host} ({error.strerror}). "
                                 "Perbaiki: pilih port lain dengan --port, misalnya --port 8080"
                                 ) from None
            return candidate
    raise NoFreePort(f"port {port} sampai {port + PORT_TRIES} sedang dipakai program lain. "
                     "Perbaiki: hentikan pratinjau lain yang masih berjalan (Ctrl+C di "
                     "terminalnya), atau pilih port lain dengan --port, misalnya --port 9000")


def port_to_serve(host, asked, default):
    """The port to serve on: `asked` (an option's text; `default` when not
    given), or the next free one when another program (often a preview
    left running) has it, said in one line on the console."""
    try:
        port = int(asked or default)
        if not 1 <= port <= 65535:
            raise ValueError
    except ValueError:
        raise NoFreePort(f"--port {asked}: bukan nomor port. Perbaiki: tulis angka 1 sampai "
                         "65535, misalnya --port 8080") from None
    found = free_port(host, port)
    if found != port:
        print(f"Port {port} sedang dipakai program lain (mungkin pratinjau yang masih "
              f"berjalan); memakai port {found}.")
    return found


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


def serve_until_stopped(path, host, port):
    """Serve `path` on `host`:`port` until Ctrl+C."""
    server = make_server(path, host, port)
    print(f"Situs dapat dibuka di http://{host}:{port}/ (hentikan dengan Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()

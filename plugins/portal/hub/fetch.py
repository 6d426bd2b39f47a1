"""Reading a portal's files: from its address, or from a folder on this machine.

From an address, every file is asked for with a conditional request
(``If-None-Match`` with the ETag, ``If-Modified-Since`` with the
Last-Modified date the server gave last time), and the body is kept in a
cache folder beside those validators. A file that did not change is
answered ``304 Not Modified`` without a body, and the cached copy is used: a
scheduled hub downloads only what its portals changed since its last run.
Static hosts (GitHub Pages, Netlify, Cloudflare Pages, nginx, Python's
http.server) all answer such requests.

What a portal sends is not trusted: a file is read up to ``LIMIT_MB``, a
request gives up after ``TIMEOUT`` seconds, and any failure (refused
connection, unknown host, an HTTP error, a bad certificate) becomes
``Unreadable`` with its reason in Indonesian, never a traceback.
"""

import hashlib
import http.client
import json
import os
import socket
import ssl
import tempfile
import threading
import urllib.error
import urllib.request
import zlib
from collections import Counter
from pathlib import Path

from ..model.messages import say

TIMEOUT = 20  # seconds
LIMIT_MB = 32
USER_AGENT = "portal-kim-hub (+invoke hub)"

# Which fix a failure calls for (messages.py, hub-perbaiki-*).
CONNECTION, MISSING, CONTENT, FOLDER, ADDRESS = "sambungan", "umpan", "isi", "folder", "alamat"


class Unreadable(Exception):
    """A file of a portal could not be read: `reason` (Indonesian) says why,
    `kind` which fix applies."""

    def __init__(self, reason, kind):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


class Fetcher:
    """Conditional GET requests with a cache on disk; safe to use from
    several threads. `counts` tallies the answers: 200 (downloaded) and 304
    (not modified, read from the cache)."""

    def __init__(self, cache_dir, timeout=TIMEOUT, limit=LIMIT_MB * 2**20):
        self.cache = Path(cache_dir)
        self.timeout = timeout
        self.limit = limit
        self.counts = Counter()
        self._lock = threading.Lock()

    def _paths(self, url):
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.cache / f"{key}.isi", self.cache / f"{key}.json"

    def get(self, url):
        """The body of `url`, from the server or, when it did not change,
        from the cache."""
        body_path, meta_path = self._paths(url)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
        meta = _read_json(meta_path)
        if meta.get("url") == url and body_path.is_file():
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = self._body(url, response)
                validators = {"url": url, "etag": response.headers.get("ETag"),
                              "last_modified": response.headers.get("Last-Modified")}
        except urllib.error.HTTPError as error:
            if error.code == 304 and ("If-None-Match" in headers
                                      or "If-Modified-Since" in headers):
                self._count(304)
                return body_path.read_bytes()
            self._count(error.code)
            kind = MISSING if error.code in (404, 410) else CONNECTION
            raise Unreadable(say("hub-sebab-http", source=url, status=error.code),
                             kind) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            self._count("gagal")
            raise Unreadable(say("hub-sebab-koneksi", source=url,
                                 detail=self._detail(error)), CONNECTION) from None
        self._count(200)
        self.cache.mkdir(parents=True, exist_ok=True)
        # The body before its validators: a run killed between the two
        # leaves validators of an older body, which only cost a download.
        _replace(body_path, body)
        _replace(meta_path, json.dumps(validators).encode("utf-8"))
        return body

    def _body(self, url, response):
        data = response.read(self.limit + 1)
        if response.headers.get("Content-Encoding", "").lower() == "gzip":
            try:
                unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
                data = unpacker.decompress(data, self.limit + 1)
            except zlib.error:
                raise Unreadable(say("hub-sebab-json", source=url,
                                     detail="kiriman gzip yang rusak"), CONTENT) from None
        if len(data) > self.limit:
            raise Unreadable(say("hub-sebab-besar", source=url,
                                 limit=self.limit // 2**20), CONTENT)
        return data

    def _detail(self, error):
        reason = getattr(error, "reason", error)
        if isinstance(reason, ConnectionRefusedError):
            return "koneksi ditolak"
        if isinstance(reason, socket.gaierror):
            return "nama situsnya tidak ditemukan"
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return f"tidak menjawab dalam {self.timeout} detik"
        if isinstance(reason, ssl.SSLError):
            return "sertifikat HTTPS-nya tidak sah"
        if isinstance(reason, (ConnectionError, http.client.HTTPException)):
            return "sambungan terputus"
        return f"kesalahan jaringan: {getattr(reason, 'strerror', None) or reason}"

    def _count(self, status):
        with self._lock:
            self.counts[status] += 1


class WebSource:
    """A portal read from its address."""

    def __init__(self, address, fetcher):
        self.address = address.rstrip("/")
        self.fetcher = fetcher

    def describe(self, path):
        return f"{self.address}/{path}"

    def read(self, path):
        return self.fetcher.get(self.describe(path))


class FolderSource:
    """A portal read from its built site on this machine (its output
    folder); `shown` is the folder as messages name it."""

    def __init__(self, folder, shown, limit=LIMIT_MB * 2**20):
        self.folder = Path(folder)
        self.shown = shown.rstrip("/")
        self.limit = limit

    def describe(self, path):
        return f"{self.shown}/{path}"

    def read(self, path):
        target = self.folder / path
        try:
            size = target.stat().st_size
            if size > self.limit:
                raise Unreadable(say("hub-sebab-besar", source=self.describe(path),
                                     limit=self.limit // 2**20), CONTENT)
            return target.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            if not self.folder.is_dir():
                raise Unreadable(say("hub-sebab-tidak-ada", source=f"folder {self.shown}"),
                                 FOLDER) from None
            raise Unreadable(say("hub-sebab-tidak-ada", source=self.describe(path)),
                             MISSING) from None
        except OSError as error:
            raise Unreadable(say("hub-sebab-koneksi", source=self.describe(path),
                                 detail=error.strerror or str(error)), FOLDER) from None


def _read_json(path):
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}


def _replace(path, data):
    """Write `data` to `path` in one rename: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".sementara-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


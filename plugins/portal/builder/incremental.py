"""Incremental builds: each written file records what it was made from, and
the next build carries unchanged files over instead of rendering them again.

Every build writes a record (``BuildRecord``, in the cache folder, one per
output folder) holding:

- the build's **base**: one hash of everything a page can read except what
  it shows of each content (its title and body): the plugin's code, the
  theme, the settings, the installed libraries, the build's day (the agenda
  and the rapor count from it), every content file's front matter as
  validated but its title, the bytes of every other file in the content
  folder (situs.yml, photos, documents: a hash of each, kept between builds
  while the file is untouched, see ``content_digests``), and what pages
  depend on without showing it: the order of the lists sorted by title and
  the search parts' names, made from addresses (``layout_key``);
- the hash of what every content file **shows** (its body as the reader
  made it; its title and address; its link-preview card: SHOWN_FIELDS);
- for each page and feed: which contents it showed, and the hash of its
  bytes.

Which contents a file shows is recorded while it is rendered: every way to a
content's body goes through Pelican's ``Content.get_content`` and
``get_summary`` (templates, filters, structured data and feeds alike), and
every read of its title, address or card through a recorded attribute;
``install`` wraps them once. A value made from a title before the pages are rendered (the
map's list of places, a feed's name) is made when its file is written
instead, or the file names the contents it stands for (``shows``).

A build given the previous complete build (``INCREMENTAL_FROM``) with the
same base renders only the files that showed a content whose hash changed,
and hard-links the others from that build's folder into its own: the new
folder is still complete on its own and swapped in whole (swap.py). The
previous file is linked only if it is still exactly what its record says
(size and time), and no carried file is ever opened for writing (a hard link
shares the live site's bytes).

When the base differs (a date, a tag, a new, renamed or deleted file, a
title that moves its content in a list sorted by title or changes its
address, a template, a setting, the code), every file is rendered, as in a
cold build: such a change can move any item into or out of any list, which
recording what a page read cannot foresee. The records still say which pages
came out the same, so the search index re-indexes only the parts with a page
whose indexed text changed (search.py).
"""

import hashlib
import importlib.metadata
import json
import os
import posixpath
import shutil
import sys
import time
from datetime import date, datetime
from pathlib import Path, PurePath

from pelican.contents import Content, Static

from ..intake.validation import INTRASITE_LINK_RE

RECORD_FOLDER = "bangunan"
DIGEST_FOLDER = "sidik"  # content_digests' cache, one file per content folder
PROJECT = "portal-kim-kobar"  # this project's own distribution (pyproject.toml)
FORMAT = 3
# What a page shows of a content besides its body, recorded per content and
# group of attributes (the group's key suffix, see label_key): its title
# (front matter, left out of the base) and its address (Pelican's
# override_url, which the plugin sets for every content; made from the slug,
# which Pelican makes from the title when the front matter has none); and its
# link-preview card (`pratinjau`, output/previews.py: drawn from its title
# and its KIM's, so it names them without the page reading them). Editing
# any of them renders only the pages that show it.
SHOWN_FIELDS = {"title": "", "override_url": "", "pratinjau": "kartu"}
# Settings that name where this build goes, where it comes from and how many
# processes render it (and in how much memory): they differ between two builds of the same site and
# change nothing that is written.
_PER_BUILD_SETTINGS = frozenset({"OUTPUT_PATH", "INCREMENTAL_FROM", "PORTAL_WORKERS",
                                 "PORTAL_MEMORY_MB"})


# -- what a file reads while it is written -----------------------------------

class _Reads:
    """The source paths of the contents shown by the file being written, and the
    other output files it stands for (None when no file is being written:
    reading content before rendering)."""

    current = None
    produced = None


def produced(paths):
    """Note that the file being written brings `paths` (relative to the
    output) with it: photo derivatives made when a page shows the photo."""
    if _Reads.produced is not None:
        _Reads.produced.update(paths)


def label_key(source, group=""):
    """What a record calls a group of shown fields of the content at
    `source` (its body is its source path alone): a page that shows a title
    and not the body is not rendered again when only the body changes. One
    key for a title and its address: a page showing a title nearly always
    links it too, and the record of a large site stays smaller."""
    return f"{source}#{group}"


def shows(items):
    """Note that the file being written shows the titles and addresses of
    `items` through values made from them before it was rendered."""
    if _Reads.current is not None:
        _Reads.current.update(label_key(item.source_path) for item in items if item.source_path)


class _Shown:
    """A content's field (SHOWN_FIELDS) kept in the instance as Pelican sets
    it; reading it notes the content as shown by the file being written."""

    def __init__(self, name, group):
        self.name, self.group = name, group

    def __get__(self, item, owner=None):
        if item is None:
            return self
        # (Not a static file's: its address is made from its path, in the base.)
        if _Reads.current is not None and item.source_path and not isinstance(item, Static):
            _Reads.current.add(label_key(item.source_path, self.group))
        try:
            return item.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, item, value):
        item.__dict__[self.name] = value


# Pelican's memoised Content methods, as install() found them.
_MEMOISED = []


def forget(item):
    """Drop what Pelican memoised of `item`'s body and summary: the next
    use computes them from its `_content` again (builder/resident.py sets a
    new one)."""
    for memoised in _MEMOISED:
        for key in [key for key in memoised.cache if key and key[0] is item]:
            del memoised.cache[key]


def install():
    """Record every read of a content's body and shown fields. Pelican's
    Content class is wrapped once per process; the wrappers only note the
    source path and call Pelican's own (memoised) method or return the
    value Pelican set."""
    if getattr(Content, "_portal_recorded", False):
        return
    for name, group in SHOWN_FIELDS.items():
        setattr(Content, name, _Shown(name, group))
    for name in ("get_content", "get_summary"):
        original = Content.__dict__[name]
        _MEMOISED.append(original)

        def recorded(self, siteurl, _original=original):
            if _Reads.current is not None and self.source_path:
                _Reads.current.add(self.source_path)
            return _original(self, siteurl)

        recorded.__name__ = name
        recorded.__doc__ = original.func.__doc__
        setattr(Content, name, recorded)
    Content._portal_recorded = True


class reading:
    """While the block runs, note the contents shown (``.sources``) and the
    files produced with it (``.produced``)."""

    def __enter__(self):
        self.sources, self.produced = set(), set()
        _Reads.current, _Reads.produced = self.sources, self.produced
        return self

    def __exit__(self, *exc):
        _Reads.current = _Reads.produced = None
        return False


# -- the base ------------------------------------------------------------------

def _plain(value):
    """`value` as JSON can hold it, or None for values that cannot be
    compared between two runs (functions, modules, objects)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return None


def _tree(folder, digest, suffix=None):
    folder = Path(folder)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (suffix is None or path.suffix == suffix) \
                and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def base_key(settings, documents, content_dir, day):
    """The hash of everything but what the build's files show of each content
    (their shown fields and bodies).

    `settings` as Pelican read them (before the plugin adds its objects),
    `documents` the validated content files (validation.Document), `day`
    the build's day."""
    digest = hashlib.sha256(f"format {FORMAT}\0".encode())
    _tree(Path(__file__).parent.parent, digest, ".py")
    _tree(settings["THEME"], digest)
    # Each library once: run from the project's folder, Python also finds the
    # project's own metadata there (*.egg-info), which made builds started
    # from elsewhere (the live preview's process, bench/phases.py) see
    # another base. The project itself is its code, hashed above.
    for dist in sorted({f"{dist.metadata['Name']}=={dist.version}"
                        for dist in importlib.metadata.distributions()
                        if dist.metadata["Name"] != PROJECT}):
        digest.update(dist.encode() + b"\0")
    chosen = {name: _plain(value) for name, value in settings.items()
              if name.isupper() and name not in _PER_BUILD_SETTINGS}
    digest.update(json.dumps(chosen, sort_keys=True, default=str).encode())
    digest.update(day.isoformat().encode())
    for document in sorted(documents, key=lambda doc: doc.relpath):
        metadata = {name: value for name, value in document.metadata.items()
                    if name not in SHOWN_FIELDS}
        digest.update(json.dumps([document.relpath, metadata], sort_keys=True,
                                 default=str).encode())
    cache = settings.get("CACHE_PATH")
    for name, file_digest in content_digests(content_dir, cache and Path(cache)).items():
        digest.update(f"{name}\0{file_digest}\0".encode())
    return digest.hexdigest()


# A digest is kept only for a file last changed this long before the build
# looked at it. A file system stamps times from a clock that ticks in steps
# (a few milliseconds on ext4, two seconds on FAT): a file written again in
# the same step as the write before it keeps its times, and would keep a
# digest taken between the two writes. Such recent files are hashed again by
# the next build (git has the same problem: "racy git").
_SETTLED_NS = 3_000_000_000


def content_digests(content_dir, cache_path=None):
    """{path relative to `content_dir`: SHA-256 of its bytes} for every file
    in it but the Markdown ones (their front matter and bodies are hashed
    apart).

    Size and modification time alone are not enough: an editor's tool, a
    copy or ``os.utime`` can give a changed file its old time back, and a
    phone number changed digit for digit keeps the size. Hashing every photo
    and document on every build is not free on a large site either (2,000
    files of 300 KB: 0.55 s to hash them all from the page cache, more from
    a cold disk; 0.04 s with the cache below, 0.02 s of it listing and
    stat-ing the files), so each digest is kept in `cache_path` and taken
    again while the file's size, modification time, inode and *change* time
    are what they were. The kernel sets the change time to the current time
    on every write, rename or ``utime`` and offers no way to set it back
    (short of setting the system's clock back), so a file whose change time
    is the same was not written since (a file written very recently is not
    kept, see _SETTLED_NS). A new inode (a file replaced, a folder copied
    elsewhere) only costs a hash."""
    content_dir = Path(content_dir)
    store = None
    if cache_path is not None:
        store = Path(cache_path) / DIGEST_FOLDER / \
            f"{hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:24]}.json"
    known = _load_digests(store)
    settled = time.time_ns() - _SETTLED_NS  # before any file is looked at
    digests, keep = {}, {}
    for path in sorted(content_dir.rglob("*")):
        if path.suffix == ".md" or not path.is_file():
            continue
        name = path.relative_to(content_dir).as_posix()
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        entry = known.get(name)
        if entry is not None and entry[:4] == stamp:
            digests[name] = entry[4]
        else:
            try:
                with path.open("rb") as handle:  # in chunks: a large document is not held whole
                    digests[name] = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError:
                # Unreadable, so not published as it is either (a step that
                # reads it says so); its times still show any later change.
                digests[name] = f"stat {stamp}"
                continue
        if stat.st_ctime_ns < settled:
            keep[name] = [*stamp, digests[name]]
    if store is not None and keep != known:
        _save_digests(store, content_dir, keep)
    return digests


def _load_digests(store):
    """{name: [size, mtime_ns, ctime_ns, inode, digest]} as `store` kept
    them; nothing when there is no store or it is unreadable."""
    if store is None:
        return {}
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
        files = data["files"] if data.get("format") == FORMAT else {}
        return {name: entry for name, entry in files.items()
                if isinstance(entry, list) and len(entry) == 5 and isinstance(entry[4], str)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _save_digests(store, content_dir, files):
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        # The folder first: another build dropping stores of removed folders
        # must not take this one for one.
        store.with_suffix(".folder").write_text(str(content_dir.resolve()), encoding="utf-8")
        partial = store.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({"format": FORMAT, "files": files},
                                      separators=(",", ":"), sort_keys=True), encoding="utf-8")
        os.replace(partial, store)  # atomic: builds of the same content may run at once
        _forget_removed_folders(store.parent)
    except OSError:
        pass  # only a cache: the next build hashes again


def layout_key(base, content_dir, title_orders, names=()):
    """`base` with what was made of titles and addresses that pages depend
    on without showing them: the order of each list in `title_orders` (lists
    of contents sorted by title: a page of such a list shows other contents
    when one moves), and `names` made from addresses (the search parts')."""
    content_dir = Path(content_dir)
    digest = hashlib.sha256(base.encode())
    digest.update("\0".join(names).encode() + b"\1")
    for order in title_orders:
        digest.update("\0".join(_relative(item.source_path, content_dir)
                                 for item in order).encode() + b"\1")
    return digest.hexdigest()


def _hash(text):
    return hashlib.sha256(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def shown_hashes(items, content_dir):
    """{source path relative to the content folder: hash of its body HTML,
    and label_key(that path, group): hash of each group of its shown fields}.

    A body's hash holds the address of every content it links to with
    {filename}: Pelican writes those addresses into the body once per
    process (get_content is memoised), so the pages showing the body could
    not be seen reading them."""
    content_dir = Path(content_dir)
    named = {_relative(item.source_path, content_dir): item for item in items
             if item.source_path}
    hashes = {}
    for name, item in named.items():
        body = item._content
        linked = sorted({target for kind, target in INTRASITE_LINK_RE.findall(body)
                         if kind == "filename"})
        for target in linked:
            path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                      posixpath.join(posixpath.dirname(name), target))
            other = named.get(path)
            body += f"\0{target}\0{other.__dict__.get('override_url') if other else ''}"
        hashes[name] = _hash(body)
        for group in set(SHOWN_FIELDS.values()):
            hashes[label_key(name, group)] = _hash("\0".join(
                str(item.__dict__.get(field)) for field, its in SHOWN_FIELDS.items()
                if its == group))
    return hashes


def _relative(source_path, content_dir):
    # Strings, not Paths: called for every content every page shows.
    prefix = f"{content_dir}{os.sep}"
    source_path = str(source_path)
    return source_path[len(prefix):] if source_path.startswith(prefix) else source_path


# -- the record of one build ---------------------------------------------------

def record_path(cache_path, output_dir):
    """Where the record of the build in `output_dir` is kept: in the cache,
    not beside the output, so that nothing extra sits next to a site built
    with plain ``pelican -o``."""
    name = hashlib.sha256(str(Path(output_dir).resolve()).encode()).hexdigest()[:24]
    return Path(cache_path) / RECORD_FOLDER / f"{name}.json"


def _numbered(files, shown_by):
    """(each content's key once, sorted; `files` with each one's "from" as
    numbers into that table). A list page shows dozens of contents: as
    names, a large site's record (read back whole by the next build) and a
    worker's report (read by the main process) would hold millions of
    strings."""
    sources = sorted({key for entry in files.values() for key in shown_by(entry)})
    number = {key: str(index) for index, key in enumerate(sources)}
    return sources, {name: {**entry, "from": ",".join(number[key] for key in shown_by(entry))}
                     for name, entry in files.items()}


def _named(sources, numbers):
    """The keys a "from" of _numbered stands for."""
    return [sources[int(number)] for number in numbers.split(",")] if numbers else []


class BuildRecord:
    def __init__(self, output_dir, base, shown, files=None, search=None, sources=None):
        self.output_dir = Path(output_dir)
        self.base = base
        self.shown = shown
        # {output path: {"from": [keys of the contents shown], "sha": hash of
        #                the bytes, "size": ..., "mtime_ns": ...}}; a loaded
        # record keeps each "from" as the file holds it (numbers into
        # `sources`, see save) until a build asks (shown_by), and so does the
        # next build's record for each file it carries (Carry: it shares
        # the table).
        self.files = files if files is not None else {}
        self.sources = sources or []
        # {bundle: [the pages it indexes]}
        self.search = search if search is not None else {}

    def shown_by(self, entry):
        """The keys of the contents a file's entry showed."""
        found = entry["from"]
        return _named(self.sources, found) if isinstance(found, str) else found

    @classmethod
    def load(cls, cache_path, output_dir):
        """The record of the build in `output_dir`, or None when there is
        none or it is unreadable (the next build is then rendered in full)."""
        try:
            data = json.loads(record_path(cache_path, output_dir).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or \
                    Path(data["output"]) != Path(output_dir).resolve():
                return None
            return cls(output_dir, data["base"], data["shown"], data["files"],
                       data.get("search", {}), data["sources"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, cache_path):
        path = record_path(cache_path, self.output_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Which folder the record describes, in a file of its own: a record
        # is tens of megabytes on a large site, too much to read just for that.
        # Written first, so that another build never takes the new record for
        # one of a removed folder.
        path.with_suffix(".folder").write_text(str(self.output_dir.resolve()), encoding="utf-8")
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        sources, files = _numbered(self.files, self.shown_by)
        partial.write_text(json.dumps({
            "format": FORMAT, "output": str(self.output_dir.resolve()), "base": self.base,
            "shown": self.shown, "files": files, "search": self.search, "sources": sources,
        }, separators=(",", ":"), sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
        _forget_removed_folders(path.parent)

    def unchanged(self, name, previous):
        """Whether file `name` is the same in this build as in `previous`
        (both records)."""
        ours, theirs = self.files.get(name), previous.files.get(name) if previous else None
        return bool(ours and theirs and ours["sha"] == theirs["sha"])


def _forget_removed_folders(folder):
    """Records (of builds, or content_digests' caches) of folders that no
    longer exist are dropped."""
    for path in folder.glob("*.json"):
        described = path.with_suffix(".folder")
        try:
            output = described.read_text(encoding="utf-8")
        except OSError:
            output = ""
        if not output or not Path(output).is_dir():
            path.unlink(missing_ok=True)
            described.unlink(missing_ok=True)


# -- carrying files over ---------------------------------------------------------

class Carry:
    """Decides, for each file of this build, whether the previous build's
    copy can be taken as it is, and links it."""

    def __init__(self, output_dir, content_dir, record, previous):
        self.output_dir = Path(output_dir)
        self.content_dir = Path(content_dir)
        self.record = record  # this build's (files filled in as they are written)
        if previous and previous.output_dir.resolve() == self.output_dir.resolve():
            previous = None
        # Its search parts can be taken if their pages are the same bytes.
        self.earlier = previous
        # Its pages can be taken without rendering if it read the same base.
        self.previous = previous if previous and previous.base == record.base else None
        if self.previous is not None:
            # A carried file keeps its entry as the previous record holds it,
            # "from" as numbers into that record's table (take): this record
            # reads them through the same table. (On a large site, naming the
            # contents of every carried file made hundreds of thousands of
            # lists that only the record's save read.)
            record.sources = self.previous.sources
        self.carried = 0
        self.rendered = 0
        # Folders this process made or found (take): one system call fewer
        # for each file carried into a folder seen before.
        self._folders = set()

    def take(self, name):
        """Link `name` from the previous build if nothing it was made from
        changed; True when it was. (Called for every file of every rebuild:
        plain strings and os calls, not pathlib, which cost more than the
        linking itself.)"""
        if self.previous is None:
            return False
        entry = self.previous.files.get(name)
        if entry is None:
            return False
        shown = self.previous.shown_by(entry)
        # A content the record does not know (None on both sides) counts as changed.
        ours, theirs = self.record.shown, self.previous.shown
        if any(ours.get(source) is None or ours.get(source) != theirs.get(source)
               for source in shown):
            return False
        source_root, target_root = str(self.previous.output_dir), str(self.output_dir)
        also = entry.get("also", ())
        try:
            stat = os.stat(os.path.join(source_root, name))
            if stat.st_size != entry["size"] or stat.st_mtime_ns != entry["mtime_ns"]:
                return False
            if not all(os.path.isfile(os.path.join(source_root, path)) for path in also):
                return False
            for path in (name, *also):
                target = os.path.join(target_root, path)
                folder = os.path.dirname(target)
                if folder not in self._folders:
                    os.makedirs(folder, exist_ok=True)
                    self._folders.add(folder)
                try:
                    os.link(os.path.join(source_root, path), target)
                except FileExistsError:
                    if path == name:
                        raise
                    # A photo's derivative another page already brought.
        except OSError:  # gone, changed, or a file system without hard links
            return False
        self.record.files[name] = entry
        self.carried += 1
        return True

    def written(self, reads, text, name):
        """Note what file `name`, just rendered, was made from (`reads`,
        a finished ``reading``)."""
        self.rendered += 1
        self.record.files[name] = {
            # Interned: the same few keys are in thousands of lists.
            "from": sorted(sys.intern(_relative(source, self.content_dir))
                           for source in reads.sources),
            "sha": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24],
        }
        if reads.produced:
            self.record.files[name]["also"] = sorted(reads.produced)

    def take_tree(self, folder, pages, key, alike):
        """Link `folder` (a search part, made by `key` from `pages`) from the
        previous build if it was made the same way from the same pages: each
        the same bytes, or `alike(previous file, this file)` for one that
        changed. True when it was. Either way the record notes what it is
        made of."""
        self.record.search[folder] = {"pages": pages, "key": key}
        earlier = self.earlier
        if earlier is None or earlier.search.get(folder) != {"pages": pages, "key": key} or \
                not all(self.record.unchanged(page, earlier) or
                        alike(earlier.output_dir / page, self.output_dir / page)
                        for page in pages):
            return False
        source = earlier.output_dir / folder
        if not source.is_dir():
            return False
        try:
            # Each folder made once, each file a hard link (a part is
            # thousands of fragments: no pathlib, no mkdir per file).
            shutil.copytree(source, self.output_dir / folder, copy_function=os.link,
                            dirs_exist_ok=True)
        except (OSError, shutil.Error):
            shutil.rmtree(self.output_dir / folder, ignore_errors=True)
            return False
        return True

    def report(self):
        """What this process wrote and carried, for the main process
        (parallel.py: a worker's files are its own since the fork)."""
        sources, files = _numbered(self.record.files, self.record.shown_by)
        return json.dumps({"sources": sources, "files": files, "carried": self.carried,
                           "rendered": self.rendered}, separators=(",", ":"))

    def merge(self, report):
        data = json.loads(report)
        sources = [sys.intern(key) for key in data["sources"]]
        for entry in data["files"].values():
            entry["from"] = _named(sources, entry["from"])
        self.record.files.update(data["files"])
        self.carried += data["carried"]
        self.rendered += data["rendered"]

    def stamp(self):
        """Once every file is written: note each one's size and time, which
        the next build checks before it links the file."""
        root = str(self.output_dir)
        for name, entry in self.record.files.items():
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:
                continue
            entry["size"], entry["mtime_ns"] = stat.st_size, stat.st_mtime_ns

"""The built site folder: never a moment without a complete site, and
nothing touched that the portal did not make.

`output/` is a symbolic link to one complete build in `output.versi/`. A new
build is written into a folder of its own there, checked, and only then does
the link switch to it, in one atomic rename of a new link over the old one
(a directory cannot be replaced atomically; a link can). Whoever reads
`output/` (the local server, a deploy step, a reader's browser) sees the old
site or the new one, complete, and a build that fails or is killed (even
with kill -9, at any moment) leaves the link where it was.

Every build folder carries a mark beside it, `output.versi/<build>.portal`,
written before the folder itself (a build killed at any moment leaves a
marked folder or a mark alone, never an unmarked folder), and beside it, once
built and checked in full, `<build>.lengkap`. Marks sit beside the folder,
not in it, so nothing extra is published. Only marked folders in
`output.versi/` (and the marks, and the portal's own temporary links) are
ever deleted: a folder there without a mark, and anything outside it (a
hand-made backup `output.lama/`), is the editor's, and stays.

`output` itself is replaced only when it is missing or is a link to a marked
build: a real folder or file there, or a link to anywhere else (`ln -s
/some/folder output`), stops the build before it writes anything, with a
message saying what was found (`Refused`). Earlier versions moved a real
`output/` folder into `output.versi/` and deleted it after the switch; a
real folder is no longer taken for a previous build (it may be anything:
`ln -s` the wrong way round, a copy being inspected), so it is left alone
and the editor moves it. The switch is then always one rename of a link
over a link (or over nothing): there is no moment without `output/` to
recover from.

One build at a time per checkout: a build holds an exclusive lock
(`.output.kunci`, an advisory `flock`, released by the system when the
process dies) from before it writes until after the switch. A second build
(`invoke build` in another terminal while `invoke livereload` runs) says so
in Indonesian and waits its turn. Marked folders in `output.versi/` other
than the current one are leftovers of replaced or interrupted builds; they
are only deleted under the lock, so the only complete site is never deleted.
"""

import errno
import fcntl
import os
import shutil
import stat
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ..model import messages

MADE = ".portal"       # beside a build folder: this portal made it
COMPLETE = ".lengkap"  # beside a build folder: built and checked in full


class Refused(Exception):
    """The build folders are not as the portal left them, or cannot be
    written; the message (Indonesian) says what was found and what to do."""


def builds_dir(target):
    target = Path(target)
    return target.with_name(target.name + ".versi")


def lock_path(target):
    target = Path(target)
    return target.with_name(f".{target.name}.kunci")


def _beside(folder, suffix):
    folder = Path(folder)
    return folder.with_name(folder.name + suffix)


@contextmanager
def build_lock(target, wait=True, say=None):
    """Hold the checkout's build lock while the block runs. If another build
    holds it: tell the editor (`say`, default: print to stderr) and wait, or
    with `wait=False` raise BlockingIOError. Refused if the lock's path is
    taken by something else than a plain file (a folder, a link)."""
    path = lock_path(target)
    with _plainly(path, "membuka berkas kunci pembangunan"):
        if _exists(path) and not stat.S_ISREG(path.lstat().st_mode):
            raise _refusal(path, "berkas kunci pembangunan")
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a link put there between the look above and now is
        # refused too, never followed to create or lock a file elsewhere.
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    with open(handle, "r+"):
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise
            (say or _tell)(f"Pembangunan situs lain sedang berjalan di folder ini; menunggu "
                           f"sampai selesai sebelum membangun {Path(target).name}/ ...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _tell(message):
    print(message, file=sys.stderr, flush=True)


def check(target):
    """Refuse (`Refused`) unless `output.versi` is missing or a folder, and
    `target` is missing or a link to a build the portal made: whatever else
    is there is not the portal's to replace. Call under the lock, before
    writing anything."""
    target, builds = Path(target), builds_dir(target)
    if _exists(builds) and not builds.is_dir():
        raise _refusal(builds, "folder hasil pembangunan")
    if _exists(target) and current(target) is None:
        raise _refusal(target, f"tautan ke hasil pembangunan di {builds.name}/")


def new_build(target):
    """An empty, marked folder for a new build (call under the lock, after
    `check`)."""
    builds = builds_dir(target)
    with _plainly(builds, "membuat folder hasil pembangunan"):
        builds.mkdir(parents=True, exist_ok=True)
        folder = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.time_ns()}"
        # The mark first: killed between the two, a mark without its folder
        # is left, which the next build removes; the other order could leave
        # a folder without a mark, which no build would ever remove.
        _beside(folder, MADE).write_text(
            "Folder di sebelah berkas ini dibuat oleh pembangunan situs portal "
            "(invoke build); portal boleh menghapusnya.\n", encoding="utf-8")
        folder.mkdir()
    return folder


def mark_complete(build):
    """Record that `build` was built and checked in full."""
    with _plainly(_beside(build, COMPLETE), "menandai hasil pembangunan"):
        _beside(build, COMPLETE).touch()


def is_complete(build):
    return _beside(build, COMPLETE).is_file()


def made_here(target, folder):
    """Whether `folder` is a build the portal made for `target`: a folder
    (not a link) right in `output.versi/`, with its mark beside it. Builds of
    portal versions before the mark carry only `.lengkap`, which only the
    portal writes too."""
    folder = Path(folder)
    return (folder.is_dir() and not folder.is_symlink()
            and folder.parent.resolve() == builds_dir(target).resolve()
            and (_beside(folder, MADE).is_file() or is_complete(folder)))


def current(target):
    """The build `target` links to, if it is one the portal made; else
    None."""
    target = Path(target)
    if not target.is_symlink():
        return None
    folder = target.resolve()
    return folder if made_here(target, folder) else None


def switch(target, build):
    """Point `target` at the complete `build`, atomically. Returns the build
    it pointed to before (or None)."""
    target, build = Path(target), Path(build)
    # Again: a build takes a while, and an editor may have put a folder or a
    # link at `target` meanwhile, which the rename would replace.
    check(target)
    previous = current(target)
    link = target.with_name(f".{target.name}.tautan-{os.getpid()}")
    with _plainly(link, "membuat tautan sementara ke hasil pembangunan baru"):
        if link.is_symlink():
            link.unlink()
        link.symlink_to(os.path.relpath(build, target.parent), target_is_directory=True)
    with _plainly(target, "mengganti tautan dengan tautan ke hasil pembangunan baru"):
        os.replace(link, target)
    return previous


def _is_mark(path):
    return path.name.endswith((MADE, COMPLETE)) and path.is_file() and not path.is_symlink()


def _marked(mark):
    """The folder `mark` is beside."""
    return mark.with_name(mark.name.removesuffix(mark.suffix))


def with_marks(build):
    """A build folder and its marks, in the order `remove` deletes them."""
    return [Path(build), _beside(build, COMPLETE), _beside(build, MADE)]


def leftovers(target):
    """What the portal's builds left: marked build folders other than the
    current one (replaced, failed or killed builds), marks without their
    folder, and temporary links of killed switches. Nothing else: an
    unmarked folder in `output.versi/` and folders beside it (`output.baru`,
    `output.lama*`) are not the portal's to delete. Call under the lock: then
    no other build is writing any of them."""
    target, builds = Path(target), builds_dir(target)
    keep = current(target)
    entries = sorted(builds.iterdir()) if builds.is_dir() else []
    found = [path for folder in entries if made_here(target, folder)
             and folder.resolve() != keep for path in with_marks(folder)]
    found += [mark for mark in entries if _is_mark(mark) and mark not in found
              and not _exists(_marked(mark))]
    found += [link for link in target.parent.glob(f".{target.name}.tautan-*")
              if link.is_symlink() and link.name.rsplit("-", 1)[1].isdigit()]
    return found


def clear(target):
    """Remove the site: `target`, if it links to a build the portal made
    (refused otherwise, as for a build), and every marked build, then
    `output.versi/` if nothing else is in it. Returns what is left there.
    Call under the lock."""
    target, builds = Path(target), builds_dir(target)
    check(target)
    with _plainly(target, "menghapus tautan ke hasil pembangunan"):
        if target.is_symlink():  # to a marked build: check() refused anything else
            target.unlink()
    remove(leftovers(target))
    others = sorted(builds.iterdir()) if builds.is_dir() else []
    if builds.is_dir() and not builds.is_symlink() and not others:
        with _plainly(builds, "menghapus folder hasil pembangunan"):
            builds.rmdir()
    return others


def remove(paths, background=False):
    """Delete `paths` (as `leftovers` and `with_marks` list them); with
    `background`, in a thread (deleting thousands of files takes seconds,
    and the live preview can reload at once). A mark is deleted only once
    its folder is gone: a folder that could not be deleted (or whose
    deletion was killed) keeps its mark and is deleted by a later build."""
    def delete():
        for path in map(Path, paths):
            if path.name.endswith((MADE, COMPLETE)):
                if _is_mark(path) and not _exists(_marked(path)):
                    path.unlink(missing_ok=True)
            elif path.is_symlink() or path.is_file():
                path.unlink(missing_ok=True)
            else:
                shutil.rmtree(path, ignore_errors=True)

    if background:
        thread = threading.Thread(target=delete, daemon=True)
        thread.start()
        return thread
    delete()
    return None


# -- what was found, in words ---------------------------------------------------------

def _exists(path):
    """Whether anything is at `path`, a dangling link included."""
    return os.path.lexists(path)


def _shown(path):
    """`path` as the editor typed it: relative to the working folder."""
    path = Path(path).absolute()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _found(path):
    """What is at `path`, in words."""
    path = Path(path)
    if path.is_symlink():
        pointed = os.readlink(path)
        if not path.exists():
            return f"tautan ke {pointed}, yang tidak ada"
        if path.resolve().parent == builds_dir(path).resolve():
            return f"tautan ke {pointed}, folder yang tidak bertanda buatan portal ({MADE})"
        return f"tautan ke {pointed}"
    if path.is_dir():
        return "folder biasa"
    if path.is_file():
        return "berkas"
    return "berkas khusus"


def _refusal(path, expected):
    return Refused(messages.say("folder-hasil-asing", path=_shown(path), found=_found(path),
                                expected=expected))


REASONS = {
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOTDIR: "salah satu foldernya ternyata berkas",
    errno.EISDIR: "ternyata folder",
    errno.EEXIST: "sudah ada",
    errno.ELOOP: "ternyata tautan",
}


@contextmanager
def _plainly(path, action):
    """OSError in the block as a `Refused` naming `path` and `action`."""
    try:
        yield
    except OSError as error:
        reason = REASONS.get(error.errno) or errno.errorcode.get(error.errno, str(error))
        raise Refused(messages.say("folder-hasil-gagal", path=_shown(path), action=action,
                                   reason=reason)) from error

"""The built site folder: never a moment without a complete site.

`output/` is a symbolic link to one complete build in `output.versi/`. A new
build is written into a folder of its own there, checked, and only then does
the link switch to it, in one atomic rename of a new link over the old one
(a directory cannot be replaced atomically; a link can). Whoever reads
`output/` (the local server, a deploy step, a reader's browser) sees the old
site or the new one, complete, and a build that fails or is killed (even
with kill -9, at any moment) leaves the link where it was.

One build at a time per checkout: a build holds an exclusive lock
(`.output.kunci`, an advisory `flock`, released by the system when the
process dies) from before it writes until after the switch. A second build
(`invoke build` in another terminal while `invoke livereload` runs) says so
in Indonesian and waits its turn. Folders in `output.versi/` other than the
current one are leftovers of replaced or interrupted builds; they are only
deleted under the lock, so the only complete site is never deleted.

A checkout whose `output/` is still a real folder (built before this
scheme) is moved into `output.versi/` once, on the first switch; that one
rename and the link that follows it are the only moment without `output/`.
"""

import fcntl
import os
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path


def builds_dir(target):
    target = Path(target)
    return target.with_name(target.name + ".versi")


def lock_path(target):
    target = Path(target)
    return target.with_name(f".{target.name}.kunci")


@contextmanager
def build_lock(target, wait=True, say=None):
    """Hold the checkout's build lock while the block runs. If another build
    holds it: tell the editor (`say`, default: print to stderr) and wait, or
    with `wait=False` raise BlockingIOError."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise
            (say or _say)(f"Pembangunan situs lain sedang berjalan di folder ini; menunggu "
                          f"sampai selesai sebelum membangun {Path(target).name}/ ...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _say(message):
    print(message, file=sys.stderr, flush=True)


def new_build(target):
    """An empty folder for a new build (call under the lock)."""
    folder = builds_dir(target) / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.time_ns()}"
    folder.mkdir(parents=True)
    return folder


def mark_complete(build):
    """Record that `build` was built and checked in full (a file beside the
    folder, so that nothing extra is published)."""
    Path(str(build) + ".lengkap").touch()


def is_complete(build):
    return Path(str(build) + ".lengkap").is_file()


def recover(target):
    """If `target` is missing (a build was killed in the one-time move of an
    old real folder), point it at the newest complete build. Call under the
    lock."""
    target = Path(target)
    if target.exists() or target.is_symlink() and current(target):
        return None
    complete = [folder for folder in sorted(builds_dir(target).glob("*"))
                if folder.is_dir() and is_complete(folder)]
    if not complete:
        return None
    if target.is_symlink():  # pointing at a folder that is gone
        target.unlink()
    switch(target, complete[-1])
    return complete[-1]


def current(target):
    """The build folder `target` points to, or None."""
    target = Path(target)
    if target.is_symlink():
        resolved = target.resolve()
        return resolved if resolved.is_dir() else None
    return None


def switch(target, build):
    """Point `target` at the complete `build`, atomically. Returns the build
    folder it pointed to before (or None)."""
    target, build = Path(target), Path(build)
    previous = current(target)
    link = target.with_name(f".{target.name}.tautan-{os.getpid()}")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(build, target.parent), target_is_directory=True)
    if target.exists() and not target.is_symlink():
        # A real folder from before this scheme: it becomes a build folder
        # (the one moment without `target`, once per checkout; `recover`
        # restores the link if a build is killed right then).
        previous = builds_dir(target) / f"sebelumnya-{time.time_ns()}"
        previous.parent.mkdir(parents=True, exist_ok=True)
        target.rename(previous)
        mark_complete(previous)
    os.replace(link, target)
    return previous


def leftovers(target):
    """Build folders other than the current one, and the folders older
    versions of the portal left (output.baru, output.lama*). Call under the
    lock: then no other build is writing any of them."""
    target = Path(target)
    keep = current(target)
    found = [folder for folder in sorted(builds_dir(target).glob("*"))
             if folder.is_dir() and folder.resolve() != keep]
    found += [marker for marker in builds_dir(target).glob("*.lengkap")
              if Path(str(marker).removesuffix(".lengkap")) in found
              or not Path(str(marker).removesuffix(".lengkap")).exists()]
    found += [path for path in (target.with_name(target.name + ".baru"),
                                *target.parent.glob(target.name + ".lama*")) if path.is_dir()]
    found += [link for link in target.parent.glob(f".{target.name}.tautan-*")
              if link.is_symlink()]
    return found


def remove(paths, background=False):
    """Delete `paths`; with `background`, in a thread (deleting thousands of
    files takes seconds, and the live preview can reload at once)."""
    def delete():
        for path in paths:
            if Path(path).is_symlink() or Path(path).is_file():
                Path(path).unlink(missing_ok=True)
            else:
                shutil.rmtree(path, ignore_errors=True)

    if background:
        thread = threading.Thread(target=delete, daemon=True)
        thread.start()
        return thread
    delete()
    return None

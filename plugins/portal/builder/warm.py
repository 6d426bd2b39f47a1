"""A warm process for the live preview's builds."""

import importlib
import os
import stat
import sys
import threading
import traceback
from pathlib import Path

from .. import cores
from . import resident


class WarmPelican:
    """Builds for the live preview, each in a forked copy of this process,
    which has imported Pelican and the plugins `settings` names (PLUGINS)
    once, as Pelican will load them: a build then starts without half a
    second of imports, and still from a fresh plugin state (the copy's), as
    a subprocess would. When a plugin's code changes, what this process
    imported is stale, and builds run as subprocesses again (``usable``)."""

    def __init__(self, settings, keep=False):
        import pelican
        from pelican.settings import read_settings

        self._pelican = pelican
        configured = read_settings(str(settings))
        plugins = [importlib.import_module(name) for name in configured.get("PLUGINS") or ()]
        self.folders = [Path(plugin.__file__).parent for plugin in plugins]
        self.code = self.stamp()
        self.keep = keep
        self.budget_mib = configured.get("PORTAL_MEMORY_MB")
        self.resident = None  # resident.Resident, kept from the last build
        # The preview asks the resident for pages on its own thread while a
        # build replaces it on another.
        self._resident_lock = threading.Lock()
        # Runs a function where forking is safe (live preview: its main
        # thread, while builds wait in another); None: here.
        self.forking = None

    def stamp(self):
        """The plugins' Python files and their modification times."""
        return sorted((path.as_posix(), path.stat().st_mtime_ns)
                      for folder in self.folders for path in folder.rglob("*.py"))

    def usable(self):
        return self.stamp() == self.code

    def run(self, args):
        """Run Pelican with command-line `args` in a forked copy; whether it
        succeeded. With `keep`, a copy whose build succeeded stays as the
        resident (resident.py) until the next build; the fork is done by
        `forking` when it is set (the preview's thread that may fork)."""
        with self._resident_lock:
            if self.resident is not None and cores.within_memory(
                    2, self.budget_mib, cores.resident_bytes(self.resident.pid)) < 2:
                # The build's process grows to about the resident's size:
                # both must fit PORTAL_MEMORY_MB, or the resident goes now.
                self._stop_resident()
        status_read, status_write = os.pipe()
        pipes = (os.pipe(), os.pipe()) if self.keep else None

        def fork():
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                os.close(status_read)
                self._build(args, status_write, pipes)  # never returns
            return pid

        try:
            pid = self.forking(fork) if self.forking is not None else fork()
        except BaseException:
            for descriptor in (status_read, status_write,
                               *(end for pipe in pipes or () for end in pipe)):
                os.close(descriptor)
            raise
        os.close(status_write)
        with os.fdopen(status_read, "rb") as status:
            built = status.read(1) == b"\0"  # nothing: the copy died
        if pipes is not None:
            (requests_read, requests_write), (replies_read, replies_write) = pipes
            os.close(requests_read)
            os.close(replies_write)
            if built:
                with self._resident_lock:
                    self._stop_resident()
                    self.resident = resident.Resident(pid, requests_write, replies_read)
                return True
            os.close(requests_write)
            os.close(replies_read)
        os.waitpid(pid, 0)
        return built

    def _build(self, args, status, pipes):
        """In the forked copy: build, say whether it succeeded, then exit or,
        kept, serve as the resident."""
        kept = None
        _let_go_of_sockets()
        if self.resident is not None:
            self.resident.let_go()  # the preview's, not this copy's
        if pipes is not None:
            (requests_read, requests_write), (replies_read, replies_write) = pipes
            os.close(requests_write)
            os.close(replies_read)
            kept = resident.capture()
        code = 1
        try:
            self._pelican.main(args)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except BaseException:  # noqa: BLE001 - shown, then the build counts as failed
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.write(status, b"\0" if code == 0 else b"\1")
            os.close(status)
            if code == 0 and kept is not None and kept.generators is not None:
                resident.serve(kept, requests_read, replies_write)  # never returns
            os._exit(code)

    def render_saved(self, paths, folder):
        """The output path of the page of the one content file in `paths`
        (all that changed) whose body was saved, rendered into `folder` by
        the resident; None when there is no resident or it cannot (the
        full rebuild then shows the change). A change the resident did not
        render means its build no longer matches the files (a title, a
        template, a photo): it is stopped, and the next build's process
        takes its place."""
        with self._resident_lock:
            if self.resident is None:
                return None
            # Which files it can render (one content file's body) is its to say.
            page = self.resident.render(paths[0], folder) if len(paths) == 1 else None
            if page is None:
                self._stop_resident()
            return page

    def stop_resident(self):
        with self._resident_lock:
            self._stop_resident()

    def _stop_resident(self):
        if self.resident is not None:
            self.resident.stop()
            self.resident = None


def _let_go_of_sockets():
    """In a forked copy of the preview: its server's sockets (the listening
    one, the browsers' connections, its loop's wake-up pair) are the
    server's. A copy that keeps them, above all the resident, which lives
    until the next build, would hold a connection the server closed
    half-open. Each is replaced by /dev/null under the same number, not
    closed: the server's objects in this copy still name those numbers,
    and a closed number could be given to a file this build opens."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir("/proc/self/fd"):
            descriptor = int(name)
            try:
                if descriptor > 2 and descriptor != null and \
                        stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                    os.dup2(null, descriptor)
            except OSError:  # the listing's own descriptor, gone by now
                continue
    except OSError:  # no /proc: nothing is let go
        pass
    finally:
        os.close(null)

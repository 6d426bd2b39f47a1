"""A warm process for the live preview's builds."""

import os
import sys
import traceback
from pathlib import Path


class WarmPelican:
    """Builds for the live preview, each in a forked copy of this process,
    which has imported Pelican and the portal's plugin once: a build then
    starts without half a second of imports, and still from a fresh plugin
    state (the copy's), as a subprocess would. When the plugin's code
    changes, what this process imported is stale, and builds run as
    subprocesses again (``usable``)."""

    def __init__(self):
        import pelican

        import portal  # the whole plugin, as Pelican will load it
        self._pelican = pelican
        self._folder = Path(portal.__file__).parent
        self._code = self._stamp(self._folder)

    @staticmethod
    def _stamp(folder):
        return sorted((path.as_posix(), path.stat().st_mtime_ns)
                      for path in folder.rglob("*.py"))

    def usable(self):
        return self._stamp(self._folder) == self._code

    def run(self, args):
        """Run Pelican with command-line `args` in a forked copy; whether it
        succeeded."""
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
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
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

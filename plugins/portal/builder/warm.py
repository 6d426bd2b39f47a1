"""A warm process for the live preview's builds."""

import importlib
import os
import sys
import traceback
from pathlib import Path


class WarmPelican:
    """Builds for the live preview, each in a forked copy of this process,
    which has imported Pelican and the plugins `settings` names (PLUGINS)
    once, as Pelican will load them: a build then starts without half a
    second of imports, and still from a fresh plugin state (the copy's), as
    a subprocess would. When a plugin's code changes, what this process
    imported is stale, and builds run as subprocesses again (``usable``)."""

    def __init__(self, settings):
        import pelican
        from pelican.settings import read_settings

        self._pelican = pelican
        plugins = [importlib.import_module(name)
                   for name in read_settings(str(settings)).get("PLUGINS") or ()]
        self.folders = [Path(plugin.__file__).parent for plugin in plugins]
        self.code = self.stamp()

    def stamp(self):
        """The plugins' Python files and their modification times."""
        return sorted((path.as_posix(), path.stat().st_mtime_ns)
                      for folder in self.folders for path in folder.rglob("*.py"))

    def usable(self):
        return self.stamp() == self.code

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

"""The guard that keeps the tests away from the editors' content/.

conftest.py installs it in the tests' own process and puts this folder first
on PYTHONPATH, naming content/ in PORTAL_TESTS_EDITORS_CONTENT: every Python
process a test starts with the tests' environment (Pelican, invoke, a bench
script, and their own children) imports this file at start-up (Python's
``sitecustomize``) and is guarded too. A process started with an environment
of its own, or a program that is not Python (Node, Chromium, git), is not."""

import os
import sys
from pathlib import Path

ENVIRONMENT = "PORTAL_TESTS_EDITORS_CONTENT"


class EditorsContentRead(RuntimeError):
    """Not an OSError: pathlib's glob and os.walk would swallow that."""


def guard(editors_content):
    """An audit hook (sys.addaudithook) that raises EditorsContentRead when
    the process opens or lists a path inside `editors_content`, or starts a
    process naming one or working in one."""
    editors_content = Path(os.path.abspath(editors_content))

    def inside(path, cwd=None):
        try:
            return Path(os.path.abspath(os.path.join(os.fsdecode(cwd or os.getcwd()),
                                                     os.fsdecode(path)))
                        ).is_relative_to(editors_content)
        except (TypeError, ValueError):
            return False

    def hook(event, args):
        cwd = None
        named = args[0] if args and isinstance(args[0], (str, bytes, os.PathLike)) else None
        if event == "open" and named is not None:
            # os.open (its mode is None here) takes a name relative to a
            # directory descriptor as well (shutil.rmtree opens "content"
            # inside a temporary copy): only its absolute names tell where
            # they point. open() and pathlib (a mode) have no descriptor, so
            # a relative name is relative to the working directory.
            if len(args) > 1 and args[1] is None and not os.path.isabs(os.fsdecode(named)):
                return
            paths = [named]
        elif event in ("os.scandir", "os.listdir") and named is not None:
            # A name (never a descriptor, which `named` leaves out) is
            # relative to the working directory.
            paths = [named]
        elif event == "subprocess.Popen":
            command = args[1] if isinstance(args[1], (list, tuple)) else [args[1]]
            paths = [part for part in command if isinstance(part, (str, bytes, os.PathLike))]
            cwd = args[2]
            if cwd is not None:
                paths.append(cwd)
        else:
            return
        for path in paths:
            if inside(path, cwd):
                raise EditorsContentRead(f"tests must not read the editors' content/ ({path}); "
                                         "build from tests/fixtures/ instead")

    return hook


if os.environ.get(ENVIRONMENT):
    sys.addaudithook(guard(os.environ[ENVIRONMENT]))

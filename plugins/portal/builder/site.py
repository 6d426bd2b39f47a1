"""One build of the whole site, as `invoke build`, `publish` and the live
preview run it: Pelican builds into a folder of its own beside the live
site, the built site is checked, and only then does the live site's name
point at it (swap.py). A failed, checked-out or killed build leaves the
live site exactly as it was, and one build runs at a time."""

import json
import subprocess
import sys
from pathlib import Path

from . import swap


class BuildFailed(Exception):
    """The build or its checks failed, or the builds folder is not as the
    portal left it: the message says what, for the editor."""


def pelican_args(content, settings, output, overrides=None):
    """Pelican's command line for building `content` into `output` with
    `overrides` replacing settings."""
    args = [str(content), "-s", str(settings), "-o", str(output), "--fatal", "warnings"]
    if overrides:
        # One -e with every pair: Pelican keeps only the last of several.
        args += ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    return args


def run_pelican(args, warm=None):
    """Run Pelican: in a new interpreter (a fresh plugin state every time),
    or with `warm` (a warm.WarmPelican) in a forked copy of this process;
    whether it succeeded."""
    if warm is not None and warm.usable():
        return warm.run(args)
    # What this process printed comes first, also where its output is a pipe.
    sys.stdout.flush()
    sys.stderr.flush()
    return subprocess.run([sys.executable, "-m", "pelican", *args]).returncode == 0


def build_and_swap(content, settings, target, overrides=None, check=None,
                   remove_old_later=False, warm=None):
    """Build `content` with `settings` beside `target`, check it with
    `check` (the built folder -> a list of problems; None: not checked),
    then make `target` the new site.

    With `remove_old_later` (the live preview, a long-running process) the
    replaced site is deleted in the background: deleting thousands of files
    takes seconds, and the browser can reload as soon as the switch is done."""
    target = Path(target)
    try:
        with swap.build_lock(target):
            swap.check(target)
            swap.remove(swap.leftovers(target))
            fresh = swap.new_build(target)
            # Pages that did not change are carried over from the site being
            # replaced (incremental.py), never written into it.
            previous = swap.current(target)
            if previous is not None and swap.is_complete(previous):
                overrides = {**(overrides or {}), "INCREMENTAL_FROM": str(previous)}
            if not run_pelican(pelican_args(content, settings, fresh, overrides), warm):
                swap.remove(swap.with_marks(fresh))
                raise BuildFailed(f"Pembangunan situs gagal; {target.name}/ tidak diubah.")
            problems = check(fresh) if check is not None else []
            if problems:
                swap.remove(swap.with_marks(fresh))
                raise BuildFailed("\n".join(problems) + f"\nPemeriksaan hasil gagal; "
                                  f"{target.name}/ tidak diubah.")
            swap.mark_complete(fresh)
            previous = swap.switch(target, fresh)
            if previous is not None:
                swap.remove(swap.with_marks(previous), background=remove_old_later)
    except swap.Refused as refusal:
        # The builds folder is not as the portal left it, or cannot be
        # written: the editor reads what was found, not a traceback.
        raise BuildFailed(str(refusal)) from None
    print(f"Situs dibangun di {target}/")

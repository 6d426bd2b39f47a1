"""What a process and its descendants hold in memory (Linux /proc), for the
benchmarks that sample a build or the live preview."""

from pathlib import Path


def tree(pid):
    """`pid` and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in children.read_text().split()]
            except OSError:
                pass
    return found


def memory_of_tree(pid):
    """MiB of memory the process tree uses: the sum of each process's
    proportional set size, so pages a forked worker shares with its parent
    count once."""
    return sum(pss_kib(member) for member in tree(pid)) / 1024


def pss_kib(pid):
    """One process's proportional set size in KiB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0

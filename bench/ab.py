"""Paired timing of two commands: A B A B ..., so that a machine whose load
changes during the runs (a shared machine) slows both sides alike.

    .venv/bin/python bench/ab.py --runs 3 --a 'COMMAND A' --b 'COMMAND B' [--before 'COMMAND']

Each command is split as a shell splits words and run without a shell;
`--before` runs (untimed) before each timed command, e.g. to empty an output
folder and a cache for cold builds. For each side it prints wall and CPU
seconds (the command and every process it waited for, from the kernel's
accounting) of every run and their median, and the median of the pairwise
ratios A ÷ B, which is the figure to quote on a loaded machine.
"""

import argparse
import os
import shlex
import statistics
import subprocess
import time


def run(command):
    """(wall seconds, CPU seconds) of `command`, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed:\n{stderr[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    parser.add_argument("--before", help="run untimed before each timed command")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = {"A": [], "B": []}
    for number in range(args.runs):
        for side, command in (("A", args.a), ("B", args.b)):
            if args.before:
                subprocess.run(shlex.split(args.before), check=True)
            results[side].append(run(command))
            wall, cpu = results[side][-1]
            print(f"run {number + 1} {side}: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    for side in ("A", "B"):
        walls = [wall for wall, _ in results[side]]
        cpus = [cpu for _, cpu in results[side]]
        print(f"{side}: median {statistics.median(walls):.1f} s wall, "
              f"{statistics.median(cpus):.1f} s CPU")
    for index, name in ((0, "wall"), (1, "CPU")):
        ratios = [a[index] / b[index] for a, b in zip(results["A"], results["B"], strict=True)]
        print(f"A ÷ B ({name}), median of pairs: {statistics.median(ratios):.2f} "
              f"({', '.join(f'{ratio:.2f}' for ratio in ratios)})")


if __name__ == "__main__":
    main()

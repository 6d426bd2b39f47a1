"""How many processes the build uses: one per core, as many page writers as
the memory budget holds (cores.py)."""

import os

import pytest

from portal import cores

MIB = 2**20


def test_the_count_is_the_setting_else_one_per_core():
    assert cores.count(3) == 3
    assert cores.count("2") == 2
    assert cores.count() == (os.cpu_count() or 1)
    assert cores.count(0) == (os.cpu_count() or 1)


def test_writers_fit_the_memory_budget():
    # Each writer grows to half again what the main process held at the fork.
    assert cores.within_memory(2, 4096, held=1024 * MIB) == 2  # 2 x 1.5 GiB <= 4 GiB
    assert cores.within_memory(2, 4096, held=1500 * MIB) == 1  # 2 x 2.2 GiB > 4 GiB
    assert cores.within_memory(8, 4096, held=512 * MIB) == 5
    # Never fewer than one, whatever the budget.
    assert cores.within_memory(2, 1, held=100 * MIB) == 1
    assert cores.within_memory(1, 4096, held=8192 * MIB) == 1


def test_no_budget_or_no_reading_means_no_limit():
    assert cores.within_memory(4, 0, held=100_000 * MIB) == 4
    assert cores.within_memory(4, None, held=100_000 * MIB) == 4
    assert cores.within_memory(4, 1, held=0) == 4


def test_this_process_is_measured():
    # On Linux (where the build runs) the resident size of a Python
    # process is at least a few megabytes.
    assert cores.resident_bytes() > 5 * MIB


def _pid(item):
    return item * 2, os.getpid()


def test_waiting_work_forks_while_copies_fit_else_runs_on_threads():
    # With room for a copy per worker: forked processes. Without (a 1 MiB
    # budget): threads of this process. Either way the results come in the
    # items' order.
    forked = cores.map_waiting(_pid, range(6), workers=2, budget_mib=0)
    assert [value for value, _ in forked] == [0, 2, 4, 6, 8, 10]
    assert os.getpid() not in {pid for _, pid in forked}
    threaded = cores.map_waiting(_pid, range(6), workers=2, budget_mib=1)
    assert threaded == [(item * 2, os.getpid()) for item in range(6)]


def test_an_error_in_waiting_work_reaches_the_caller():
    def fail(item):
        if item == 3:
            raise ValueError("bagian 3")
        return item

    with pytest.raises(ValueError, match="bagian 3"):
        cores.map_waiting(fail, range(5), workers=2, budget_mib=1)

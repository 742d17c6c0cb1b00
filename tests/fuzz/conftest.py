"""Hostile-input fuzzing: one deterministic, bounded hypothesis profile, and a hard time budget.

CI runs the ``fuzz`` profile: derandomized, no example database, a modest number of examples,
so a run is the same everywhere and the folder stays well under a minute. For a deeper local
search, run with ``WORKBENCH_FUZZ=deep`` (random seeds, 2000 examples a test, or as many as
``WORKBENCH_FUZZ_EXAMPLES`` says).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from types import FrameType

import pytest
from hypothesis import HealthCheck, settings

_SHARED = {"deadline": None, "database": None, "print_blob": True,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture]}
settings.register_profile("fuzz", max_examples=100, derandomize=True, **_SHARED)
settings.register_profile("fuzz-deep", derandomize=False, **_SHARED,
                          max_examples=int(os.environ.get("WORKBENCH_FUZZ_EXAMPLES", "2000")))

# Processor seconds, not wall-clock ones: a reader that hangs spins (these readers only parse bytes
# in memory), while a test that merely waits its turn on a loaded machine uses none. A wall-clock
# alarm failed four sound tests when eight jobs shared two cores.
TEST_BUDGET_SECONDS = 45  # one hanging reader fails its test instead of stalling CI


class BudgetExceeded(BaseException):
    """Not an Exception, so hypothesis does not replay (and shrink) a hanging example."""


@pytest.fixture(autouse=True)
def time_budget() -> Iterator[None]:
    """Fail a fuzz test that spends more than its budget of processor time: a reader that hangs
    is a bug."""
    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise BudgetExceeded(f"the fuzz test used more than {TEST_BUDGET_SECONDS} s of processor "
                             "time; the traceback shows where a reader hangs")

    budget = 0 if os.environ.get("WORKBENCH_FUZZ") == "deep" else TEST_BUDGET_SECONDS
    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)

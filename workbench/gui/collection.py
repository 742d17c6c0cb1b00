"""Keeping Python's cyclic garbage collector out of the way of the user's actions.

* Once the window is up, everything alive (the libraries' modules, Qt wrappers, the open
  project) is frozen out of the collector's sight: a full collection then walks only what was
  made since, not the start-up's hundred thousand objects (pauses of 0.1-0.4 s before).
* During an action (a coding, opening a document) the collector is paused; it resumes on the
  next turn of the event loop, after the action has been drawn, and catches up then.
Reference counting frees almost everything as before; only cycles wait.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer

from workbench.core.start_up import release_collection

_paused = 0


def freeze_start_up_objects() -> None:
    """Once the window is up (and the collector back on, if its start held it off)."""
    gc.collect()
    gc.freeze()
    release_collection()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection inside; it resumes once the event loop turns again."""
    global _paused
    if _paused == 0 and not gc.isenabled():  # someone else switched it off: leave it so
        yield
        return
    _paused += 1
    gc.disable()
    try:
        yield
    finally:
        QTimer.singleShot(0, _resume)


def _resume() -> None:
    global _paused
    _paused -= 1
    if _paused == 0:
        gc.enable()

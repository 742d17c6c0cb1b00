"""A process's start without Python's cyclic garbage collector (issue 9: a command line that
starts at once, the window usable in 1.5 s).

Starting imports SQLAlchemy, our models and (for the window) PySide6: a few hundred thousand
objects that live until the process ends. While they are made, the collector runs about 140
times, a full pass among them, and frees next to nothing: 8% of ``workbench info``'s processor
time. So a process holds the collector off while it starts, and lets it go once it is up: what
exists then is frozen out of its sight (``gc.freeze``), so later collections walk only what was
made since. Reference counting frees everything as before meanwhile; only cycles wait.

Only a process's own entry points call these (``workbench`` with no ``argv`` given, the window's
start): a caller of :func:`workbench.cli.main` with arguments (the tests) keeps its collector.
"""

from __future__ import annotations

import gc

_held = False


def hold_collection() -> None:
    """Switch the collector off until :func:`release_collection` (if it is on)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collection() -> None:
    """The process is up: if :func:`hold_collection` switched the collector off, freeze what
    exists now and switch it back on."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()

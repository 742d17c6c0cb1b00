"""Calling a function once on the next turn of the event loop, however often it is asked for.

Panels refresh this way after a change: what the user acted on is drawn first, and a burst of
changes (an undo of many steps, a bulk coding) refreshes a list once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


class DeferredCall:
    def __init__(self, function: Callable[[], None]) -> None:
        self._function = function
        self.pending = False

    def __call__(self) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self.pending = False
        self._function()

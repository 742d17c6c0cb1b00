"""Catching the unexpected: an exception nobody handled is logged and shown, not lost on stderr.

A slot that raises would otherwise print to a terminal the researcher never sees. The hooks log
the traceback to the log file and show the crash dialog through the prompts seam. The project
stays open: every service runs in one transaction, so the failed action was rolled back before
the exception got here.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from workbench.core.logs import configure_logging
from workbench.gui.context import AppContext
from workbench.gui.dialogs.crash_dialog import CrashReport
from workbench.gui.prompts import Prompts

log = logging.getLogger("workbench.crash")


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; :meth:`uninstall` restores them."""

    _reported = Signal(object)  # CrashReport; queued, so a worker thread's crash shows in the GUI

    def __init__(self, prompts: Prompts, log_file: Path | None,
                 parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self.prompts = prompts
        self.log_file = log_file
        self.parent_widget = parent_widget
        self.reports: list[CrashReport] = []
        self._showing = False
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hooks[0]
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_hooks[1]

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hooks[0](kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        log.error("Unexpected error\n%s", details.rstrip())
        summary = f"{kind.__name__}: {error}" if str(error) else kind.__name__
        report = CrashReport(summary, details, self.log_file)
        self.reports.append(report)
        self._reported.emit(report)

    def _handle_thread(self, arguments: threading.ExceptHookArgs) -> None:
        if arguments.exc_value is not None:
            self.handle(arguments.exc_type, arguments.exc_value, arguments.exc_traceback)

    def _show(self, report: CrashReport) -> None:
        if self._showing:  # a second error while the dialog is open: logged, not stacked
            return
        self._showing = True
        try:
            self.prompts.crash(self.parent_widget(), report)
        finally:
            self._showing = False


def install_crash_handler(context: AppContext) -> CrashHandler:
    """Start logging to the log file and catch what nobody handled (the window does this)."""
    log_file = configure_logging()
    log.info("Coding Workbench started; logging to %s", log_file)
    return CrashHandler(context.prompts, log_file, lambda: context.window).install()

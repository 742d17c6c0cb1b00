"""Where the application writes its log, and setting that log up (no Qt here).

A researcher never sees stderr, so the window logs to a rotating file in the user's data folder
and the crash dialog names that file. ``$WORKBENCH_LOG_DIR`` chooses another folder (tests use
it); ``WORKBENCH_DEBUG=1`` also logs the details (level DEBUG).
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIR_VARIABLE = "WORKBENCH_LOG_DIR"
DEBUG_VARIABLE = "WORKBENCH_DEBUG"
LOG_FILE_NAME = "workbench.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 3  # workbench.log.1 ... .3: a few sessions back, never more than 4 MB in all
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """The folder for log files, following each system's custom for an application's logs."""
    chosen = os.environ.get(LOG_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base or home / "AppData" / "Local") / "Coding Workbench" / "logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "Coding Workbench"
    base = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(base) / "coding-workbench" / "logs"


def debug_requested() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "").strip() not in ("", "0")


class _WorkbenchFileHandler(RotatingFileHandler):
    """Our handler's own type, so configuring twice replaces it rather than adding another."""


def configure_logging(directory: Path | None = None) -> Path | None:
    """Send the ``workbench`` loggers to a rotating file and return its path.

    Returns None when the folder cannot be made (a read-only home, say): the application runs on
    without a log rather than refusing to start.
    """
    unconfigure_logging()
    logger = logging.getLogger("workbench")
    logger.setLevel(logging.DEBUG if debug_requested() else logging.INFO)
    folder = directory or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _WorkbenchFileHandler(folder / LOG_FILE_NAME, maxBytes=MAX_BYTES,
                                        backupCount=KEEP_FILES, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    return folder / LOG_FILE_NAME


def unconfigure_logging() -> None:
    """Close the log file (tests and a closing window call this; the file handle is let go)."""
    logger = logging.getLogger("workbench")
    for handler in [h for h in logger.handlers if isinstance(h, _WorkbenchFileHandler)]:
        logger.removeHandler(handler)
        handler.close()

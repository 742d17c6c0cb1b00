"""The PySide6 pin (pyproject.toml): on Python 3.11, PySide6 6.12.0 aborts the process after a
few thousand QTextCursor calls. The peer-tool baseline of bench_gui.py makes exactly such calls,
so a fresh process making ten thousand of them must finish cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_CURSOR_CALLS = """
import pytest
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
editor = QPlainTextEdit()
editor.setPlainText("samen koken in de buurt\\n" * 100)
cursor = QTextCursor(editor.document())
for n in range(10000):
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#E3A197" if n % 2 else "#6997D7"))
    cursor.setPosition((n * 37) % 2000)
    cursor.setPosition((n * 37) % 2000 + 40, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
print("done")
"""


@pytest.mark.slow  # ten thousand cursor calls in a fresh process
def test_thousands_of_text_cursor_calls_finish_cleanly() -> None:
    completed = subprocess.run([sys.executable, "-c", _CURSOR_CALLS], capture_output=True,
                               text=True, timeout=300,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (completed.returncode, completed.stdout.strip()) == (0, "done"), completed.stderr

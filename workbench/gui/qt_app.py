"""The running application object, typed as the widget application it is.

Qt declares ``QApplication.instance()`` as returning the base ``QCoreApplication`` (or None);
the window always runs a ``QApplication``, and code that styles widgets needs that type.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The QApplication; a RuntimeError when none (or a non-widget one) is running."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("No QApplication is running.")
    return app


def application_or_new(argv: list[str]) -> QApplication:
    """The running QApplication, or a new one made from ``argv``."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(argv)

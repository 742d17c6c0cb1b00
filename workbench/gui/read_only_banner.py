"""The bar above the document that says a project is open read-only, why, and how to edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.gui.i18n import tr


class ReadOnlyBanner(QFrame):
    """Hidden while the project can be changed; otherwise one sentence and a retry button."""

    retryRequested = Signal()  # the user asks to open the project for editing again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Amber with dark text: reads as "take note", not as an error, in light and dark themes.
        self.setStyleSheet("#readOnlyBanner { background: #fff3cd; border: 1px solid #e0b84c; }"
                           "#readOnlyBanner QLabel { color: #4d3800; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(tr("Try editing again"))
        self.retry_button.setToolTip(tr("Open the project for editing, if the other window or "
                                        "program has closed it"))
        self.retry_button.clicked.connect(self.retryRequested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_reason(self, reason: str | None) -> None:
        """Show why the project is read-only; None hides the banner."""
        if reason is None:
            self.hide()
            return
        self.label.setText(tr("<b>Read-only</b> because {0}. You can read, search and export; "
                              "changes are disabled.").format(_escape(reason)))
        self.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

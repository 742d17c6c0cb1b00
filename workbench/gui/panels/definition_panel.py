"""The selected code's definition, kept in sight while coding (a dock beside the codebook)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from workbench.core.queries.listing import CodeDetails, code_details
from workbench.core.services.changes import Changes
from workbench.gui.code_names import shown_name, shown_path
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr


class DefinitionPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code_id: int | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("definitionText")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        context.codesSelected.connect(self.show_codes)
        context.changed.connect(self._on_changed)
        context.projectClosed.connect(lambda: self.show_code(None))
        self.show_code(None)

    def show_codes(self, code_ids: list[int]) -> None:
        self.show_code(code_ids[0] if code_ids else None)

    def show_code(self, code_id: int | None) -> None:
        self.code_id = code_id
        details = None
        if code_id is not None and self.context.project is not None:
            with self.context.reading() as session:
                details = code_details(session, code_id)
        self.browser.setHtml(definition_html(details))

    def _on_changed(self, changes: Changes) -> None:
        if self.code_id is not None and "code" in changes.kinds:
            self.show_code(self.code_id)

    def text(self) -> str:
        return self.browser.toPlainText()


def definition_html(details: CodeDetails | None) -> str:
    if details is None:
        return "<p><i>" + html.escape(tr("Select a code to see its definition here.")) + "</i></p>"
    parts = [f"<h3><span style='color:{details.colour}'>■</span> "
             f"{html.escape(shown_name(details.name))}</h3>"]
    if "/" in details.path:
        parts.append(f"<p><small>{html.escape(shown_path(details.path, '/').replace('/', ' › '))}"
                     "</small></p>")
    fields = ((tr("Definition"), details.definition), (tr("When to use"), details.when_to_use),
              (tr("When not to use"), details.when_not_to_use), (tr("Example"), details.example))
    for title, text in fields:
        if text.strip():
            body = html.escape(text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(title)}</b><br>{body}</p>")
    if len(parts) <= 2:
        parts.append(
            "<p><i>" + html.escape(tr("No definition yet: Codes › Edit adds one.")) + "</i></p>"
        )
    return "".join(parts)

"""The document in the middle of the window: text, highlights, stripes, and coding from it."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QPalette, QTextBlock, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from workbench.core.errors import WorkbenchError
from workbench.core.queries.code_tree import codable_code_paths
from workbench.core.queries.document_view import (
    DocumentForView,
    TurnLabel,
    document_codings,
    load_document,
    turn_labels,
)
from workbench.core.services.changes import Changes
from workbench.core.services.codings import recode, remove_coding, set_coding_memo, set_coding_range
from workbench.gui.code_menu import CodeMenu
from workbench.gui.collection import collection_paused
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.document_view.colours import Scheme
from workbench.gui.document_view.highlighter import CodingHighlighter
from workbench.gui.document_view.layers import CodingLayers, ShownCoding
from workbench.gui.document_view.stripes import CodingStripes
from workbench.gui.document_view.text_edit import PassageTextEdit
from workbench.gui.i18n import number, tr
from workbench.gui.text_positions import PositionMap


class DocumentView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document: DocumentForView | None = None
        self.turn_labels: list[TurnLabel] = []
        self.positions = PositionMap("")
        self.header = QLabel(tr("Open a document from the cases on the left."))
        self.header.setObjectName("documentHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.editor = PassageTextEdit()
        self.highlighter = CodingHighlighter(self.editor.document())
        self.stripes = CodingStripes(self.editor)
        self.editor.resized.connect(self.stripes.place)
        self.editor.paletteChanged.connect(self._apply_palette)
        # Blocks scrolled into view are highlighted as they come, before their paint: done
        # within the paint (the fallback, after a relayout), Qt paints the text a second time.
        self.editor.verticalScrollBar().valueChanged.connect(self.highlight_visible)
        self.editor.resized.connect(self.highlight_visible)
        self.editor.aboutToPaint.connect(self.highlight_visible)
        self._palette_colours: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None
        self._apply_palette(rehighlight=False)
        self._build_layout()
        self.editor.passage_payload = self._passage_payload
        self.editor.tooltip_for = self._tooltip_for
        self.editor.selectionChanged.connect(self._publish_selection)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        self.stripes.codingClicked.connect(self.select_coding)
        context.documentRequested.connect(self.show_document)
        context.changed.connect(self._on_changed)
        context.projectClosed.connect(self.clear)

    def _build_layout(self) -> None:
        self.header.setContentsMargins(10, 6, 10, 6)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.editor, 1)  # the stripes sit inside it, left of its scroll bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    # -- the palette (light or dark) -------------------------------------------------------------

    def _apply_palette(self, rehighlight: bool = True) -> None:
        """Highlights, speakers and stripes derived for the editor's page and ink colours."""
        palette = self.editor.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        scheme = Scheme(
            (base.red(), base.green(), base.blue()), (text.red(), text.green(), text.blue())
        )
        if (scheme.base, scheme.text) == self._palette_colours:
            return
        self._palette_colours = (scheme.base, scheme.text)
        self.highlighter.set_scheme(scheme)
        self.stripes.set_scheme(scheme)
        if rehighlight and self.document is not None:
            self._rehighlight()

    # -- showing a document ------------------------------------------------------------------

    def show_document(self, document_id: int, start: int = -1, end: int = -1) -> None:
        if self.document is None or self.document.id != document_id:
            try:
                with self.context.reading() as session:
                    document = load_document(session, document_id)
                    labels = turn_labels(session, document_id, document.text)
            except WorkbenchError as error:
                self.context.prompts.error(self, str(error))
                return
            with collection_paused():  # thousands of codings: no full collection meanwhile
                self._set_text(document, labels)
        if start >= 0 and end > start:
            self.select_range(start, end)

    def _set_text(self, document: DocumentForView, labels: list[TurnLabel]) -> None:
        self.document = document
        self.turn_labels = labels
        self.positions = PositionMap(document.text)
        self.editor.positions = self.positions
        self.editor.plain_text = document.text
        self.highlighter.set_layers(self._layers())  # before the text: highlighted once
        to_qt = self.positions.to_qt
        self.highlighter.set_turn_labels(
            [(to_qt(label.speaker_start), to_qt(label.speaker_end), False) for label in labels]
            + [(to_qt(label.time_start), to_qt(label.time_end), True) for label in labels])
        self.stripes.set_layers(self.highlighter.layers)  # its width first: laid out once
        with self.highlighter.later():
            self.editor.setPlainText(document.text)
        self.highlight_visible()
        words = tr("words")  # (outside the f-string, where pyside6-lupdate finds it)
        self.header.setText(
            f"<b>{html.escape(document.title)}</b> &nbsp;·&nbsp; {html.escape(document.case)}"
            f" &nbsp;·&nbsp; {tr(document.kind)}"
            f" &nbsp;·&nbsp; {number(document.word_count)} {words}"
        )

    def clear(self) -> None:
        self.document = None
        self.turn_labels = []
        self.highlighter.set_layers(CodingLayers())
        self.highlighter.set_turn_labels([])
        with self.highlighter.later():
            self.editor.setPlainText("")
        self.stripes.set_layers(self.highlighter.layers)
        self.header.setText(tr("Open a document from the cases on the left."))

    def _shown(self, coding_ids: list[int] | None = None) -> list[ShownCoding]:
        if self.document is None:
            return []
        with self.context.reading() as session:
            rows = document_codings(session, self.document.id, coding_ids)
        if self.positions.plain:  # no character outside the BMP: the positions are Qt's already
            return rows
        to_qt = self.positions.to_qt
        return [row._replace(start=to_qt(row.start), end=to_qt(row.end)) for row in rows]

    def _layers(self) -> CodingLayers:
        return CodingLayers(self._shown())

    def reload_codings(self) -> None:
        """Re-read every coding of the document and recolour it (after codebook changes)."""
        self.highlighter.set_layers(self._layers())
        self._rehighlight()
        self.stripes.set_layers(self.highlighter.layers)

    def _rehighlight(self) -> None:
        """Every block again: those on screen now, the others when they are shown."""
        with self.highlighter.later():
            self.highlighter.rehighlight()
        self.highlight_visible()

    def highlight_visible(self) -> None:
        """Highlight the blocks on screen that a whole-document pass left for later."""
        self.highlighter.highlight_blocks(self._visible_blocks())

    def _visible_blocks(self) -> list[QTextBlock]:
        editor = self.editor
        block, offset = editor.firstVisibleBlock(), editor.contentOffset()
        height = editor.viewport().height()
        shown = []
        while block.isValid():
            shown.append(block)
            if editor.blockBoundingGeometry(block).translated(offset).bottom() > height:
                break
            block = block.next()
        return shown

    def update_codings(self, coding_ids: list[int]) -> None:
        """Re-read just these codings and recolour the blocks they touch (after a coding action).

        Blocks off screen are left for when they are shown, as after opening the document: Qt
        repaints the whole text for any block rehighlighted, on screen or not. The margin is
        drawn again only if a changed coding is on screen or the lanes changed."""
        layers = self.highlighter.layers
        lanes = layers.lane_count
        dirty = layers.replace(coding_ids, self._shown(coding_ids))
        shown = self._visible_blocks()
        first, last = (shown[0], shown[-1]) if shown else (QTextBlock(), QTextBlock())
        document = self.editor.document()
        touched: dict[int, QTextBlock] = {}
        for start, end in dirty:
            block = document.findBlock(start)
            while block.isValid() and block.position() < max(end, start + 1):
                touched.setdefault(block.blockNumber(), block)
                block = block.next()
        for index, block in sorted(touched.items()):
            if shown and first.blockNumber() <= index <= last.blockNumber():
                self.highlighter.rehighlightBlock(block)
            else:
                self.highlighter.highlight_later(block)
        seen = (first.position(), last.position() + last.length()) if shown else (0, 0)
        if layers.lane_count != lanes or any(start < seen[1] and end > seen[0]
                                             for start, end in dirty):
            self.stripes.set_layers(layers)
        else:
            self.stripes.layers = layers  # the same codings on screen: the margin stays as drawn

    def _on_changed(self, changes: Changes) -> None:
        if self.document is None:
            return
        if any(ref.kind == "document" and ref.id == self.document.id for ref in changes.deleted):
            self.clear()
        elif changes.kinds & {"code", "document"}:
            self.reload_codings()
        elif "coding" in changes.kinds:
            refs = (*changes.created, *changes.updated, *changes.deleted)
            self.update_codings(sorted({ref.id for ref in refs if ref.kind == "coding"}))

    # -- selection -----------------------------------------------------------------------------

    def select_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view."""
        qt_start, qt_end = self.positions.range_to_qt(start, end)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return self.positions.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def select_coding(self, coding_id: int) -> None:
        for coding in self.highlighter.layers.codings:
            if coding.id == coding_id:
                self.select_range(*self.positions.range_from_qt(coding.start, coding.end))
                return

    def _publish_selection(self) -> None:
        selected = self.selected_range()
        if self.document is None or selected is None:
            self.context.set_selection(None)
        else:
            self.context.set_selection(TextSelection(self.document.id, *selected))

    def _passage_payload(self) -> dict | None:
        selected = self.selected_range()
        if self.document is None or selected is None:
            return None
        return {"document_id": self.document.id, "start": selected[0], "end": selected[1]}

    # -- tooltips and the context menu ---------------------------------------------------------

    def _tooltip_for(self, qt_position: int) -> str:
        position = self.positions.from_qt(qt_position)
        lines = [tr("Speaker turn: {0}").format(html.escape(label.speaker))
                 + (f" · {html.escape(label.timestamp)}" if label.timestamp else "")
                 for label in self.turn_labels
                 if min(label.speaker_start, label.time_start) <= position
                 < max(label.speaker_end, label.time_end)]
        for coding in self.highlighter.layers.codings_at(qt_position):
            memo = f"<br><i>{html.escape(coding.memo)}</i>" if coding.memo else ""
            lines.append(f"<span style='color:{coding.colour}'>■</span> "
                         f"<b>{html.escape(coding.code)}</b> · {html.escape(coding.coder)}{memo}")
        return "<br>".join(lines)

    def _context_menu(self, point: QPoint) -> None:
        self.build_context_menu(point).exec(self.editor.viewport().mapToGlobal(point))

    def build_context_menu(self, point: QPoint) -> QMenu:
        menu = self.editor.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addMenu(CodeMenu(self.context, menu))  # any code, recent first, new, in vivo
        position = self.editor.cursorForPosition(point).position()
        for coding in self.highlighter.layers.codings_at(position):
            menu.addSeparator()
            menu.addAction(self._fit_action(menu, coding))
            menu.addAction(self._recode_action(menu, coding))
            menu.addAction(self._memo_action(menu, coding))
            menu.addAction(self._remove_action(menu, coding))
        return menu

    def _remove_action(self, menu: QMenu, coding: ShownCoding) -> QAction:
        action = QAction(tr("Remove coding: {0} ({1})").format(coding.code, coding.coder), menu)
        action.triggered.connect(lambda: self.context.run(remove_coding, coding.id))
        return action

    def _fit_action(self, menu: QMenu, coding: ShownCoding) -> QAction:
        """Extend or shrink a coding to the selected text."""
        action = QAction(tr("Fit coding to the selection: {0}").format(coding.code), menu)
        selected = self.selected_range()
        action.setEnabled(selected is not None)
        if selected is not None:
            action.triggered.connect(
                lambda: self.context.run(set_coding_range, coding.id, *selected)
            )
        return action

    def _recode_action(self, menu: QMenu, coding: ShownCoding) -> QAction:
        action = QAction(tr("Recode as…: {0}").format(coding.code), menu)

        def choose() -> None:
            with self.context.reading() as session:
                paths = {path: code_id for code_id, path in codable_code_paths(session).items()
                         if code_id != coding.code_id}
            chosen = self.context.prompts.choose_item(self, tr("Recode this passage as:"),
                                                      sorted(paths), tr("Recode"))
            if chosen in paths:
                self.context.run(recode, coding.id, paths[chosen])

        action.triggered.connect(choose)
        return action

    def _memo_action(self, menu: QMenu, coding: ShownCoding) -> QAction:
        action = QAction(tr("Memo on coding: {0}…").format(coding.code), menu)

        def edit() -> None:
            text = self.context.prompts.ask_text(self, tr("Memo"), tr("Memo on this coding"),
                                                 coding.memo)
            if text is not None:
                self.context.run(set_coding_memo, coding.id, text)

        action.triggered.connect(edit)
        return action

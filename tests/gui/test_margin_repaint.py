"""A coder codes passage after passage in the part of the transcript she is reading. After each
action the stripes margin is repainted only where it changed (the new bar, the labels it moved),
and what it shows is exactly what a margin drawn afresh shows. Reading on, the turns that scroll
into view are highlighted before Qt paints them, so the text is painted once, not twice."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication

from tests.helpers import randomly_coded_transcript
from workbench.core.services.codings import apply_code, remove_coding
from workbench.gui.context import AppContext
from workbench.gui.document_view import stripes
from workbench.gui.document_view.view import DocumentView

WORDS = ["samen", "buurt", "keuken", "school", "solidariteit", "mensen", "werk", "ideeën"]


def _coded_transcript(path: Path) -> tuple[str, list[int]]:
    return randomly_coded_transcript(path, seed=23, turns=150, words=WORDS, turn_words=(15, 70),
                                     codings=300, longest=500, coders=("Lotte", "Amal"))


@pytest.fixture
def view(qtbot, settings, prompts, tmp_path) -> Iterator[DocumentView]:
    _coded_transcript(tmp_path / "lang.cwb")
    context = AppContext(settings, prompts)
    assert context.open_project(tmp_path / "lang.cwb")
    shown = DocumentView(context)
    qtbot.addWidget(shown)
    shown.resize(900, 420)
    with qtbot.waitExposed(shown):
        shown.show()
    context.open_document(1)
    QApplication.processEvents()
    yield shown
    context.close_project()


def _area(region: QRegion) -> int:
    rects = cast(Iterable[QRect], region)  # a QRegion iterates over its rectangles
    return sum(rect.width() * rect.height() for rect in rects)


def _margin(view: DocumentView) -> QImage:
    return view.stripes.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_each_code_action_repaints_part_of_the_margin_and_it_equals_a_fresh_one(
        view: DocumentView, monkeypatch) -> None:
    painted: list[QRegion | None] = []
    real_paint = stripes.paint

    def spy(painter, items, background, font, area, region=None) -> None:
        painted.append(region)
        real_paint(painter, items, background, font, area, region)

    monkeypatch.setattr(stripes, "paint", spy)
    context, rng = view.context, random.Random(4)
    codes = [c.code_id for c in view.highlighter.layers.codings]
    whole = view.stripes.width() * view.stripes.height()
    scroll = view.editor.verticalScrollBar()
    for step in range(24):
        if step % 8 == 7:  # reads on: the margin follows the text
            scroll.setValue(rng.randrange(0, scroll.maximum() + 1))
            QApplication.processEvents()
        if step == 12:  # a narrower window: the lines wrap anew, the bars follow them
            view.resize(700, 420)
            QApplication.processEvents()
        visible = view.stripes.visible_range()
        start = view.positions.from_qt(rng.randrange(*visible))
        view.select_range(start, start + rng.randint(5, 120))
        QApplication.processEvents()
        painted.clear()
        lanes = view.highlighter.layers.lane_count
        if step % 3 == 2:
            on_screen = view.highlighter.layers.codings_between(*view.stripes.visible_range())
            context.run(remove_coding, rng.choice(on_screen).id)
        elif step % 5 == 4:
            context.undo_stack.undo()
        else:
            selection = view.selected_range()
            assert selection is not None
            context.run(apply_code, 1, rng.choice(codes), *selection, coder="Lotte")
        view.stripes.repaint()
        undone = step % 3 != 2 and step % 5 == 4  # (its passage may have scrolled away)
        assert painted or undone, f"the margin shows the change (step {step})"
        if view.highlighter.layers.lane_count == lanes:  # else the margin widens: drawn anew
            assert None not in painted
            assert all(_area(region) < whole / 2 for region in painted if region is not None)
        shown = _margin(view)
        view.stripes.redraw()
        assert shown == _margin(view)


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_turns_scrolled_into_view_are_highlighted_before_their_single_paint(
        view: DocumentView) -> None:
    document = view.editor.document()
    scroll = view.editor.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)  # far from the opening screen: not highlighted yet
    shown = view._visible_blocks()
    assert all(block.blockNumber() not in view.highlighter._pending for block in shown)
    assert any(block.layout().formats() for block in shown)
    counter = _PaintCounter()
    view.editor.viewport().installEventFilter(counter)
    scroll.setValue(scroll.maximum() // 2 + scroll.pageStep() * 3)
    for _ in range(3):
        QApplication.processEvents()
    view.editor.viewport().removeEventFilter(counter)
    assert counter.paints == 1
    assert document.blockCount() > len(view.highlighter._pending) > 0  # the rest still waits

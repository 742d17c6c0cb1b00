"""A heavily coded transcript (20,000 overlapping codings on one document): the stripes margin
never leaves a coding out. Each has a bar of its own, or sits in a "+n" marker that lists it on
hover and on click."""

from __future__ import annotations

import bisect
import html
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.helpers import add_case_with_document, random_interview
from workbench.core.model import Code
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codebook import create_project
from workbench.gui.context import AppContext
from workbench.gui.document_view.stripes import MAX_LANES
from workbench.gui.document_view.view import DocumentView

CODINGS = 20_000


def _dense_project(path: Path) -> None:
    rng = random.Random(9)
    words = ["samen", "buurt", "keuken", "school", "solidariteit", "mensen", "werk", "ideeën"]
    text = random_interview(rng, 1500, words, 20, 90)
    with create_project(path, codebook="solidarity") as project:
        _case, document = add_case_with_document(project, text)
        with project.reading() as session:
            codes = list(session.scalars(select(Code.id)))
        specs: list[CodingSpec] = []
        taken: dict[tuple[int, str], tuple[list[int], list[int]]] = {}
        while len(specs) < CODINGS:  # the same code by the same coder never overlaps itself
            span = rng.randint(30, 1500)
            start = rng.randrange(0, len(text) - span)
            group = (rng.choice(codes), rng.choice(("Lotte", "Youssef", "Amal")))
            starts, ends = taken.setdefault(group, ([], []))  # disjoint spans, in order
            # Of the spans starting at or before this one's end, the last ends furthest.
            before = bisect.bisect_right(starts, start + span)
            if before and ends[before - 1] >= start:
                continue
            starts.insert(before, start)
            ends.insert(before, start + span)
            specs.append(CodingSpec(document, group[0], start, start + span, group[1]))
        apply_codings(project, specs)


@pytest.mark.slow  # builds and draws 20,000 codings
def test_every_one_of_20000_codings_has_a_stripe_or_a_marker_listing_it(
        qtbot, settings, prompts, tmp_path) -> None:
    _dense_project(tmp_path / "dicht.cwb")
    context = AppContext(settings, prompts)
    assert context.open_project(tmp_path / "dicht.cwb")
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    layers = view.highlighter.layers
    assert len(layers.codings) == CODINGS and layers.lane_count > MAX_LANES

    # The whole document, as the margin places it: a bar each, or a marker that holds it.
    end = view.editor.document().characterCount()
    bars, markers = view.stripes.placement(0, end)
    in_markers = [c.id for m in markers for c in m.codings]
    assert sorted([c.id for c in bars] + in_markers) == sorted(c.id for c in layers.codings)
    assert all(layers.lane(c) < MAX_LANES for c in bars)

    # What is painted, screen by screen: every coding on screen is a bar or in a marker.
    scroll = view.editor.verticalScrollBar()
    for fraction in (0.0, 0.37, 0.8, 1.0):
        scroll.setValue(round(scroll.maximum() * fraction))
        view.stripes.repaint()
        shown = {c.id for _rect, c in view.stripes._bars}
        shown |= {c.id for _rect, m in view.stripes._markers for c in m.codings}
        on_screen = layers.codings_between(*view.stripes.visible_range())
        assert on_screen and {c.id for c in on_screen} <= shown

    # A marker says how many it holds, lists them on hover, and all of them on click.
    rect, marker = view.stripes._markers[0]
    tooltip = view.stripes.marker_tooltip(marker)
    assert f"{len(marker.codings)} more codings here" in tooltip
    assert html.escape(marker.codings[0].code.split(" (")[0]) in tooltip
    menu = view.stripes.marker_menu(marker)
    assert len(menu.actions()) == len(marker.codings)
    chosen = marker.codings[-1]
    menu.actions()[-1].trigger()
    assert view.selected_range() == view.positions.range_from_qt(chosen.start, chosen.end)
    context.close_project()


def test_the_margin_sits_between_the_text_and_its_scroll_bar(qtbot, context: AppContext) -> None:
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(900, 500)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    QApplication.processEvents()
    text_right = view.editor.viewport().geometry().right()
    stripes = view.stripes.geometry()
    assert stripes.left() == text_right + 1
    scroll_bar = view.editor.verticalScrollBar()
    if scroll_bar.isVisible():
        assert scroll_bar.geometry().left() >= stripes.right()
    view.stripes.repaint()
    rect, coding = view.stripes._bars[0]
    qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_range() == view.positions.range_from_qt(coding.start, coding.end)
    assert view.stripes.coding_at(QPoint(rect.center())) == coding

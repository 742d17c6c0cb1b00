"""A coder works through a long transcript: codes passages on and off screen, removes and recodes
codings, undoes, scrolls. The view only redoes what each action touched (the blocks on screen,
the margin if its codings changed), the codebook recounts only the codes an action touched when
it can tell which; after fifty such actions both show exactly what fresh ones show, and the
margin as shown equals the margin drawn afresh."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextBlock
from PySide6.QtWidgets import QApplication

from tests.helpers import randomly_coded_transcript
from workbench.core.queries.codings import coding_counts
from workbench.core.services.codings import apply_code, recode, remove_coding
from workbench.gui.context import AppContext
from workbench.gui.document_view.stripes import MAX_LANES
from workbench.gui.document_view.view import DocumentView
from workbench.gui.models.code_tree_model import CODINGS as COUNT_COLUMN
from workbench.gui.models.code_tree_model import CodeTreeModel

WORDS = ["samen", "buurt", "keuken", "school", "solidariteit", "mensen", "werk", "ideeën", "🍲"]


def _transcript_project(path: Path) -> tuple[str, list[int]]:
    return randomly_coded_transcript(path, seed=5, turns=120, words=WORDS, turn_words=(15, 60),
                                     codings=250, longest=600,
                                     coders=("Lotte", "Youssef", "Amal"))


def _open(qtbot, context: AppContext) -> DocumentView:
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(800, 360)  # a few turns on screen, most of the transcript off it
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    QApplication.processEvents()
    return view


def _all_blocks(view: DocumentView) -> list[QTextBlock]:
    blocks, block = [], view.editor.document().firstBlock()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def _highlights(view: DocumentView) -> list[list[tuple]]:
    """Every block's highlight (blocks left for later are highlighted first, as when shown)."""
    blocks = _all_blocks(view)
    view.highlighter.highlight_blocks(blocks)
    return [[(r.start, r.length, r.format.background().color().name(), r.format.underlineStyle(),
              r.format.fontWeight(), r.format.foreground().color().name())
             for r in block.layout().formats()] for block in blocks]


def _margin_as_shown_equals_margin_drawn_afresh(view: DocumentView) -> None:
    shown = view.stripes.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    view.stripes.redraw()
    fresh = view.stripes.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert shown == fresh


@pytest.mark.slow  # over half a second: fifty actions, each repainted and recounted
def test_fifty_actions_later_the_view_equals_a_freshly_opened_one(
        qtbot, settings, prompts, tmp_path) -> None:
    text, codes = _transcript_project(tmp_path / "lang.cwb")
    context = AppContext(settings, prompts)
    assert context.open_project(tmp_path / "lang.cwb")
    view = _open(qtbot, context)
    codebook = CodeTreeModel(context)
    scroll = view.editor.verticalScrollBar()
    rng = random.Random(11)
    done = []
    for step in range(50):
        roll = rng.random()
        if roll < 0.45:  # code a passage, on screen (selected in the view) or anywhere
            span = rng.randint(5, 400)
            start = rng.randrange(0, len(text) - span)
            if rng.random() < 0.5:
                view.select_range(start, start + span)
            changes = context.run(apply_code, 1, rng.choice(codes), start, start + span,
                                  coder=rng.choice(("Lotte", "Amal")))
            assert changes is not None
            done.append(step)
        elif roll < 0.6:  # remove a coding
            context.run(remove_coding, rng.choice(view.highlighter.layers.codings).id)
        elif roll < 0.7:  # recode one (often one just made, whose code the codebook knows)
            coding = max(view.highlighter.layers.codings, key=lambda c: (rng.random() < 0.5, c.id))
            context.run(recode, coding.id, rng.choice(codes))
        elif roll < 0.85 and context.undo_stack.canUndo():
            context.undo_stack.undo()
        else:  # read on elsewhere
            scroll.setValue(rng.randrange(0, scroll.maximum() + 1))
        QApplication.processEvents()
        with context.reading() as session:  # the codebook's counts, recounted in part or not
            counted = coding_counts(session)
        assert {code: codebook.code(code).codings for code in codes} == {
            code: counted.get(code, 0) for code in codes}
        _margin_as_shown_equals_margin_drawn_afresh(view)  # repainted in part: after every step
    assert len(done) > 15

    layers = view.highlighter.layers
    fresh = _open(qtbot, context)
    assert layers.codings == fresh.highlighter.layers.codings  # the same rows, re-read or not
    assert _highlights(view) == _highlights(fresh)
    # Lanes packed one action at a time need not be the fresh packing, but are as valid:
    # overlapping codings never share a lane, and every coding has a bar or a "+n" marker.
    assert layers.lane_count == max(layers.lanes.values()) + 1
    for coding in layers.codings:
        assert all(layers.lane(other) != layers.lane(coding)
                   for other in layers.codings_between(coding.start, coding.end)
                   if other.id != coding.id)
    bars, markers = view.stripes.placement(0, view.editor.document().characterCount())
    placed = [c.id for c in bars] + [c.id for m in markers for c in m.codings]
    assert sorted(placed) == sorted(c.id for c in layers.codings)
    assert all(layers.lane(c) < MAX_LANES for c in bars)
    fresh_codebook = CodeTreeModel(context)

    def counts(model: CodeTreeModel) -> list[str]:
        return [model.data(model.index_of(code, COUNT_COLUMN)) for code in model.code_ids()]
    assert counts(codebook) == counts(fresh_codebook)
    context.close_project()

"""A researcher reads coded text in a light and in a dark theme: whatever the code's colour (every
colour of the built-in codebooks, and colours of her own), the coded text stays readable (WCAG
AA, 4.5:1), measured on the pixels the view actually draws."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.helpers import REPO, add_case_with_document
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code
from workbench.gui.context import AppContext
from workbench.gui.document_view.view import DocumentView

USER_COLOURS = ["#000000", "#FFFFFF", "#FFFF00", "#0000FF", "#FF00FF", "#00FFFF", "#808080",
                "#123456", "#7F0000", "#F0E68C"]


def builtin_colours() -> list[str]:
    colours = []
    for path in sorted((REPO / "codebooks").glob("*.qdc")):
        for element in ET.parse(path).iter():
            if element.tag.endswith("Code") and element.get("color"):
                colours.append(element.get("color").upper())
    return list(dict.fromkeys(colours))


def relative_luminance(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2B2B2B"),
                         (QPalette.ColorRole.WindowText, "#E8E8E8"),
                         (QPalette.ColorRole.Base, "#1E1E1E"), (QPalette.ColorRole.Text, "#E6E6E6"),
                         (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#E8E8E8")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def themed() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    yield app
    app.setPalette(original)


def _rendered_contrast(view: DocumentView, start: int, end: int) -> float:
    """Contrast between the coded text's background and its ink, from the drawn pixels."""
    editor = view.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()  # the caret sits left of the area measured
    QApplication.processEvents()
    first, last = QTextCursor(editor.document()), QTextCursor(editor.document())
    first.setPosition(start)
    last.setPosition(end)
    left, right = editor.cursorRect(first), editor.cursorRect(last)
    area = QRect(left.right() + 2, left.top(), right.left() - left.right() - 4, left.height())
    assert left.top() == right.top() and area.width() > 200 and area.height() > 10
    image = editor.viewport().grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), 2::-1]
    flat = pixels.reshape(-1, 3)
    # The most frequent colour, counted on one integer a pixel (sorting rows of floats is slow).
    packed = flat.astype(np.int32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.int32)
    values, counts = np.unique(packed, return_counts=True)
    commonest = int(values[counts.argmax()])
    background = relative_luminance(
        np.array([commonest >> 16, (commonest >> 8) & 255, commonest & 255], dtype=float))
    inks = relative_luminance(flat.astype(float))
    lighter = np.maximum(inks, background)
    darker = np.minimum(inks, background)
    return float(((lighter + 0.05) / (darker + 0.05)).max())


def _colour_project(path: Path, colours: list[str]) -> list[tuple[int, int]]:
    """One line per colour, each coded with a code of that colour; then overlapping pairs.
    Returns each coded line's [start, end)."""
    lines = [
        f"Gecodeerde regel {n} met een kleur: mensen koken samen." for n in range(len(colours))
    ]
    pairs = [(n, n + 1) for n in range(0, len(colours) - 1, 3)]
    lines += [f"Overlap {a} en {b}: twee codes op dezelfde woorden." for a, b in pairs]
    lines.append("Interviewer: een sprekersbeurt die helemaal gecodeerd is.")
    text = "\n".join(lines)
    spans, position = [], 0
    for line in lines:
        spans.append((position, position + len(line)))
        position += len(line) + 1
    with create_project(path) as project, project.batch():  # one sync for the whole build
        _case, document = add_case_with_document(project, text)
        codes = [create_code(project, f"Kleur {n}", colour=colour).subject.id
                 for n, colour in enumerate(colours)]
        specs = [CodingSpec(document, code, *spans[n], "Lotte") for n, code in enumerate(codes)]
        for row, (a, b) in enumerate(pairs, start=len(colours)):
            specs.append(CodingSpec(document, codes[a], *spans[row], "Lotte"))
            specs.append(CodingSpec(document, codes[b], *spans[row], "Youssef"))
        specs.append(CodingSpec(document, codes[0], *spans[-1], "Lotte"))
        apply_codings(project, specs)  # one action for them all: what is drawn is the same
    return spans


@pytest.fixture(scope="module")
def colour_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    """The coded project, built once for both themes (each test opens its own copy)."""
    colours = builtin_colours() + USER_COLOURS
    assert len(colours) > 40  # both built-in codebooks were read
    path = tmp_path_factory.mktemp("colours") / "kleuren.cwb"
    return path, _colour_project(path, colours)


@pytest.mark.slow  # codes and renders every colour of both codebooks
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_coded_text_keeps_aa_contrast_for_every_code_colour(qtbot, settings, prompts, tmp_path,
                                                            themed, colour_project,
                                                            theme) -> None:
    built, spans = colour_project
    shutil.copyfile(built, tmp_path / "kleuren.cwb")
    if theme == "dark":
        themed.setPalette(dark_palette())
    context = AppContext(settings, prompts)
    assert context.open_project(tmp_path / "kleuren.cwb")
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)

    measured = {n: _rendered_contrast(view, start, end) for n, (start, end) in enumerate(spans)}

    too_low = {n: round(ratio, 2) for n, ratio in measured.items() if ratio < 4.5}
    assert too_low == {}
    margin = view.stripes.grab().toImage().pixelColor(1, 1)
    if theme == "dark":
        assert margin.lightness() < 80  # the stripes margin is dark too, not a white strip
    else:
        assert margin.lightness() > 200
    context.close_project()


def test_switching_the_theme_recolours_an_open_document(qtbot, context: AppContext,
                                                        themed) -> None:
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(900, 500)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    light = view.highlighter.scheme.highlight(frozenset({"#3F7F5F"}))

    themed.setPalette(dark_palette())
    qtbot.waitUntil(lambda: view.highlighter.scheme.dark)

    assert view.highlighter.scheme.highlight(frozenset({"#3F7F5F"})) != light
    block = view.editor.document().findBlock(view.highlighter.layers.codings[0].start)
    backgrounds = [QColor(r.format.background().color()).lightness()
                   for r in block.layout().formats()]
    assert backgrounds and max(backgrounds) < 128  # rehighlighted for the dark page

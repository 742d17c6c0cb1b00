"""Positions as tools count them: code points, UTF-16 units (NVivo), CRLF as one (ATLAS.ti)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.exchange.positions import (
    TextMap,
    Unit,
    cp_to_lf,
    cp_to_utf16,
    lf_to_crlf,
    utf16_length,
    utf16_to_cp,
)

TEXT = "Zoë: 🍲 samen\r\nkoken 🙂 élke dag\r\n"
PIECES = st.lists(st.sampled_from(["a", "é", "🍲", "\r\n", "\n", " ", "ë", "e\u0301", "字"]),
                  max_size=40)


def test_an_emoji_counts_two_utf16_units_and_one_code_point() -> None:
    assert utf16_length("🍲") == 2 and len("🍲") == 1
    start = TEXT.index("samen")
    assert cp_to_utf16(TEXT, start) == start + 1
    assert utf16_to_cp(TEXT, start + 1) == start


def test_nvivo_offsets_land_on_the_same_words() -> None:
    text_map = TextMap("\ufeff" + TEXT)  # NVivo for Windows writes a BOM and CRLF
    raw = text_map.raw
    start, end = raw.index("koken"), raw.index("koken") + len("koken")
    low, high = text_map.stored_range(Unit.UTF16, cp_to_utf16(raw, start), cp_to_utf16(raw, end))
    assert text_map.stored[low:high] == "koken"
    assert "\r" not in text_map.stored


def test_atlas_offsets_count_a_windows_line_end_once() -> None:
    text_map = TextMap(TEXT)
    start = TEXT.index("élke")
    low, high = text_map.stored_range(Unit.LF_CODE_POINTS, cp_to_lf(TEXT, start),
                                      cp_to_lf(TEXT, start + 4))
    assert text_map.stored[low:high] == "élke"


def test_decomposed_accents_map_onto_the_composed_stored_text() -> None:
    text_map = TextMap("ide\u0301e\u0308n samen")
    low, high = text_map.stored_range(Unit.CODE_POINTS, 8, 13)
    assert text_map.stored == "idéën samen" and text_map.stored[low:high] == "samen"


@pytest.mark.slow  # 200 hypothesis examples (the four examples above stay quick)
@settings(max_examples=200, deadline=None)
@given(PIECES)
def test_utf16_offsets_round_trip_for_every_code_point(pieces: list[str]) -> None:
    text = "".join(pieces)
    for position in range(len(text) + 1):
        assert utf16_to_cp(text, cp_to_utf16(text, position)) == position


@pytest.mark.slow  # 200 hypothesis examples
@settings(max_examples=200, deadline=None)
@given(PIECES)
def test_crlf_offsets_round_trip_outside_a_line_end(pieces: list[str]) -> None:
    text = "".join(pieces)
    for position in range(len(text) + 1):
        if not text[position - 1:position + 1] == "\r\n" or position == 0:
            assert lf_to_crlf(text, cp_to_lf(text, position)) == position


@pytest.mark.slow  # 200 hypothesis examples, a project each
@settings(max_examples=200, deadline=None)
@given(PIECES, st.data())
def test_every_unit_selects_the_same_stored_words(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    cuts = [i for i in range(len(text) + 1) if text[i - 1:i + 1] != "\r\n" or i == 0]
    cuts = [i for i in cuts if i == len(text) or text[i] not in "\u0301"]
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    text_map = TextMap(text)
    expected = text_map.stored_range(Unit.CODE_POINTS, start, end)
    assert text_map.stored_range(Unit.UTF16, cp_to_utf16(text, start),
                                 cp_to_utf16(text, end)) == expected
    assert text_map.stored_range(Unit.LF_CODE_POINTS, cp_to_lf(text, start),
                                 cp_to_lf(text, end)) == expected

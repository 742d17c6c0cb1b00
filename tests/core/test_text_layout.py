"""A document's stored word and paragraph boundaries agree with the text functions everywhere."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.text import paragraph_starts, word_count
from workbench.core.text_layout import lay_out, pack, pack_words, unpack, unpack_words

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
TEXTS = st.text(alphabet=st.sampled_from(list("ab é1_'’- \n\t.\u00a0ŋ😀\u3000ẞ")) | st.characters(),
                max_size=200)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("dag-en-nacht, zo'n -'a-- b''c\n\n  \n Zoë: ja 😀")
@example("")
@example("'")
def test_words_and_paragraphs_are_those_the_text_functions_find(text: str) -> None:
    layout = lay_out(text)
    found = [(m.start(), m.end()) for m in WORD.finditer(text)]
    assert list(zip(layout.word_starts.tolist(), layout.word_ends.tolist(), strict=True)) == found
    assert layout.word_count == word_count(text)
    assert layout.paragraph_starts.tolist() == paragraph_starts(text)


@pytest.mark.slow  # a hypothesis property
@given(st.lists(st.integers(min_value=0, max_value=2**31 - 1), max_size=50).map(sorted))
def test_packed_positions_come_back_exactly(positions: list[int]) -> None:
    assert unpack(pack(np.array(positions, dtype=np.int64))).tolist() == positions


def test_a_long_transcript_packs_its_words_in_about_two_bytes_each() -> None:
    text = "I: Hoe voelt u zich thuis in de wijk?\nR: Goed, dag-en-nacht mensen om me heen.\n" * 500
    layout = lay_out(text)
    blob = pack_words(layout)
    assert len(blob) <= 2 * layout.word_count + 1
    starts, ends = unpack_words(blob)
    assert (starts == layout.word_starts).all() and (ends == layout.word_ends).all()

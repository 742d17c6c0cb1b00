"""Words found with numpy are the words the project counts; unions count overlaps once."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.analysis.spans import WordIndex, merge_spans
from workbench.core.text import _WORD, word_count

TEXT = st.text(alphabet="ab é-'’_1 \n🍲ëŞ.,ﬁ²½ij", max_size=60)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_word_index_finds_the_words_word_count_counts(texts: list[str]) -> None:
    index = WordIndex.of_texts(dict(enumerate(texts)))
    for n, text in enumerate(texts):
        starts, ends = index.bounds[n]
        expected = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == expected
        assert len(expected) == word_count(text)


def test_overlapping_and_touching_spans_become_one_island_and_count_words_once() -> None:
    text = "samen koken, élke zondag, voor de buurt"
    codings = pd.DataFrame({"row": [1, 1, 1, 1], "column": [7, 7, 7, 8],
                            "document_id": [3, 3, 3, 3], "start": [0, 3, 12, 0],
                            "end": [8, 12, 20, 5]})
    islands = merge_spans(codings, ["row", "column"])
    assert islands[["column", "start", "end"]].values.tolist() == [[7, 0, 20], [8, 0, 5]]
    words = WordIndex.of_texts({3: text}).words(islands, ["row", "column"])
    assert words.to_dict() == {(1, 7): 4, (1, 8): 1}  # "zondag" is cut, and counts once

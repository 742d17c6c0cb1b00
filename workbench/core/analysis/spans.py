"""Coded spans as sets of text: their union per cell, and the words that union covers.

*Words coded* in a cell is the number of words of its documents that overlap the union of the
cell's coded spans. Spans are unioned per document first, so a stretch coded twice (two coders,
two sub-codes of a theme, overlapping passages) is counted once; a word cut by a span's edge
counts whole, and once. Words are what :func:`workbench.core.text.word_count` counts, so a cell
that covers a whole document has exactly that document's word count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.core.model import Document, DocumentLayout
from workbench.core.text_layout import TextLayout, lay_out, unpack, unpack_words

_CHUNK = 500
T = TypeVar("T")


def merge_spans(codings: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The union of the spans in each (``keys``, document): disjoint islands, in order.

    Overlapping or touching spans become one island. Returns ``keys + [document_id, start, end]``.
    """
    group_keys = [*keys, "document_id"]
    if codings.empty:
        return pd.DataFrame(columns=[*group_keys, "start", "end"])
    spans = codings[[*group_keys, "start", "end"]].sort_values([*group_keys, "start"])
    group = spans.groupby(group_keys, sort=False).ngroup().to_numpy()
    reach = spans.groupby(group, sort=False)["end"].cummax().to_numpy()
    starts = spans["start"].to_numpy()
    previous_reach = np.concatenate(([-1], reach[:-1]))
    new_group = np.concatenate(([True], group[1:] != group[:-1]))
    island = np.cumsum(new_group | (starts > previous_reach))
    spans = spans.assign(island=island, end=reach)
    merged = spans.groupby("island", sort=False).agg(
        **{key: (key, "first") for key in group_keys}, start=("start", "min"), end=("end", "max"))
    return merged.reset_index(drop=True)


class WordIndex:
    """Where the words of some documents start and end, to count the words spans cover.

    The boundaries are those stored with each document (see :mod:`workbench.core.text_layout`),
    so no text is read. Each document's spans are looked up in that document's own arrays with
    ``numpy.searchsorted``, all of a document's spans at once.
    """

    def __init__(self, bounds: dict[int, tuple[np.ndarray, np.ndarray]]) -> None:
        self.bounds = bounds

    @classmethod
    def of_texts(cls, texts: dict[int, str]) -> WordIndex:
        return cls({document_id: _bounds(lay_out(text)) for document_id, text in texts.items()})

    @classmethod
    def load(cls, session: Session, document_ids: Iterable[int]) -> WordIndex:
        """The stored boundaries of these documents (laid out afresh if one has none stored)."""
        return cls(_from_layouts(session, set(document_ids), DocumentLayout.words, unpack_words,
                                 _bounds))

    def words(self, islands: pd.DataFrame, keys: list[str]) -> pd.Series:
        """Words covered by the islands (from :func:`merge_spans`) of each ``keys`` group."""
        if islands.empty:
            return pd.Series(dtype="int64")
        first, after = self._word_ranges(islands["document_id"].to_numpy(),
                                         islands["start"].to_numpy(), islands["end"].to_numpy())
        # Two islands of one document may cut the same word (one ends in it, the next starts in
        # it): count that word once. Islands come sorted, so only neighbours can share a word.
        group = islands.groupby([*keys, "document_id"], sort=False).ngroup().to_numpy()
        same = np.concatenate(([False], group[1:] == group[:-1]))
        previous_after = np.concatenate(([0], after[:-1]))
        shared = np.where(same, np.clip(previous_after - first, 0, None), 0)
        counts = np.clip(after - first, 0, None) - shared
        return pd.Series(counts, index=islands.index).groupby(
            [islands[key] for key in keys]).sum()

    def _word_ranges(self, documents: np.ndarray, starts: np.ndarray,
                     ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each span: its first word and the word after its last, in its document's order."""
        first, after = np.zeros(len(documents), np.int64), np.zeros(len(documents), np.int64)
        order = np.argsort(documents, kind="stable")
        for chunk in np.split(order, np.flatnonzero(np.diff(documents[order])) + 1):
            word_starts, word_ends = self.bounds[int(documents[chunk[0]])]
            first[chunk] = np.searchsorted(word_ends, starts[chunk], side="right")
            after[chunk] = np.searchsorted(word_starts, ends[chunk], side="left")
        return first, after


def _bounds(layout: TextLayout) -> tuple[np.ndarray, np.ndarray]:
    return layout.word_starts, layout.word_ends


def stored_paragraph_starts(session: Session, document_ids: set[int]) -> dict[int, np.ndarray]:
    """Where each document's paragraphs start, as stored with it (laid out afresh if missing)."""
    return _from_layouts(session, document_ids, DocumentLayout.paragraphs, unpack,
                         lambda layout: layout.paragraph_starts)


def _from_layouts(session: Session, document_ids: set[int], column: InstrumentedAttribute[bytes],
                  decode: Callable[[bytes], T],
                  from_layout: Callable[[TextLayout], T]) -> dict[int, T]:
    """One stored layout ``column`` of each document, decoded; a document without a stored
    layout (never expected: see :mod:`workbench.core.integrity`) is laid out from its text."""
    found: dict[int, T] = {}
    ids = sorted(document_ids)
    for chunk in range(0, len(ids), _CHUNK):
        found.update((document_id, decode(blob)) for document_id, blob in session.execute(
            select(DocumentLayout.document_id, column)
            .where(DocumentLayout.document_id.in_(ids[chunk:chunk + _CHUNK]))))
    missing = sorted(document_ids - found.keys())
    for chunk in range(0, len(missing), _CHUNK):
        found.update((document_id, from_layout(lay_out(text))) for document_id, text in
                     session.execute(select(Document.id, Document.text).where(
                         Document.id.in_(missing[chunk:chunk + _CHUNK]))))
    return found

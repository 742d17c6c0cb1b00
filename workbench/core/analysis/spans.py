"""Coded spans as sets of text: their union per cell, and the words that union covers.

*Words coded* in a cell is the number of words of its documents that overlap the union of the
cell's coded spans. Spans are unioned per document first, so a stretch coded twice (two coders,
two sub-codes of a theme, overlapping passages) is counted once; a word cut by a span's edge
counts whole, and once. Words are what :func:`workbench.core.text.word_count` counts, so a cell
that covers a whole document has exactly that document's word count.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.model import Document

_CHUNK = 200
_JOINERS = np.array([ord("'"), ord("’"), ord("-")], dtype=np.uint32)
_TABLE: np.ndarray = np.zeros(0, dtype=bool)


def _word_characters(highest: int) -> np.ndarray:
    """A lookup table: is code point n a word character (as ``\\w`` in Python's ``re``)?"""
    global _TABLE
    if _TABLE.size <= highest:
        size = max(highest + 1, 0x3000)
        _TABLE = np.fromiter((chr(n).isalnum() or n == 0x5F for n in range(size)), dtype=bool,
                             count=size)
    return _TABLE


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
    """Where every word of some documents starts and ends, on one axis for all of them.

    Each document's positions are shifted by the total length of the documents before it (plus
    one), so one sorted array answers "which words overlap [start, end) of document d" for every
    span at once (``numpy.searchsorted``). Words are found with numpy rather than the regular
    expression of :func:`workbench.core.text.word_count`, with the same result: a word is a run
    of word characters (``\\w``: letters, digits, underscore), where a single apostrophe or
    hyphen between two word characters joins them (``dag-en-nacht``, ``zo'n``).
    """

    def __init__(self, texts: dict[int, str]) -> None:
        self.base: dict[int, int] = {}
        offset = 0
        for document_id, text in texts.items():
            self.base[document_id] = offset
            offset += len(text) + 1
        points = np.frombuffer("\n".join(texts.values()).encode("utf-32-le"), dtype=np.uint32)
        word = _word_characters(int(points.max()) if points.size else 0)[points]
        after, before = np.empty_like(word), np.empty_like(word)
        after[:-1], before[1:] = word[1:], word[:-1]
        if word.size:
            after[-1] = before[0] = False
        joiner = (points == _JOINERS[0]) | (points == _JOINERS[1]) | (points == _JOINERS[2])
        inside = word | (joiner & before & after)
        starts = inside & ~np.concatenate(([False], inside[:-1]))
        ends = inside & ~np.concatenate((inside[1:], [False]))
        self.starts = np.flatnonzero(starts).astype(np.int64)
        self.ends = np.flatnonzero(ends).astype(np.int64) + 1

    @classmethod
    def load(cls, session: Session, document_ids: Iterable[int]) -> WordIndex:
        texts: dict[int, str] = {}
        ids = sorted(set(document_ids))
        for chunk in range(0, len(ids), _CHUNK):
            texts.update(session.execute(select(Document.id, Document.text).where(
                Document.id.in_(ids[chunk:chunk + _CHUNK]))).all())
        return cls(texts)

    def words(self, islands: pd.DataFrame, keys: list[str]) -> pd.Series:
        """Words covered by the islands (from :func:`merge_spans`) of each ``keys`` group."""
        if islands.empty:
            return pd.Series(dtype="int64")
        base = islands["document_id"].map(self.base).to_numpy(dtype=np.int64)
        first = np.searchsorted(self.ends, islands["start"].to_numpy(dtype=np.int64) + base,
                                side="right")
        after = np.searchsorted(self.starts, islands["end"].to_numpy(dtype=np.int64) + base,
                                side="left")
        # Two islands of one document may cut the same word (one ends in it, the next starts in
        # it): count that word once. Islands come sorted, so only neighbours can share a word.
        group = islands.groupby([*keys, "document_id"], sort=False).ngroup().to_numpy()
        same = np.concatenate(([False], group[1:] == group[:-1]))
        previous_after = np.concatenate(([0], after[:-1]))
        shared = np.where(same, np.clip(previous_after - first, 0, None), 0)
        counts = np.clip(after - first, 0, None) - shared
        return pd.Series(counts, index=islands.index).groupby(
            [islands[key] for key in keys]).sum()

"""The passages matrix: every cell's codings with their references, texts read when first shown.

Building the matrix reads only small columns: the codings, the documents' places (no text) and
their stored paragraph starts; every passage's paragraph is found with numpy, per document. A
cell's texts are cut out of its documents' texts, and its speakers looked up in their speaker
turns, the first time the cell is shown or exported; each document's text and turns are read
once and kept, so an export of the whole matrix reads every text once, and a screen of cells
reads only theirs.

A cell's passages are exactly what :func:`workbench.core.queries.passages.list_passages` gives
for that case and column (the click-through of a cell), in the same reading order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast, overload

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from workbench.core.analysis.frame import driver_rows, group_positions, read_codings
from workbench.core.analysis.spans import stored_paragraph_starts
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.model import (
    Case,
    Code,
    Coder,
    Coding,
    Document,
)
from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.passages import Passage

_CHUNK = 500
ROW, COLUMN = "row", "column"
_PASSAGE_COLUMNS = ("coding_id", "code_id", "coder_id", "case_id", "document_id", "start", "end",
                    "paragraph")


class DocumentSource:
    """Documents' texts, each read from the project once, on first use; their speaker turns."""

    def __init__(self, engine: Engine | Connection) -> None:
        self._engine = engine
        self._texts: dict[int, str] = {}

    def texts(self, document_ids: set[int]) -> dict[int, str]:
        missing = sorted(document_ids - self._texts.keys())
        if not missing:
            return {document_id: self._texts[document_id] for document_id in document_ids}
        with Session(self._engine) as session:
            for chunk in range(0, len(missing), _CHUNK):
                self._texts.update(session.execute(
                    select(Document.id, Document.text)
                    .where(Document.id.in_(missing[chunk:chunk + _CHUNK]))).all())
        return {document_id: self._texts.get(document_id, "") for document_id in document_ids}

    def speakers(self, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Who speaks where each passage starts, and when that turn starts ("" before the first
        turn, between turns, or for a turn without a time)."""
        with Session(self._engine) as session:
            turns = pd.DataFrame(driver_rows(
                session, 'SELECT document_id, label_start, "end", speaker, timestamp '
                         "FROM speaker_turn ORDER BY document_id, position"),
                columns=["document_id", "label_start", "end", "speaker", "timestamp"])
        names = np.array(["", *turns["speaker"].tolist()], dtype=object)
        times = np.array(["", *turns["timestamp"].fillna("").tolist()], dtype=object)
        which = np.zeros(len(frame), dtype=np.int64)  # 0: nobody; n: the turn at row n - 1
        by_document = turns.groupby("document_id").indices
        starts = frame["start"].to_numpy()
        label_starts, ends = turns["label_start"].to_numpy(), turns["end"].to_numpy()
        for document_id, positions in _by_document(frame):
            rows = by_document.get(document_id)
            if rows is None:
                continue
            at = starts[positions]
            turn = np.maximum(np.searchsorted(label_starts[rows], at, side="right") - 1, 0)
            inside = (label_starts[rows][turn] <= at) & (at < ends[rows][turn])
            which[positions] = np.where(inside, rows[turn] + 1, 0)
        return names[which], times[which]

    def memos(self) -> dict[int, str]:
        """The codings' memos that are not empty (few: read all at once)."""
        with Session(self._engine) as session:
            return dict(session.execute(
                select(Coding.id, Coding.memo).where(Coding.memo != "")).all())


class PassageTable:
    """Every passage of the matrix as one frame in reading order, and what names its parts."""

    def __init__(self, frame: pd.DataFrame, names: dict[str, dict[int, str]],
                 colours: dict[int, str], source: DocumentSource) -> None:
        self.frame = frame
        self.names = names
        self.colours = colours
        self.source = source
        self._memos: dict[int, str] | None = None
        self._speakers: tuple[np.ndarray, np.ndarray] | None = None
        self._columns: dict[str, np.ndarray] = {}

    def passages(self, positions: np.ndarray) -> list[Passage]:
        if self._speakers is None:  # all at once: per cell, numpy's overhead would dominate
            self._speakers = self.source.speakers(self.frame)
            self._columns = {name: self.frame[name].to_numpy() for name in _PASSAGE_COLUMNS}
        columns = [self._columns[name][positions].tolist() for name in _PASSAGE_COLUMNS]
        speakers, times = (part[positions].tolist() for part in self._speakers)
        texts = self.source.texts(set(columns[4]))
        memos = self._memo_of()
        names = self.names
        return [
            Passage(coding_id, code_id, names["code"][code_id], self.colours[code_id],
                    names["coder"][coder_id], case_id, names["case"][case_id], document_id,
                    names["document"][document_id], names["kind"][document_id], start, end,
                    texts[document_id][start:end], memos.get(coding_id, ""), paragraph, speaker,
                    time)
            for coding_id, code_id, coder_id, case_id, document_id, start, end, paragraph, speaker,
            time in zip(*columns, speakers, times, strict=True)]

    def _memo_of(self) -> dict[int, str]:
        """Coding memos are rare: the non-empty ones are read once, with the first texts."""
        if self._memos is None:
            self._memos = self.source.memos()
        return self._memos


class CellPassages(Sequence[Passage]):
    """The passages of one cell. Counting them reads nothing; their texts are read on first use."""

    def __init__(self, table: PassageTable, positions: np.ndarray) -> None:
        self._table = table
        self._positions = positions
        self._passages: list[Passage] | None = None

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Passage: ...

    @overload
    def __getitem__(self, index: slice) -> list[Passage]: ...

    def __getitem__(self, index: int | slice) -> Passage | list[Passage]:
        return self._loaded()[index]

    def __iter__(self) -> Iterator[Passage]:
        return iter(self._loaded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CellPassages | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CellPassages({len(self)} passages)"

    def _loaded(self) -> list[Passage]:
        if self._passages is None:
            self._passages = self._table.passages(self._positions)
        return self._passages


def passage_cells(session: Session, spec: MatrixSpec, case_ids: list[int],
                  owner: dict[int, int]) -> dict[tuple[int, int], CellPassages]:
    """Each (case, column) cell's passages; ``owner`` maps a code to the column holding it."""
    documents = _documents(session, spec, case_ids)
    frame = _codings(session, spec, documents, owner)
    table = PassageTable(frame, _names(session, documents), _colours(session),
                         DocumentSource(session.get_bind()))
    return {(int(row), int(column)): CellPassages(table, positions)
            for (row, column), positions in group_positions(frame, [ROW, COLUMN]).items()}


def _documents(session: Session, spec: MatrixSpec, case_ids: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(session.execute(
        select(Document.id, Document.case_id, Document.position, Document.title, Document.kind)
    ).all(), columns=["document_id", "case_id", "document_position", "title", "kind"])
    keep = frame["case_id"].isin(case_ids)
    if spec.kinds:
        keep &= frame["kind"].astype(str).isin(list(spec.kinds))
    positions = dict(session.execute(select(Case.id, Case.position)).all())
    frame = frame[keep]
    return frame.assign(case_position=frame["case_id"].map(positions)).set_index("document_id")


def _codings(session: Session, spec: MatrixSpec, documents: pd.DataFrame,
             owner: dict[int, int]) -> pd.DataFrame:
    """The cell codings in reading order, each with its paragraph."""
    frame = read_codings(session, spec)
    frame = frame[frame["document_id"].isin(documents.index) & frame["code_id"].isin(owner)]
    place = documents.loc[frame["document_id"], ["case_id", "case_position", "document_position"]]
    columns: dict[str, Any] = {
        ROW: place["case_id"].to_numpy(), COLUMN: frame["code_id"].map(owner),
        "case_id": place["case_id"].to_numpy(), "case_position": place["case_position"].to_numpy(),
        "document_position": place["document_position"].to_numpy()}
    frame = frame.assign(**columns)
    order = np.lexsort([frame[key].to_numpy() for key in reversed(
        ["case_position", "case_id", "document_position", "document_id", "start", "end",
         "coding_id"])])
    frame = frame.iloc[order].reset_index(drop=True)
    return frame.assign(paragraph=_paragraphs(session, frame))


def _by_document(frame: pd.DataFrame) -> Iterator[tuple[int, np.ndarray]]:
    """(document id, positions in ``frame``) for each document the frame holds."""
    for document_id, positions in group_positions(frame, "document_id").items():
        yield int(document_id), positions


def _paragraphs(session: Session, frame: pd.DataFrame) -> np.ndarray:
    """Each passage's paragraph number (¶1 for a passage before the first paragraph)."""
    starts = stored_paragraph_starts(session, set(frame["document_id"].tolist()))
    found = np.ones(len(frame), dtype=np.int64)
    coding_starts = frame["start"].to_numpy()
    for document_id, positions in _by_document(frame):
        found[positions] = np.searchsorted(starts[document_id], coding_starts[positions],
                                           side="right")
    return np.maximum(found, 1)


def _names(session: Session, documents: pd.DataFrame) -> dict[str, dict[int, str]]:
    return {"code": code_paths(session),
            "coder": dict(session.execute(select(Coder.id, Coder.name)).all()),
            "case": dict(session.execute(select(Case.id, Case.name)).all()),
            # indexed by document id
            "document": cast(dict[int, str], documents["title"].to_dict()),
            "kind": cast(dict[int, str], documents["kind"].astype(str).to_dict())}


def _colours(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Code.id, Code.colour)).all())

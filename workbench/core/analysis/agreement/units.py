"""What agreement is measured on: the chosen coders, the rows (codes and themes), the documents.

A coder *coded a document* when they applied any code to it (not only a chosen one): having
read it, leaving a passage uncoded is a decision. Only documents that two or more of the chosen
coders coded are units at all. Kappa and percent agreement use the documents *every* chosen
coder coded; alpha also uses those some coders left out, treating the missing coders' values as
missing data. A document only one coder coded is not compared (we cannot tell what the other
would have coded); the report lists it as left out.

Character vectors: for a document of ``L`` characters, :func:`coverage` tells whether each
coder coded each character with a code of each row (``rows x coders x L``), run-length encoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Case, Code, Coder, Coding, Document
from workbench.core.queries.code_tree import code_paths
from workbench.core.text import fold, paragraph_number, paragraph_starts

_CHUNK = 500


@dataclass(frozen=True)
class Row:
    """One result row: a code on its own, or a theme with its whole (chosen) subtree unioned."""

    kind: str  # "code" or "theme"
    code_id: int
    label: str  # the code's path
    code_ids: frozenset[int]


@dataclass
class DocumentUnits:
    id: int
    case_id: int
    case: str
    title: str
    text: str
    coded_by: NDArray[np.bool_]  # per chosen coder: did they code this document?
    codings: NDArray[np.int64]  # one row per coding: code id, coder index, start, end
    _paragraphs: list[int] = field(default_factory=list, repr=False)

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def all_coded(self) -> bool:
        return bool(self.coded_by.all())

    def blocks(self) -> NDArray[np.int64]:
        """Where each paragraph block starts (the first at 0): the bootstrap's resampling unit."""
        starts = [0] + [start for start in self.paragraph_starts() if start > 0]
        return np.asarray(starts, dtype=np.int64)

    def paragraph_starts(self) -> list[int]:
        if not self._paragraphs:
            self._paragraphs = paragraph_starts(self.text)
        return self._paragraphs

    def paragraph(self, position: int) -> int:
        return max(paragraph_number(self.paragraph_starts(), position), 1)


@dataclass
class Units:
    coders: list[str]
    rows: list[Row]
    documents: list[DocumentUnits]
    left_out: list[tuple[str, str, str]]  # (case, document, the one coder who coded it)
    _membership: NDArray[np.bool_] | None = None
    _code_index: dict[int, int] = field(default_factory=dict)

    @property
    def code_rows(self) -> list[int]:
        return [n for n, row in enumerate(self.rows) if row.kind == "code"]

    def membership(self) -> tuple[dict[int, int], NDArray[np.bool_]]:
        """Code id -> index, and a ``codes x rows`` matrix: does a code's coding count in a row?"""
        if self._membership is None:
            codes = sorted({code for row in self.rows for code in row.code_ids})
            self._code_index = {code: n for n, code in enumerate(codes)}
            self._membership = np.zeros((len(codes) + 1, len(self.rows)), dtype=bool)
            for r, row in enumerate(self.rows):
                for code in row.code_ids:
                    self._membership[self._code_index[code], r] = True
        return self._code_index, self._membership


@dataclass(frozen=True)
class Coverage:
    """Each coder's coverage of a document, run-length encoded over its *pieces*.

    The document is cut at every coding's start and end and every paragraph start; within a
    piece nothing changes, so ``covered`` (``rows x coders x pieces``) with each piece's length
    holds exactly the information of the ``rows x coders x characters`` boolean vectors, in a
    few hundred columns instead of tens of thousands. :meth:`characters` expands it.
    """

    cuts: NDArray[np.int64]  # piece boundaries: 0, ..., length (pieces + 1 values)
    covered: NDArray[np.bool_]

    @property
    def lengths(self) -> NDArray[np.int64]:
        return np.diff(self.cuts)

    def piece(self, positions: NDArray[np.int64]) -> NDArray[np.int64]:
        """Index of the cut at each position (every coding edge and paragraph start is one)."""
        return np.searchsorted(self.cuts, positions)

    def characters(self) -> NDArray[np.bool_]:
        """The boolean character vectors, ``rows x coders x characters``."""
        return np.repeat(self.covered, self.lengths, axis=2)


def coverage(units: Units, document: DocumentUnits) -> Coverage:
    """Which characters each coder coded with each row's codes, piece by piece."""
    index, membership = units.membership()
    codings = document.codings
    cuts = np.unique(np.concatenate((document.blocks(), codings[:, 2], codings[:, 3],
                                     [document.length])))
    diff = np.zeros((len(units.rows), len(units.coders), len(cuts)), dtype=np.int32)
    if len(codings):
        codes = np.array([index.get(int(c), len(index)) for c in codings[:, 0]])
        coding, row = np.nonzero(membership[codes])
        coder = codings[coding, 1]
        np.add.at(diff, (row, coder, np.searchsorted(cuts, codings[coding, 2])), 1)
        np.add.at(diff, (row, coder, np.searchsorted(cuts, codings[coding, 3])), -1)
    return Coverage(cuts, np.cumsum(diff, axis=2)[:, :, :-1] > 0)


def load_units(session: Session, coders: Sequence[str], code_ids: Iterable[int] | None = None,
               document_ids: Iterable[int] | None = None, *,
               without_autocodes: bool = False) -> Units:
    """The units for ``coders`` (names), the chosen codes (all when None) and documents;
    ``without_autocodes`` leaves out the codings an autocoding rule made."""
    coder_ids, names = _resolve_coders(session, coders)
    rows = _rows(session, None if code_ids is None else set(code_ids))
    query = select(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end) \
        .where(Coding.coder_id.in_(coder_ids))
    if document_ids is not None:
        query = query.where(Coding.document_id.in_(list(document_ids)))
    if without_autocodes:
        query = query.where(Coding.rule.is_(None))
    position = {coder_id: n for n, coder_id in enumerate(coder_ids)}
    by_document: dict[int, list[tuple[int, int, int, int]]] = {}
    for document_id, code_id, coder_id, start, end in session.execute(query):
        by_document.setdefault(document_id, []).append((code_id, position[coder_id], start, end))
    compared, left_out = {}, []
    for document_id, codings in by_document.items():
        coded_by = np.zeros(len(coder_ids), dtype=bool)
        coded_by[[c[1] for c in codings]] = True
        if coded_by.sum() >= 2:
            compared[document_id] = (coded_by, np.asarray(codings, dtype=np.int64))
        else:
            left_out.append((document_id, names[int(np.argmax(coded_by))]))
    documents = _documents(session, compared)
    titles = _titles(session, [document_id for document_id, _ in left_out])
    return Units(names, rows, documents,
                 sorted((*titles[d], coder) for d, coder in left_out))


def _resolve_coders(session: Session, typed: Sequence[str]) -> tuple[list[int], list[str]]:
    known = session.execute(select(Coder.id, Coder.name).order_by(Coder.name)).all()
    ids, names = [], []
    for name in typed:
        found = [(i, n) for i, n in known if fold(n) == fold(name)]
        if not found:
            listed = ", ".join(n for _, n in known) or "none"
            raise NotFoundError(f"There is no coder named '{name}' in this project "
                                f"(coders: {listed}).")
        if found[0][0] not in ids:
            ids.append(found[0][0])
            names.append(found[0][1])
    if len(ids) < 2:
        raise DomainError("Agreement needs two or more different coders.")
    return ids, names


def _rows(session: Session, chosen: set[int] | None) -> list[Row]:
    """Chosen codes (and their sub-codes) in codebook order, then the themes they belong to."""
    codes = session.execute(select(Code.id, Code.parent_id).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[int]] = {}
    for code_id, parent_id in codes:
        children.setdefault(parent_id, []).append(code_id)

    def subtree(code_id: int) -> list[int]:
        found = [code_id]
        for child in children.get(code_id, []):
            found += subtree(child)
        return found

    if chosen is not None:
        unknown = chosen - {code_id for code_id, _ in codes}
        if unknown:
            raise NotFoundError(f"There is no code with id {min(unknown)} in this codebook.")
        chosen = {code for root in chosen for code in subtree(root)}
    ordered = [code for top in children.get(None, []) for code in subtree(top)]
    wanted = [code for code in ordered if chosen is None or code in chosen]
    paths = code_paths(session)
    rows = [Row("code", code, paths[code], frozenset({code})) for code in wanted]
    for top in children.get(None, []):
        members = frozenset(subtree(top)) & frozenset(wanted)
        if len(subtree(top)) > 1 and members:
            rows.append(Row("theme", top, paths[top], members))
    return rows


def _documents(session: Session, compared: dict) -> list[DocumentUnits]:
    ids = sorted(compared)
    found: list[Any] = []  # result rows of the query below
    for chunk in range(0, len(ids), _CHUNK):
        query = (select(Document.id, Document.case_id, Case.name, Document.title, Document.text,
                        Case.position, Document.position)
                 .join(Case, Document.case_id == Case.id)
                 .where(Document.id.in_(ids[chunk:chunk + _CHUNK])))
        found += session.execute(query).all()
    found.sort(key=lambda row: (row[5], row[1], row[6], row[0]))
    return [DocumentUnits(row[0], row[1], row[2], row[3], row[4], *compared[row[0]])
            for row in found if row[4]]


def _titles(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    titles: dict[int, tuple[str, str]] = {}
    for chunk in range(0, len(ids), _CHUNK):
        rows = session.execute(select(Document.id, Case.name, Document.title)
                               .join(Case, Document.case_id == Case.id)
                               .where(Document.id.in_(ids[chunk:chunk + _CHUNK])))
        titles.update((row[0], (row[1], row[2])) for row in rows)
    return titles

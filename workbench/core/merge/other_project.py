"""Reading the project to merge in (our file or a ``.qdpx``) as plain rows."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.codebooks.model import Codebook
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.model import (
    AttributeDefinition,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    DocumentHeading,
    Memo,
    SpeakerTurn,
)
from workbench.core.services.codebook import project_codebook
from workbench.core.speaker_turns import Turn
from workbench.core.storage import Project
from workbench.core.storage.project_file import Access

PACKAGE_SUFFIXES = (".qdpx", ".qde")


@dataclass(frozen=True)
class CodingRow:
    uuid: str
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str
    created_at: datetime
    rule: str | None = None  # the autocoding rule that made it (format 3)


@dataclass
class OtherProject:
    name: str
    coders: dict[int, str] = field(default_factory=dict)
    attributes: list[AttributeDefinition] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    values: dict[int, dict[int, str]] = field(default_factory=dict)  # case id -> attribute -> value
    codebook: Codebook = field(default_factory=lambda: Codebook([]))
    code_uuids: dict[int, str] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    # Of the documents to copy (see read_other): id -> turns, and -> headings (level, text).
    turns: dict[int, list[Turn]] = field(default_factory=dict)
    headings: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    codings: list[CodingRow] = field(default_factory=list)
    coding_uuids: dict[int, str] = field(default_factory=dict)
    memos: list[Memo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@contextmanager
def open_other(path: str | os.PathLike[str]) -> Iterator[tuple[Project, list[str]]]:
    """The other project, opened; a package is first imported into a temporary project."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="workbench-merge-") as folder:
        warnings: list[str] = []
        if path.suffix.lower() in PACKAGE_SUFFIXES or _is_zip(path):
            report = import_qdpx(path, Path(folder) / "other.cwb")
            warnings = report.warnings
            other = Project.open(report.path)
        else:
            # Only read: a colleague may have their project open while we merge from it.
            other = Project.open(path, access=Access.READ)
        try:
            yield other, warnings
        finally:
            other.close()


def read_codebook_from(path: str | os.PathLike[str]) -> Codebook:
    """The codebook of a ``.qdc`` file, of another project, or of a ``.qdpx``."""
    path = Path(path)
    if path.suffix.lower() == ".qdc":
        return read_codebook(path)
    with open_other(path) as (other, warnings), other.reading() as session:
        codebook = project_codebook(session)
    codebook.warnings += warnings
    return codebook


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(2) == b"PK"
    except OSError:
        return False  # Project.open reports the file's problem in its own words


def read_other(path: str | os.PathLike[str], known: Collection[str] = ()) -> OtherProject:
    """The other project's rows; the turns and headings only of documents whose content hash
    is not in ``known`` (ours: those documents pair with one of ours and are not copied)."""
    with open_other(path) as (other, warnings), other.reading() as session:
        found = OtherProject(Path(path).name, warnings=list(warnings))
        found.coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        found.attributes = list(session.scalars(select(AttributeDefinition)))
        found.cases = list(session.scalars(select(Case).order_by(Case.position, Case.id)))
        for value in session.scalars(select(CaseAttributeValue)):
            found.values.setdefault(value.case_id, {})[value.attribute_id] = value.value
        found.codebook = project_codebook(session)
        found.code_uuids = dict(session.execute(select(Code.id, Code.uuid)).all())
        found.documents = list(session.scalars(select(Document).order_by(Document.position,
                                                                         Document.id)))
        ours = set(known)
        _document_rows(session, found, {document.id for document in found.documents
                                        if document.content_hash not in ours})
        # Plain rows through the connection: the ORM's row handling cost more than the read.
        connection = session.connection()
        found.codings = [CodingRow(*row) for row in connection.execute(select(
            Coding.uuid, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start,
            Coding.end, Coding.memo, Coding.created_at, Coding.rule))]
        found.coding_uuids = dict(connection.execute(select(Coding.id, Coding.uuid)).all())
        found.memos = list(session.scalars(select(Memo).order_by(Memo.id)))
    return found


def _document_rows(session: Session, found: OtherProject, wanted: set[int]) -> None:
    """The speaker turns and headings stored with the ``wanted`` documents."""
    texts = {document.id: document.text for document in found.documents}
    ids = sorted(wanted)
    for number in ids:
        found.turns[number], found.headings[number] = [], []
    for chunk in (ids[at:at + 500] for at in range(0, len(ids), 500)):
        for row in session.execute(select(
                SpeakerTurn.document_id, SpeakerTurn.speaker, SpeakerTurn.label_start,
                SpeakerTurn.start, SpeakerTurn.end, SpeakerTurn.timestamp,
                SpeakerTurn.milliseconds).where(SpeakerTurn.document_id.in_(chunk))
                .order_by(SpeakerTurn.document_id, SpeakerTurn.position)):
            found.turns[row[0]].append(Turn(*row[1:]))
        for document_id, level, start, end in session.execute(select(
                DocumentHeading.document_id, DocumentHeading.level, DocumentHeading.start,
                DocumentHeading.end).where(DocumentHeading.document_id.in_(chunk))
                .order_by(DocumentHeading.document_id, DocumentHeading.start)):
            found.headings[document_id].append((level, texts[document_id][start:end]))

"""A project as a REFI-QDA ``.qdpx``: ``project.qde`` plus ``sources/<guid>.txt``.

Text is written as we store it (UTF-8, ``\\n`` line ends, NFC) and selections count code points
from 0 with exclusive ends, as the standard says. Memos travel as ``<Note>``s attached by
``<NoteRef>``; a case has no ``NoteRef`` in the schema, so a case memo is linked to its case by a
``<Link>``. A coding's memo is its selection's ``<Description>``, followed by the rule that
made it, for an autocoding.
"""

from __future__ import annotations

import json
import os
import uuid as uuid_module
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench import __version__
from workbench.core.atomic_file import written_whole
from workbench.core.codebooks.description import DefinitionFields, compose
from workbench.core.errors import WorkbenchError
from workbench.core.exchange.positions import has_astral
from workbench.core.exchange.vocabulary import (
    AUTOCODED_BY,
    CASE_MEMO_LINK,
    CHOICE_SEPARATOR,
    CHOICES_LABEL,
    DOCUMENT_LABELS,
    NAMESPACE,
    ORIGIN,
    SOURCES_FOLDER,
    VALUE_ELEMENT,
    VARIABLE_TYPE,
    tag,
    timestamp,
)
from workbench.core.jobs import JobControl
from workbench.core.model import (
    AttributeDefinition,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    MatrixSummary,
    Memo,
    ProjectInfo,
)
from workbench.core.storage import Project

SELECTION_NAME_LIMIT = 200  # a selection's name quotes its start, as ATLAS.ti does
_SELECTION_NAMESPACE = uuid_module.UUID("5b7e0c3a-1d2f-4e6a-9b8c-7d6e5f4a3b2c")


class ExportError(WorkbenchError):
    """The project cannot be written as a .qdpx file."""


@dataclass
class ExportReport:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def export_project(project: Project, path: str | os.PathLike[str],
                   control: JobControl | None = None) -> ExportReport:
    """Write the project to ``path`` atomically; return what was written and any warnings."""
    path = Path(path)
    control = control or JobControl()
    report = ExportReport(path)
    with project.reading() as session:
        root, texts = _build(session, report, control)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    _write_zip(path, data, texts)
    return report


def project_qde(project: Project) -> bytes:
    """The project's ``project.qde`` alone (for validation and tests)."""
    with project.reading() as session:
        root, _texts = _build(session, ExportReport(Path()), JobControl())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_zip(path: Path, qde: bytes, texts: dict[str, str]) -> None:
    """Write to a scratch file beside ``path`` and move it in place: never a half-written file."""
    with written_whole(path, ExportError) as scratch:
        with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", qde)
            for name, text in texts.items():
                archive.writestr(f"{SOURCES_FOLDER}/{name}", text.encode("utf-8"))


def _build(session: Session, report: ExportReport,
           control: JobControl) -> tuple[etree._Element, dict[str, str]]:
    info = session.scalars(select(ProjectInfo)).one()
    root = etree.Element(tag("Project"), nsmap={None: NAMESPACE})
    root.set("name", info.name)
    root.set("origin", f"{ORIGIN} {__version__}")
    root.set("creationDateTime", timestamp(info.created_at) or "")
    root.set("modifiedDateTime", timestamp(info.modified_at) or "")
    coders = {coder.id: coder for coder in session.scalars(select(Coder).order_by(Coder.id))}
    memos = _memos_by_target(session)
    _users(root, coders.values())
    _codebook(root, session, memos)
    _variables(root, session)
    _cases(root, session)
    texts = _sources(root, session, coders, memos, report, control)
    _notes(root, session, coders)
    _case_links(root, memos, dict(session.execute(select(Case.id, Case.uuid)).all()))
    if info.description:
        etree.SubElement(root, tag("Description")).text = info.description
    for memo in memos.get(("project", None), []):
        etree.SubElement(root, tag("NoteRef")).set("targetGUID", memo.uuid)
    summaries = session.scalar(select(func.count()).select_from(MatrixSummary)) or 0
    if summaries:
        report.warnings.append(f"{summaries} matrix summary cell(s) were not exported: "
                               "REFI-QDA has no place for them.")
    report.counts.update(coders=len(coders), documents=len(texts),
                         codings=session.scalar(select(func.count()).select_from(Coding)) or 0)
    return root, texts


def _memos_by_target(session: Session) -> dict[tuple[str, int | None], list[Memo]]:
    found: dict[tuple[str, int | None], list[Memo]] = defaultdict(list)
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        for kind in ("case", "document", "code", "coding"):
            target = getattr(memo, f"{kind}_id")
            if target is not None:
                found[(kind, target)].append(memo)
                break
        else:
            found[("project", None)].append(memo)
    return found


def _users(root: etree._Element, coders) -> None:
    coders = list(coders)
    if coders:
        users = etree.SubElement(root, tag("Users"))
        for coder in coders:
            etree.SubElement(users, tag("User"), guid=coder.uuid, name=coder.name)


def _codebook(root: etree._Element, session: Session, memos: dict) -> None:
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    if not codes:
        return
    children: dict[int | None, list[Code]] = defaultdict(list)
    for code in codes:
        children[code.parent_id].append(code)

    def write(parent: etree._Element, code: Code) -> None:
        element = etree.SubElement(parent, tag("Code"), guid=code.uuid, name=code.name,
                                   isCodable="true" if code.codable else "false", color=code.colour)
        description = compose(DefinitionFields(code.definition, code.when_to_use,
                                               code.when_not_to_use, code.example))
        if description:
            etree.SubElement(element, tag("Description")).text = description
        for memo in memos.get(("code", code.id), []):
            etree.SubElement(element, tag("NoteRef")).set("targetGUID", memo.uuid)
        for child in children.get(code.id, []):
            write(element, child)

    codes_element = etree.SubElement(etree.SubElement(root, tag("CodeBook")), tag("Codes"))
    for code in children.get(None, []):
        write(codes_element, code)


def _variables(root: etree._Element, session: Session) -> None:
    attributes = session.scalars(select(AttributeDefinition).order_by(AttributeDefinition.position,
                                                                      AttributeDefinition.id)).all()
    if not attributes:
        return
    variables = etree.SubElement(root, tag("Variables"))
    for attribute in attributes:
        element = etree.SubElement(variables, tag("Variable"), guid=attribute.uuid,
                                   name=attribute.name,
                                   typeOfVariable=VARIABLE_TYPE[attribute.type])
        lines = [attribute.description] if attribute.description else []
        choices = json.loads(attribute.choices_json)
        if choices:
            lines.append(f"{CHOICES_LABEL} {CHOICE_SEPARATOR.join(choices)}")
        if lines:
            etree.SubElement(element, tag("Description")).text = "\n".join(lines)


def _cases(root: etree._Element, session: Session) -> None:
    cases = session.scalars(select(Case).order_by(Case.position, Case.id)).all()
    if not cases:
        return
    attributes = {a.id: a for a in session.scalars(select(AttributeDefinition))}
    values: dict[int, list[CaseAttributeValue]] = defaultdict(list)
    for value in session.scalars(select(CaseAttributeValue)):
        values[value.case_id].append(value)
    documents: dict[int, list[str]] = defaultdict(list)
    for case_id, uuid in session.execute(
            select(Document.case_id, Document.uuid).order_by(Document.position, Document.id)):
        documents[case_id].append(uuid)
    element = etree.SubElement(root, tag("Cases"))
    for case in cases:
        case_element = etree.SubElement(element, tag("Case"), guid=case.uuid, name=case.name)
        if case.description:
            etree.SubElement(case_element, tag("Description")).text = case.description
        for value in sorted(values[case.id], key=lambda v: attributes[v.attribute_id].position):
            attribute = attributes[value.attribute_id]
            value_element = etree.SubElement(case_element, tag("VariableValue"))
            etree.SubElement(value_element, tag("VariableRef"), targetGUID=attribute.uuid)
            kind = VARIABLE_TYPE[attribute.type]
            etree.SubElement(value_element, tag(VALUE_ELEMENT[kind])).text = value.value
        for uuid in documents[case.id]:
            etree.SubElement(case_element, tag("SourceRef"), targetGUID=uuid)


def _sources(root: etree._Element, session: Session, coders: dict[int, Coder], memos: dict,
             report: ExportReport, control: JobControl) -> dict[str, str]:
    code_guids = dict(session.execute(select(Code.id, Code.uuid)).all())
    codings: dict[int, list[Coding]] = defaultdict(list)
    for coding in session.scalars(select(Coding).order_by(Coding.document_id, Coding.start,
                                                          Coding.end, Coding.id)):
        codings[coding.document_id].append(coding)
    documents = session.scalars(select(Document).order_by(Document.position, Document.id)).all()
    texts: dict[str, str] = {}
    astral = 0
    if not documents:
        return texts
    sources = etree.SubElement(root, tag("Sources"))
    for number, document in enumerate(documents, start=1):
        control.check()
        control.report(number, len(documents), document.title)
        file_name = f"{document.uuid}.txt"
        texts[file_name] = document.text
        astral += has_astral(document.text)
        element = etree.SubElement(sources, tag("TextSource"), guid=document.uuid,
                                   name=document.title, plainTextPath=f"internal://{file_name}",
                                   creationDateTime=timestamp(document.imported_at) or "")
        details = _document_details(document)
        if details:
            etree.SubElement(element, tag("Description")).text = details
        for coding in codings[document.id]:
            _selection(element, document.text, coding, coders, code_guids, memos)
        for memo in memos.get(("document", document.id), []):
            etree.SubElement(element, tag("NoteRef")).set("targetGUID", memo.uuid)
    if astral:
        report.warnings.append(
            f"{astral} document(s) hold emoji or other characters beyond U+FFFF: positions count "
            "code points as the standard says; NVivo counts such a character twice.")
    return texts


def _document_details(document: Document) -> str:
    values = {
        "kind": document.kind.value,
        "recorded_on": document.recorded_on.isoformat() if document.recorded_on else "",
        "interviewer": document.interviewer,
        "participants": "; ".join(json.loads(document.participants_json)),
        "source_name": document.source_name,
    }
    return "\n".join(f"{label} {values[key]}" for key, label in DOCUMENT_LABELS if values[key])


def _selection(parent: etree._Element, text: str, coding: Coding, coders: dict[int, Coder],
               code_guids: dict[int, str], memos: dict) -> None:
    coder = coders[coding.coder_id]
    created = timestamp(coding.created_at) or ""
    selection = etree.SubElement(
        parent, tag("PlainTextSelection"),
        guid=str(uuid_module.uuid5(_SELECTION_NAMESPACE, coding.uuid)),
        name=text[coding.start:coding.end][:SELECTION_NAME_LIMIT],
        startPosition=str(coding.start), endPosition=str(coding.end),
        creatingUser=coder.uuid, creationDateTime=created)
    description = "\n".join(part for part in (
        coding.memo, f"{AUTOCODED_BY}{coding.rule}" if coding.rule else "") if part)
    if description:  # REFI-QDA has no place for an autocoding's rule: the description says it
        etree.SubElement(selection, tag("Description")).text = description
    element = etree.SubElement(selection, tag("Coding"), guid=coding.uuid, creatingUser=coder.uuid,
                               creationDateTime=created)
    etree.SubElement(element, tag("CodeRef"), targetGUID=code_guids[coding.code_id])
    for memo in memos.get(("coding", coding.id), []):
        etree.SubElement(element, tag("NoteRef")).set("targetGUID", memo.uuid)


def _notes(root: etree._Element, session: Session, coders: dict[int, Coder]) -> None:
    memos = session.scalars(select(Memo).order_by(Memo.id)).all()
    if not memos:
        return
    notes = etree.SubElement(root, tag("Notes"))
    for memo in memos:
        element = etree.SubElement(notes, tag("Note"), guid=memo.uuid, name=memo.title,
                                   creationDateTime=timestamp(memo.created_at) or "",
                                   modifiedDateTime=timestamp(memo.modified_at) or "")
        if memo.author_id is not None and memo.author_id in coders:
            element.set("creatingUser", coders[memo.author_id].uuid)
        etree.SubElement(element, tag("PlainTextContent")).text = memo.text


def _case_links(root: etree._Element, memos: dict, case_guids: dict[int, str]) -> None:
    pairs = [(memo, case_id) for (kind, case_id), found in memos.items() if kind == "case"
             for memo in found]
    if not pairs:
        return
    links = etree.SubElement(root, tag("Links"))
    for memo, case_id in pairs:
        etree.SubElement(links, tag("Link"), name=CASE_MEMO_LINK, direction="OneWay",
                         guid=str(uuid_module.uuid5(_SELECTION_NAMESPACE, f"link:{memo.uuid}")),
                         originGUID=memo.uuid, targetGUID=case_guids[case_id])

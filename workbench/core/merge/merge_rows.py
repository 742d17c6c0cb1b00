"""The rows of a project merge: coders, attributes, cases, documents, codings and memos.

Runs inside the merge's transaction. Pairing is by identity (GUID) or content (name, text
hash, range), never by position, which is what makes the merge idempotent and symmetric.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import canonical_value
from workbench.core.errors import DomainError
from workbench.core.jobs import JobControl
from workbench.core.merge.other_project import CodingRow, OtherProject
from workbench.core.model import (
    AttributeDefinition,
    Case,
    CaseAttributeValue,
    Coding,
    Document,
    Memo,
    new_uuid,
)
from workbench.core.services.changes import ChangeLog, EntityRef
from workbench.core.services.coders import ensure_coder
from workbench.core.store.cases import define_attribute, insert_case, set_value
from workbench.core.store.codings import NewCoding, store_joined
from workbench.core.store.documents import NewDocument, insert_document
from workbench.core.store.memos import insert_memo
from workbench.core.text import fold

Group = tuple[int, int, int]  # our document, code, coder
REPORT_EVERY = 2000


class RowMerger:
    def __init__(self, session: Session, log: ChangeLog, other: OtherProject,
                 control: JobControl) -> None:
        self.session = session
        self.log = log
        self.other = other
        self.control = control
        self.conflicts: list[str] = []
        self.counts: dict[str, int] = defaultdict(int)

    # -- preview (reads only) ---------------------------------------------------------------

    def preview(self) -> dict[str, int]:
        our_cases = {fold(name) for name in self.session.scalars(select(Case.name))}
        our_case_ids = set(self.session.scalars(select(Case.uuid)))
        hashes = set(self.session.scalars(select(Document.content_hash)))
        memos = set(self.session.scalars(select(Memo.uuid)))
        new_documents = sum(1 for d in self.other.documents if d.content_hash not in hashes)
        return {
            "cases to add": sum(1 for c in self.other.cases
                                if c.uuid not in our_case_ids and fold(c.name) not in our_cases),
            "documents to add": new_documents,
            "documents paired": len(self.other.documents) - new_documents,
            "codings in the other project": len(self.other.codings),
            "memos to add": sum(1 for m in self.other.memos if m.uuid not in memos),
        }

    # -- the merge --------------------------------------------------------------------------

    def merge(self, code_ids: dict[int, int]) -> dict[str, int]:
        coders = {their_id: ensure_coder(self.session, self.log, name).id
                  for their_id, name in self.other.coders.items()}
        attributes = self._attributes()
        cases = self._cases(attributes)
        documents = self._documents(cases)
        coding_ids = self._codings(documents, code_ids, coders)
        self._memos(cases, documents, code_ids, coders, coding_ids)
        return dict(self.counts)

    def _attributes(self) -> dict[int, AttributeDefinition]:
        ours = {fold(a.name): a for a in self.session.scalars(select(AttributeDefinition))}
        used = {a.uuid for a in ours.values()}
        found = {}
        for theirs in self.other.attributes:
            match = ours.get(fold(theirs.name))
            if match is None:
                match = define_attribute(
                    self.session, theirs.name, theirs.type, _choices(theirs), theirs.description,
                    uuid=theirs.uuid if theirs.uuid not in used else new_uuid())
                self.log.create(match)
            elif match.type != theirs.type:
                self.conflicts.append(f"Attribute '{theirs.name}' is {theirs.type.value} there and "
                                      f"{match.type.value} here; values are kept as here.")
            found[theirs.id] = match
        return found

    def _cases(self, attributes: dict[int, AttributeDefinition]) -> dict[int, int]:
        ours = list(self.session.scalars(select(Case)))
        by_uuid = {c.uuid: c for c in ours}
        by_name = {fold(c.name): c for c in ours}
        # Our values, read once (a look-up per value cost a query each); those set here join.
        values = {(case_id, attribute_id): value for case_id, attribute_id, value in
                  self.session.execute(select(CaseAttributeValue.case_id,
                                              CaseAttributeValue.attribute_id,
                                              CaseAttributeValue.value))}
        found = {}
        for theirs in self.other.cases:
            case = by_uuid.get(theirs.uuid) or by_name.get(fold(theirs.name))
            if case is None:
                case = insert_case(self.session, theirs.name, theirs.description,
                                   uuid=theirs.uuid)
                self.log.create(case)
                by_name[fold(case.name)] = case
                self.counts["cases"] += 1
            found[theirs.id] = case.id
            for attribute_id, value in self.other.values.get(theirs.id, {}).items():
                self._value(case, attributes[attribute_id], value, values)
        return found

    def _value(self, case: Case, attribute: AttributeDefinition, value: str,
               ours: dict[tuple[int, int], str]) -> None:
        here = ours.get((case.id, attribute.id))
        try:
            stored = canonical_value(attribute.type, value, tuple(_choices(attribute)),
                                     attribute.name)
        except DomainError as error:
            self.conflicts.append(f"Case '{case.name}': {error} Kept as here.")
            return
        if here is None:
            ours[(case.id, attribute.id)] = set_value(self.session, case, attribute, stored)
            self.log.update(case)
        elif here != stored:
            self.conflicts.append(f"Case '{case.name}': '{attribute.name}' is '{stored}' there "
                                  f"and '{here}' here; kept '{here}'.")

    def _documents(self, cases: dict[int, int]) -> dict[int, int]:
        ours: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for document_id, digest, title in self.session.execute(
                select(Document.id, Document.content_hash, Document.title)):
            ours[digest].append((document_id, fold(title)))
        used_uuids = set(self.session.scalars(select(Document.uuid)))
        found: dict[int, int] = {}
        for number, theirs in enumerate(self.other.documents, start=1):
            self.control.check()
            candidates = sorted(ours.get(theirs.content_hash, []),
                                key=lambda pair: pair[1] != fold(theirs.title))
            if candidates:
                found[theirs.id] = candidates[0][0]
                continue
            document, _turns = insert_document(self.session, NewDocument(
                cases[theirs.case_id], theirs.title, theirs.text, theirs.kind,
                theirs.uuid if theirs.uuid not in used_uuids else None, theirs.source_name,
                theirs.encoding, theirs.recorded_on, theirs.interviewer,
                _participants(theirs.participants_json), theirs.imported_at,
                # None (turns found again) if the plan paired it with a document deleted since.
                self.other.turns.get(theirs.id), self.other.headings.get(theirs.id, [])))
            self.log.create(document)
            ours[theirs.content_hash].append((document.id, fold(theirs.title)))
            found[theirs.id] = document.id
            self.counts["documents"] += 1
            self.control.report(number, len(self.other.documents), theirs.title)
        return found

    def _codings(self, documents: dict[int, int], code_ids: dict[int, int],
                 coders: dict[int, int]) -> dict[str, Group]:
        stored = self._stored_codings(set(documents.values()))
        used = set(self.session.connection().execute(select(Coding.uuid)).scalars())
        groups: dict[str, Group] = {}
        new: list[NewCoding] = []
        total = len(self.other.codings)
        self.control.report(0, total, "codings")
        for number, row in enumerate(self.other.codings, start=1):
            if number % REPORT_EVERY == 0:
                self.control.check()
                self.control.report(number, total, "codings")
            group = (documents[row.document_id], code_ids[row.code_id], coders[row.coder_id])
            groups[row.uuid] = group
            if not self._covered(stored[group], row):
                new.append(NewCoding(*group, row.start, row.end, row.memo,
                                     uuid=row.uuid if row.uuid not in used else new_uuid(),
                                     created_at=row.created_at, rule=row.rule))
        # A new coding that overlaps or touches one of ours is joined with it (no row of its own).
        written = store_joined(self.session, new, meets=lambda c: any(
            span[0] <= c.end and c.start <= span[1] for span in stored.get(c.group, ())))
        self.log.created.extend(EntityRef("coding", written.ids[c.uuid], c.uuid)
                                for c in written.inserted)
        self.counts["codings"] += len(written.inserted)
        self.control.report(total, total, "codings")
        return groups

    def _stored_codings(self, document_ids: set[int]) -> dict[Group, list[list]]:
        stored: dict[Group, list[list]] = defaultdict(list)
        ids = sorted(document_ids)
        # Plain rows through the connection (thousands: the ORM's row handling cost more than
        # the read); what the session holds unwritten goes first.
        self.session.flush()
        connection = self.session.connection()
        for chunk in range(0, len(ids), 500):
            for row in connection.execute(select(
                    Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end,
                    Coding.id, Coding.memo).where(Coding.document_id.in_(ids[chunk:chunk + 500]))):
                stored[(row[0], row[1], row[2])].append([row[3], row[4], row[5], row[6]])
        return stored

    def _covered(self, spans: list[list], row: CodingRow) -> bool:
        """True when one of our codings already covers the passage (its memo joins ours)."""
        for span in spans:
            if span[0] <= row.start and row.end <= span[1]:
                if row.memo and row.memo not in span[3]:
                    span[3] = "\n".join(part for part in (span[3], row.memo) if part)
                    coding = self.session.get_one(Coding, span[2])
                    coding.memo = span[3]
                    self.log.update(coding)
                return True
        return False

    def _memos(self, cases: dict[int, int], documents: dict[int, int], code_ids: dict[int, int],
               coders: dict[int, int], coding_groups: dict[str, Group]) -> None:
        ours = dict(self.session.execute(select(Memo.uuid, Memo.text)).all())
        their_codings = {row.uuid: row for row in self.other.codings}
        for theirs in self.other.memos:
            if theirs.uuid in ours:
                if ours[theirs.uuid] != theirs.text:
                    self.conflicts.append(f"Memo '{theirs.title}' differs there; kept as here.")
                continue
            target, target_id = "project", None
            if theirs.case_id:
                target, target_id = "case", cases.get(theirs.case_id)
            elif theirs.document_id:
                target, target_id = "document", documents.get(theirs.document_id)
            elif theirs.code_id:
                target, target_id = "code", code_ids.get(theirs.code_id)
            elif theirs.coding_id is not None:
                target, target_id = "coding", self._our_coding(their_codings, coding_groups,
                                                               theirs.coding_id)
            memo = insert_memo(
                self.session, theirs.title, theirs.text,
                target=target if target_id is not None else "project", target_id=target_id,
                author_id=coders.get(theirs.author_id) if theirs.author_id else None,
                uuid=theirs.uuid, created_at=theirs.created_at, modified_at=theirs.modified_at)
            self.log.create(memo)
            self.counts["memos"] += 1

    def _our_coding(self, their_codings: dict[str, CodingRow], groups: dict[str, Group],
                    their_id: int) -> int | None:
        uuid = self.other.coding_uuids.get(their_id)
        row = their_codings.get(uuid or "")
        if row is None:
            return None
        document_id, code_id, coder_id = groups[row.uuid]
        return self.session.scalar(select(Coding.id).where(
            Coding.document_id == document_id, Coding.code_id == code_id,
            Coding.coder_id == coder_id, Coding.start <= row.start, Coding.end >= row.end))


def _choices(attribute: AttributeDefinition) -> list[str]:
    return list(json.loads(attribute.choices_json))


def _participants(text: str) -> list[str]:
    return list(json.loads(text))

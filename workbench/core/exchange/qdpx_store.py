"""Turning a parsed REFI-QDA project into rows of an (empty) project, inside one transaction."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.codebooks.description import parse
from workbench.core.errors import DomainError
from workbench.core.exchange.offsets import choose_unit
from workbench.core.exchange.positions import TextMap, Unit
from workbench.core.exchange.qde_model import (
    QdeCode,
    QdeCoding,
    QdeProject,
    QdeSource,
    QdeVariable,
)
from workbench.core.exchange.vocabulary import (
    CHOICE_SEPARATOR,
    CHOICES_LABEL,
    DOCUMENT_LABELS,
    split_rule,
)
from workbench.core.jobs import JobControl
from workbench.core.model import (
    AttributeDefinition,
    AttributeType,
    Case,
    DocumentKind,
    ProjectInfo,
    new_uuid,
)
from workbench.core.store.cases import define_attribute, insert_case, set_value
from workbench.core.store.coders import insert_coder
from workbench.core.store.codes import add_code
from workbench.core.store.codings import NewCoding, insert_codings, join_overlapping
from workbench.core.store.documents import NewDocument, insert_document
from workbench.core.store.memos import insert_memo
from workbench.core.text import clean_name

UNKNOWN_CODER = "Unknown coder"
NO_CASE = "Documents without a case"
_TYPES = {"Text": AttributeType.TEXT, "Boolean": AttributeType.BOOLEAN,
          "Integer": AttributeType.NUMBER, "Float": AttributeType.NUMBER,
          "Date": AttributeType.DATE, "DateTime": AttributeType.DATE}


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... if a case-insensitive twin is taken; marks it."""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name} ({number})"
    taken.add(candidate.casefold())
    return candidate


class Importer:
    def __init__(self, parsed: QdeProject, control: JobControl) -> None:
        self.parsed = parsed
        self.control = control
        self.warnings: list[str] = []
        self.counts: Counter[str] = Counter()
        self.coders: dict[str, int] = {}  # user guid (or name) -> coder id
        self.codes: dict[str, int] = {}
        self.cases: dict[str, int] = {}
        self.documents: dict[str, int] = {}
        self.codings: dict[str, int] = {}
        self.note_targets: dict[str, tuple[str, int | str | None]] = {}
        self.pending_memos: list[tuple[str, str, str]] = []  # source guid, title, text
        self.units: dict[Unit, tuple[int, int, int]] = {}  # sources, names confirming, names
        self.used: dict[str, set[str]] = {}

    def fresh(self, table: str, guid: str) -> str:
        """``guid``, or a new one when the file gave it twice (GUIDs must be unique in a table)."""
        taken = self.used.setdefault(table, set())
        if guid in taken:
            guid = new_uuid()
        taken.add(guid)
        return guid

    def run(self, session: Session) -> None:
        info = session.scalars(select(ProjectInfo)).one()
        info.description = self.parsed.description.strip()
        self._coders(session)
        self._codes(session)
        attributes = self._variables(session)
        self._cases(session, attributes)
        self._sources(session)
        self._notes(session)

    # -- people and codes -----------------------------------------------------------------

    def _coders(self, session: Session) -> None:
        taken: set[str] = set()
        for guid, name in self.parsed.users.items():
            self.coders[guid] = self._new_coder(session, name or f"Coder {guid[:8]}", taken)
        self._taken_coders = taken

    def _new_coder(self, session: Session, name: str, taken: set[str]) -> int:
        coder = insert_coder(session, unique_name(clean_name(name), taken))
        self.counts["coders"] += 1
        return coder.id

    def coder_for(self, session: Session, guid: str | None) -> int:
        if guid and guid in self.coders:
            return self.coders[guid]
        key = guid or ""
        if key not in self.coders:
            label = UNKNOWN_CODER if not guid else f"Coder {guid[:8]}"
            self.warnings.append(f"Some codings name no known user; they were given to "
                                 f"'{label}'.")
            self.coders[key] = self._new_coder(session, label, self._taken_coders)
        return self.coders[key]

    def _codes(self, session: Session) -> None:
        coded = {c.code_guid for s in self.parsed.sources for sel in s.selections
                 for c in sel.codings} | {c.code_guid for s in self.parsed.sources
                                          for c in s.whole_codings}
        taken: dict[int | None, set[str]] = {}
        for code, parent in self.parsed.walk_codes():
            parent_id = self.codes.get(parent.guid) if parent is not None else None
            self._code(session, code, parent_id, code.guid in coded, taken)

    def _code(self, session: Session, code: QdeCode, parent_id: int | None, coded: bool,
              taken: dict[int | None, set[str]]) -> None:
        uuid = self.fresh("code", code.guid)
        if uuid != code.guid:
            self.warnings.append(f"Code '{code.name}' shares its GUID with another; it was given "
                                 "a new one.")
        name = unique_name(code.name, taken.setdefault(parent_id, set()))
        if name != code.name:
            self.warnings.append(f"Code '{code.name}' has a twin under the same parent; "
                                 f"it was renamed '{name}'.")
        codable = code.codable or coded
        if codable != code.codable:
            self.warnings.append(f"Code '{code.name}' was marked not codable but has codings; "
                                 "it was made codable.")
        created = add_code(session, name, parent_id=parent_id, colour=code.colour,
                           codable=codable, uuid=uuid, **parse(code.description).as_dict())
        self.codes.setdefault(code.guid, created.id)
        for note in code.note_refs:
            self.note_targets.setdefault(note, ("code", created.id))
        self.counts["codes"] += 1

    # -- cases and attributes -------------------------------------------------------------

    def _variables(self, session: Session) -> dict[str, AttributeDefinition]:
        found: dict[str, AttributeDefinition] = {}
        taken: set[str] = set()
        for variable in self.parsed.variables:
            kind, choices, description = self._variable_type(variable)
            found[variable.guid] = define_attribute(
                session, unique_name(clean_name(variable.name) or "Variable", taken), kind,
                choices, description, uuid=self.fresh("attribute", variable.guid))
        self.counts["attributes"] = len(found)
        return found

    def _variable_type(self, variable: QdeVariable) -> tuple[AttributeType, list[str], str]:
        kind = _TYPES.get(variable.kind)
        if kind is None:
            self.warnings.append(f"Variable '{variable.name}' has the unknown type "
                                 f"'{variable.kind}'; it was read as text.")
            kind = AttributeType.TEXT
        lines, choices = [], []
        for line in variable.description.splitlines():
            if kind is AttributeType.TEXT and line.startswith(CHOICES_LABEL):
                listed = line[len(CHOICES_LABEL):].split(CHOICE_SEPARATOR.strip())
                choices = [choice.strip() for choice in listed if choice.strip()]
            else:
                lines.append(line)
        if choices:
            kind = AttributeType.CHOICE
        return kind, choices, "\n".join(lines).strip()

    def _cases(self, session: Session, attributes: dict[str, AttributeDefinition]) -> None:
        taken: set[str] = set()
        names = {s.guid: s.name for s in self.parsed.sources}
        for position, qde_case in enumerate(self.parsed.cases, start=1):
            name = qde_case.name
            if not name:
                refs = qde_case.source_refs
                name = (names.get(refs[0], "") if len(refs) == 1 else "") or f"Case {position}"
                self.warnings.append(f"A case without a name was named '{name}'.")
            case = insert_case(session, unique_name(name, taken), qde_case.description,
                               uuid=self.fresh("case", qde_case.guid))
            self.counts["cases"] += 1
            for value in qde_case.values:
                attribute = attributes.get(value.variable_guid)
                if attribute is None:
                    self.warnings.append(f"Case '{name}': a value of an unknown variable was "
                                         "dropped.")
                    continue
                self._value(session, case, attribute, value.text)
            for source in qde_case.source_refs:
                if source in self.cases:
                    self.warnings.append(f"Source '{names.get(source, source)}' belongs to several "
                                         f"cases; it was put in the first only.")
                else:
                    self.cases[source] = case.id
        self._taken_cases = taken

    def _value(self, session: Session, case: Case, attribute: AttributeDefinition,
               text: str) -> None:
        if attribute.type is AttributeType.DATE and "T" in text:
            text = text.split("T")[0]
        if not text:
            return
        try:
            set_value(session, case, attribute, text)
        except DomainError as error:
            self.warnings.append(f"Case '{case.name}': {error} The value was dropped.")

    def _case_for(self, session: Session, source: QdeSource) -> int:
        if source.guid in self.cases:
            return self.cases[source.guid]
        if "" not in self.cases:
            case = insert_case(session, unique_name(NO_CASE, self._taken_cases), position=10**6)
            self.cases[""] = case.id
            self.warnings.append(f"Sources outside any case were put in the case '{case.name}'.")
        return self.cases[""]

    # -- sources, codings, notes ------------------------------------------------------------

    def _sources(self, session: Session) -> None:
        codings: list[NewCoding] = []
        for number, source in enumerate(self.parsed.sources, start=1):
            self.control.check()
            self.control.report(number, len(self.parsed.sources), source.name)
            text_map = TextMap(source.text)
            if not text_map.stored.strip():
                self.warnings.append(f"Source '{source.name}' holds no text; it was skipped.")
                continue
            new = self._new_document(session, source, text_map.stored)
            document, _turns = insert_document(session, new)
            self.documents[source.guid] = document.id
            self.counts["documents"] += 1
            for note in source.note_refs:
                self.note_targets.setdefault(note, ("document", document.id))
            codings += self._source_codings(session, source, text_map, document.id)
        joined = join_overlapping(codings)
        self.codings = insert_codings(session, joined)
        self.counts["codings"] = len(joined)
        for unit, (sources, confirmed, names) in self.units.items():
            self.warnings.append(f"In {sources} source(s) positions were read as {unit} "
                                 f"({confirmed} of {names} selection names confirm it; the file "
                                 f"comes from '{self.parsed.origin or 'an unnamed tool'}').")

    def _new_document(self, session: Session, source: QdeSource, stored: str) -> NewDocument:
        new = NewDocument(self._case_for(session, source), source.name or "Untitled", stored,
                          uuid=self.fresh("document", source.guid), encoding="utf-8",
                          imported_at=source.created)
        extra = []
        labels = {label.casefold(): key for key, label in DOCUMENT_LABELS}
        for line in source.description.splitlines():
            label, _sep, value = line.partition(":")
            key = labels.get(f"{label.strip()}:".casefold())
            if key is None or not value.strip():
                extra.append(line)
            else:
                self._document_detail(new, key, value.strip())
        if "\n".join(extra).strip():
            self.pending_memos.append((source.guid, f"Description of {source.name}",
                                       "\n".join(extra).strip()))
        return new

    def _document_detail(self, new: NewDocument, key: str, value: str) -> None:
        if key == "kind":
            new.kind = DocumentKind(value) if value in set(DocumentKind) else DocumentKind.OTHER
        elif key == "recorded_on":
            try:
                new.recorded_on = date.fromisoformat(value)
            except ValueError:
                self.warnings.append(f"'{new.title}': unreadable date '{value}' dropped.")
        elif key == "participants":
            new.participants = [p.strip() for p in value.split(";") if p.strip()]
        else:
            setattr(new, key, value)

    def _source_codings(self, session: Session, source: QdeSource, text_map: TextMap,
                        document_id: int) -> list[NewCoding]:
        unit, matched, named = choose_unit(source, text_map, self.parsed.origin)
        if unit is not Unit.CODE_POINTS:
            sources, confirmed, names = self.units.get(unit, (0, 0, 0))
            self.units[unit] = (sources + 1, confirmed + matched, names + named)
        found: list[NewCoding] = []
        length = len(text_map.stored)
        for selection in source.selections:
            raw_start = text_map.from_unit(unit, selection.start)
            raw_end = text_map.from_unit(unit, selection.end)
            start, end = text_map.to_stored(raw_start), text_map.to_stored(raw_end)
            if not (0 <= raw_start < raw_end <= len(text_map.raw) and start < end):
                self.warnings.append(f"Source '{source.name}': a selection at {selection.start}–"
                                     f"{selection.end} lies outside the text; skipped.")
                continue
            if not selection.codings and selection.description.strip():
                self._passage_comment(source, text_map.stored[start:end], selection.description)
            for coding in selection.codings:
                new = self._coding(session, source, coding, selection.user, document_id, start,
                                   end, selection.description.strip())
                if new is not None:
                    found.append(new)
                    for note in (*selection.note_refs, *coding.note_refs):
                        self.note_targets.setdefault(note, ("coding-uuid", new.uuid))
        for coding in source.whole_codings:
            new = self._coding(session, source, coding, None, document_id, 0, length, "")
            if new is not None:
                found.append(new)
        return found

    def _coding(self, session: Session, source: QdeSource, coding: QdeCoding, user: str | None,
                document_id: int, start: int, end: int, memo: str) -> NewCoding | None:
        code_id = self.codes.get(coding.code_guid)
        if code_id is None:
            self.warnings.append(f"Source '{source.name}': a coding with an unknown code was "
                                 "skipped.")
            return None
        memo, rule = split_rule(memo)
        return NewCoding(document_id, code_id, self.coder_for(session, coding.user or user),
                         start, end, memo, uuid=self.fresh("coding", coding.guid),
                         created_at=coding.created, rule=rule)

    def _passage_comment(self, source: QdeSource, passage: str, comment: str) -> None:
        quote = " ".join(passage.split())[:80]
        self.pending_memos.append((source.guid, f"Comment on “{quote}”", comment.strip()))

    def _notes(self, session: Session) -> None:
        case_links = {origin: target for origin, target in self.parsed.links
                      if target in {c.guid for c in self.parsed.cases}}
        for note in self.parsed.notes:
            kind, target = self.note_targets.get(note.guid, ("project", None))
            if note.guid in case_links and kind == "project":
                kind, target = "case", self._case_id(session, case_links[note.guid])
            if kind == "coding-uuid":
                kind, target = "coding", self.codings.get(str(target))
            title = " ".join(note.name.split()) or " ".join(note.text.split())[:60] or "Note"
            target_id = target if isinstance(target, int) else None
            insert_memo(session, title, note.text,
                        target=kind if target_id is not None else "project", target_id=target_id,
                        author_id=self.coders.get(note.user or ""),
                        uuid=self.fresh("memo", note.guid), created_at=note.created,
                        modified_at=note.modified)
            self.counts["memos"] += 1
        for source_guid, title, text in self.pending_memos:
            document_id = self.documents.get(source_guid)
            insert_memo(session, title[:300], text,
                        target="document" if document_id is not None else "project",
                        target_id=document_id)
            self.counts["memos"] += 1

    def _case_id(self, session: Session, guid: str) -> int | None:
        return session.scalar(select(Case.id).where(Case.uuid == guid))

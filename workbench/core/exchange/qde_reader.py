"""Reading a REFI-QDA ``project.qde`` tolerantly: any ``urn:QDA-XML:project:*`` namespace, text
inline or in the package, optional parts absent. What we cannot carry becomes a warning."""

from __future__ import annotations

import codecs
from collections import Counter

from lxml import etree

from workbench.core.codebooks.qdc import normalise_guid
from workbench.core.codebooks.safe_xml import local_name
from workbench.core.colours import valid_colour
from workbench.core.errors import DomainError, ImportFileError
from workbench.core.exchange.counts import check_counts
from workbench.core.exchange.qde_model import (
    QdeCase,
    QdeCode,
    QdeCoding,
    QdeNote,
    QdeProject,
    QdeSelection,
    QdeSource,
    QdeValue,
    QdeVariable,
)
from workbench.core.exchange.safety import Package
from workbench.core.exchange.source_files import package_member, text_of_file
from workbench.core.exchange.vocabulary import parse_timestamp
from workbench.core.model import new_uuid

_TRUE = {"true", "1"}
_VALUE_ELEMENTS = {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue",
                   "DateTimeValue"}
_UNSUPPORTED = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


def _first_three(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names[:3]) + (" …" if len(names) > 3 else "")


def read_project(package: Package) -> QdeProject:
    root = package.root
    namespace = etree.QName(root).namespace or ""
    if local_name(root) != "Project" or (namespace and not namespace.startswith("urn:QDA-XML:")):
        raise ImportFileError(
            f"{package.name}: is not a REFI-QDA project (its root element is "
            f"<{local_name(root)}>, expected <Project> in the urn:QDA-XML:project namespace).")
    check_counts(root, package.name)
    reader = _Reader(package)
    return reader.project(root)


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    found = children(element, name)
    return found[0] if found else None


def child_text(element: etree._Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "") if found is not None else ""


class _Reader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.warnings: list[str] = []
        self.missing: list[str] = []
        self.bare_paths: list[str] = []

    def guid(self, element: etree._Element, attribute: str = "guid") -> str:
        raw = element.get(attribute) or ""
        found = normalise_guid(raw)
        if found is None:
            self.warnings.append(f"<{local_name(element)}> '{element.get('name', '')}' had no "
                                 f"valid GUID ('{raw}'); it was given a new one.")
            return new_uuid()
        return found

    def ref(self, element: etree._Element) -> str:
        return normalise_guid(element.get("targetGUID") or "") or ""

    def refs(self, element: etree._Element, name: str) -> list[str]:
        return [self.ref(found) for found in children(element, name) if self.ref(found)]

    def project(self, root: etree._Element) -> QdeProject:
        project = QdeProject(name=root.get("name") or self.package.name,
                             origin=root.get("origin") or "",
                             description=child_text(root, "Description"))
        users = child(root, "Users")
        for user in children(users, "User") if users is not None else []:
            project.users[self.guid(user)] = (user.get("name") or user.get("id") or "").strip()
        codebook = child(root, "CodeBook")
        codes = child(codebook, "Codes") if codebook is not None else None
        project.codes = [self.code(c) for c in children(codes, "Code")] if codes is not None else []
        variables = child(root, "Variables")
        for variable in children(variables, "Variable") if variables is not None else []:
            project.variables.append(QdeVariable(
                self.guid(variable), (variable.get("name") or "").strip(),
                variable.get("typeOfVariable") or "Text", child_text(variable, "Description")))
        cases = child(root, "Cases")
        project.cases = [self.case(c) for c in children(cases, "Case")] if cases is not None else []
        self.sources(root, project)
        notes = child(root, "Notes")
        for note in children(notes, "Note") if notes is not None else []:
            self.note(note, project)
        links = child(root, "Links")
        for link in children(links, "Link") if links is not None else []:
            origin = normalise_guid(link.get("originGUID") or "")
            target = normalise_guid(link.get("targetGUID") or "")
            if origin and target:
                project.links.append((origin, target))
        project.note_refs = self.refs(root, "NoteRef")
        for part, what in (("Sets", "set(s)"), ("Graphs", "graph(s)")):
            found = child(root, part)
            if found is not None and len(found):
                self.warnings.append(f"{len(found)} {what} were not imported (not supported).")
        if self.bare_paths:
            self.warnings.append(
                f"{len(self.bare_paths)} source(s) name their text file by a bare path "
                f"({_first_three(self.bare_paths)}) instead of internal://...; they were read from "
                "the package, but the path is not standard.")
        if self.missing:
            shown = _first_three(self.missing)
            raise ImportFileError(
                f"{self.package.name}: is missing its sources: {len(self.missing)} text file(s) "
                f"it names are not in the package ({shown}); nothing was imported.")
        project.warnings = self.warnings
        return project

    def code(self, element: etree._Element) -> QdeCode:
        name = " ".join((element.get("name") or "").split()) or "(unnamed code)"
        colour = element.get("color") or None  # color="" is no colour, not a wrong one
        if colour:
            try:
                colour = valid_colour(colour)
            except DomainError:
                self.warnings.append(f"Code '{name}' had an unreadable colour '{colour}'; dropped.")
                colour = None
        return QdeCode(
            guid=self.guid(element), name=name, colour=colour,
            codable=(element.get("isCodable") or "true").strip().lower() in _TRUE,
            description=child_text(element, "Description"), note_refs=self.refs(element, "NoteRef"),
            children=[self.code(sub) for sub in children(element, "Code")])

    def case(self, element: etree._Element) -> QdeCase:
        values = []
        for value in children(element, "VariableValue"):
            reference = child(value, "VariableRef")
            kinds = [sub for sub in value if local_name(sub) in _VALUE_ELEMENTS]
            if reference is not None and kinds:
                values.append(QdeValue(self.ref(reference), local_name(kinds[0]),
                                       (kinds[0].text or "").strip()))
        if children(element, "CodeRef") or children(element, "SelectionRef"):
            self.warnings.append(f"Case '{element.get('name', '')}': codes or selections linked "
                                 "to the case were not imported (not supported).")
        return QdeCase(self.guid(element), " ".join((element.get("name") or "").split()),
                       child_text(element, "Description"), values,
                       self.refs(element, "SourceRef"))

    def sources(self, root: etree._Element, project: QdeProject) -> None:
        sources = child(root, "Sources")
        if sources is None:
            return
        skipped: Counter[str] = Counter()
        for element in sources:
            kind = local_name(element)
            if kind == "TextSource":
                self.source(element, element.get("name") or "", project,
                            attributes=("plainTextPath", "richTextPath"))
            elif kind == "PDFSource" and (shown := child(element, "Representation")) is not None:
                self.source(shown, element.get("name") or "", project,
                            guid=self.guid(element))
                if children(element, "PDFSelection") or children(element, "Coding"):
                    self.warnings.append(f"PDF '{element.get('name', '')}': its text was imported; "
                                         "codings of page areas were not (not supported).")
            elif kind == "PDFSource" and element.get("path"):
                self.source(element, element.get("name") or "", project, attributes=("path",))
                if children(element, "PDFSelection") or children(element, "Coding"):
                    self.warnings.append(f"PDF '{element.get('name', '')}': its text was imported; "
                                         "codings of page areas were not (not supported).")
            elif kind:
                skipped[_UNSUPPORTED.get(kind, kind)] += 1
        for kind, count in sorted(skipped.items()):
            self.warnings.append(f"{count} {kind} source(s) and their codings were not imported "
                                 "(only text sources are supported).")

    def source(self, element: etree._Element, name: str, project: QdeProject,
               guid: str | None = None, attributes: tuple[str, ...] = ("plainTextPath",)) -> None:
        name = " ".join(name.split()) or "(untitled source)"
        text = self.text_of(element, name, attributes)
        if text is None:
            return
        source = QdeSource(guid or self.guid(element), name, text,
                           child_text(element, "Description"),
                           parse_timestamp(element.get("creationDateTime")),
                           note_refs=self.refs(element, "NoteRef"))
        for selection in children(element, "PlainTextSelection"):
            found = self.selection(selection, name)
            if found is not None:
                source.selections.append(found)
        source.whole_codings = [self.coding(c) for c in children(element, "Coding")]
        if children(element, "VariableValue"):
            self.warnings.append(f"Source '{name}': its own variable values were not imported "
                                 "(we keep attributes on cases).")
        project.sources.append(source)

    def text_of(self, element: etree._Element, name: str,
                attributes: tuple[str, ...] = ("plainTextPath",)) -> str | None:
        """The plain text, inline or from the first path attribute given (a later one names a
        rich text or PDF file, read as an import reads it)."""
        inline = child(element, "PlainTextContent")
        if inline is not None and inline.text:
            return inline.text
        found = [(attribute, (element.get(attribute) or "").strip()) for attribute in attributes]
        attribute, path = next(((a, p) for a, p in found if p), ("", ""))
        if not path:
            self.warnings.append(f"Source '{name}' holds no plain text; it was not imported.")
            return None
        member, standard = package_member(path)
        if member is None:
            self.warnings.append(f"Source '{name}' points outside the package ({path}); "
                                 "it was not imported.")
            return None
        if not standard:
            self.bare_paths.append(path)  # a bare name ('board_2017.txt'), as the qc tool writes
        data = self.package.read_internal(member)
        if data is None:
            self.missing.append(member)
            return ""
        if attribute == "plainTextPath":
            return self.decode(data, name)
        try:
            text = text_of_file(data, member)
        except ImportFileError as error:
            self.warnings.append(f"Source '{name}' has no plain text, and its file could not be "
                                 f"read ({error}); it was not imported.")
            return None
        self.warnings.append(f"Source '{name}' has no plain text; its text was read from "
                             f"'{member}', so its codings may sit off their words.")
        return text

    def decode(self, data: bytes, name: str) -> str:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return self._decoded(data, "utf-16", "utf-16", (
                f"Source '{name}' is damaged UTF-16 (cut short?); what could not be read was "
                "replaced by \ufffd."))
        return self._decoded(data, "utf-8-sig", "cp1252", (
            f"Source '{name}' is not UTF-8 as the standard asks; it was read as Windows-1252, "
            "check its special characters."))

    def _decoded(self, data: bytes, encoding: str, fallback: str, warning: str) -> str:
        """``data`` in ``encoding``; else, with ``warning``, in ``fallback`` (never failing)."""
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            self.warnings.append(warning)
            return data.decode(fallback, errors="replace")

    def selection(self, element: etree._Element, source: str) -> QdeSelection | None:
        try:
            start, end = int(element.get("startPosition", "")), int(element.get("endPosition", ""))
        except ValueError:
            self.warnings.append(f"Source '{source}': a selection without readable positions "
                                 "was skipped.")
            return None
        return QdeSelection(self.guid(element), element.get("name") or "", start, end,
                            child_text(element, "Description"),
                            normalise_guid(element.get("creatingUser") or ""),
                            [self.coding(c) for c in children(element, "Coding")],
                            self.refs(element, "NoteRef"))

    def coding(self, element: etree._Element) -> QdeCoding:
        reference = child(element, "CodeRef")
        return QdeCoding(self.guid(element), self.ref(reference) if reference is not None else "",
                         normalise_guid(element.get("creatingUser") or ""),
                         parse_timestamp(element.get("creationDateTime")),
                         self.refs(element, "NoteRef"))

    def note(self, element: etree._Element, project: QdeProject) -> None:
        name = " ".join((element.get("name") or "").split())
        text = self.text_of(element, name or "(note)")
        if text is None:
            return
        project.notes.append(QdeNote(
            self.guid(element), name, text, normalise_guid(element.get("creatingUser") or ""),
            parse_timestamp(element.get("creationDateTime")),
            parse_timestamp(element.get("modifiedDateTime"))))

"""Reading and writing REFI-QDA codebook files (``.qdc``, namespace
``urn:QDA-XML:codebook:1.0``)."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from lxml import etree

from workbench.core.atomic_file import written_whole
from workbench.core.codebooks.description import compose, parse
from workbench.core.codebooks.model import Codebook, CodebookCode
from workbench.core.codebooks.safe_xml import UnsafeXmlError, local_name, parse_xml_file
from workbench.core.colours import valid_colour
from workbench.core.errors import CodebookFileError, DomainError
from workbench.core.model import new_uuid
from workbench.core.paths import schema_path

NAMESPACE = "urn:QDA-XML:codebook:1.0"
_GUID = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$"
)
_TRUE = {"true", "1"}


def normalise_guid(guid: str) -> str | None:
    """A REFI-QDA GUID in our stored form (no braces, lower-case), or None when invalid."""
    match = _GUID.match(guid.strip())
    return match.group(1).lower() if match else None


# -- reading --------------------------------------------------------------------------------

def read_codebook(path: str | os.PathLike[str]) -> Codebook:
    """Read a ``.qdc`` file written by us or another tool; what cannot be carried is warned
    about."""
    path = Path(path)
    if path.exists() and not path.is_file():  # a named pipe would never end
        raise CodebookFileError(f"{path}: is not a file (a folder, a named pipe or a device).")
    try:
        root = parse_xml_file(path)
    except FileNotFoundError:
        raise CodebookFileError(f"{path}: no such file.") from None
    except OSError as error:
        raise CodebookFileError(f"{path}: cannot be read ({error.strerror}).") from None
    except UnsafeXmlError as error:
        raise CodebookFileError(f"{path} cannot be read as a codebook: {error}.") from None
    if local_name(root) != "CodeBook" or not _is_qda_namespace(root):
        raise CodebookFileError(
            f"{path} is not a REFI-QDA codebook (its root element is <{local_name(root)}>, "
            "expected <CodeBook> in the urn:QDA-XML:codebook namespace)."
        )
    codebook = Codebook(codes=[], origin=root.get("origin", ""))
    codes_element = _child(root, "Codes")
    if codes_element is not None:
        seen: dict[str, str] = {}  # GUID -> the name of the code that has it
        codebook.codes = [_read_code(element, codebook.warnings, seen)
                          for element in _children(codes_element, "Code")]
    if _child(root, "Sets") is not None:
        codebook.warnings.append("Code sets in the file were not imported (not supported yet).")
    return codebook


def _read_code(element: etree._Element, warnings: list[str],
               seen: dict[str, str]) -> CodebookCode:
    name = " ".join((element.get("name") or "").split()) or "(unnamed code)"
    guid = normalise_guid(element.get("guid") or "")
    if guid is None:
        guid = new_uuid()
        warnings.append(f"Code '{name}' had no valid GUID; it was given a new one.")
    elif guid in seen:
        warnings.append(f"Code '{name}' had the same GUID as the code '{seen[guid]}'; it was "
                        "given a new one.")
        guid = new_uuid()
    seen[guid] = name
    colour = element.get("color") or None  # color="" is no colour, not a wrong one
    if colour:
        try:
            colour = valid_colour(colour)
        except DomainError:
            warnings.append(f"Code '{name}' had an unreadable colour '{colour}'; it was dropped.")
            colour = None
    description = _child(element, "Description")
    fields = parse(description.text or "") if description is not None else parse("")
    return CodebookCode(
        uuid=guid, name=name, colour=colour, fields=fields,
        codable=(element.get("isCodable") or "true").strip().lower() in _TRUE,
        children=[_read_code(child, warnings, seen) for child in _children(element, "Code")],
    )


def _is_qda_namespace(element: etree._Element) -> bool:
    namespace = etree.QName(element).namespace
    # Real exports use 1.0, 1:0 and 0:4 variants; match any urn:QDA-XML namespace.
    return namespace is None or namespace.startswith("urn:QDA-XML:")


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


# -- writing --------------------------------------------------------------------------------

def codebook_xml(codebook: Codebook) -> bytes:
    """The codebook as schema-valid REFI-QDA XML."""
    root = etree.Element(f"{{{NAMESPACE}}}CodeBook", nsmap={None: NAMESPACE})
    root.set("origin", codebook.origin or "Coding Workbench")
    if codebook.codes:
        codes = etree.SubElement(root, f"{{{NAMESPACE}}}Codes")
        for code in codebook.codes:
            _write_code(codes, code)
    else:
        # <Codes> must hold at least one <Code>; an empty codebook cannot be expressed.
        raise DomainError("The codebook is empty; there is nothing to export.")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_code(parent: etree._Element, code: CodebookCode) -> None:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}Code")
    element.set("guid", code.uuid)
    element.set("name", code.name)
    element.set("isCodable", "true" if code.codable else "false")
    if code.colour:
        element.set("color", code.colour)
    description = compose(code.fields)
    if description:
        etree.SubElement(element, f"{{{NAMESPACE}}}Description").text = description
    for child in code.children:
        _write_code(element, child)


def write_codebook(codebook: Codebook, path: str | os.PathLike[str]) -> Path:
    """Write the codebook to ``path`` atomically (a half-written file never replaces a good one)."""
    path = Path(path)
    data = codebook_xml(codebook)
    with written_whole(path, CodebookFileError) as scratch:
        scratch.write_bytes(data)
    return path


# -- validation -----------------------------------------------------------------------------

@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path("Codebook.xsd"))))


def schema_errors(xml: bytes) -> list[str]:
    """Schema violations of a codebook document (empty when it is valid)."""
    schema = _schema()
    document = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]

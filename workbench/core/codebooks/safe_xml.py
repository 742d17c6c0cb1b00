"""Parsing XML we did not write: no DTDs, no entities, no network, bounded size."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

MAX_XML_BYTES = 200 * 1024 * 1024
PROLOG_BYTES = 1024 * 1024
_SKIPPABLE = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


class UnsafeXmlError(ValueError):
    """The XML carries a DOCTYPE, entities or is otherwise refused; the message says why."""


def parse_xml_bytes(data: bytes) -> etree._Element:
    """Parse XML from bytes, refusing any document type declaration (entities, bombs, XXE)."""
    if len(data) > MAX_XML_BYTES:
        raise UnsafeXmlError(f"it is larger than {MAX_XML_BYTES // (1024 * 1024)} MB")
    if declares_document_type(data):  # refused before lxml expands anything
        raise UnsafeXmlError("it declares a document type or entities (the road to external "
                             "entities and entity bombs), which is refused for safety")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnsafeXmlError(f"it is not well-formed XML ({error.msg})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeXmlError("it declares a document type (DTD), which is refused for safety")
    return root


def declares_document_type(data: bytes) -> bool:
    """A declaration can only stand before the root element; look there (UTF-8 or UTF-16)."""
    head = data[:PROLOG_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    head = _SKIPPABLE.sub(b"", head)
    root = _FIRST_ELEMENT.search(head)
    prolog = head[: root.start()] if root else head
    return b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper()


def parse_xml_file(path: Path) -> etree._Element:
    size = path.stat().st_size
    if size > MAX_XML_BYTES:
        raise UnsafeXmlError(f"it is larger than {MAX_XML_BYTES // (1024 * 1024)} MB")
    return parse_xml_bytes(path.read_bytes())


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""

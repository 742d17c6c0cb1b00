"""REFI-QDA packages to spoil: a real export of a tiny project, and projects drawn at random."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

from tests.fuzz.hostile import ATTRIBUTE_VALUES, element_trees, xml_text
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.paths import schema_path
from workbench.core.services.cases import create_case, define_attribute, set_case_attribute
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document
from workbench.core.services.memos import create_memo

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
GUIDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 7)] + [
    "{00000000-0000-4000-8000-000000000001}", "not-a-guid", ""]
TEXT = "Wat betekent het café? 🙂\r\nZoë: Veel.\n"


@cache
def qdpx_seed() -> bytes:
    """A tiny project (nested codes, a coding, an attribute, a memo) exported as .qdpx."""
    with tempfile.TemporaryDirectory() as folder:
        with create_project(Path(folder) / "seed.cwb") as project:
            case = create_case(project, "Zoë").subject.id
            define_attribute(project, "Leeftijd", "number")
            set_case_attribute(project, case, "Leeftijd", 34)
            document = add_document(project, case, "Interview", TEXT).subject.id
            parent = create_code(project, "Samen").subject.id
            child = create_code(project, "Koken", parent_id=parent).subject.id
            apply_code(project, document, child, 0, 12, coder="Lotte", memo="mooi")
            create_memo(project, "Over Zoë", "Een memo.")
            export_project(project, Path(folder) / "seed.qdpx")
        return (Path(folder) / "seed.qdpx").read_bytes()


@cache
def schema_names(schema: str) -> tuple[list[str], list[str]]:
    """The element and attribute names a REFI-QDA schema declares, its root element first."""
    tree = etree.parse(str(schema_path(schema)))
    elements = sorted({e.get("name") for e in tree.iter("{*}element") if e.get("name")})
    attributes = sorted({a.get("name") for a in tree.iter("{*}attribute") if a.get("name")})
    root = "Project" if schema == "Project.xsd" else "CodeBook"
    return [root] + [name for name in elements if name != root], attributes


@cache
def schema_trees(schema: str, namespace: str) -> st.SearchStrategy[bytes]:
    """Random documents made of the schema's own element and attribute names (one strategy per
    schema: hypothesis validates a new recursive strategy at its first draw, at some cost)."""
    elements, attributes = schema_names(schema)
    return element_trees(elements, attributes, GUIDS, namespace)


# -- projects that look right but say hostile things -----------------------------------------

GUID = st.sampled_from(GUIDS)
POSITION = st.one_of(st.integers(-5, 60), st.integers(-(10**12), 10**12),
                     st.sampled_from(["", "x", "1.5", "9" * 5000]))
SAFE_TEXT = st.text(max_size=30).map(xml_text)
# Built once: hypothesis validates every strategy object at its first draw, and the recursive
# ones cost milliseconds each time. A new object per draw inside the composites below cost a
# third of the data generation's processor time (2.3 s -> 1.5 s for 100 plausible projects).
VALUE_TEXT = ATTRIBUTE_VALUES.map(xml_text)
SOURCE_TEXT = st.text(max_size=60)


def _attrs(**values: object) -> str:
    return "".join(f' {key}="{escape(str(value))}"' for key, value in values.items()
                   if value is not None)


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


CODABLE = st.sampled_from(["true", "false", "maybe"])


@cache
def _children(depth: int) -> st.SearchStrategy[list[str]]:
    return st.lists(codes(depth), max_size=2)


@st.composite
def _codes(draw: st.DrawFn, depth: int) -> str:
    children = draw(_children(depth + 1)) if depth < 3 else []
    codable = draw(CODABLE)
    colour = draw(VALUE_TEXT)
    attributes = _attrs(guid=draw(GUID), name=draw(SAFE_TEXT), isCodable=codable, color=colour)
    return (f"<Code{attributes}><Description>{escape(draw(SAFE_TEXT))}</Description>"
            f"{''.join(children)}</Code>")


@cache
def codes(depth: int = 0) -> st.SearchStrategy[str]:
    """A code with hostile attributes and up to two children a level, three levels deep."""
    return _codes(depth)


@st.composite
def selection(draw: st.DrawFn) -> str:
    codings = "".join(f'<Coding guid="{draw(GUID)}"><CodeRef targetGUID="{draw(GUID)}"/></Coding>'
                      for _ in range(draw(st.integers(0, 2))))
    attributes = _attrs(guid=draw(GUID), name=draw(SAFE_TEXT), startPosition=draw(POSITION),
                        endPosition=draw(POSITION), creatingUser=draw(GUID))
    return f"<PlainTextSelection{attributes}>{codings}</PlainTextSelection>"


SELECTIONS = st.lists(selection(), max_size=4)
WHERE = st.sampled_from(["inline", "file", "missing", "outside", "utf16", "none"])


@st.composite
def source(draw: st.DrawFn, files: dict[str, bytes]) -> str:
    guid = draw(GUID)
    selections = "".join(draw(SELECTIONS))
    where = draw(WHERE)
    if where == "inline":
        return (f'<TextSource guid="{guid}" name="inline"><PlainTextContent>'
                f"{escape(draw(SAFE_TEXT))}</PlainTextContent>{selections}</TextSource>")
    name = f"{len(files)}-{where}.txt"
    text = draw(SOURCE_TEXT)
    if where == "file":
        files[f"sources/{name}"] = text.encode("utf-8", errors="surrogatepass")
    elif where == "utf16":  # a BOM, then perhaps half a code unit
        files[f"Sources/{name}"] = text.encode("utf-16", errors="surrogatepass")[
            :draw(st.integers(0, 200))]
    path = {"outside": "file:///etc/passwd", "none": ""}.get(where, f"internal://{name}")
    return f'<TextSource guid="{guid}" name="{where}"{_attrs(plainTextPath=path)}>{selections}' \
           "</TextSource>"


def _case(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["TextValue", "IntegerValue", "DateValue", "BooleanValue",
                                 "FloatValue"]))
    value = escape(draw(VALUE_TEXT))
    return (f"<Case{_attrs(guid=draw(GUID), name=draw(SAFE_TEXT))}><VariableValue>"
            f'<VariableRef targetGUID="{draw(GUID)}"/><{kind}>{value}</{kind}></VariableValue>'
            f'<SourceRef targetGUID="{draw(GUID)}"/></Case>')


def _variable(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["Text", "Integer", "Float", "Date", "Boolean", "Odd"]))
    return f"<Variable{_attrs(guid=draw(GUID), name=draw(SAFE_TEXT), typeOfVariable=kind)}/>"


def _note(draw: st.DrawFn) -> str:
    created = draw(VALUE_TEXT)
    attributes = _attrs(guid=draw(GUID), name=draw(SAFE_TEXT), creationDateTime=created)
    text = escape(draw(SAFE_TEXT))
    return f"<Note{attributes}><PlainTextContent>{text}</PlainTextContent></Note>"


def _some(draw: st.DrawFn, part: Callable[[st.DrawFn], str], most: int) -> str:
    return "".join(part(draw) for _ in range(draw(st.integers(0, most))))


CODE_TREES = st.lists(codes(), min_size=1, max_size=3)


@st.composite
def plausible_project(draw: st.DrawFn) -> tuple[bytes, dict[str, bytes]]:
    """A project.qde shaped like a real one, with hostile GUIDs, offsets, names and texts."""
    files: dict[str, bytes] = {}
    users = _some(draw, lambda d: f"<User{_attrs(guid=d(GUID), name=d(SAFE_TEXT))}/>", 2)
    code_tree = "".join(draw(CODE_TREES))
    sources = "".join(draw(source(files)) for _ in range(draw(st.integers(0, 3))))
    origin = draw(st.sampled_from(["NVivo 14", "ATLAS.ti 23", "MAXQDA", ""]))
    xml = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{PROJECT_NS}" name="fuzz" '
           f'origin="{origin}"><Users>{users}</Users><CodeBook><Codes>{code_tree}</Codes>'
           f"</CodeBook><Variables>{_some(draw, _variable, 2)}</Variables>"
           f"<Cases>{_some(draw, _case, 2)}</Cases><Sources>{sources}</Sources>"
           f"<Notes>{_some(draw, _note, 2)}</Notes>"
           f'<Links><Link originGUID="{draw(GUID)}" targetGUID="{draw(GUID)}"/></Links>'
           "</Project>")
    return xml.encode("utf-8"), files

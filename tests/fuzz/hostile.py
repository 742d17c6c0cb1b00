"""Ways to spoil a file: byte-level damage, damage inside a ZIP package, random XML trees."""

from __future__ import annotations

import io
import os
import re
import warnings
import zipfile

from hypothesis import settings
from hypothesis import strategies as st


def fuzz_settings(share: float = 1.0) -> settings:
    """The profile registered in conftest (``fuzz`` in CI, ``fuzz-deep`` with WORKBENCH_FUZZ=deep),
    with ``share`` of its examples for a test whose every example builds a project."""
    profile = settings.get_profile("fuzz-deep" if os.environ.get("WORKBENCH_FUZZ") == "deep"
                                   else "fuzz")
    return settings(profile, max_examples=max(10, round(profile.max_examples * share)))


# -- bytes ----------------------------------------------------------------------------------

JUNK = st.one_of(
    st.binary(min_size=1, max_size=64),
    st.sampled_from([b"\x00", b"\xff" * 8, b"<", b"</", b"<!DOCTYPE x>", b"&amp", b"]]>",
                     b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"%%EOF", b"endobj", b"{", b"}",
                     b"\\", b"9" * 30, b"-1"]),
)


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` after a few byte flips, truncations, junk insertions, cut or doubled stretches."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "cut", "double"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(JUNK)
        else:
            length = draw(st.integers(1, 256))
            piece = data[at:at + length]
            data[at:at + length] = piece * 2 if kind == "double" else b""
    return bytes(data)


# -- ZIP packages ---------------------------------------------------------------------------

Members = list[tuple[str, bytes]]

HOSTILE_NAMES = ["../../outside.txt", "/etc/passwd", "C:/Windows/evil.txt", "..\\..\\evil.txt",
                 "sources/../../x.txt", "", "a" * 300, "mimetype", "[Content_Types].xml",
                 "word/document.xml", "content.xml", "project.qde", "other.qde", "PROJECT.QDE",
                 "sources/", "sources/../project.qde"]


def members_of(package: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def zipped(members: Members, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the duplicate names are on purpose
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, data in members:
                archive.writestr(name.split("\x00")[0] or "_", data)  # zipfile cuts at NUL
    return buffer.getvalue()


@st.composite
def repacked(draw: st.DrawFn, package: bytes, xml_trees: st.SearchStrategy[bytes] | None = None
             ) -> bytes:
    """The package with members removed, renamed, doubled, garbled or replaced by random XML."""
    members = members_of(package)
    for _ in range(draw(st.integers(1, 3))):
        if not members:
            break
        index = draw(st.integers(0, len(members) - 1))
        name, data = members[index]
        kind = draw(st.sampled_from(["remove", "rename", "duplicate", "garble", "replace",
                                     "empty"]))
        if kind == "remove":
            del members[index]
        elif kind == "rename":
            members[index] = (draw(st.sampled_from(HOSTILE_NAMES) | st.text(max_size=20)), data)
        elif kind == "duplicate":
            members.append((name, draw(damaged(data)) if data else b"x"))
        elif kind == "garble":
            members[index] = (name, draw(damaged(data)) if data else b"<")
        elif kind == "replace":
            members[index] = (name, draw(xml_trees if xml_trees is not None else JUNK))
        else:
            members[index] = (name, b"")
    compression = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return zipped(members, compression)


# -- XML ------------------------------------------------------------------------------------

ATTRIBUTE_VALUES = st.one_of(
    st.text(max_size=20),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["0", "-1", "2147483648", "9" * 5000, "1e309", "nan", "", " ", "²",
                     "true", "false", "#ff0000", "red", "{00000000-0000-0000-0000-000000000000}",
                     "internal://missing.txt", "internal://../../etc/passwd", "file:///etc/passwd",
                     "2024-02-30T25:61:61Z", "0000-01-01T00:00:00"]),
)


# The characters XML 1.0 cannot carry (one regular expression: a test draws thousands of texts).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return NOT_XML.sub("", text)


def element_trees(names: list[str], attributes: list[str], guids: list[str],
                  namespace: str) -> st.SearchStrategy[bytes]:
    """Random XML documents built from a schema's element and attribute names."""
    values = ATTRIBUTE_VALUES | st.sampled_from(guids)
    attrs = st.dictionaries(st.sampled_from(attributes), values.map(xml_text), max_size=5)

    def node(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(_element, st.sampled_from(names), attrs,
                         st.lists(children, max_size=4), st.text(max_size=15).map(xml_text))

    leaf = st.builds(_element, st.sampled_from(names), attrs, st.just([]),
                     st.text(max_size=15).map(xml_text))
    body = st.recursive(leaf, node, max_leaves=25)
    return st.builds(lambda root_attrs, inner: (
        f'<?xml version="1.0" encoding="utf-8"?><{names[0]} xmlns="{namespace}"'
        f'{_attributes(root_attrs)}>{"".join(inner)}</{names[0]}>').encode(),
        attrs, st.lists(body, max_size=6))


def _element(name: str, attrs: dict[str, str], children: list[str], text: str) -> str:
    return f"<{name}{_attributes(attrs)}>{_escape(text)}{''.join(children)}</{name}>"


def _attributes(attrs: dict[str, str]) -> str:
    return "".join(f' {key}="{_escape(value)}"' for key, value in attrs.items())


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def entity_bomb(root: str, namespace: str) -> bytes:
    """A billion-laughs document: nine levels of ten-fold entity expansion."""
    entities = '<!ENTITY a "lollollollol">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    return (f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>'
            f'<{root} xmlns="{namespace}" name="&i;"/>').encode()


def external_entity(root: str, namespace: str) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<{root} xmlns="{namespace}" name="&x;"/>').encode()


def deeply_nested(root: str, namespace: str, element: str, depth: int) -> bytes:
    inner = f'<{element} name="x">' * depth + f"</{element}>" * depth
    return f'<{root} xmlns="{namespace}">{inner}</{root}>'.encode()

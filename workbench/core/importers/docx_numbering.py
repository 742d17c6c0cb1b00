"""The numbers and bullets Word shows before list items, rebuilt from numbering.xml.

Word does not store "3." in the text: a paragraph names a list (``numId``) and a level, directly
or through its style, and the list's definition says how each level is counted and written.
Definitions are looked up only for the styles and lists a document actually uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from workbench.core.importers.list_markers import BULLET, format_number, small_integer

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
_STYLE = etree.XPath("w:style[@w:styleId = $id]", namespaces={"w": W_NS})
_NUM = etree.XPath("w:num[@w:numId = $id]/w:abstractNumId/@w:val", namespaces={"w": W_NS})
_ABSTRACT = etree.XPath("w:abstractNum[@w:abstractNumId = $id]", namespaces={"w": W_NS})


@dataclass(frozen=True)
class Level:
    style: str  # numFmt: bullet, decimal, lowerLetter, ..., none
    text: str  # lvlText, e.g. "%1." or "%1.%2"
    start: int = 1


class Numbering:
    """List definitions of one document, and the running counters while it is read."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._numbering = numbering
        self._styles = styles
        self._style_lists: dict[str, tuple[str, int] | None] = {}
        self._levels: dict[str, dict[int, Level]] = {}
        self._counters: dict[str, list[int]] = {}

    def list_of(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """The (numId, level) a paragraph belongs to, from its own properties or its style."""
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return None
        num = properties.find(f"{W}numPr")
        if num is not None:
            num_id = _val(num.find(f"{W}numId"))
            if num_id is not None:
                return (num_id, _level(num)) if num_id != "0" else None
        style = _val(properties.find(f"{W}pStyle"))
        return self._style_list(style) if style else None

    def marker(self, num_id: str, level: int) -> str:
        """The marker of the next item of a list at a level; counts the item."""
        levels = self._levels_of(num_id)
        definition = levels.get(level)
        if definition is None or definition.style == "none":
            return ""
        if definition.style == "bullet":
            return BULLET
        counters = self._counters.setdefault(num_id, [0] * 9)
        level = min(level, 8)
        counters[level] = counters[level] + 1 if counters[level] else definition.start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = definition.text or f"%{level + 1}."
        for number in range(level + 1, 0, -1):
            known = levels.get(number - 1, definition)
            value = counters[number - 1] or known.start
            text = text.replace(f"%{number}", format_number(value, known.style))
        return text

    def _style_list(self, style_id: str) -> tuple[str, int] | None:
        """The list a paragraph style (or a style it is based on) puts its paragraphs in."""
        if style_id not in self._style_lists:
            self._style_lists[style_id] = None  # guards against a basedOn loop
            found = None
            style = _STYLE(self._styles, id=style_id) if self._styles is not None else []
            if style:
                num = style[0].find(f"{W}pPr/{W}numPr")
                num_id = _val(num.find(f"{W}numId")) if num is not None else None
                if num is not None and num_id and num_id != "0":
                    found = (num_id, _level(num))
                elif (parent := _val(style[0].find(f"{W}basedOn"))) is not None:
                    found = self._style_list(parent)
            self._style_lists[style_id] = found
        return self._style_lists[style_id]

    def _levels_of(self, num_id: str) -> dict[int, Level]:
        if num_id not in self._levels:
            levels: dict[int, Level] = {}
            abstract_id = _NUM(self._numbering, id=num_id) if self._numbering is not None else []
            abstract = _ABSTRACT(self._numbering, id=abstract_id[0]) if abstract_id else []
            for lvl in abstract[0].iter(f"{W}lvl") if abstract else ():
                levels[small_integer(lvl.get(f"{W}ilvl"), 0)] = Level(
                    style=_val(lvl.find(f"{W}numFmt")) or "decimal",
                    text=_val(lvl.find(f"{W}lvlText")) or "",
                    start=small_integer(_val(lvl.find(f"{W}start")), 1),
                )
            self._levels[num_id] = levels
        return self._levels[num_id]


def _level(num: etree._Element) -> int:
    """The list level (0-8) a ``w:numPr`` names; Word knows nine levels."""
    return max(0, min(small_integer(_val(num.find(f"{W}ilvl")), 0), 8))


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")

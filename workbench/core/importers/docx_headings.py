"""Which Word paragraphs are headings, and of what level.

A paragraph is a heading when it has an outline level (``w:outlineLvl`` 0-8: level 1-9) of its
own or through its style (followed up the style's ``basedOn`` chain), or when its style is one of
Word's built-in headings (``heading 1``...``heading 9``, whatever the styles' language-specific
ids). Word's Title style is no heading: it names the document, it does not open a section.
"""

from __future__ import annotations

import re

from lxml import etree

from workbench.core.importers.docx_numbering import W

_HEADING_NAME = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_BODY_TEXT = 9  # w:outlineLvl 9 is body text


class HeadingLevels:
    def __init__(self, styles: etree._Element | None) -> None:
        self._styles = {style.get(f"{W}styleId"): style
                        for style in (styles.iter(f"{W}style") if styles is not None else ())}
        self._levels: dict[str, int] = {}

    def of(self, paragraph: etree._Element) -> int:
        """The paragraph's heading level (1 the highest), or 0 for a paragraph of text."""
        own = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            return _outline(own)
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        return self._style_level(style.get(f"{W}val", "")) if style is not None else 0

    def _style_level(self, style_id: str, depth: int = 0) -> int:
        if style_id in self._levels:
            return self._levels[style_id]
        style = self._styles.get(style_id)
        level = 0
        if style is not None and depth < 20:
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            name = style.find(f"{W}name")
            named = _HEADING_NAME.fullmatch(name.get(f"{W}val", "") if name is not None else "")
            based = style.find(f"{W}basedOn")
            if outline is not None:
                level = _outline(outline)
            elif named:
                level = int(named.group(1))
            elif based is not None:
                level = self._style_level(based.get(f"{W}val", ""), depth + 1)
        self._levels[style_id] = level
        return level


def _outline(element: etree._Element) -> int:
    value = element.get(f"{W}val", "")
    level = int(value) if value.isdigit() else _BODY_TEXT
    return level + 1 if level < _BODY_TEXT else 0

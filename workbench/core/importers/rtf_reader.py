"""Rich Text Format (.rtf), read by a small tokenizer of our own.

RTF is a flat stream of groups, control words and text, so reading it exactly takes little code,
while the maintained extractor we tried loses emoji (Word writes them as UTF-16 surrogate pairs),
rewrites hyperlinks and separates cells with bars. This reader follows the specification's
rules: ``\\uN`` with its ``\\ucN`` fallback skipping, ``\\'hh`` bytes in the document's or the
font's code page, ``\\binN`` data skipped, and destinations (font and colour tables, pictures,
footnotes, comments, headers, footers, field instructions) left out, as are hidden text (``\\v``)
and tracked deletions. Paragraphs end at ``\\par``, ``\\sect``, ``\\page`` and at a backslash
before a line end (macOS TextEdit's Cocoa RTF writes its paragraph breaks so); table rows
(``\\cell``/``\\row``) follow :mod:`blocks`. List markers written as ``\\listtext`` become the
bullet or number; ``\\info`` gives the title, author and creation date.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from workbench.core.errors import ImportFileError
from workbench.core.importers.blocks import BlockWriter, cell_text
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.list_markers import BULLET

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+"
    r"|([^\\{}\r\n]+)"
)
_SKIP = frozenset("""
    fonttbl colortbl stylesheet listtable listoverridetable rsidtbl revtbl filetbl generator
    xmlnstbl themedata colorschememapping datastore latentstyles pgdsctbl info pict object
    footnote annotation header headerl headerr headerf footer footerl footerr footerf fldinst
    ftnsep ftnsepc ftncn aftnsep aftnsepc aftncn comment docvar userprops template password
    shpinst shptxt sp sn sv nonshppict txe xe tc tcn bkmkstart bkmkend pn pntxta pntxtb
    keywords subject operator company manager category doccomm hlinkbase buptim printim revtim
""".split())
_CAPTURE = frozenset({"title", "author", "listtext", "pntext"})
_CHARSETS = {0: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "cp936",
             136: "cp950", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255",
             178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250",
             254: "cp437", 255: "cp850"}
_SYMBOLS = {"tab": "\t", "line": "\n", "emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003",
            "enspace": "\u2002", "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018",
            "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "\u200d",
            "zwnj": "\u200c", "ltrmark": "\u200e", "rtlmark": "\u200f"}
_CHARACTER_SETS = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}
_ESCAPED = {"~": "\u00a0", "_": "\u2011", "{": "{", "}": "}", "\\": "\\", "-": ""}


@dataclass
class _State:
    """What a group inherits and restores: where its text goes, font, \\uc skip, table, hidden."""

    target: str = "body"
    font: str | None = None
    skip_after_unicode: int = 1
    in_table: bool = False
    hidden: bool = False
    upr: tuple[dict[str, int], int] | None = None  # where an \\upr group began (see _Document.mark)


@dataclass
class _Document:
    writer: BlockWriter = field(default_factory=BlockWriter)
    paragraph: list[str] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)
    row: list[str] = field(default_factory=list)
    captured: dict[str, list[str]] = field(default_factory=dict)
    marker: str = ""
    fonts: dict[str, str | None] = field(default_factory=dict)  # None: the document's code page
    codepage: str = "cp1252"
    default_font: str | None = None
    created: dict[str, int] = field(default_factory=dict)

    def mark(self) -> tuple[dict[str, int], int]:
        return {key: len(parts) for key, parts in self.captured.items()}, len(self.paragraph)

    def rewind(self, mark: tuple[dict[str, int], int]) -> None:
        """Forget what was read since ``mark``: an \\upr group's ANSI text, when its \\ud
        Unicode twin follows."""
        captured, paragraph = mark
        for key, parts in self.captured.items():
            del parts[captured.get(key, 0):]
        del self.paragraph[paragraph:]

    def codepage_of(self, state: _State) -> str:
        """The code page of ``\\'hh`` bytes here: the font's own charset, else the document's."""
        font = state.font if state.font is not None else self.default_font
        return self.fonts.get(font or "") or self.codepage

    def end_paragraph(self, in_table: bool) -> None:
        text = "".join(self.paragraph)
        self.paragraph = []
        if in_table:
            self.cell.append(text)
            return
        self.writer.paragraph(f"{self.marker} {text}" if self.marker and text.strip() else text)
        self.marker = ""

    def end_cell(self) -> None:
        self.cell.append("".join(self.paragraph))
        self.paragraph = []
        self.row.append(cell_text(self.cell))
        self.cell = []

    def end_row(self) -> None:
        self.writer.row(self.row)
        self.row = []


def read_rtf(path: Path) -> ExtractedText:
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportFileError(
            f"{path.name}: is not an RTF document (it does not start with {{\\rtf).")
    document = _parse(data.decode("latin-1"))
    text = _join_surrogates(document.writer.text())
    created = document.created
    try:
        recorded_on = date(created["yr"], created["mo"], created["dy"]) if created else None
    except (KeyError, ValueError, OverflowError):  # a year past a C int
        recorded_on = None
    title = _join_surrogates("".join(document.captured.get("title", []))).strip()
    author = _join_surrogates("".join(document.captured.get("author", []))).strip()
    return ExtractedText(text=text, title=title or path.stem, interviewer=author,
                         recorded_on=recorded_on)


def _parse(source: str) -> _Document:
    document = _Document()
    state, stack = _State(), []
    pending = bytearray()  # \'hh bytes and 8-bit text, decoded together in the code page
    skip = 0
    font_number = ""
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:  # a lone backslash at the very end
            break
        position = match.end()
        word, argument, hex_byte, symbol, brace, text = match.groups()
        if match.lastindex is None:  # a line end in the file: no meaning in RTF
            continue
        if pending and hex_byte is None and text is None:
            _emit(document, state, _decoded(pending, document.codepage_of(state)))
            pending.clear()
        if brace == "{":
            stack.append(state)
            state = replace(state)
            skip = 0
        elif brace == "}":
            if state.target in ("listtext", "pntext") and (not stack or stack[-1].target == "body"):
                document.marker = _marker("".join(document.captured.pop(state.target, [])))
            if not stack:
                break
            state = stack.pop()
            skip = 0
        elif word is not None:
            if word == "bin" and argument:
                position += max(int(argument), 0)
                continue
            if state.target == "skip":
                if word == "ud" and stack and stack[-1].upr is not None:
                    document.rewind(stack[-1].upr)  # read the Unicode twin instead
                    state.target = stack[-1].target
                elif word == "f" and argument is not None:
                    font_number = argument
                elif word == "fcharset" and argument and font_number:
                    document.fonts[font_number] = _CHARSETS.get(int(argument))
                elif word == "cpg" and argument and font_number:
                    document.fonts[font_number] = _codepage(f"cp{argument}")
                continue
            skip = _control_word(document, state, word, argument)
        elif hex_byte is not None:
            if skip:
                skip -= 1
            elif state.target != "skip":
                pending.append(int(hex_byte, 16))
        elif symbol is not None:
            if symbol == "*":
                state.target = "skip"
            elif symbol in "\r\n":  # Cocoa RTF: a backslash ending a line ends the paragraph
                if state.target == "body":
                    document.end_paragraph(state.in_table)
            elif state.target != "skip" and symbol in _ESCAPED:
                if skip:
                    skip -= 1
                else:
                    _emit(document, state, _ESCAPED[symbol])
        elif text is not None and state.target != "skip":
            if skip:
                text, skip = text[skip:], max(skip - len(text), 0)
            pending.extend(text.encode("latin-1"))
    if pending:
        _emit(document, state, _decoded(pending, document.codepage_of(state)))
    if document.paragraph or document.cell:
        document.end_paragraph(in_table=False)
    return document


def _control_word(document: _Document, state: _State, word: str, argument: str | None) -> int:
    """Apply one control word in a group that is read; returns the fallback count to skip."""
    if word in _SKIP:
        state.target = "skip"
        if word == "info":
            state.target = "info"
    elif word in _CAPTURE or word == "creatim":
        state.target = word
    elif state.target == "creatim" and word in ("yr", "mo", "dy") and argument:
        document.created[word] = int(argument)
    elif word == "u" and argument is not None:
        _emit(document, state, chr(int(argument) % 65536))
        return state.skip_after_unicode
    elif word == "uc" and argument is not None:
        state.skip_after_unicode = max(int(argument), 0)
    elif word == "ansicpg" and argument:
        document.codepage = _codepage(f"cp{argument}")
    elif word in _CHARACTER_SETS:
        document.codepage = _CHARACTER_SETS[word]
    elif word == "deff" and argument is not None:
        document.default_font = argument
    elif word == "f" and argument is not None:
        state.font = argument
    elif word in ("v", "deleted"):  # hidden text and tracked deletions are not read
        state.hidden = argument != "0"
    elif word == "plain":
        state.hidden, state.font = False, None
    elif word == "upr":
        state.upr = document.mark()
    elif word == "intbl":
        state.in_table = True
    elif word == "pard":
        state.in_table = False
    elif state.target != "body":
        if word in _SYMBOLS and state.target in _CAPTURE:
            document.captured.setdefault(state.target, []).append(_SYMBOLS[word])
    elif word in ("par", "sect", "page", "column"):
        document.end_paragraph(state.in_table)
    elif word in ("cell", "nestcell"):
        document.end_cell() if word == "cell" else document.paragraph.append(" ")
    elif word == "row":
        document.end_row()
    elif word in _SYMBOLS:
        _emit(document, state, _SYMBOLS[word])
    return 0


def _decoded(data: bytearray, codepage: str) -> str:
    return bytes(data).decode(codepage, errors="replace")


def _emit(document: _Document, state: _State, text: str) -> None:
    if state.hidden:
        return
    if state.target == "body":
        document.paragraph.append(text)
    elif state.target in _CAPTURE:
        document.captured.setdefault(state.target, []).append(text)


def _marker(text: str) -> str:
    """A list marker from ``\\listtext``: its number as written, or a bullet for a symbol."""
    text = text.strip()
    return text if any(ch.isalnum() for ch in text) else (BULLET if text else "")


def _codepage(name: str) -> str:
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


def _join_surrogates(text: str) -> str:
    """Pair the UTF-16 halves ``\\uN`` gives for characters beyond U+FFFF (emoji)."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")

"""Test files built by independent writers: python-docx, odfpy, fpdf2, and RTF and HTML as the
programs that export them write it. Every writer lays out the same interview (SAMPLE)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf import FPDF
from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

HEADING = "Interview met Zoë"
TURNS = [
    "[00:00:12] Interviewer: Wat betekent het café voor jou? 🙂",
    "[00:00:20] Zoë: Ideeën genoeg! Ça va, c’est très bien – één keer per week.",
]
TABLE = [["Naam", "Rol"], ["Zoë", "bewoonster"], ["Élodie", "vrijwilligster"]]
CLOSING = "[00:01:05] Interviewer: En de buren, wat zeggen zij?"
# What every reader must store for the file its writer makes.
SAMPLE = "\n\n".join([HEADING, *TURNS, "\n".join("\t".join(row) for row in TABLE), CLOSING])


def write_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Gesprek met Zoë"
    document.core_properties.author = "Lotte"
    document.core_properties.created = datetime(2016, 3, 5, 10, 30)
    document.add_heading(HEADING, level=1)
    for turn in TURNS:
        document.add_paragraph(turn)
    table = document.add_table(rows=len(TABLE), cols=2)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(CLOSING)
    document.save(path)
    return path


def write_odt(path: Path) -> Path:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Gesprek met Zoë"))
    document.meta.addElement(meta.InitialCreator(text="Lotte"))
    document.meta.addElement(meta.CreationDate(text="2016-03-05T10:30:00"))
    document.text.addElement(H(outlinelevel=1, text=HEADING))
    for turn in TURNS:
        document.text.addElement(P(text=turn))
    table = Table(name="Deelnemers")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for row in TABLE:
        table_row = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.text.addElement(table)
    document.text.addElement(P(text=CLOSING))
    document.save(str(path))
    return path


def build_font(path: Path, characters: str) -> Path:
    """A TrueType font with a plain box glyph for every character, emoji included.

    fpdf2 embeds it with a ToUnicode map, so the PDF's text layer carries the real characters;
    no system font is needed.
    """
    characters = "".join(sorted(set(characters) - {" ", "\n", "\t"}))
    names = [".notdef", "space"] + [f"u{ord(ch):05X}" for ch in characters]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space"} | {ord(ch): f"u{ord(ch):05X}" for ch in characters})
    pen = TTGlyphPen(None)
    for x, y in ((60, 0), (60, 680), (440, 680), (440, 0)):
        (pen.lineTo if x != 60 or y != 0 else pen.moveTo)((x, y))
    pen.closePath()
    box = pen.glyph()
    builder.setupGlyf({name: (TTGlyphPen(None).glyph() if name == "space" else box)
                       for name in names})
    builder.setupHorizontalMetrics({name: (250 if name == "space" else 500, 60) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Workbench Test Sans", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.save(str(path))
    return path


def pdf_with_font(folder: Path, characters: str) -> FPDF:
    pdf = FPDF()
    pdf.add_font("Test", fname=str(build_font(folder / "test-font.ttf", characters)))
    pdf.set_font("Test", size=11)
    pdf.set_author("Lotte")
    pdf.set_title("Gesprek met Zoë")
    pdf.set_creation_date(datetime(2016, 3, 5, 10, 30))
    pdf.add_page()
    return pdf


def write_pdf(path: Path) -> Path:
    pdf = pdf_with_font(path.parent, SAMPLE + "0123456789")
    pdf.set_font_size(16)
    pdf.multi_cell(0, 9, HEADING)
    pdf.set_font_size(11)
    for turn in TURNS:
        pdf.ln(4)
        pdf.multi_cell(0, 6, turn)
    pdf.ln(4)
    with pdf.table(col_widths=(40, 60), width=100, align="LEFT",
                   first_row_as_headings=False) as table:
        for row in TABLE:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 6, CLOSING)
    pdf.output(str(path))
    return path


def rtf_escape(text: str) -> str:
    """Text as Word writes it in RTF: Windows-1252 bytes as \\'hh, the rest as \\uN (UTF-16)."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                units = ch.encode("utf-16-le")
                for i in range(0, len(units), 2):
                    value = int.from_bytes(units[i:i + 2], "little")
                    out.append(f"\\u{value - 65536 if value > 32767 else value}?")
    return "".join(out)


def write_rtf(path: Path) -> Path:
    e = rtf_escape
    rows = "".join(
        "{\\trowd\\trgaph108\\cellx2000\\cellx5000"
        + "".join(f"\\pard\\intbl {e(value)}\\cell " for value in row) + "\\row}\n"
        for row in TABLE)
    body = "".join(f"\\pard\\plain {e(turn)}\\par\n" for turn in TURNS)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1"
        "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}}\n"
        "{\\colortbl;\\red0\\green0\\blue0;}\n"
        f"{{\\info{{\\title {e('Gesprek met Zoë')}}}{{\\author Lotte}}"
        "{\\creatim\\yr2016\\mo3\\dy5\\hr10\\min30}}\n"
        f"\\pard\\plain\\s1\\b\\fs32 {e(HEADING)}\\par\n"
        f"{body}{rows}\\pard\\plain {e(CLOSING)}"
        "{\\super\\chftn}{\\footnote\\pard\\plain\\chftn Voetnoot: niet in de tekst.}\\par\n}",
        encoding="ascii")
    return path


def write_html(path: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>\n"
                   for row in TABLE)
    turns = "".join(f"<p>{turn}</p>\n" for turn in TURNS)
    closing = CLOSING.replace(", ", ",\n   ")  # a browser shows the line break as a space
    path.write_text(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Gesprek met Zoë</title>"
        "<meta name=\"author\" content=\"Lotte\"><style>p { margin: 0 }</style></head>\n"
        f"<body>\n  <h1>{HEADING}</h1>\n{turns}<table>\n{rows}</table>\n"
        f"<p>{closing}</p>\n<script>var x = 1;</script></body></html>",
        encoding="utf-8")
    return path

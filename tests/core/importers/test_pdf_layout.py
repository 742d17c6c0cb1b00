"""PDFs laid out as other programs print them are read back as the text the researcher wrote.

The PDFs are written with fpdf2 placing every word on its own, the way a QDA program exports a
transcript: a paragraph- or line-number column at the left, a running header and page numbers
on every page, paragraphs running over page breaks, and fieldnotes in two columns."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.core.importers.conftest import import_one
from tests.core.importers.printed import (
    BOTTOM,
    HEADER,
    LINE,
    NOTES,
    ROUNDS,
    TOP,
    TRANSCRIPT,
    Printer,
    transcript_pdf,
)
from tests.core.importers.writers import pdf_with_font
from workbench.core.importers.registry import read_source
from workbench.core.model import Document, Memo
from workbench.core.queries.documents import describe_documents
from workbench.core.services.history import undo
from workbench.core.storage import Project


def test_a_qda_export_with_paragraph_numbers_reads_as_its_paragraphs(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    path = transcript_pdf(tmp_path, "paragraphs")

    outcome = import_one(project, case, path)

    with project.reading() as session:
        text = session.scalars(select(Document.text)).one()
        [described] = describe_documents(session)
    assert text == "\n\n".join(TRANSCRIPT * ROUNDS)
    assert "\t" not in text
    dropped = f"dropped: paragraph numbers, running header '{HEADER}', page numbers"
    assert outcome.message.endswith(f"; 3 page(s); {dropped}.")
    assert described.import_note == dropped


def test_what_was_dropped_is_the_documents_import_memo_and_undone_with_it(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    import_one(project, case, transcript_pdf(tmp_path, "lines"))
    with project.reading() as session:
        [memo] = session.scalars(select(Memo)).all()
        assert (memo.title, memo.document_id is not None, memo.author_id) == ("Import", True, None)

    undo(project)

    with project.reading() as session:
        assert session.scalars(select(Memo)).all() == []
        assert session.scalars(select(Document)).all() == []


def test_line_numbers_at_the_left_are_dropped_and_named(tmp_path: Path) -> None:
    extracted = read_source(transcript_pdf(tmp_path, "lines"))

    assert extracted.text == "\n\n".join(TRANSCRIPT * ROUNDS)
    assert extracted.notes[1] == f"dropped: line numbers, running header '{HEADER}', page numbers"


def test_a_paragraph_over_a_page_break_is_joined_but_a_page_that_ends_early_ends_it(
        tmp_path: Path) -> None:
    pdf = pdf_with_font(tmp_path, "".join(TRANSCRIPT) + "0123456789")
    printer = Printer(pdf)
    long_answer = TRANSCRIPT[3]
    while printer.y < BOTTOM - 3 * LINE:  # fill the page so the answer runs over the break
        printer.write("Dan:")
    printer.write(long_answer)
    assert printer.broken == 1
    printer.write("Interviewer:")
    pdf.add_page()
    printer.y = TOP
    printer.write("Dan:")
    path = tmp_path / "breaks.pdf"
    pdf.output(str(path))

    text = read_source(path).text

    assert text.endswith(f"Dan:\n\n{long_answer}\n\nInterviewer:\n\nDan:")




def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    title = "Veldnotities buurtkeuken, zaterdag 4 maart"
    pdf = pdf_with_font(tmp_path, "".join(NOTES) + title)
    pdf.set_font_size(16)
    pdf.text(20, 20, title)
    pdf.set_font_size(10)
    printer = Printer(pdf, columns=((20.0, 100.0), (110.0, 190.0)))
    printer.y += LINE
    for paragraph in NOTES * 3:  # fills the left column and goes on in the right one
        printer.write(paragraph)
    path = tmp_path / "kolommen.pdf"
    pdf.output(str(path))
    assert printer.column == 1 and pdf.page_no() == 1 and printer.broken == 1

    assert read_source(path).text == "\n\n".join([title, *NOTES * 3])


def test_a_numbered_table_keeps_its_numbers_and_is_not_read_as_columns(tmp_path: Path) -> None:
    rows = [("1", "Zoë", "bewoonster"), ("2", "Griet", "kok"), ("3", "Youssef", "vertaler"),
            ("4", "Dan", "vrijwilliger"), ("5", "Amal", "buurvrouw"), ("6", "Rosa", "kok")]
    intro = "Wie er zaterdag in de keuken stond, met de rol die ze zelf noemden."
    pdf = pdf_with_font(tmp_path, intro + NOTES[0] + "".join("".join(row) for row in rows))
    printer = Printer(pdf)
    printer.write(intro)
    for row in rows:
        for x, cell in zip((30, 50, 100), row, strict=True):
            pdf.text(x, printer.y, cell)
        printer.y += LINE
    printer.y += 4
    printer.write(NOTES[0])
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))

    extracted = read_source(path)

    table = "\n".join("\t".join(row) for row in rows)
    assert extracted.text == f"{intro}\n\n{table}\n\n{NOTES[0]}"
    assert not any(note.startswith("dropped") for note in extracted.notes)


def test_a_running_footer_with_a_year_and_a_page_number_is_named_by_its_words(
        tmp_path: Path) -> None:
    footer, header = "Buurtkeuken 2017 - pagina {}", "Interview 2017"
    pdf = pdf_with_font(tmp_path, "".join(TRANSCRIPT) + footer + header)
    printer = Printer(pdf, header=header, footer=footer)
    for paragraph in TRANSCRIPT * 3:
        if printer.y > BOTTOM - 2 * LINE:
            printer.y = BOTTOM + 1  # start the next paragraph on a new page
        printer.write(paragraph)
    path = tmp_path / "voettekst.pdf"
    pdf.output(str(path))

    extracted = read_source(path)

    assert extracted.text == "\n\n".join(TRANSCRIPT * 3)
    assert extracted.notes[1] == ("dropped: running header 'Interview 2017', running footer "
                                  "'Buurtkeuken 2017', page numbers")


def test_a_word_made_bold_by_printing_it_twice_reads_once(tmp_path: Path) -> None:
    pdf = pdf_with_font(tmp_path, "Dan: Via mijn buurvrouw.")
    pdf.text(30, 30, "Dan:")
    pdf.text(30.1, 30, "Dan:")  # overprinted a tenth of a millimetre to the right
    pdf.text(30, 36, "Via mijn buurvrouw.")
    pdf.output(str(tmp_path / "vet.pdf"))

    assert read_source(tmp_path / "vet.pdf").text == "Dan:\n\nVia mijn buurvrouw."


def test_a_watermark_across_the_page_is_left_out_but_a_page_turned_sideways_is_read(
        tmp_path: Path) -> None:
    pdf = pdf_with_font(tmp_path, "".join(TRANSCRIPT) + "VERTROUWELIJK")
    printer = Printer(pdf)
    for paragraph in TRANSCRIPT:
        printer.write(paragraph)
    with pdf.rotation(45, 105, 150):
        pdf.text(60, 150, "VERTROUWELIJK")
    pdf.add_page()
    with pdf.rotation(90, 105, 150):  # a landscape page drawn sideways
        pdf.text(60, 150, "Dan:")
    pdf.output(str(tmp_path / "watermerk.pdf"))

    extracted = read_source(tmp_path / "watermerk.pdf")

    assert extracted.text == "\n\n".join([*TRANSCRIPT, "Dan:"])
    assert (
        extracted.notes[1] == "dropped: 13 letter(s) set at an angle (a watermark or margin note)"
    )


def test_a_transcript_set_as_speaker_and_text_columns_keeps_each_turn_on_one_line(
        tmp_path: Path) -> None:
    pdf = pdf_with_font(tmp_path, "".join(TRANSCRIPT))
    printer = Printer(pdf, columns=((60.0, 190.0),))
    turns = list(zip(TRANSCRIPT[::2], TRANSCRIPT[1::2], strict=True))
    for speaker, said in turns:
        pdf.text(30, printer.y, speaker)  # the speaker column; the text wraps in its own
        printer.write(said)
    pdf.output(str(tmp_path / "kolom.pdf"))

    text = read_source(tmp_path / "kolom.pdf").text

    assert text == "\n".join(f"{speaker}\t{said}" for speaker, said in turns)


def test_a_justified_line_with_wide_even_gaps_stays_one_line_of_its_paragraph(
        tmp_path: Path) -> None:
    pdf = pdf_with_font(tmp_path, NOTES[1])
    words = NOTES[1].split()
    first, rest = words[:5], words[5:]
    x = 30.0
    for word in first:  # spread over the column's width, as justification does
        pdf.text(x, 40, word)
        x += pdf.get_string_width(word) + 6
    printer = Printer(pdf, columns=((30.0, x - 6),))
    printer.y = 40 + LINE
    printer.write(" ".join(rest))
    pdf.output(str(tmp_path / "uitgevuld.pdf"))

    assert read_source(tmp_path / "uitgevuld.pdf").text == NOTES[1]

"""PDFs printed the way QDA programs print transcripts: fpdf2 placing every word on its own,
with a paragraph- or line-number column, a running header and footer, page numbers, and
columns. Shared by the reader's tests and the command line's."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from tests.core.importers.writers import pdf_with_font

LINE = 6.0  # mm from one baseline to the next
TOP, BOTTOM = 30.0, 265.0
HEADER = "Project Buurtkeuken - transcript Dan"
TRANSCRIPT = [
    "Interviewer:",
    "Hoe ben je bij de keuken terechtgekomen?",
    "Dan:",
    "Via mijn buurvrouw. Ze kookte daar al twee jaar elke zondag en vroeg of ik een keer wilde "
    "meehelpen met de soep, want er kwamen steeds meer mensen uit de wijk eten. Ik dacht eerst "
    "dat het alleen om eten ging, maar het gaat eigenlijk over samen iets maken, over elkaar "
    "leren kennen zonder dat iemand vraagt waar je vandaan komt of wat je papieren zijn. Na een "
    "paar weken stond ik zelf aan het fornuis en vroeg ik anderen om mee te helpen, en zo is het "
    "gegroeid tot een groep van twintig vrijwilligers die om beurten koken, afwassen en de zaal "
    "klaarzetten voor de buren die komen.",
    "Interviewer:",
    "Wat betekent dat voor jou?",
    "Dan:",
    "Dat ik er bij hoor. Dat ik niet alleen iemand ben die geholpen wordt, maar iemand die zelf "
    "iets te geven heeft aan de buurt en aan de mensen die er wonen, ook aan wie nog maar pas is "
    "aangekomen en de taal nog niet spreekt.",
]


ROUNDS = 5  # the transcript repeated: three pages, two page breaks inside answers


class Printer:
    """Places each word on its own at computed positions, page after page."""

    def __init__(self, pdf: FPDF, *, columns: tuple[tuple[float, float], ...] = ((30.0, 190.0),),
                 numbers: str = "", header: str = "", page_numbers: bool = False,
                 footer: str = "") -> None:
        self.pdf, self.columns, self.column = pdf, columns, 0
        self.left, self.right = columns[0]
        self.numbers, self.header, self.page_numbers = numbers, header, page_numbers
        self.footer = footer
        self.y, self.paragraph, self.line = TOP, 0, 0
        self.broken = 0  # paragraphs that run over a column or page break
        self._decorate()

    def _decorate(self) -> None:
        if self.header:
            self.pdf.text(60, 15, self.header)
        if self.page_numbers:
            self.pdf.text(103, 285, str(self.pdf.page_no()))
        if self.footer:
            self.pdf.text(80, 285, self.footer.format(self.pdf.page_no()))

    def _next_column(self) -> None:
        self.column = (self.column + 1) % len(self.columns)
        self.left, self.right = self.columns[self.column]
        self.y = TOP
        if self.column == 0:
            self.pdf.add_page()
            self._decorate()

    def write(self, paragraph: str, gap: float = 4.0) -> None:
        self.paragraph += 1
        space = self.pdf.get_string_width(" ")
        lines: list[list[str]] = [[]]
        for word in paragraph.split():
            trial = " ".join([*lines[-1], word])
            if lines[-1] and self.left + self.pdf.get_string_width(trial) > self.right:
                lines.append([])
            lines[-1].append(word)
        for number, words in enumerate(lines):
            if self.y > BOTTOM:
                self.broken += number > 0
                self._next_column()
            self.line += 1
            if self.numbers == "paragraphs" and number == 0:
                self.pdf.text(12, self.y, str(self.paragraph))
            elif self.numbers == "lines":
                label = str(self.line)
                self.pdf.text(20 - self.pdf.get_string_width(label), self.y, label)
            x = self.left
            for word in words:
                self.pdf.text(x, self.y, word)
                x += self.pdf.get_string_width(word) + space
            self.y += LINE
        self.y += gap


def transcript_pdf(folder: Path, numbers: str) -> Path:
    pdf = pdf_with_font(folder, "".join(TRANSCRIPT) + HEADER + "0123456789")
    printer = Printer(pdf, numbers=numbers, header=HEADER, page_numbers=True)
    for paragraph in TRANSCRIPT * ROUNDS:
        printer.write(paragraph)
    path = folder / f"transcript-{numbers}.pdf"
    pdf.output(str(path))
    assert pdf.page_no() == 3 and printer.broken == 1
    return path


NOTES = [
    "Zaterdag in de buurtkeuken. Er waren meer mensen dan vorige week, vooral jonge gezinnen "
    "uit de nieuwe blokken aan de overkant van het plein.",
    "Griet hield de lijst bij van wie kwam helpen. Ze zei dat het moeilijk blijft om mannen "
    "te vinden die willen afwassen, en lachte erbij.",
    "Na het eten bleven de meeste mensen zitten. Aan de lange tafel werd over de huur gepraat "
    "en over de school die volgend jaar misschien sluit, en iemand stelde voor om samen naar "
    "de gemeenteraad te gaan.",
    "Youssef vertaalde voor twee nieuwe buren. Hij vroeg of hij volgende keer de soep mocht "
    "maken, met linzen zoals bij hem thuis.",
]

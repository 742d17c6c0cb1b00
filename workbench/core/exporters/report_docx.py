"""The whole report as one Word file, ready to send: title page, table of contents, the chosen
matrices as numbered tables, the charts as numbered figures, the agreement section with its
methods paragraph, and the codebook appendix.

Portrait A4 (Letter for US locales, or by choice) for the text, landscape sections for the wide
tables and the figures; a running header (project, date) and "Page n of m" throughout. The table
of contents is a Word field that Word fills in when the file is opened.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.agreement.report import AgreementSettings, agreement_report
from workbench.core.analysis.agreement.results import AgreementReport
from workbench.core.analysis.cooccurrence import cooccurrence_matrix
from workbench.core.analysis.matrix import Matrix
from workbench.core.analysis.spec import CELL_MODES, MatrixSpec
from workbench.core.charts import CHART_KINDS, CHART_TITLES
from workbench.core.charts.build import ChartRequest, chart_matrix, draw
from workbench.core.errors import DomainError
from workbench.core.exporters import check_folder, written_whole
from workbench.core.exporters.agreement_docx import add_agreement
from workbench.core.exporters.codebook_docx import add_codebook, code_entries
from workbench.core.exporters.docx_matrix import Numbering, add_matrix_tables
from workbench.core.exporters.docx_page import (
    caption,
    core_properties,
    header_and_page_numbers,
    keep_with_next,
    paper_size,
    provenance_line,
    table_note,
    user_name,
)
from workbench.core.exporters.docx_parts import GREY, set_up
from workbench.core.exporters.options import PROGRAM, ExportOptions
from workbench.core.exporters.views import MatrixViews, collect_views
from workbench.core.jobs import JobControl
from workbench.core.model import Coder, ProjectInfo, utc_now
from workbench.core.storage import Project

MARGIN_CM = 1.8
MOST_DISAGREEMENTS = 150  # a report lists the first so many; the agreement export, all


@dataclass(frozen=True)
class ReportSettings:
    """What goes into the report. ``matrices``: cell modes of the cases x ``spec.columns``
    matrix; ``cooccurrence``: add the codes x codes table; ``charts``: chart kinds;
    ``agreement_coders``: None for every coder (when there are two or more), () for none."""

    spec: MatrixSpec = MatrixSpec()
    matrices: tuple[str, ...] = ("count", "row_percent", "passages")
    cooccurrence: bool = True
    charts: tuple[str, ...] = CHART_KINDS
    agreement_coders: tuple[str, ...] | None = None
    resamples: int = 1000
    seed: int | None = 1
    codebook: bool = True
    title: str = ""
    options: ExportOptions = field(default_factory=ExportOptions)

    def __post_init__(self) -> None:
        for mode in self.matrices:
            if mode not in CELL_MODES:
                raise DomainError(f"'{mode}' is not a matrix cell mode ({', '.join(CELL_MODES)}).")
        for kind in self.charts:
            if kind not in CHART_KINDS:
                raise DomainError(f"'{kind}' is not a chart ({', '.join(CHART_KINDS)}).")


def write_report(project: Project, path: str | os.PathLike[str],
                 settings: ReportSettings | None = None,
                 control: JobControl | None = None) -> Path:
    """Build the report described by ``settings`` and write it to ``path`` in one step."""
    settings = settings or ReportSettings()
    control = control or JobControl()
    check_folder(path)
    steps = 3 + len(settings.charts)
    with project.reading() as session:
        info = session.scalars(select(ProjectInfo)).one()
        control.report(0, steps, "Building the matrices")
        views = (collect_views(session, settings.spec, list(settings.matrices), control,
                               settings.options) if settings.matrices else None)
        co = (MatrixViews.single(cooccurrence_matrix(session, replace(
            settings.spec, columns="codes")), settings.options)
            if settings.cooccurrence else None)
        charts = []
        for number, kind in enumerate(settings.charts, start=1):
            control.check()
            control.report(number, steps, f"Drawing the {CHART_TITLES[kind].lower()}")
            request = ChartRequest(kind, _chart_spec(settings.spec, kind))
            charts.append((kind, request, chart_matrix(session, request)))
        agreement = _agreement(session, settings, control)
        entries = code_entries(session) if settings.codebook else []
    document = docx.Document()
    width = set_up(document, landscape=False, paper=settings.options.paper)
    made = utc_now()
    title = settings.title or f"{info.name}: coding report"
    core_properties(document, title, subject=info.name)
    header_and_page_numbers(document, f"{info.name} · {made:%Y-%m-%d}")
    codebook = info.codebook_origin or "the project's own codebook"
    _title_page(document, title, info.name, codebook, made)
    contents = _contents(document)
    numbering = Numbering()
    chapter = 0
    if views is not None or co is not None:
        chapter += 1
        wide = _landscape(document, settings.options.paper)
        document.add_heading(f"{chapter} Cross-case matrices", level=1)
        for matrix in views.matrices if views is not None else []:
            assert views is not None  # the loop runs only then
            control.check()
            keep_with_next(document.add_heading(views.title(matrix), level=2))
            add_matrix_tables(document, views, matrix, wide, numbering, control)
        if co is not None:
            keep_with_next(document.add_heading("Code co-occurrence", level=2))
            add_matrix_tables(document, co, co.matrices[0], wide, numbering, control)
    if charts:
        chapter += 1
        control.report(steps - 2, steps, "Placing the figures")
        wide = _landscape(document, settings.options.paper, new=views is None and co is None)
        _page_break(document, views is not None or co is not None)
        document.add_heading(f"{chapter} Figures", level=1)
        for kind, request, matrix in charts:
            control.check()
            _figure(document, numbering, kind, request, matrix, wide)
    turned = views is not None or co is not None or bool(charts)
    if agreement is not None:  # its tables are wide: landscape too
        chapter += 1
        _landscape(document, settings.options.paper, new=not turned)
        _page_break(document, turned)
        document.add_heading(f"{chapter} Inter-coder agreement", level=1)
        add_agreement(document, agreement, numbering, level=2, most=MOST_DISAGREEMENTS)
        turned = True
    if entries:
        width = _portrait(document, settings.options.paper, new=True)
        document.add_heading("Appendix: Codebook", level=1)
        add_codebook(document, entries, width, level=2)
    control.report(steps - 1, steps, f"Writing {Path(path).name}")
    _list_contents(document, contents)
    _update_fields_on_open(document)
    with written_whole(path) as scratch:
        document.save(str(scratch))
    control.report(steps, steps, f"Wrote {Path(path).name}")
    return Path(path)


def _chart_spec(spec: MatrixSpec, kind: str) -> MatrixSpec:
    """Heat map and frequencies by theme; the network and the coder comparison by code."""
    return replace(spec, columns="themes" if kind in ("heatmap", "frequencies") else "codes")


def _agreement(session: Session, settings: ReportSettings,
               control: JobControl) -> AgreementReport | None:
    coders = settings.agreement_coders
    if coders is None:
        coders = tuple(session.scalars(select(Coder.name).order_by(Coder.name)))
        if len(coders) < 2:
            return None
    elif len(coders) == 1:
        raise DomainError("Agreement compares two or more coders; name another one.")
    elif not coders:
        return None
    control.report(0, 1, "Measuring agreement")
    return agreement_report(session, AgreementSettings(
        coders, resamples=settings.resamples, seed=settings.seed), control)


def _title_page(document: WordDocument, title: str, project: str, codebook: str,
                made: object) -> None:
    for _ in range(6):
        document.add_paragraph()
    document.add_heading(title, level=0)
    for line in (f"Project: {project}", f"Codebook: {codebook}",
                 f"Prepared by {user_name()} on {made:%d %B %Y}", f"Made with {PROGRAM}"):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        run.font.size, run.font.color.rgb = Pt(11), GREY
    _page_break(document, True)


TOC = 'TOC \\o "1-2" \\h \\z \\u'


def _contents(document: WordDocument) -> Paragraph:
    document.add_heading("Contents", level=1)
    return document.add_paragraph()


def _list_contents(document: WordDocument, placeholder: Paragraph) -> None:
    """The table of contents field, showing the headings (without page numbers) until Word
    updates it on opening, so a reader of a converted file sees the contents too."""
    # By style id, looked up once: ``paragraph.style`` searches every style of the document for
    # each paragraph (a tenth of the report's time).
    levels = {document.styles[f"Heading {level}"].style_id: level for level in (1, 2)}
    entries = [(levels[p._p.style], p.text) for p in document.paragraphs
               if p._p.style in levels and p.text != "Contents"]
    if not entries:
        entries = [(1, "")]
    anchor = placeholder._p
    for number, (level, text) in enumerate(entries):
        paragraph = anchor.getparent().makeelement(qn("w:p"), {})
        anchor.addprevious(paragraph)
        wrapper = Paragraph(paragraph, placeholder._parent)
        wrapper.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        wrapper.paragraph_format.space_after = Pt(2)
        if number == 0:
            _field_char(wrapper, "begin")
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {TOC} "
            wrapper.add_run()._r.append(instruction)
            _field_char(wrapper, "separate")
        wrapper.add_run(text).bold = level == 1
        if number == len(entries) - 1:
            _field_char(wrapper, "end")
    anchor.getparent().remove(anchor)


def _field_char(paragraph: Paragraph, kind: str) -> None:
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(mark)


def _figure(document: WordDocument, numbering: Numbering, kind: str, request: ChartRequest,
            matrix: Matrix, width: float) -> None:
    figure = draw(request, matrix)
    picture = io.BytesIO()
    figure.savefig(picture, format="png", dpi=300, bbox_inches="tight")
    inches = figure.get_size_inches()
    caption(document, "Figure", numbering.next_figure(), CHART_TITLES[kind])
    room_cm = min(width, 11.5 * inches[0] / inches[1])  # with its caption and note on one page
    paragraph = document.add_paragraph()
    keep_with_next(paragraph)
    paragraph.add_run().add_picture(io.BytesIO(picture.getvalue()), width=Cm(room_cm))
    made = matrix.provenance
    about = {"frequencies": "Bars: each case's codings per theme, in the codebook's colours.",
             "heatmap": "Cells: codings per case and theme; darker is more.",
             "network": "Node area: a code's codings; line width: how often two codes' codings "
                        "overlap (pairs of one coder's codings).",
             "coders": "Bars: each coder's codings per code."}[kind]
    table_note(
        document,
        f"{about} {provenance_line(made.project, made.codebook, made.made_at, made.filters)}",
    )


def _landscape(document: WordDocument, paper: str | None, new: bool = True) -> float:
    return _turn(document, paper, landscape=True, new=new)


def _portrait(document: WordDocument, paper: str | None, new: bool = True) -> float:
    return _turn(document, paper, landscape=False, new=new)


def _turn(document: WordDocument, paper: str | None, *, landscape: bool, new: bool) -> float:
    """A new section (on a new page) turned as asked; returns its text width in cm."""
    section = document.add_section(WD_SECTION.NEW_PAGE) if new else document.sections[-1]
    probe = docx.Document()
    paper_size(probe, paper, landscape=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = probe.sections[0].page_width
    section.page_height = probe.sections[0].page_height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    width = section.page_width
    assert width is not None  # set just above
    return (width - 2 * Cm(MARGIN_CM)) / 360000


def _page_break(document: WordDocument, wanted: bool) -> None:
    if wanted:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


_AFTER_UPDATE_FIELDS = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                        "rsids", "mathPr", "attachedSchema", "themeFontLang",
                        "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions",
                        "readModeInkLockDown", "smartTagType", "schemaLibrary",
                        "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}


def _update_fields_on_open(document: WordDocument) -> None:
    """Ask Word to update the fields (the table of contents, page counts) when it opens;
    placed where the settings schema orders it."""
    settings = document.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    for child in settings:
        if str(child.tag).rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS:
            child.addprevious(flag)
            return
    settings.append(flag)


def report_contents(settings: ReportSettings) -> Sequence[str]:
    """The report's parts in order, in words (for the dialog's preview and the CLI)."""
    parts = ["Title page", "Contents"]
    parts += [f"Matrix: {mode}" for mode in settings.matrices]
    parts += ["Code co-occurrence"] if settings.cooccurrence else []
    parts += [CHART_TITLES[kind] for kind in settings.charts]
    parts += ["Inter-coder agreement"] if settings.agreement_coders != () else []
    parts += ["Appendix: Codebook"] if settings.codebook else []
    return parts

"""What a matrix export holds: one matrix per view asked for, every passage, and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.frame import MatrixColumn
from workbench.core.analysis.matrix import Matrix, Provenance, build_matrix
from workbench.core.analysis.spec import MODE_TITLES, MatrixSpec
from workbench.core.attribute_values import AttributeValue, python_value
from workbench.core.errors import DomainError
from workbench.core.exporters.options import PROGRAM, ExportOptions
from workbench.core.jobs import JobControl
from workbench.core.model import AttributeDefinition, CaseAttributeValue
from workbench.core.queries.passages import Passage

DEFINITIONS = {
    "count": "number of codings (a theme counts each coding of its sub-codes once)",
    "documents": "number of the case's documents with at least one coding",
    "presence": "whether the case has any coding",
    "words": "words coded; text coded more than once (overlaps, two coders, two sub-codes of a "
             "theme) counts once",
    "share": "words coded as a share of all words in the case's documents",
    "row_percent": "the cell's codings as a percentage of its row's codings in this matrix",
    "column_percent": "the cell's codings as a percentage of its column's codings",
    "passages": "the coded passages, each with its reference (case · document · ¶paragraph, "
                "speaker)",
    "summary": "the researcher's own summary of the cell (framework method)",
}


@dataclass
class MatrixViews:
    """The views of one matrix request, and the long list of its passages (for pivoting)."""

    matrices: list[Matrix]
    passages: list[Passage]
    attribute_names: list[str] = field(default_factory=list)
    case_values: dict[int, dict[str, AttributeValue]] = field(default_factory=dict)
    with_passages: bool = True  # False for code-by-code and coder-by-code tables
    options: ExportOptions = field(default_factory=ExportOptions)

    @classmethod
    def single(cls, matrix: Matrix, options: ExportOptions | None = None) -> MatrixViews:
        """A table without a long list of passages (co-occurrence, coder by code)."""
        return cls([matrix], [], with_passages=False, options=options or ExportOptions())

    def title(self, matrix: Matrix) -> str:
        if matrix.row_title == "Code":
            return "Code co-occurrence"
        if matrix.row_title == "Coder":
            return f"Coders: {MODE_TITLES[matrix.spec.cell].lower()}"
        return MODE_TITLES[matrix.spec.cell]

    @property
    def provenance(self) -> Provenance:
        return self.matrices[0].provenance

    @property
    def columns(self) -> list[MatrixColumn]:
        return self.matrices[0].columns

    def about(self) -> list[tuple[str, str]]:
        """How the matrix was made, as label/value lines for the provenance note."""
        made = self.provenance
        lines = [("Project", made.project), ("Codebook", made.codebook),
                 ("Made on", made.made_at.strftime("%Y-%m-%d %H:%M UTC")),
                 ("Views", ", ".join(self.title(m) for m in self.matrices))]
        lines += made.filters
        lines.append(("Program", PROGRAM))
        lines += [(MODE_TITLES[m.spec.cell], DEFINITIONS[m.spec.cell]) for m in self.matrices]
        return lines


def collect_views(session: Session, spec: MatrixSpec, cells: list[str],
                  control: JobControl | None = None,
                  options: ExportOptions | None = None) -> MatrixViews:
    """Build the matrix once per cell mode in ``cells`` (in that order), plus every passage."""
    if not cells:
        raise DomainError("Ask for at least one view of the matrix (count, passages, ...).")
    control = control or JobControl()
    matrices = []
    for number, cell in enumerate(dict.fromkeys(cells), start=1):
        control.report(number - 1, len(cells) + 1, f"Building the {MODE_TITLES[cell].lower()} view")
        matrices.append(build_matrix(session, spec.with_cell(cell), control))
    by_mode = {matrix.spec.cell: matrix for matrix in matrices}
    passages_matrix = by_mode.get("passages") or build_matrix(
        session, spec.with_cell("passages"), control)
    passages = [passage for row in passages_matrix.rows for column in passages_matrix.columns
                for passage in passages_matrix.value(row.case_id, column.code_id)]
    names, values = _case_attributes(session)
    return MatrixViews(matrices, passages, names, values, options=options or ExportOptions())


def _case_attributes(session: Session) -> tuple[list[str], dict[int, dict[str, AttributeValue]]]:
    """Every case's attribute values as typed values (numbers, dates, yes/no as True/False)."""
    definitions = session.scalars(select(AttributeDefinition).order_by(
        AttributeDefinition.position, AttributeDefinition.id)).all()
    by_id = {definition.id: definition for definition in definitions}
    values: dict[int, dict[str, AttributeValue]] = {}
    for case_id, attribute_id, value in session.execute(
            select(CaseAttributeValue.case_id, CaseAttributeValue.attribute_id,
                   CaseAttributeValue.value)):
        definition = by_id[attribute_id]
        values.setdefault(case_id, {})[definition.name] = python_value(definition.type, value)
    return [definition.name for definition in definitions], values

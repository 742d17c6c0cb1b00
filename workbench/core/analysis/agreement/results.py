"""The agreement report's rows: plain dataclasses, ready for the CLI, the exports and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workbench.core.analysis.agreement.disagreements import Disagreement
from workbench.core.analysis.agreement.measures import Measure


@dataclass(frozen=True)
class PairResult:
    """Percent agreement and Cohen's kappa of two coders (kappa without an interval)."""

    first: str
    second: str
    percent: Measure
    kappa: Measure


@dataclass(frozen=True)
class SegmentResult:
    """One coder's segments, and how many another coder matched (``by``: per other coder)."""

    coder: str
    segments: int
    matched: int
    by: dict[str, int] = field(default_factory=dict)

    @property
    def unmatched(self) -> int:
        return self.segments - self.matched


@dataclass(frozen=True)
class ResultRow:
    """Agreement on one code, theme (its subtree unioned), case (all codes) or overall."""

    kind: str  # "code", "theme", "case" or "overall"
    label: str
    code_id: int | None
    case_id: int | None
    characters: int  # characters every coder coded the document of (kappa's units)
    percent: Measure
    kappa: Measure
    alpha: Measure
    pairs: tuple[PairResult, ...]
    segments: tuple[SegmentResult, ...]


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[str, ...]
    overlap: float
    resamples: int
    seed: int | None
    documents: tuple[tuple[str, str], ...]  # (case, document) compared
    all_coders_documents: int  # of those, the ones every chosen coder coded (kappa's units)
    left_out: tuple[tuple[str, str, str], ...]  # (case, document, coder): coded by one coder only
    codes: tuple[ResultRow, ...]
    themes: tuple[ResultRow, ...]
    cases: tuple[ResultRow, ...]
    overall: ResultRow
    disagreements: tuple[Disagreement, ...] = ()
    project: str = ""  # provenance for the exports: project, codebook, when
    codebook: str = ""
    made_at: datetime | None = None
    codes_chosen: str = "all codes"

    def rows(self) -> list[ResultRow]:
        """Every row in reading order: codes, themes, cases, overall."""
        return [*self.codes, *self.themes, *self.cases, self.overall]

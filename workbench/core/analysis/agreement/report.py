"""Computing the agreement report: per code, per theme, per case and overall.

*Overall* (and each case's figure) pools the chosen codes: every (character, code) is one unit,
so a pooled kappa sums the codes' 2x2 tables before computing kappa (de Vries et al. 2008),
and a pooled alpha takes all codes' values together. Themes are not pooled again: their
subtrees are already codes of the pool.

The documents are read once, each turned into its character vectors, counted per paragraph,
and dropped, so memory stays at one document's vectors whatever the project's size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.agreement.bootstrap import DEFAULT_RESAMPLES, Intervals, intervals
from workbench.core.analysis.agreement.disagreements import Disagreement, document_disagreements
from workbench.core.analysis.agreement.figures import figures, pooled
from workbench.core.analysis.agreement.measures import ALL_CODED, NO_UNITS, NOTHING_CODED, Measure
from workbench.core.analysis.agreement.results import (
    AgreementReport,
    PairResult,
    ResultRow,
    SegmentResult,
)
from workbench.core.analysis.agreement.segments import (
    DEFAULT_OVERLAP,
    SegmentCounts,
    check_overlap,
    document_segments,
)
from workbench.core.analysis.agreement.stats import (
    ALPHA_VALUES,
    KAPPA_UNITS,
    BlockCounts,
    assemble,
    document_counts,
    pairs,
)
from workbench.core.analysis.agreement.units import Units, coverage, load_units
from workbench.core.jobs import JobControl
from workbench.core.model import ProjectInfo, utc_now
from workbench.core.queries.code_tree import code_paths

NO_SHARED_DOCUMENTS = "no document was coded by every chosen coder"


@dataclass(frozen=True)
class AgreementSettings:
    coders: Sequence[str]
    code_ids: Iterable[int] | None = None  # None: every code (chosen codes include sub-codes)
    document_ids: Iterable[int] | None = None  # None: every document
    overlap: float = DEFAULT_OVERLAP
    resamples: int = DEFAULT_RESAMPLES
    seed: int | None = None
    disagreements: bool = True
    without_autocodes: bool = False  # True: only hand codings count (no coding made by a rule)


def agreement_report(session: Session, settings: AgreementSettings,
                     control: JobControl | None = None) -> AgreementReport:
    check_overlap(settings.overlap)
    units = load_units(session, settings.coders, settings.code_ids, settings.document_ids,
                       without_autocodes=settings.without_autocodes)
    counts, segments, found = _count(units, settings, control)
    rng = np.random.default_rng(settings.seed)
    report = _report(units, settings, counts, segments, found, rng)
    return _with_provenance(session, settings, report)


def _with_provenance(session: Session, settings: AgreementSettings,
                     report: AgreementReport) -> AgreementReport:
    """The project, codebook, date and chosen codes, for the exports' provenance note."""
    info = session.scalars(select(ProjectInfo)).one()
    chosen = "all codes"
    if settings.code_ids is not None:
        paths = code_paths(session)
        chosen = "; ".join(paths.get(code_id, str(code_id)) for code_id in settings.code_ids) \
            + " (with their sub-codes)"
    return dataclasses.replace(report, project=info.name,
                               codebook=info.codebook_origin or "the project's own codebook",
                               made_at=utc_now(), codes_chosen=chosen)


def _count(units: Units, settings: AgreementSettings, control: JobControl | None) -> tuple[
        BlockCounts, list[SegmentCounts], list[Disagreement]]:
    parts, segments, found = [], [], []
    total = len(units.documents)
    for n, document in enumerate(units.documents):
        if control is not None:
            control.check()
            control.report(n, total, document.title)
        covered = coverage(units, document)
        parts.append((n, *document_counts(units, document, covered)))
        segments.append(document_segments(units, document, covered, settings.overlap))
        if settings.disagreements:
            found += document_disagreements(units, document, covered)
    if control is not None:
        control.report(total, total, "")
    return assemble(parts, len(units.rows), len(units.coders)), segments, found


def _report(units: Units, settings: AgreementSettings, counts: BlockCounts,
            segments: list[SegmentCounts], found: list[Disagreement],
            rng: np.random.Generator) -> AgreementReport:
    code_rows = units.code_rows
    with_pool = np.concatenate([counts.per_row, pooled(counts.per_row, counts.shared,
                                                       code_rows)[0]], axis=1)
    scale = np.ones(len(units.rows) + 1)
    scale[-1] = max(len(code_rows), 1)
    spread = intervals(with_pool, counts.shared, settings.resamples, rng, scale)
    per_row, shared = with_pool.sum(axis=0), counts.shared.sum(axis=0)
    segment_total = _sum_segments(segments, range(len(units.documents)), len(units.rows),
                                  len(units.coders))
    rows = [_row(units, row.kind, row.label, row.code_id, None, per_row, shared, spread, r,
                 segment_total, [r]) for r, row in enumerate(units.rows)]
    overall = _row(units, "overall", "All codes", None, None, per_row, shared, spread,
                   len(units.rows), segment_total, code_rows)
    return AgreementReport(
        coders=tuple(units.coders), overlap=settings.overlap, resamples=settings.resamples,
        seed=settings.seed, documents=tuple((d.case, d.title) for d in units.documents),
        all_coders_documents=sum(d.all_coded for d in units.documents),
        left_out=tuple(units.left_out),
        codes=tuple(row for row in rows if row.kind == "code"),
        themes=tuple(row for row in rows if row.kind == "theme"),
        cases=tuple(_cases(units, settings, counts, segments, rng)), overall=overall,
        disagreements=tuple(found))


def _cases(units: Units, settings: AgreementSettings, counts: BlockCounts,
           segments: list[SegmentCounts], rng: np.random.Generator) -> list[ResultRow]:
    results, code_rows = [], units.code_rows
    order = list(dict.fromkeys((d.case_id, d.case) for d in units.documents))
    for case_id, case in order:
        documents = [n for n, d in enumerate(units.documents) if d.case_id == case_id]
        blocks = np.isin(counts.document, documents)
        block_rows, block_shared = pooled(counts.per_row[blocks], counts.shared[blocks], code_rows)
        spread = intervals(block_rows, block_shared, settings.resamples, rng)
        seg = _sum_segments(segments, documents, len(units.rows), len(units.coders))
        results.append(_row(units, "case", case, None, case_id, block_rows.sum(axis=0),
                            counts.shared[blocks].sum(axis=0), spread, 0, seg, code_rows))
    return results


def _sum_segments(segments: list[SegmentCounts], documents: Iterable[int], rows: int,
                  coders: int) -> SegmentCounts:
    total = SegmentCounts.empty(rows, coders)
    for n in documents:
        total.add(segments[n])
    return total


def _row(units: Units, kind: str, label: str, code_id: int | None, case_id: int | None,
         per_row: NDArray, shared: NDArray, spread: Intervals, r: int, segments: SegmentCounts,
         segment_rows: list[int]) -> ResultRow:
    """One result row from the summed counts ``per_row[r]`` (shared counts pooled as needed)."""
    scale = len(segment_rows) if kind in ("case", "overall") else 1
    counts, common = per_row[r], shared * max(scale, 1)
    result = figures(counts[None, :], common)
    names = units.coders
    pair_results = tuple(
        PairResult(names[a], names[b],
                   _measure(result.pair_percent[0, p], reason=_units_reason(common)),
                   _measure(result.pair_kappa[0, p],
                            reason=_kappa_reason(counts, common, p, names[a], names[b])))
        for p, (a, b) in enumerate(pairs(len(names))))
    undefined = [pair.kappa.reason for pair in pair_results if pair.kappa.value is None]
    kappa_reason = undefined[0] if undefined else ""
    return ResultRow(
        kind=kind, label=label, code_id=code_id, case_id=case_id,
        characters=int(shared[KAPPA_UNITS]),
        percent=_measure(result.percent[0], reason=_units_reason(common)),
        kappa=_measure(result.kappa[0], spread.kappa_low[r], spread.kappa_high[r], kappa_reason),
        alpha=_measure(result.alpha[0], spread.alpha_low[r], spread.alpha_high[r],
                       _alpha_reason(counts, common)),
        pairs=pair_results, segments=_segment_results(names, segments, segment_rows))


def _measure(value: float, low: float = np.nan, high: float = np.nan,
             reason: str = "") -> Measure:
    if np.isnan(value):
        return Measure(None, reason=reason)
    low_value, high_value = (None if np.isnan(x) else float(x) for x in (low, high))
    return Measure(float(value), low_value, high_value)


def _units_reason(common: NDArray) -> str:
    return NO_SHARED_DOCUMENTS if common[KAPPA_UNITS] == 0 else ""


def _kappa_reason(counts: NDArray, common: NDArray, p: int, first: str, second: str) -> str:
    if common[KAPPA_UNITS] == 0:
        return NO_SHARED_DOCUMENTS
    coded = counts[3 * p: 3 * p + 3].sum()
    if coded == 0:
        return f"neither {first} nor {second} used this code in the documents both coded: " \
               "only its absence agrees"
    return f"{first} and {second} coded every character with it: there is no variation"


def _alpha_reason(counts: NDArray, common: NDArray) -> str:
    if common[ALPHA_VALUES] < 2:
        return NO_UNITS
    return NOTHING_CODED if counts[-2] == 0 else ALL_CODED


def _segment_results(names: list[str], segments: SegmentCounts,
                     rows: list[int]) -> tuple[SegmentResult, ...]:
    total, matched, by = (array[rows].sum(axis=0) for array in
                          (segments.total, segments.matched, segments.by))
    return tuple(
        SegmentResult(name, int(total[k]), int(matched[k]),
                      {other: int(by[k, j]) for j, other in enumerate(names) if j != k})
        for k, name in enumerate(names))

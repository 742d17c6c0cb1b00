"""How agreement figures are written, the same in the terminal, the exports and the window."""

from __future__ import annotations

import dataclasses
from typing import Any

from workbench.core.analysis.agreement.measures import Measure
from workbench.core.analysis.agreement.results import AgreementReport, ResultRow, SegmentResult
from workbench.core.numbers import fixed, percent_text

UNDEFINED = "–"  # an undefined figure; its reason is given beside or below it
KIND_NAMES = {"code": "Code", "theme": "Theme", "case": "Case", "overall": "Overall"}


def display_label(row: ResultRow, with_kind: bool = False) -> str:
    """A code by its own name, indented under its theme; themes, cases and overall as named
    (``with_kind``: saying which is a theme or a case, where no column says so)."""
    if row.kind == "theme" and with_kind:
        return f"{row.label}: whole theme"
    if row.kind == "case" and with_kind:
        return f"Case: {row.label}"
    if row.kind != "code":
        return row.label
    return "  " * depth(row) + row.label.split("/")[-1]


def depth(row: ResultRow) -> int:
    """How deep a code row sits in the code tree (0 at the top)."""
    return row.label.count("/") if row.kind == "code" else 0


def number(value: float | None, digits: int = 2) -> str:
    """``0.42``; a value that rounds to zero is ``0.00``, never ``-0.00``."""
    return UNDEFINED if value is None else fixed(value, digits)


def percent(measure: Measure) -> str:
    return UNDEFINED if measure.value is None else percent_text(measure.value)


def interval(measure: Measure) -> str:
    """``[0.48, 0.61]``, or empty when there is no interval."""
    if measure.low is None or measure.high is None:
        return ""
    return f"[{number(measure.low)}, {number(measure.high)}]"


def with_interval(measure: Measure) -> str:
    return f"{number(measure.value)} {interval(measure)}".strip()


def segments(result: SegmentResult) -> str:
    """``Lotte 4/8`` : matched of all segments."""
    return f"{result.coder} {result.matched}/{result.segments}"


def notes(row: ResultRow) -> str:
    """Why a figure is missing or degenerate, in one line (empty when there is nothing to say)."""
    reasons = [f"κ: {row.kappa.reason}" if row.kappa.value is None else "",
               f"α: {row.alpha.reason}" if row.alpha.value is None and
               row.alpha.reason != row.kappa.reason else "",
               one_coder_only(row)]
    return "; ".join(reason for reason in reasons if reason)


def one_coder_only(row: ResultRow) -> str:
    """The note for a code only some coders used: κ and α are then 0 (or below) by construction,
    whatever the text, and their interval collapses; that is no measured agreement."""
    used = [segment.coder for segment in row.segments if segment.segments]
    if not used or len(used) == len(row.segments) or row.kind != "code":
        return ""
    return (f"only {', '.join(used)} used this code, so κ and α are 0 or below by construction "
            "(the other coders never applied it)")


def report_as_data(report: AgreementReport) -> dict[str, Any]:
    """The whole report as plain JSON-ready data (disagreements with their references)."""
    data = dataclasses.asdict(report)
    data["overlap"] = report.overlap
    for item, disagreement in zip(data["disagreements"], report.disagreements, strict=True):
        item["reference"] = disagreement.reference
        item["passages"] = dict(zip(report.coders, disagreement.passages, strict=True))
    for kind in ("codes", "themes", "cases"):
        for item, row in zip(data[kind], getattr(report, kind), strict=True):
            _segment_data(item, row)
    _segment_data(data["overall"], report.overall)
    return data


def _segment_data(item: dict[str, Any], row: ResultRow) -> None:
    for segment_item, segment in zip(item["segments"], row.segments, strict=True):
        segment_item["unmatched"] = segment.unmatched

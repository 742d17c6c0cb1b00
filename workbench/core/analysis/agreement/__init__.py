"""Inter-coder agreement on character units: percent agreement, Cohen's kappa, Krippendorff's
alpha, segment agreement, bootstrap intervals, and the passages the coders disagree on.

Start at :func:`agreement_report`; :mod:`measures` documents what each figure means and when it
is undefined, :mod:`units` which documents count, :mod:`bootstrap` the interval's unit.
"""

from workbench.core.analysis.agreement.disagreements import Disagreement
from workbench.core.analysis.agreement.measures import Measure
from workbench.core.analysis.agreement.report import AgreementSettings, agreement_report
from workbench.core.analysis.agreement.results import (
    AgreementReport,
    PairResult,
    ResultRow,
    SegmentResult,
)

__all__ = [
    "AgreementReport", "AgreementSettings", "Disagreement", "Measure", "PairResult", "ResultRow",
    "SegmentResult", "agreement_report",
]

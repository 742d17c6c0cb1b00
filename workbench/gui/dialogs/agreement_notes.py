"""What each agreement measure means, in one line each, and why a high percentage can sit
beside a low kappa (the chance-corrected story), for the row the researcher is looking at."""

from __future__ import annotations

from workbench.core.analysis.agreement import ResultRow
from workbench.core.analysis.agreement.formatting import number, percent
from workbench.gui.i18n import tr

HIGH_PERCENT = 0.85
LOW_KAPPA = 0.6


def measure_lines() -> list[tuple[str, str]]:
    return [
        (tr("Agreement"), tr("the share of characters on which the coders made the same choice "
                             "(both coded them with the code, or both left them out).")),
        (tr("Kappa"), tr("Cohen's κ: agreement corrected for chance, from each coder's own rate "
                         "of coding; 1 is perfect, 0 is no better than chance, below 0 worse.")),
        (tr("Alpha"), tr("Krippendorff's α: chance-corrected like kappa, for two or more coders; "
                         "0.80 or more is usually taken as reliable, 0.667 as the lowest "
                         "acceptable for tentative conclusions.")),
        (tr("95% CI"), tr("the range the measure would likely fall in with other passages of the "
                          "same kind (bootstrap); a wide range means little material.")),
    ]


def explanation_html() -> str:
    return "<br>".join(f"<b>{name}</b>: {text}" for name, text in measure_lines())


def chance_story(row: ResultRow | None) -> str:
    """The high-percentage, low-kappa story for ``row``, or "" when it does not apply."""
    if row is None or row.percent.value is None or row.kappa.value is None:
        return ""
    if row.percent.value < HIGH_PERCENT or row.kappa.value >= LOW_KAPPA:
        return ""
    return tr("Why {percent} agreement but κ {kappa}? Most of the text was coded by neither "
              "coder, so they agree on it almost by default. Kappa leaves out the agreement "
              "that the coders' own coding rates would give by chance and looks at the passages "
              "they did code: there they seldom coded the same characters. Read the "
              "disagreements below.").format(percent=percent(row.percent),
                                             kappa=number(row.kappa.value))

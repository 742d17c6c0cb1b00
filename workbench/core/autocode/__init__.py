"""Autocoding: code every passage a rule finds (turns of some speakers, hits of a search or a
regular expression widened to their sentence, paragraph or turn, sections under headings) in
one action, after a preview. The action is :func:`workbench.core.services.autocoding.autocode`.
"""

from workbench.core.autocode.finder import Found, list_speakers, widen_hits
from workbench.core.autocode.preview import (
    AutocodePreview,
    SamplePassage,
    Target,
    preview_autocode,
    target_documents,
)
from workbench.core.autocode.rules import (
    Rule,
    Scope,
    SpeakerRule,
    StructureRule,
    TextRule,
    check_rule,
    describe,
)

__all__ = [
    "AutocodePreview", "Found", "Rule", "SamplePassage", "Scope", "SpeakerRule", "StructureRule",
    "Target", "TextRule", "check_rule", "describe", "list_speakers", "preview_autocode",
    "target_documents", "widen_hits",
]

"""Autocoding rules as plain data: what to find, and how far around each find to code.

A rule's :func:`describe` text is what a coding made by it records (``coding.rule``), so a
reader of the project (or of its agreement figures) can see which codings a rule made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from workbench.core.errors import DomainError


class Scope(StrEnum):
    """How much text around a hit of a :class:`TextRule` is coded."""

    HIT = "hit"  # the words found, nothing more
    SENTENCE = "sentence"  # the sentence(s) holding the hit, within its paragraph
    PARAGRAPH = "paragraph"  # the paragraph(s): non-blank lines, as references count them
    TURN = "turn"  # what the speaker says in the turn holding the hit; hits outside turns: none


@dataclass(frozen=True)
class SpeakerRule:
    """Every turn of the named speakers (case and accents ignored), or of those whose whole
    name matches ``pattern`` (a regular expression, case ignored)."""

    speakers: tuple[str, ...] = ()
    pattern: str = ""


@dataclass(frozen=True)
class TextRule:
    """Every hit of a full-text ``query`` (as the search finds it: accents and case ignored) or
    of a regular expression (case ignored), extended to its ``scope``."""

    query: str = ""
    regex: str = ""
    scope: Scope = Scope.HIT

    def __post_init__(self) -> None:
        try:  # a scope given by name ("paragraph", as a combo box or the command line has it)
            object.__setattr__(self, "scope", Scope(self.scope))
        except ValueError:
            raise DomainError(f"'{self.scope}' is no scope; choose "
                              f"{', '.join(scope.value for scope in Scope)}.") from None


@dataclass(frozen=True)
class StructureRule:
    """Every section under a heading matching ``heading`` (a regular expression searched in the
    heading's text, case ignored); see :mod:`workbench.core.autocode.sections`."""

    heading: str


Rule = SpeakerRule | TextRule | StructureRule


def describe(rule: Rule) -> str:
    """The rule as one line of text: what its codings record, and what the undo step is called."""
    if isinstance(rule, SpeakerRule):
        if rule.pattern:
            return f"speaker matching /{rule.pattern}/"
        return "speaker " + ", ".join(rule.speakers)
    if isinstance(rule, TextRule):
        found = f'search "{rule.query}"' if rule.query else f"regex /{rule.regex}/"
        return f"{found} ({rule.scope.value})"
    return f"sections under headings matching /{rule.heading}/"


def check_rule(rule: Rule) -> None:
    """Refuse a rule that names nothing to look for, or an invalid regular expression."""
    if isinstance(rule, SpeakerRule):
        if bool(rule.pattern.strip()) == bool([s for s in rule.speakers if s.strip()]):
            raise DomainError("Name the speakers, or give a pattern for their names (not both).")
        if rule.pattern:
            compiled(rule.pattern, "speaker pattern")
    elif isinstance(rule, TextRule):
        if bool(rule.query.strip()) == bool(rule.regex):
            raise DomainError("Give a search or a regular expression to look for (not both).")
        if rule.regex:
            if compiled(rule.regex, "regular expression").fullmatch(""):
                raise DomainError(f"The regular expression /{rule.regex}/ also matches empty "
                                  "text; make it match at least one character.")
    else:
        if not rule.heading.strip():
            raise DomainError("Give a pattern for the headings whose sections to code.")
        compiled(rule.heading, "heading pattern")


def compiled(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise DomainError(f"The {what} /{pattern}/ is not a valid regular expression "
                          f"({error}).") from None

"""The preview of a codebook merge: their codes paired with ours, each row's difference and the
researcher's choice. Codes pair by GUID, then by path, then by name (case and accents ignored);
codes left unpaired get suggestions of likely duplicates (similar names or definitions)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.codebooks.description import DefinitionFields
from workbench.core.codebooks.model import Codebook
from workbench.core.codebooks.qdc import normalise_guid
from workbench.core.errors import DomainError
from workbench.core.model import Code
from workbench.core.text import fold

SIMILAR_NAME = 0.75
SIMILAR_DEFINITION = 0.8
MAX_SUGGESTIONS = 3
_LABEL = re.compile(r"\s*\([^()]*\)\s*$")  # "Shared struggle (gezamenlijke strijd)"


class Choice(StrEnum):
    KEEP_OURS = "keep ours"  # for a code only there: leave it out
    TAKE_THEIRS = "take theirs"  # for a code only there: add it
    KEEP_BOTH = "keep both"
    PAIR = "pair with"


class Difference(StrEnum):
    SAME = "same"
    ONLY_HERE = "only here"
    ONLY_THERE = "only there"
    RENAMED = "renamed"
    MOVED = "moved"
    DEFINITION = "definition changed"
    COLOUR = "colour changed"


@dataclass(frozen=True)
class CodeSide:
    uuid: str
    path: tuple[str, ...]
    colour: str | None
    fields: DefinitionFields
    codable: bool
    id: int | None = None  # ours only
    parent_uuid: str | None = None

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def folded_path(self) -> tuple[str, ...]:
        return tuple(fold(part) for part in self.path)


@dataclass
class PlanRow:
    ours: CodeSide | None
    theirs: CodeSide | None
    matched_by: str = ""  # guid, path, name, or "" when unpaired
    differences: tuple[Difference, ...] = ()
    choice: Choice = Choice.KEEP_OURS
    pair_with: int | None = None  # our code id, with Choice.PAIR
    suggestions: tuple[int, ...] = ()  # our code ids of likely duplicates

    @property
    def choices(self) -> tuple[Choice, ...]:
        """What the researcher may choose on this row."""
        if self.theirs is None:
            return (Choice.KEEP_OURS,)
        if self.ours is None:
            return (Choice.TAKE_THEIRS, Choice.KEEP_OURS, Choice.PAIR)
        return (Choice.KEEP_OURS, Choice.TAKE_THEIRS, Choice.KEEP_BOTH, Choice.PAIR)


@dataclass
class CodebookPlan:
    rows: list[PlanRow]
    ours: dict[int, CodeSide] = field(default_factory=dict)
    source: str = ""

    def choose(self, row: int, choice: Choice | str, pair_with: int | None = None) -> None:
        target = self.rows[row]
        choice = Choice(choice)
        if choice not in target.choices:
            raise DomainError(f"'{choice}' is not possible for this row.")
        if choice is Choice.PAIR and pair_with not in self.ours:
            raise DomainError("Choose the code of this project to pair it with.")
        target.choice = choice
        target.pair_with = pair_with if choice is Choice.PAIR else None

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            for difference in row.differences:
                found[difference.value] = found.get(difference.value, 0) + 1
        return found


def our_sides(session: Session) -> dict[int, CodeSide]:
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    by_id = {code.id: code for code in codes}

    def path(code: Code) -> tuple[str, ...]:
        parts = [code.name]
        while code.parent_id is not None and code.parent_id in by_id and len(parts) <= len(by_id):
            code = by_id[code.parent_id]
            parts.append(code.name)
        return tuple(reversed(parts))

    sides = {}
    for code in _tree_order(codes):
        parent = by_id.get(code.parent_id) if code.parent_id is not None else None
        sides[code.id] = CodeSide(
            code.uuid, path(code), code.colour,
            DefinitionFields(code.definition, code.when_to_use, code.when_not_to_use, code.example),
            code.codable, code.id, parent.uuid if parent else None)
    return sides


def _tree_order(codes: Sequence[Code]) -> list[Code]:
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    ordered: list[Code] = []

    def visit(parent: int | None) -> None:
        for code in children.get(parent, []):
            ordered.append(code)
            visit(code.id)

    visit(None)
    return ordered


def their_sides(codebook: Codebook) -> list[CodeSide]:
    sides, parents = [], {}
    for code, path in codebook.walk():
        for child in code.children:
            parents[id(child)] = code.uuid
        sides.append(CodeSide(normalise_guid(code.uuid) or code.uuid, path, code.colour,
                              code.fields, code.codable, None, parents.get(id(code))))
    return sides


def plan_codebook_merge(session: Session, codebook: Codebook, source: str = "") -> CodebookPlan:
    ours = our_sides(session)
    theirs = their_sides(codebook)
    pairs: dict[int, tuple[int, str]] = {}  # their index -> (our id, how)
    free = dict(ours)
    keys = (("guid", lambda side: side.uuid.lower()),
            ("path", lambda side: side.folded_path),
            ("name", lambda side: fold(side.name)))
    for how, key in keys:
        index: dict[object, list[int]] = {}
        for our_id, side in free.items():
            index.setdefault(key(side), []).append(our_id)
        for number, side in enumerate(theirs):
            found = index.get(key(side), [])
            candidates = [our_id for our_id in found if our_id in free]
            if number not in pairs and len(candidates) == 1:
                pairs[number] = (candidates[0], how)
                del free[candidates[0]]
    paired_uuid = {side.uuid: ours[pairs[n][0]].uuid for n, side in enumerate(theirs) if n in pairs}
    rows = [_paired_row(ours[pairs[n][0]], side, pairs[n][1], paired_uuid) if n in pairs
            else _their_row(side, ours) for n, side in enumerate(theirs)]
    rows += [PlanRow(side, None, differences=(Difference.ONLY_HERE,)) for side in free.values()]
    return CodebookPlan(rows, ours, source)


def _paired_row(ours: CodeSide, theirs: CodeSide, how: str,
                paired_uuid: dict[str, str]) -> PlanRow:
    """A paired code; it moved when its parent there is not (the pair of) its parent here."""
    differences = []
    if ours.name != theirs.name:
        differences.append(Difference.RENAMED)
    their_parent = paired_uuid.get(theirs.parent_uuid, "?") if theirs.parent_uuid else None
    if their_parent != ours.parent_uuid:
        differences.append(Difference.MOVED)
    if ours.fields != theirs.fields and any(theirs.fields.as_dict().values()):
        differences.append(Difference.DEFINITION)
    if theirs.colour and (ours.colour or "").upper() != theirs.colour.upper():
        differences.append(Difference.COLOUR)
    return PlanRow(ours, theirs, how, tuple(differences) or (Difference.SAME,))


def _their_row(theirs: CodeSide, ours: dict[int, CodeSide]) -> PlanRow:
    return PlanRow(None, theirs, differences=(Difference.ONLY_THERE,), choice=Choice.TAKE_THEIRS,
                   suggestions=likely_duplicates(theirs, ours.values()))


def likely_duplicates(theirs: CodeSide, candidates) -> tuple[int, ...]:
    """Our codes whose name or definition is close to theirs, most similar first."""
    scored = []
    name = fold(theirs.name)
    definition = fold(theirs.fields.definition)
    for side in candidates:
        score = max(SequenceMatcher(None, name, fold(label)).ratio()
                    for label in (side.name, _LABEL.sub("", side.name)))
        if definition and side.fields.definition:
            similar = SequenceMatcher(None, definition, fold(side.fields.definition)).ratio()
            score = max(score, similar if similar >= SIMILAR_DEFINITION else 0)
        if score >= SIMILAR_NAME:
            scored.append((-score, side.id))
    return tuple(code_id for _score, code_id in sorted(scored)[:MAX_SUGGESTIONS])

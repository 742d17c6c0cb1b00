"""A codebook in memory, independent of any project: what a ``.qdc`` file holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from workbench.core.codebooks.description import DefinitionFields


@dataclass
class CodebookCode:
    uuid: str
    name: str
    codable: bool = True
    colour: str | None = None
    fields: DefinitionFields = field(default_factory=DefinitionFields)
    children: list[CodebookCode] = field(default_factory=list)


@dataclass
class Codebook:
    codes: list[CodebookCode]
    origin: str = ""
    warnings: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[tuple[CodebookCode, tuple[str, ...]]]:
        """Every code with its path of names from the top, depth first, in order."""

        def visit(codes: list[CodebookCode], path: tuple[str, ...]) -> Iterator[
                tuple[CodebookCode, tuple[str, ...]]]:
            for code in codes:
                yield code, (*path, code.name)
                yield from visit(code.children, (*path, code.name))

        yield from visit(self.codes, ())

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())

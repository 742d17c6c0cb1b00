"""The codebooks shipped with Coding Workbench (``codebooks/`` at the top of the repository)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import DomainError
from workbench.core.paths import bundled_dir


@dataclass(frozen=True)
class BuiltinCodebook:
    key: str
    title: str
    file_name: str
    summary: str

    @property
    def path(self) -> Path:
        return bundled_dir("codebooks") / self.file_name


BUILTIN_CODEBOOKS = (
    BuiltinCodebook(
        "solidarity", "Solidarity in diversity", "solidarity-in-diversity.qdc",
        "Four findings of the Flemish study: need for transformation, sources of solidarity, "
        "pedagogy of solidarity, citizenship as practice.",
    ),
    BuiltinCodebook(
        "social-cohesion", "Social cohesion", "social-cohesion.qdc",
        "Four kinds of capital a person draws on and four levels of context that shape "
        "social cohesion.",
    ),
)


def builtin_codebook(key: str) -> BuiltinCodebook:
    for codebook in BUILTIN_CODEBOOKS:
        if codebook.key == key:
            return codebook
    known = ", ".join(codebook.key for codebook in BUILTIN_CODEBOOKS)
    raise DomainError(f"There is no built-in codebook '{key}'; choose one of: {known}, none.")

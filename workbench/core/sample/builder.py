"""Building the sample project from its manifest, case folders and quote-anchored codings.

Codings are written against the quoted text, not bare offsets, so editing a sample document
never silently shifts a coding: a quote that no longer matches stops the build with its case
file and the quote named.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workbench.core.errors import WorkbenchError
from workbench.core.importers.registry import read_source
from workbench.core.model import Document
from workbench.core.paths import bundled_dir
from workbench.core.queries.resolve import resolve_case, resolve_code
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case, define_attribute
from workbench.core.services.codebook import load_builtin_codebook
from workbench.core.services.coders import add_coder
from workbench.core.services.documents import add_document
from workbench.core.services.memos import create_memo
from workbench.core.services.project_info import describe_project
from workbench.core.storage import Project
from workbench.core.storage.new_project import build_project


class SampleDataError(WorkbenchError):
    """The sample project's source files are inconsistent."""


def sample_source_dir() -> Path:
    return bundled_dir("sample_projects") / "solidarity"


def build_sample_project(path: str | os.PathLike[str], source: Path | None = None) -> Project:
    """Create the sample project at ``path``; no file is left behind if the build fails."""
    source = source or sample_source_dir()
    manifest = _load_toml(source / "project.toml")
    settings = manifest["project"]
    codebook = settings.get("codebook", "none")

    def fill(project: Project) -> None:
        if codebook != "none":
            load_builtin_codebook(project, codebook)
        describe_project(project, description=settings.get("description", ""))
        for coder in manifest.get("coder", []):
            add_coder(project, coder["name"], coder.get("colour"))
        for attribute in manifest.get("attribute", []):
            define_attribute(project, attribute["name"], attribute["type"],
                             attribute.get("choices", ()), attribute.get("description", ""))
        for memo in manifest.get("memo", []):
            create_memo(project, memo["title"], memo.get("text", ""), author=memo.get("author"))
        for slug in settings["cases"]:
            _build_case(project, source / "cases" / slug)

    # Built under a hidden name: the file appears only once the sample is complete.
    return Project.open(build_project(path, settings["name"], fill))


def _build_case(project: Project, folder: Path) -> None:
    manifest_path = folder / "case.toml"
    manifest = _load_toml(manifest_path)
    case = manifest["case"]
    create_case(project, case["name"], case.get("description", ""), case.get("attributes", {}))
    with project.reading() as session:
        case_id = resolve_case(session, case["name"]).id
    documents: dict[str, int] = {}
    for entry in manifest.get("document", []):
        extracted = read_source(folder / entry["file"])
        changes = add_document(
            project, case_id, entry["title"], extracted.text, kind=entry.get("kind", "interview"),
            source_name=entry["file"], encoding=extracted.encoding,
            recorded_on=entry.get("date"), interviewer=entry.get("interviewer", ""),
            participants=entry.get("participants", []),
        )
        documents[entry["id"]] = changes.subject.id
    texts = {key: _text(project, document_id) for key, document_id in documents.items()}
    codes: dict[str, int] = {}  # each code name resolved once (the codebook stays as it is)
    specs = [_coding_spec(project, manifest_path, number, entry, documents, texts, codes)
             for number, entry in enumerate(manifest.get("coding", []), start=1)]
    if specs:  # one action per case, as a researcher codes a whole transcript in one sitting
        apply_codings(project, specs)


def _text(project: Project, document_id: int) -> str:
    with project.reading() as session:
        return session.scalar(select(Document.text).where(Document.id == document_id)) or ""


def _coding_spec(project: Project, manifest_path: Path, number: int, entry: dict[str, Any],
                 documents: dict[str, int], texts: dict[str, str],
                 codes: dict[str, int]) -> CodingSpec:
    where = f"{manifest_path}, coding {number}"
    if entry["document"] not in documents:
        raise SampleDataError(f"{where}: unknown document '{entry['document']}'.")
    if entry["code"] not in codes:
        with project.reading() as session:
            codes[entry["code"]] = resolve_code(session, entry["code"]).id
    start = find_quote(texts[entry["document"]], entry["quote"], entry.get("occurrence", 1),
                       where)
    return CodingSpec(documents[entry["document"]], codes[entry["code"]], start,
                      start + len(entry["quote"]), entry["coder"], entry.get("memo", ""))


def find_quote(text: str, quote: str, occurrence: int, where: str) -> int:
    """Code-point offset of the ``occurrence``-th (1-based) appearance of ``quote`` in ``text``."""
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position < 0:
            raise SampleDataError(f"{where}: the quote is not in the document "
                                  f"(occurrence {occurrence}): '{quote[:60]}'.")
    return position


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SampleDataError(f"{path}: cannot be read ({error}).") from None

"""Generate a large synthetic project through the service layer (invented, meaningless text).

Default size: 31 cases, 1,000 documents, 5 million words, 100,000 codings by 3 coders.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from workbench.core.model import Code
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case, define_attribute
from workbench.core.services.codebook import create_project
from workbench.core.services.documents import add_document
from workbench.core.storage import Project

SYLLABLES = ("ge", "ver", "sa", "men", "wer", "ken", "wo", "nen", "buurt", "school", "strijd",
             "de", "het", "een", "lo", "ka", "tie", "ing", "heid", "é", "ë", "ij", "oe", "ui")
COMMON = ("de", "het", "een", "en", "van", "ik", "we", "dat", "niet", "ook", "maar", "samen",
          "buurt", "school", "werk", "keuken", "mensen", "solidariteit", "diversiteit", "ideeën")
SPEAKERS = ("Interviewer", "Marleen", "Şükrü", "Zoë", "Bogdan", "Fatoumata")
PLACES = ("work", "living", "school", "public space", "leisure")
CODERS = ("Lotte", "Youssef", "Amal")


@dataclass(frozen=True)
class Size:
    cases: int = 31
    documents: int = 1000
    words: int = 5_000_000
    codings: int = 100_000
    seed: int = 7


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)}
    return sorted(words) + list(COMMON) * 40  # common words weigh more, as in speech


def transcript(rng: random.Random, vocab: list[str], words: int) -> str:
    """Speaker turns of 20-120 words, one per paragraph, until ``words`` words are written."""
    paragraphs, written, turn = [], 0, 0
    while written < words:
        count = min(rng.randint(20, 120), words - written)
        speaker = SPEAKERS[0] if turn % 2 == 0 else rng.choice(SPEAKERS[1:])
        body = " ".join(rng.choices(vocab, k=count))
        paragraphs.append(f"{speaker}: {body[0].upper()}{body[1:]}.")
        written += count
        turn += 1
    return "\n\n".join(paragraphs) + "\n"


def generate(path: Path, size: Size = Size()) -> dict[str, float]:
    """Build the project at ``path``; return the seconds each phase took."""
    rng = random.Random(size.seed)
    vocab = vocabulary(rng)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with create_project(path, name="Large synthetic project", codebook="solidarity") as project:
        define_attribute(project, "place", "choice", PLACES)
        case_ids = [create_case(project, f"Case {n:02d}", attributes={
            "place": PLACES[n % len(PLACES)], "city": rng.choice(["Gent", "Genk", "Brussel"]),
            "members": rng.randint(20, 600)}).subject.id for n in range(1, size.cases + 1)]
        timings["cases"] = time.perf_counter() - started

        mark = time.perf_counter()
        per_document = max(1, size.words // size.documents)
        documents: list[tuple[int, int]] = []
        for n in range(size.documents):
            text = transcript(rng, vocab, per_document)
            changes = add_document(project, case_ids[n % len(case_ids)], f"Transcript {n + 1:04d}",
                                   text, kind="interview" if n % 4 else "fieldnote")
            documents.append((changes.subject.id, len(text)))
        timings["documents"] = time.perf_counter() - mark

        mark = time.perf_counter()
        apply_codings(project, coding_specs(project, rng, documents, size.codings))
        timings["codings"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return timings


def coding_specs(project: Project, rng: random.Random, documents: list[tuple[int, int]],
                 total: int) -> list[CodingSpec]:
    with project.reading() as session:
        codes = list(session.scalars(select(Code.id).where(Code.codable)))
    specs = []
    for n in range(total):
        document_id, length = documents[n % len(documents)]
        span = rng.randint(40, 600)
        start = rng.randrange(0, max(1, length - span))
        specs.append(CodingSpec(document_id, rng.choice(codes), start, min(length, start + span),
                                rng.choice(CODERS)))
    return specs


def size_arguments(parser: argparse.ArgumentParser) -> None:
    defaults = Size()
    for field in ("cases", "documents", "words", "codings", "seed"):
        parser.add_argument(f"--{field}", type=int, default=getattr(defaults, field))


def project_arguments(parser: argparse.ArgumentParser) -> None:
    """The size options, and --project / --keep to reuse one generated project across runs."""
    size_arguments(parser)
    parser.add_argument("--project", type=Path,
                        help="use this generated project (made at --keep by an earlier run)")
    parser.add_argument("--keep", type=Path, help="keep the generated project at this path")


def large_project(arguments: argparse.Namespace, folder: Path) -> Path:
    """The project named by --project, or one generated now (at --keep, else in ``folder``)."""
    if arguments.project is not None:
        return Path(arguments.project)
    size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                arguments.seed)
    path = Path(arguments.keep or folder / "large.cwb")
    print(f"Generating {size.cases} cases, {size.documents} documents, "
          f"{size.words:,} words, {size.codings:,} codings ...")
    print(f"  generated in {generate(path, size)['total']:.1f} s", flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    size_arguments(parser)
    arguments = parser.parse_args()
    size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                arguments.seed)
    for phase, seconds in generate(arguments.project, size).items():
        print(f"{phase:<10} {seconds:8.2f} s")


if __name__ == "__main__":
    main()

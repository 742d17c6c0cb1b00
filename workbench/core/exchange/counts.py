"""Limits on how many things a ``.qdpx`` may declare, in proportion to what it holds.

A package of a few megabytes can declare hundreds of thousands of users (each a coder to
create): 300,000 of them took 380 s to import and filled the project with coders nobody
was. Every user of a real project made something: a coding, a note, a source. So a package
may name at most a thousand users beyond the things they made; codes, sources and selections
are bounded generously, far above any real project, so a hostile file stops before work starts.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from workbench.core.codebooks.safe_xml import local_name
from workbench.core.errors import ImportFileError

SPARE_USERS = 1_000
MAX_CODES = 50_000
MAX_SOURCES = 100_000
MAX_SELECTIONS = 2_000_000
_SOURCES = ("TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource")
_SELECTIONS = ("PlainTextSelection", "PDFSelection", "PictureSelection", "AudioSelection",
               "VideoSelection", "TranscriptSelection")


def check_counts(root: etree._Element, package: str) -> None:
    """Refuse a package declaring more than a project of its content can hold."""
    found = Counter(local_name(element) for element in root.iter()
                    if isinstance(element.tag, str))
    selections = sum(found[name] for name in _SELECTIONS)
    sources = sum(found[name] for name in _SOURCES)
    made = selections + found["Note"] + sources
    users = found["User"]
    if users > SPARE_USERS + made:
        _refuse(package, f"it names {users:,} users but holds only {made:,} sources, codings "
                         f"and notes they could have made (at most {SPARE_USERS + made:,} users "
                         "for that)")
    for count, limit, what in ((found["Code"], MAX_CODES, "codes"),
                               (sources, MAX_SOURCES, "sources"),
                               (selections, MAX_SELECTIONS, "coded selections")):
        if count > limit:
            _refuse(package, f"it declares {count:,} {what} (the limit is {limit:,})")


def _refuse(package: str, reason: str) -> None:
    raise ImportFileError(f"{package}: is refused: {reason}; nothing was imported.")

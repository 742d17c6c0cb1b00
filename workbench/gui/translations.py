"""Regenerate the interface translations from the sources and compile them.

    python -m workbench.gui.translations          # update the .ts files, then build the .qm files
    python -m workbench.gui.translations --check  # only report unfinished strings (exit 1 if any)

For whoever adds or changes interface strings (CONTRIBUTING):

1. Wrap every user-visible string in ``tr("...")`` (plurals: ``tr("%n passage(s)", "", n)``,
   never a hand-made "s"); for a string shown later from a variable, mark it with
   ``QT_TR_NOOP("...")`` from ``workbench.gui.i18n``.
2. Run this module. ``pyside6-lupdate`` adds the new strings to ``resources/i18n/workbench_nl.ts``
   (marked unfinished) and the English plural forms to ``workbench_en.ts``.
3. Translate them in Qt Linguist (``pyside6-linguist resources/i18n/workbench_nl.ts``) or in any
   text editor (fill ``<translation>`` and drop ``type="unfinished"``), then run this module again
   to compile the ``.qm`` files, and commit the ``.ts`` and ``.qm`` files together.

``tests/gui/test_translations.py`` fails while any Dutch string is unfinished or a ``.qm`` file
is older than its ``.ts``. The Dutch is Flemish research Dutch: codeboek, code, codering (a coded
passage), casus, document, interview, veldnotitie, memo, matrix, codeerder, thema,
kenmerk (attribute), treffer (search hit), samenvoegen (merge).

The tools come with PySide6 (the PySide6-Essentials wheel ships ``lupdate`` and ``lrelease``;
the ``pyside6-lupdate`` / ``pyside6-lrelease`` commands are wrappers around them).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "workbench" / "gui"
I18N = REPO / "resources" / "i18n"
# Dutch is translated in full; English only needs its plural forms (%n).
CATALOGUES = {"nl": ("nl_BE", False), "en": ("en_GB", True)}


def tool(name: str) -> str:
    """``lupdate`` or ``lrelease``: the pyside6-* wrapper on PATH or beside Python, else the
    binary inside the PySide6 package."""
    for candidate in (shutil.which(f"pyside6-{name}"),
                      str(Path(sys.executable).with_name(f"pyside6-{name}"))):
        if candidate and Path(candidate).exists():
            return candidate
    import PySide6

    binary = Path(PySide6.__file__).parent / name
    if binary.exists():
        return str(binary)
    raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"workbench_{language}.ts"


def update(folder: Path = I18N, sources: Path = SOURCES) -> None:
    """Bring the .ts files up to date with the strings in the sources (keeps translations)."""
    folder.mkdir(parents=True, exist_ok=True)
    for language, (locale, plural_only) in CATALOGUES.items():
        command = [tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                   "-target-language", locale, str(sources), "-ts", str(ts_path(language, folder))]
        if plural_only:
            command.insert(1, "-pluralonly")
        subprocess.run(command, check=True, capture_output=True)


def release(folder: Path = I18N) -> None:
    """Compile every .ts file to its .qm (what the application loads)."""
    for language in CATALOGUES:
        source = ts_path(language, folder)
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm",
                        str(source.with_suffix(".qm"))], check=True, capture_output=True)


def unfinished(ts_file: Path) -> list[str]:
    """Source texts of the messages still untranslated (or with an empty plural form)."""
    result = []
    for message in ElementTree.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished",):
            result.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [form.text for form in forms] if forms else [translation.text]
        if not all(text and text.strip() for text in texts):
            result.append(source)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.gui.translations",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list unfinished strings")
    arguments = parser.parse_args(argv)
    if not arguments.check:
        update()
        release()
    missing = {language: unfinished(ts_path(language)) for language in CATALOGUES}
    for language, sources in missing.items():
        for source in sources:
            print(f"unfinished ({language}): {source}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

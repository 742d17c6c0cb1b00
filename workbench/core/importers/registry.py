"""Which reader handles which file, and the checks every file passes before it is read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from workbench.core.atomic_file import plain_reason
from workbench.core.errors import ImportFileError
from workbench.core.importers import sniff as types
from workbench.core.importers.authors import person_or_blank
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.html_reader import read_html
from workbench.core.importers.odt_reader import read_odt
from workbench.core.importers.plain_text import read_plain_text
from workbench.core.importers.rtf_reader import read_rtf
from workbench.core.importers.subtitle_reader import read_subtitles
from workbench.core.importers.text_limit import DEFAULT_MAX_CHARACTERS, TooMuchText, text_limit

Reader = Callable[[Path], ExtractedText]


def _on_first_use(module: str, name: str) -> Reader:
    """A reader whose library (python-docx, pdfminer) is imported when a file of its kind is
    first read: the window and the command line start without it."""
    def read(path: Path) -> ExtractedText:
        return getattr(import_module(f"workbench.core.importers.{module}"), name)(path)

    return read


read_docx = _on_first_use("docx_reader", "read_docx")
read_pdf = _on_first_use("pdf_reader", "read_pdf")


@dataclass(frozen=True)
class Format:
    reader: Reader
    label: str  # finishes "not ..." in a mismatch message
    accepts: frozenset[str]  # sniffed type keys this reader takes
    suffix: str  # the extension to suggest for this format


_TEXT = Format(read_plain_text, "a plain text file", frozenset({"text", "html", "vtt", "srt"}),
               ".txt")
_HTML = Format(read_html, "a web page (HTML)", frozenset({"html", "text"}), ".html")
READERS: dict[str, Format] = {
    ".txt": _TEXT, ".text": _TEXT, ".md": _TEXT, ".markdown": _TEXT,
    ".docx": Format(read_docx, "a Word document", frozenset({"docx"}), ".docx"),
    ".odt": Format(read_odt, "an OpenDocument text", frozenset({"odt"}), ".odt"),
    ".rtf": Format(read_rtf, "an RTF document", frozenset({"rtf"}), ".rtf"),
    ".pdf": Format(read_pdf, "a PDF", frozenset({"pdf"}), ".pdf"),
    ".html": _HTML, ".htm": _HTML,
    ".vtt": Format(read_subtitles, "a WebVTT subtitle file", frozenset({"vtt", "srt"}), ".vtt"),
    ".srt": Format(read_subtitles, "a SubRip subtitle file", frozenset({"srt", "vtt"}), ".srt"),
}
_SUGGESTED = {"pdf": ".pdf", "docx": ".docx", "odt": ".odt", "rtf": ".rtf", "html": ".html",
              "vtt": ".vtt", "srt": ".srt"}

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def read_source(path: Path, *, size_limit: int = DEFAULT_SIZE_LIMIT,
                max_characters: int = DEFAULT_MAX_CHARACTERS) -> ExtractedText:
    """Read one source file, or raise :class:`ImportFileError` naming the file and the reason.

    ``max_characters`` bounds the text the file may produce; readers stop as soon as they pass it.
    """
    if not path.is_file():
        if path.exists():  # a named pipe would never end
            raise ImportFileError(f"{path.name}: is not a file (a named pipe or a device).")
        raise ImportFileError(f"{path.name}: no such file.")
    file_format = READERS.get(path.suffix.lower())
    if file_format is None:
        known = ", ".join(supported_suffixes())
        raise ImportFileError(f"{path.name}: '{path.suffix or 'no extension'}' files cannot be "
                              f"imported (supported: {known}).")
    try:
        size = path.stat().st_size
        if size == 0:
            raise ImportFileError(f"{path.name}: the file is empty.")
        if size > size_limit:
            raise ImportFileError(
                f"{path.name}: the file is {size / 1048576:.1f} MB, over the limit of "
                f"{size_limit / 1048576:.0f} MB."
            )
        check_type(path, file_format)
        with text_limit(max_characters):
            extracted = file_format.reader(path)
            if len(extracted.text) > max_characters:  # readers that read the whole file
                raise TooMuchText(f"holds {len(extracted.text):,} characters of text, over the "
                                  f"limit of {max_characters:,} for one document (split it, or "
                                  "raise the limit with --max-text)")
    except TooMuchText as error:
        raise ImportFileError(f"{path.name}: {error}.") from None
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({plain_reason(error)}).") from None
    except RecursionError:
        raise ImportFileError(f"{path.name}: is refused: its structure is nested too deeply to be "
                              "a normal document.") from None
    if not extracted.text.strip():
        raise ImportFileError(f"{path.name}: holds no text.")
    extracted.interviewer = person_or_blank(extracted.interviewer)  # never a program's name
    return extracted


def check_type(path: Path, file_format: Format) -> None:
    """Refuse a file whose content is not what its extension says, naming what it looks like."""
    found = types.sniff(path)
    if found.key in file_format.accepts:
        return
    if found == types.LOCKED_OFFICE:
        raise ImportFileError(f"{path.name}: is password-protected; remove the password and "
                              "import it again.")
    if found == types.DAMAGED_ZIP and file_format.suffix in (".docx", ".odt"):
        raise ImportFileError(f"{path.name}: is damaged or incomplete (it cannot be opened as "
                              f"{file_format.label}).")
    verb = "is" if found == types.BINARY else "looks like"
    message = f"{path.name}: {verb} {found.label}, not {file_format.label}"
    if found == types.OLD_WORD:
        message += "; open it in Word and save it as .docx"
    elif found.key in _SUGGESTED:
        message += f"; rename it to {_SUGGESTED[found.key]} to import it"
    raise ImportFileError(message + ".")

"""Which reader handles which file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import ImportFileError
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.plain_text import read_plain_text

Reader = Callable[[Path], ExtractedText]

READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".markdown": read_plain_text,
}

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def read_source(path: Path, *, size_limit: int = DEFAULT_SIZE_LIMIT) -> ExtractedText:
    """Read one source file, or raise :class:`ImportFileError` naming the file and the reason."""
    if not path.is_file():
        raise ImportFileError(f"{path.name}: no such file.")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(supported_suffixes())
        raise ImportFileError(f"{path.name}: '{path.suffix or 'no extension'}' files cannot be "
                              f"imported (supported: {known}).")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"{path.name}: the file is empty.")
    if size > size_limit:
        raise ImportFileError(
            f"{path.name}: the file is {size / 1048576:.1f} MB, over the limit of "
            f"{size_limit / 1048576:.0f} MB."
        )
    try:
        extracted = reader(path)
    except ImportFileError:
        raise
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror}).") from None
    if not extracted.text.strip():
        raise ImportFileError(f"{path.name}: holds no text.")
    return extracted

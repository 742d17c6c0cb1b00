"""What a file really is, from its first bytes, so a lying extension is caught and named.

The label of each type is written to finish the sentence "looks like ...".
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

HEAD_SIZE = 8192


@dataclass(frozen=True)
class FileType:
    key: str
    label: str


PDF = FileType("pdf", "a PDF")
DOCX = FileType("docx", "a Word document")
ODT = FileType("odt", "an OpenDocument text")
RTF = FileType("rtf", "an RTF document")
HTML = FileType("html", "a web page (HTML)")
TEXT = FileType("text", "a plain text file")
VTT = FileType("vtt", "a WebVTT subtitle file")
SRT = FileType("srt", "a SubRip subtitle file")
OLD_WORD = FileType("doc", "an old Word 97-2003 (.doc) file")
LOCKED_OFFICE = FileType("locked-office", "a password-protected Office file")
DAMAGED_ZIP = FileType("damaged-zip", "a damaged or incomplete ZIP-based file")
ZIP = FileType("zip", "a ZIP archive")
BINARY = FileType("binary", "a binary file")

_SIGNATURES: tuple[tuple[bytes, FileType], ...] = (
    (b"%PDF-", PDF),
    (b"{\\rtf", RTF),
    (b"\xff\xd8\xff", FileType("jpeg", "a JPEG image")),
    (b"\x89PNG\r\n\x1a\n", FileType("png", "a PNG image")),
    (b"GIF87a", FileType("gif", "a GIF image")),
    (b"GIF89a", FileType("gif", "a GIF image")),
    (b"II*\x00", FileType("tiff", "a TIFF image")),
    (b"MM\x00*", FileType("tiff", "a TIFF image")),
    (b"BM", FileType("bmp", "a BMP image")),
    (b"ID3", FileType("mp3", "an MP3 audio file")),
    (b"fLaC", FileType("flac", "a FLAC audio file")),
    (b"OggS", FileType("ogg", "an Ogg audio or video file")),
    (b"\x1aE\xdf\xa3", FileType("mkv", "a video file")),
    (b"MZ", FileType("exe", "a Windows program")),
    (b"\x7fELF", FileType("elf", "a program")),
    (b"\x1f\x8b", FileType("gzip", "a gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", FileType("7z", "a 7-Zip archive")),
    (b"Rar!", FileType("rar", "a RAR archive")),
    (b"SQLite format 3\x00", FileType("sqlite", "a database file")),
)
_RIFF = {b"WAVE": FileType("wav", "a WAV audio file"), b"WEBP": FileType("webp", "a WebP image"),
         b"AVI ": FileType("avi", "a video file")}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ZIP_MEMBERS = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", FileType("xlsx", "an Excel workbook")),
    ("ppt/presentation.xml", FileType("pptx", "a PowerPoint presentation")),
)
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet":
        FileType("ods", "an OpenDocument spreadsheet"),
    b"application/vnd.oasis.opendocument.presentation":
        FileType("odp", "an OpenDocument presentation"),
    b"application/epub+zip": FileType("epub", "an e-book (EPUB)"),
}


def sniff(path: Path) -> FileType:
    """The type of the file at ``path``, judged from its content alone."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_SIZE)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_type(path)
    if head.startswith(_OLE2):
        return LOCKED_OFFICE if _ENCRYPTED_PACKAGE in path.read_bytes() else OLD_WORD
    for signature, file_type in _SIGNATURES:
        if head.startswith(signature):
            return file_type
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        return FileType("mp4", "an audio or video file (MP4)")
    return _text_type(head)


_SRT_START = re.compile(r"\d+[ \t]*\r?\n[ \t]*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]+-->")


def _text_type(head: bytes) -> FileType:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte order mark: NUL bytes are expected
        return _subtitle_type(head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be",
                                              errors="ignore"))
    codec = utf16_without_bom(head)
    if codec is not None:  # UTF-16 without a byte order mark
        return _subtitle_type(head.decode(codec, errors="ignore"))
    if b"\x00" in head:
        return BINARY
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:1024]:
        return HTML
    return _subtitle_type(head.decode("utf-8", errors="ignore"))


def _subtitle_type(head: str) -> FileType:
    """WebVTT opens with ``WEBVTT``; SubRip with a cue number and a timing line."""
    start = head.lstrip("\ufeff \t\r\n")
    if start.startswith("WEBVTT"):
        return VTT
    return SRT if _SRT_START.match(start) else TEXT


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` reads as UTF-16 text without a byte order
    mark (mostly Latin text: every other byte is NUL, and never the other ones), else None."""
    sample = data[: 4096 - 4096 % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.9 * len(nuls) and others.count(0) == 0:
            return codec
    return None


def _zip_type(path: Path) -> FileType:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100).strip()
                return _ODF_MIMETYPES.get(mimetype, ZIP)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return DAMAGED_ZIP
    for member_name, file_type in _ZIP_MEMBERS:
        if member_name in names:
            return file_type
    return ZIP

"""Whether a file's author property names a person, or the program (or placeholder) that wrote it.

Word, LibreOffice and libraries fill the author with their own name or a default account
(``python-docx``, ``Microsoft Office User``, ``Microsoft Office-gebruiker``, ``Apache POI``,
``Administrator``, ``Unknown``); taken as the interviewer, that name would end up in every
reference and filter, so such a property counts as no author at all.
"""

from __future__ import annotations

import re

from workbench.core.text import fold

_PLACEHOLDERS = frozenset(fold(name) for name in (
    "", "author", "auteur", "autor", "autore", "auteur inconnu", "unknown", "unknown author",
    "onbekend", "inconnu", "unbekannt", "desconocido", "anonymous", "anoniem", "anonyme",
    "administrator", "administrateur", "beheerder", "admin", "user", "gebruiker", "utilisateur",
    "benutzer", "usuario", "utente", "owner", "eigenaar", "propriétaire", "default", "standaard",
    "writer", "word", "pages", "python-docx", "python docx", "docx", "apache poi", "poi",
    "libreoffice", "openoffice", "openoffice.org", "microsoft", "microsoft word",
    "microsoft office", "google docs", "google", "pdf", "acrobat", "adobe acrobat", "reportlab",
    "fpdf", "fpdf2",
    "pyfpdf", "itext", "aspose", "pdftex", "latex", "otter.ai", "otter", "amberscript",
    "happy scribe", "descript", "sonix", "trint", "rev.com", "temi", "zoom", "microsoft teams",
    "teams", "noname", "no name", "none", "null", "n/a", "na", "-", "?", "x", "xxx", "test",
))
_PROGRAMS = re.compile(
    r"microsoft office|office[- ]?(user|gebruiker|benutzer|utilisateur)|utilisateur de microsoft"
    r"|usuario de microsoft|utente di microsoft|libreoffice|openoffice|python-docx|apache poi"
    r"|windows[- ]?(user|gebruiker|benutzer|utilisateur)|\.exe$|^\W*$|\d+\.\d+(\.\d+)?$"
)


def person_or_blank(author: str) -> str:
    """``author`` with its blanks collapsed, or ``""`` when it names a program or placeholder."""
    name = " ".join(author.split())
    folded = fold(name)
    if folded in _PLACEHOLDERS or _PROGRAMS.search(folded):
        return ""
    return name

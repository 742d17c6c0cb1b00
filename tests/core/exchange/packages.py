"""Hand-made REFI-QDA packages in the shapes real tools write (see refi-qda/NOTES.md)."""

from __future__ import annotations

import zipfile
from pathlib import Path

LOTTE = "3f2b8c1e-5a4d-4e7f-9c0b-1a2b3c4d5e6f"
CODE = "6F1C9A3E-0D2B-4C55-9E71-1B2C3D4E5F60"
SOURCE = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"


def qde(origin: str, source: str, selections: str, namespace: str = "urn:QDA-XML:project:1.0",
        extra: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="{namespace}" name="Keuken" '
        f'origin="{origin}"><Users><User guid="{LOTTE}" name="Lotte"/></Users>'
        f'<CodeBook><Codes><Code guid="{{{CODE}}}" name="Samen koken" isCodable="true" '
        f'color="#a1b2c3"><Description>Eten als bindmiddel.</Description></Code></Codes>'
        f'</CodeBook><Sources>{source.replace("SELECTIONS", selections)}</Sources>{extra}'
        "</Project>")


def selection(start: int, end: int, name: str = "", guid_end: str = "1") -> str:
    return (f'<PlainTextSelection guid="00000000-0000-4000-8000-00000000000{guid_end}" '
            f'name="{name}" startPosition="{start}" endPosition="{end}" creatingUser="{LOTTE}">'
            f'<Coding guid="00000000-0000-4000-8000-00000000010{guid_end}" creatingUser="{LOTTE}">'
            f'<CodeRef targetGUID="{CODE.lower()}"/></Coding></PlainTextSelection>')


def text_source(path: str = f"internal://{SOURCE}.txt") -> str:
    return (f'<TextSource guid="{SOURCE}" name="Interview Zoë" plainTextPath="{path}">'
            "SELECTIONS</TextSource>")


def package(path: Path, xml: str, files: dict[str, bytes], qde_name: str = "project.qde") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, xml.encode("utf-8"))
        for name, data in files.items():
            archive.writestr(name, data)
    return path

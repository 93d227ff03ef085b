"""Attachment checks: a size limit and an allow-list of types decided by the file's bytes
(content sniffing), never by the name or the browser's declared type alone.

Allowed: PDF, PNG, JPEG, and the Office Open XML documents DOCX, XLSX and PPTX (zip files that
hold the part that makes them what they are). A name whose extension says something else than
the bytes is refused as wrongly typed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class FileType:
    name: str
    mime: str
    extensions: tuple[str, ...]


PDF = FileType("pdf", "application/pdf", (".pdf",))
PNG = FileType("png", "image/png", (".png",))
JPEG = FileType("jpeg", "image/jpeg", (".jpg", ".jpeg"))
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
ALLOWED_TYPES = (PDF, PNG, JPEG, DOCX, XLSX, PPTX)
_OOXML_MAIN_PART = {
    "word/document.xml": DOCX,
    "xl/workbook.xml": XLSX,
    "ppt/presentation.xml": PPTX,
}


def sniff(stream: IO[bytes]) -> FileType | None:
    """The allowed type these bytes are, or None. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            stream.seek(0)
        if "[Content_Types].xml" not in names:
            return None
        for part, file_type in _OOXML_MAIN_PART.items():
            if part in names:
                return file_type
    return None


def clean_name(name: str) -> str:
    """The original file name without any directory part or control characters."""
    base = PurePosixPath(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if len(base) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(base).suffix[:10]
        base = base[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return base or "attachment"


def extension_fits(name: str, file_type: FileType) -> bool:
    return PurePosixPath(name.lower()).suffix in file_type.extensions

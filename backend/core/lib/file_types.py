"""What an uploaded file really is, told by its bytes rather than its name or the browser's
declared type (agenda attachments, docking message attachments).

An allow-list: PDF, Word/Excel/PowerPoint (OOXML), PNG and JPEG. The Office formats are ZIP
files; which one is told by the folders inside (word/, xl/, ppt/), read from the ZIP's central
directory only (nothing is decompressed). Macro-carrying variants are refused.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO


@dataclass(frozen=True)
class FileType:
    key: str
    content_type: str
    extensions: tuple[str, ...]

    @property
    def extension(self) -> str:
        return self.extensions[0]


PDF = FileType("pdf", "application/pdf", (".pdf",))
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
PNG = FileType("png", "image/png", (".png",))
JPEG = FileType("jpeg", "image/jpeg", (".jpg", ".jpeg"))
ALLOWED = (PDF, DOCX, XLSX, PPTX, PNG, JPEG)
ALLOWED_EXTENSIONS = tuple(ext for t in ALLOWED for ext in t.extensions)

_OOXML_FOLDERS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}


def _ooxml_type(stream: IO[bytes]) -> FileType | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None  # .docm/.xlsm/.pptm renamed: macros are not accepted
    found = {t for folder, t in _OOXML_FOLDERS.items() if any(n.startswith(folder) for n in names)}
    return found.pop() if len(found) == 1 else None


def sniff(stream: IO[bytes]) -> FileType | None:
    """The allowed type the content is, or None. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _ooxml_type(stream)
        return None
    finally:
        stream.seek(0)


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def extension_fits(name: str, file_type: FileType) -> bool:
    """Whether the name's extension says what the bytes are."""
    return extension_of(name) in file_type.extensions


def clean_name(name: str, *, limit: int = 200) -> str:
    """A display name: the last path segment, without control characters, at most `limit`
    characters (the extension kept)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip() or "file"
    if len(base) > limit:
        stem, ext = os.path.splitext(base)
        base = stem[: limit - len(ext[:16])] + ext[:16]
    return base

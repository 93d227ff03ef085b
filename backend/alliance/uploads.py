"""Limits of agenda-item attachments; what a file is comes from backend.core.lib.file_types."""

from __future__ import annotations

from backend.core.lib.file_types import ALLOWED_EXTENSIONS, clean_name, extension_of, sniff

MAX_BYTES = 20 * 1024 * 1024  # 20 MB per file
MAX_FILES_PER_ITEM = 20

__all__ = [
    "ALLOWED_EXTENSIONS",
    "MAX_BYTES",
    "MAX_FILES_PER_ITEM",
    "clean_name",
    "extension_of",
    "sniff",
]

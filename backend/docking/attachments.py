"""Limits of docking message attachments; what a file is comes from
backend.core.lib.file_types (bytes, not names)."""

from __future__ import annotations

from backend.core.lib.file_types import FileType, extension_fits, sniff
from backend.core.lib.file_types import clean_name as _clean_name

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 200


def clean_name(name: str) -> str:
    return _clean_name(name, limit=MAX_NAME_LENGTH)


__all__ = ["MAX_ATTACHMENT_BYTES", "FileType", "clean_name", "extension_fits", "sniff"]

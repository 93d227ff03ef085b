"""Errors of file import: the file as a whole is unusable, or some of its rows are."""

from __future__ import annotations

from typing import Any

from backend.core.errors import ApplicationError
from backend.core.lib.bilingual import Bilingual


class InvalidUpload(ApplicationError):
    """The file cannot be read as a table at all (type, encoding, corruption, size of it)."""

    code = "invalid_file"
    default_message = Bilingual(
        zh="无法读取上传的文件，请检查后重试。", en="The uploaded file could not be read."
    )


class UploadTooLarge(InvalidUpload):
    status_code = 413
    code = "file_too_large"


class ImportRejected(ApplicationError):
    """Rows or headers are wrong; `detail` is the report: {"errors": [...], "rows": n}."""

    code = "import_rejected"
    default_message = Bilingual(
        zh="文件未导入：存在错误，请按报告修改后重新上传；未写入任何数据。",
        en="The file was not imported: fix the problems in the report and upload it again. "
        "Nothing was written.",
    )

    def __init__(self, errors: list[dict[str, Any]], rows: int, *, limit: int = 500) -> None:
        message = Bilingual(
            zh=f"文件未导入：发现 {len(errors)} 处错误，请按报告修改后重新上传；未写入任何数据。",
            en=f"The file was not imported: {len(errors)} problem(s) found; fix them and upload "
            "it again. Nothing was written.",
        )
        detail: dict[str, Any] = {"errors": errors[:limit], "rows": rows}
        if len(errors) > limit:
            detail["error_count"] = len(errors)
            detail["truncated"] = True
        super().__init__(message, detail)

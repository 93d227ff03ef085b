"""Bytes of an uploaded file -> a header row and data rows of stripped text.

CSV: UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes for "CSV (逗号分隔)"),
detected; comma- or tab-separated. XLSX: the first worksheet, read with openpyxl in read-only
mode. Anything unreadable is an InvalidUpload (400) with a message, never a crash.
Every cell passes through `unneutralise`, undoing the apostrophe our export puts before
formula-like text.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from backend.core.lib.bilingual import Bilingual
from backend.network.transfer.columns import format_number, unneutralise
from backend.network.transfer.errors import InvalidUpload

logger = logging.getLogger(__name__)

MAX_COLUMNS = 64
# An .xlsx is a zip; refuse archives that would inflate beyond this (zip bombs).
MAX_XLSX_INFLATED_BYTES = 200 * 1024 * 1024
# Blank rows are skipped, but scanning stops somewhere: a sheet "used" down to row 1,048,576.
BLANK_ROW_ALLOWANCE = 10_000

EXTENSIONS = (".csv", ".xlsx")

UNKNOWN_TYPE = Bilingual(
    zh="不支持的文件类型“{ext}”：请上传 .csv 或 .xlsx 文件"
    "（旧版 .xls 请在 Excel 中另存为 .xlsx）。",
    en="Unsupported file type “{ext}”: upload a .csv or .xlsx file (save old .xls files as "
    ".xlsx in Excel).",
)
EMPTY_FILE = Bilingual(zh="上传的文件是空的。", en="The uploaded file is empty.")
NO_ROWS = Bilingual(zh="文件只有表头，没有数据行。", en="The file has a header but no data rows.")
NO_HEADER = Bilingual(
    zh="文件第 1 行应为表头，但它是空的。",
    en="Row 1 of the file should be the header; it is empty.",
)
TOO_MANY_ROWS = Bilingual(
    zh="文件的数据行超过 {limit} 行，请拆分后分批导入。",
    en="The file has more than {limit} data rows; split it and import the parts one by one.",
)
TOO_MANY_COLUMNS = Bilingual(
    zh="文件的列数超过 {limit} 列。", en="The file has more than {limit} columns."
)
BINARY_CSV = Bilingual(
    zh="文件不是文本格式的 CSV（含有二进制内容）。若是 Excel 文件，请使用 .xlsx 扩展名。",
    en="The file is not a text CSV (it holds binary data). If it is an Excel workbook, name it "
    ".xlsx.",
)
UNKNOWN_ENCODING = Bilingual(
    zh="无法识别 CSV 文件的编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。",
    en="The CSV file's encoding was not recognised; save it from Excel as “CSV UTF-8 "
    "(Comma delimited)”.",
)
BROKEN_CSV = Bilingual(
    zh="CSV 文件格式有误（第 {line} 行附近）：{error}",
    en="The CSV file is malformed (near line {line}): {error}",
)
BROKEN_XLSX = Bilingual(
    zh="无法打开该 .xlsx 文件：文件已损坏或不是 Excel 工作簿。",
    en="The .xlsx file could not be opened: it is damaged or not an Excel workbook.",
)
NO_SHEET = Bilingual(
    zh="该 .xlsx 文件的第一个工作表不是数据表。",
    en="The first sheet of the .xlsx file is not a worksheet.",
)


@dataclass
class Table:
    """The header as written (`headers`) and data rows as (spreadsheet row number, cells).

    Row numbers count the header as row 1 and include skipped blank rows, so they are the
    numbers a user sees in Excel."""

    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = ""


def read_table(filename: str, content: bytes, *, max_rows: int) -> Table:
    ext = PurePath(filename or "").suffix.lower()
    if ext not in EXTENSIONS:
        raise InvalidUpload(UNKNOWN_TYPE.format(ext=ext or "?"))
    if not content:
        raise InvalidUpload(EMPTY_FILE)
    if ext == ".csv":
        text, encoding = decode_csv(content)
        table = _collect(_csv_rows(text), max_rows=max_rows)
        table.encoding = encoding
    else:
        table = _collect(_xlsx_rows(content), max_rows=max_rows)
        table.encoding = "xlsx"
    return table


def decode_csv(content: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 with or without BOM, UTF-16 with BOM, else GB18030."""
    if content.startswith(codecs.BOM_UTF8):
        return _decode(content, "utf-8-sig"), "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(content, "utf-16"), "utf-16"  # Excel's "Unicode text"
    if b"\x00" in content:
        raise InvalidUpload(BINARY_CSV)
    for encoding in ("utf-8", "gb18030"):
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InvalidUpload(UNKNOWN_ENCODING)


def _decode(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        raise InvalidUpload(UNKNOWN_ENCODING) from None


def _csv_rows(text: str) -> Iterator[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        yield from reader
    except csv.Error as exc:
        raise InvalidUpload(BROKEN_CSV.format(line=reader.line_num, error=str(exc))) from None


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    buffer = io.BytesIO(content)
    if not zipfile.is_zipfile(buffer):
        raise InvalidUpload(BROKEN_XLSX)
    try:
        with zipfile.ZipFile(buffer) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidUpload(BROKEN_XLSX) from None
    if inflated > MAX_XLSX_INFLATED_BYTES:
        raise InvalidUpload(BROKEN_XLSX)
    try:
        workbook = load_workbook(buffer, read_only=True, data_only=True)
    except Exception:
        # openpyxl raises many kinds (KeyError, ValueError, zipfile and XML errors) for bad files.
        logger.info("unreadable .xlsx upload", exc_info=True)
        raise InvalidUpload(BROKEN_XLSX) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None or not hasattr(sheet, "iter_rows"):
            raise InvalidUpload(NO_SHEET)
        try:
            for values in sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True):
                yield list(values)
        except InvalidUpload:
            raise
        except Exception:
            logger.info("unreadable .xlsx upload", exc_info=True)
            raise InvalidUpload(BROKEN_XLSX) from None
    finally:
        workbook.close()


def _collect(raw_rows: Iterator[list[Any]], *, max_rows: int) -> Table:
    try:
        return _collect_rows(raw_rows, max_rows=max_rows)
    finally:
        close = getattr(raw_rows, "close", None)
        if close is not None:
            close()  # releases the workbook when we stop early


def _collect_rows(iterator: Iterator[list[Any]], *, max_rows: int) -> Table:
    header_row = next(iterator, None)
    if header_row is None:
        raise InvalidUpload(EMPTY_FILE)
    headers = _trim([cell_text(v) for v in header_row])
    if not any(headers):
        raise InvalidUpload(NO_HEADER)
    if len(headers) > MAX_COLUMNS:
        raise InvalidUpload(TOO_MANY_COLUMNS.format(limit=MAX_COLUMNS))
    table = Table(headers=headers)
    blank_run = 0
    for number, values in enumerate(iterator, start=2):
        cells = _trim([cell_text(v) for v in values])
        if not cells:
            blank_run += 1
            if blank_run > BLANK_ROW_ALLOWANCE:
                break
            continue
        blank_run = 0
        if len(cells) > MAX_COLUMNS:
            raise InvalidUpload(TOO_MANY_COLUMNS.format(limit=MAX_COLUMNS))
        if len(table.rows) >= max_rows:
            raise InvalidUpload(TOO_MANY_ROWS.format(limit=f"{max_rows:,}"))
        table.rows.append((number, cells))
    if not table.rows:
        raise InvalidUpload(NO_ROWS)
    return table


def _trim(cells: list[str]) -> list[str]:
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def cell_text(value: Any) -> str:
    """One cell as stripped text; xlsx numbers and dates in the form the columns parse."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    return unneutralise(str(value).replace("\ufeff", "").strip())

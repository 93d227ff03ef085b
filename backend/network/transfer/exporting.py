"""Export of parks, organisations and relations with the columns the import reads.

Rows come from the list selectors (so the list filters apply) as `values()` in chunks, with one
extra query per chunk for industries: 100,000 organisations never sit in memory as models.
CSV is produced as a stream of byte chunks, UTF-8 with a BOM so Excel shows Chinese; .xlsx is
written by openpyxl's write-only workbook into a temporary file, then streamed from it.

Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading apostrophe
(`columns.neutralise`, undone on import); numbers and dates stay typed.
"""

from __future__ import annotations

import codecs
import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import islice
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import timezone

from backend.network import selectors
from backend.network.models import OrganisationIndustry, ParkIndustry
from backend.network.transfer.columns import (
    COLUMNS,
    Cell,
    Column,
    Entity,
    neutralise,
)

EXPORT_CHUNK = 2_000
CSV_ROWS_PER_CHUNK = 500
FILE_BLOCK = 64 * 1024

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TITLES = {Entity.PARKS: "园区", Entity.ORGANISATIONS: "机构", Entity.RELATIONS: "关系"}


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True)
class ExportFile:
    filename: str  # 园区-20250301.csv
    ascii_filename: str  # ningju-parks-20250301.csv, for clients without RFC 5987
    media_type: str
    chunks: Iterator[bytes]


def network_export(*, entity: Entity, file_format: Format, filters: dict[str, Any]) -> ExportFile:
    """The file of `entity` rows that pass `filters` (the list endpoint's filters).

    CSV rows are read lazily while the response streams; an .xlsx is built before this returns.
    """
    columns = COLUMNS[entity]
    rows = ROWS[entity](columns, **filters)
    stamp = timezone.localdate().strftime("%Y%m%d")
    name = f"{TITLES[entity]}-{stamp}.{file_format}"
    ascii_name = f"ningju-{entity}-{stamp}.{file_format}"
    if file_format is Format.CSV:
        return ExportFile(name, ascii_name, CSV_MEDIA_TYPE, csv_chunks(columns, rows))
    handle = xlsx_file(columns, rows, title=TITLES[entity])
    return ExportFile(name, ascii_name, XLSX_MEDIA_TYPE, file_chunks(handle))


# --- rows ---------------------------------------------------------------------------------------


def _batches(queryset: QuerySet[Any], size: int = EXPORT_CHUNK) -> Iterator[list[dict[str, Any]]]:
    iterator = queryset.iterator(chunk_size=size)
    while batch := list(islice(iterator, size)):
        yield batch


def _cells(columns: Sequence[Column], record: dict[str, Any]) -> list[Cell]:
    return [column.encode(record.get(column.key)) for column in columns]


def park_rows(columns: Sequence[Column], **filters: Any) -> Iterator[list[Cell]]:
    parks = (
        selectors.park_list(**filters)
        .prefetch_related(None)
        .values(
            "id",
            "name",
            "short_name",
            "name_en",
            "city__name",
            "zone__name",
            "level",
            "kind",
            "available_land_mu",
            "available_space_m2",
            "latitude",
            "longitude",
            "alliance_member",
            "description",
            "source_note",
        )
    )
    for batch in _batches(parks):
        focus: dict[int, list[tuple[str, float]]] = {p["id"]: [] for p in batch}
        for park_id, industry, weight in (
            ParkIndustry.objects.filter(park_id__in=list(focus))
            .order_by("-weight", "industry__name")
            .values_list("park_id", "industry__name", "weight")
        ):
            focus[park_id].append((industry, weight))
        for park in batch:
            park["city"], park["zone"] = park["city__name"], park["zone__name"]
            park["industries"] = focus[park["id"]]
            yield _cells(columns, park)


ORGANISATION_VALUES = (
    "id",
    "name",
    "name_en",
    "kind",
    "subkind",
    "city__name",
    "park__name",
    "founded_year",
    "employees",
    "is_high_tech",
    "is_tech_sme",
    "is_specialised",
    "is_gazelle",
    "is_unicorn",
    "is_nezha",
    "is_listed",
    "source_note",
)


def organisation_rows(columns: Sequence[Column], **filters: Any) -> Iterator[list[Cell]]:
    organisations = (
        selectors.organisation_list(**filters).prefetch_related(None).values(*ORGANISATION_VALUES)
    )
    for batch in _batches(organisations):
        industries: dict[int, list[str]] = {o["id"]: [] for o in batch}
        for organisation_id, industry in (
            OrganisationIndustry.objects.filter(organisation_id__in=list(industries))
            .order_by("industry__name")
            .values_list("organisation_id", "industry__name")
        ):
            industries[organisation_id].append(industry)
        for organisation in batch:
            organisation["city"] = organisation["city__name"]
            organisation["park"] = organisation["park__name"]
            organisation["industries"] = industries[organisation["id"]]
            yield _cells(columns, organisation)


def relation_rows(columns: Sequence[Column], **filters: Any) -> Iterator[list[Cell]]:
    relations = selectors.relation_list(**filters).values(
        "kind",
        "source_park__name",
        "target_park__name",
        "source_organisation__name",
        "source_organisation__kind",
        "target_organisation__name",
        "target_organisation__kind",
        "cooperation_kind",
        "name",
        "started_on",
        "ended_on",
        "agreement_signed_on",
        "note",
        "source_note",
    )
    for values in relations.iterator(chunk_size=EXPORT_CHUNK):
        relation: dict[str, Any] = dict(values)
        for side in ("source", "target"):
            if relation[f"{side}_park__name"] is not None:
                relation[side] = relation[f"{side}_park__name"]
                relation[f"{side}_kind"] = "park"
            else:
                relation[side] = relation[f"{side}_organisation__name"]
                relation[f"{side}_kind"] = relation[f"{side}_organisation__kind"]
        yield _cells(columns, relation)


ROWS = {
    Entity.PARKS: park_rows,
    Entity.ORGANISATIONS: organisation_rows,
    Entity.RELATIONS: relation_rows,
}


# --- writers ------------------------------------------------------------------------------------


class _Echo:
    """csv.writer's file: hands each written line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Cell) -> str | int | float | Decimal:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def csv_chunks(columns: Sequence[Column], rows: Iterable[list[Cell]]) -> Iterator[bytes]:
    # Text quoted, numbers bare: a spreadsheet reads numbers as numbers, and a `;` in a text
    # cell cannot split it where Excel's list separator is `;`.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    yield codecs.BOM_UTF8 + str(writer.writerow([c.zh for c in columns])).encode()
    lines: list[str] = []
    for row in rows:
        lines.append(writer.writerow([_csv_cell(v) for v in row]))
        if len(lines) >= CSV_ROWS_PER_CHUNK:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


def _xlsx_cell(value: Cell) -> Cell:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        # Control characters cannot be stored in .xlsx; openpyxl would refuse the cell.
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def xlsx_file(columns: Sequence[Column], rows: Iterable[list[Cell]], *, title: str) -> IO[bytes]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)
    sheet.freeze_panes = "A2"
    for letter, column in zip(_letters(), columns, strict=False):
        sheet.column_dimensions[letter].width = max(10, min(40, len(column.zh) * 2 + 4))
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.zh)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by file_chunks when streamed
    workbook.save(handle)
    handle.seek(0)
    return handle


def _letters() -> Iterator[str]:
    from openpyxl.utils import get_column_letter

    return (get_column_letter(n) for n in range(1, 200))


def file_chunks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        while block := handle.read(FILE_BLOCK):
            yield block
    finally:
        handle.close()

"""The import service: a whole file of parks, organisations or relations, or nothing.

1. Read the file into a header and rows of text (readers), match the headers to columns.
2. Load what rows may refer to (cities, zones, industries, parks, organisations) by name, in a few
   queries.
3. Validate every row with the API's input serializers (inputs.py), then check what a single
   row cannot say: duplicates within the file and against the database, subkinds, relation ends,
   a park that would be its own enclave or partner, dates in order. Any problem: ImportRejected
   with a report naming row, column and reason in Chinese and English; nothing was written.
4. Write every row in ONE transaction through backend.network.services, which append the outbox
   events. A service may still refuse a row (a concurrent edit): the transaction rolls back and
   the report names that row.

`mode=create` (default): a row whose name exists is an error. `mode=upsert`: such a row updates
the existing record (parks by name, organisations by kind and name, relations by kind and ends);
a row equal to the record writes nothing (so an export imports back as a no-op). A column absent
from the file leaves that field alone. An empty cell clears the field (text, references, year,
employees, coordinates, industries; flags become 否); where a field cannot be empty (级别, 类型,
capacities) it keeps the current value, or takes the default on create.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import translation
from rest_framework import serializers

from backend.core.errors import ApplicationError, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.network import services
from backend.network.models import (
    CIRCLE_LAT,
    CIRCLE_LON,
    PARK_RELATIONS,
    SUBKINDS_BY_KIND,
    UNDIRECTED_RELATIONS,
    City,
    Industry,
    Organisation,
    OrganisationKind,
    Park,
    Relation,
    RelationKind,
    Zone,
)
from backend.network.services import ORG_RELATION_ENDPOINTS
from backend.network.transfer.columns import (
    COLUMNS,
    IGNORED_HEADERS,
    OMIT,
    Column,
    Entity,
    choice_label,
    choice_words_en,
    choice_words_zh,
    header_index,
    header_names,
    normalise_header,
)
from backend.network.transfer.errors import ImportRejected
from backend.network.transfer.inputs import (
    UID_PATTERN,
    ImportOrganisationInput,
    ImportParkInput,
    ImportRelationInput,
    Names,
)
from backend.network.transfer.readers import read_table

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
LOOKUP_CHUNK = 5_000

T = TypeVar("T")

UNKNOWN_HEADER = Bilingual(
    zh="无法识别的列“{header}”。可用的列：{columns}。",
    en="Unknown column “{header}”. Known columns: {columns}.",
)
MISSING_HEADER = Bilingual(
    zh="缺少必填列“{zh}”（或英文列名 {en}）。", en="The required column “{zh}” ({en}) is missing."
)
REPEATED_HEADER = Bilingual(
    zh="列“{header}”与“{other}”是同一字段，只能出现一次。",
    en="Column “{header}” is the same field as “{other}”; give it once.",
)
NO_HEADER_CELL = Bilingual(
    zh="第 {position} 列有数据但没有表头。", en="Column {position} holds data but has no header."
)
REPEATS_ROW = Bilingual(
    zh="与第 {row} 行重复：同一{what_zh}在文件中出现了两次。",
    en="Repeats row {row}: the same {what} appears twice in the file.",
)
PARK_EXISTS = Bilingual(
    zh="名为“{name}”的园区已存在；若要更新，请使用 mode=upsert 导入。",
    en="A park named “{name}” already exists; import with mode=upsert to update it.",
)
ORGANISATION_EXISTS = Bilingual(
    zh="名为“{name}”的{kind_zh}已存在；若要更新，请使用 mode=upsert 导入。",
    en="A {kind} named “{name}” already exists; import with mode=upsert to update it.",
)
RELATION_EXISTS = Bilingual(
    zh="该关系已存在；若要更新，请使用 mode=upsert 导入。",
    en="This relation already exists; import with mode=upsert to update it.",
)
BAD_SUBKIND = Bilingual(
    zh="类型“{kind_zh}”不能有子类型“{subkind}”。",
    en="Kind {kind} cannot have the subkind {subkind}.",
)
PARK_ENDS = Bilingual(
    zh="飞地、伙伴与对接关系只能连接两个园区。",
    en="Enclave, partner and docking relations join two parks.",
)
ORGANISATION_ENDS = Bilingual(
    zh="该关系只能连接两个机构。", en="This relation joins two organisations."
)
WRONG_END_KINDS = Bilingual(
    zh="关系两端的机构类型不符（隶属：实验室→高校；供货：企业→企业）。",
    en="Endpoint kinds do not fit (affiliated: lab → university; supplies: enterprise → "
    "enterprise).",
)
OWN_PARTNER = Bilingual(
    zh="园区不能是自己的飞地或伙伴园区。", en="A park cannot be its own enclave or partner."
)
OWN_RELATION = Bilingual(
    zh="关系不能指向自身。", en="A relation cannot join an organisation to itself."
)
DATES_REVERSED = Bilingual(zh="结束日期早于开始日期。", en="The end date is before the start date.")

# Which organisation kinds each organisation relation joins (as services._endpoints checks).


class Mode(StrEnum):
    CREATE = "create"
    UPSERT = "upsert"


@dataclass(frozen=True)
class ImportResult:
    entity: str
    mode: str
    rows: int
    created: int
    updated: int
    unchanged: int


@dataclass
class Layout:
    """Which column each position of the file holds, and each field's header as written."""

    columns: list[Column | None]
    written: dict[str, str]
    ignored: set[int] = field(default_factory=set)


@dataclass
class Row:
    number: int
    data: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)
    valid: bool = False
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Plan:
    """One row's write: create (`existing` None) or update `existing` with `values`."""

    row: Row
    values: dict[str, Any]
    existing: Any = None


def network_import(
    *, entity: Entity, filename: str, content: bytes, mode: Mode = Mode.CREATE
) -> ImportResult:
    """Import a .csv or .xlsx file of one entity; all rows or none (see the module docstring).

    Raises InvalidUpload for an unreadable file and ImportRejected with the report for bad
    headers or rows. The caller has checked the user may curate (require_curator)."""
    table = read_table(filename, content, max_rows=MAX_ROWS)
    layout = _layout(COLUMNS[entity], table.headers, rows=len(table.rows))
    rows = [_row(layout, number, cells) for number, cells in table.rows]
    importer = IMPORTERS[entity](mode=mode, layout=layout)
    for row in rows:
        importer.shape(row)
    importer.load(rows)
    _validate(importer.serializer, rows, {"names": importer.names}, layout)
    plans = importer.check([row for row in rows if row.valid])
    errors = [error for row in rows for error in row.errors]
    if errors:
        raise ImportRejected(_sorted(errors, layout), rows=len(rows))
    counts = _write(importer, plans, layout, rows=len(rows))
    return ImportResult(
        entity=str(entity),
        mode=str(mode),
        rows=len(rows),
        created=counts["created"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
    )


# --- headers and rows ---------------------------------------------------------------------------


def _error(row: int, column: str, reason: Bilingual) -> dict[str, Any]:
    return {"row": row, "column": column, "reason_zh": reason.zh, "reason_en": reason.en}


def _layout(columns: Sequence[Column], headers: list[str], *, rows: int) -> Layout:
    index = header_index(columns)
    layout = Layout(columns=[], written={})
    errors: list[dict[str, Any]] = []
    for position, header in enumerate(headers):
        key = normalise_header(header)
        column = index.get(key)
        layout.columns.append(column)
        if column is None:
            if key in IGNORED_HEADERS:
                layout.ignored.add(position)
            elif key:
                errors.append(
                    _error(
                        1,
                        header,
                        UNKNOWN_HEADER.format(header=header, columns=header_names(columns)),
                    )
                )
            continue
        if column.key in layout.written:
            other = layout.written[column.key]
            errors.append(_error(1, header, REPEATED_HEADER.format(header=header, other=other)))
            continue
        layout.written[column.key] = header
    for column in columns:
        if column.required and column.key not in layout.written:
            errors.append(_error(1, column.zh, MISSING_HEADER.format(zh=column.zh, en=column.en)))
    if errors:
        raise ImportRejected(errors, rows=rows)
    return layout


def _row(layout: Layout, number: int, cells: list[str]) -> Row:
    row = Row(number=number, data={})
    for position, text in enumerate(cells):
        column = layout.columns[position] if position < len(layout.columns) else None
        if column is None:
            if text and position not in layout.ignored:
                row.errors.append(_error(number, "", NO_HEADER_CELL.format(position=position + 1)))
            continue
        value = column.decode(text)
        if value is not OMIT:
            row.data[column.key] = value
    return row


# --- validation ---------------------------------------------------------------------------------


def _validate(
    serializer_class: type[serializers.Serializer],
    rows: list[Row],
    context: dict[str, Any],
    layout: Layout,
) -> None:
    """Run the input serializer on every row; failures in Chinese, then again in English."""
    failed: list[tuple[Row, Any]] = []
    child = serializer_class(context=context)
    with translation.override("zh-hans"):
        for row in rows:
            try:
                row.values = dict(child.run_validation(row.data))
                row.valid = True
            except serializers.ValidationError as exc:
                failed.append((row, exc.detail))
    if not failed:
        return
    columns = {c.key: c for c in layout.columns if c is not None}
    child = serializer_class(context=context)
    with translation.override("en"):
        for row, detail_zh in failed:
            try:
                child.run_validation(row.data)
                detail_en = detail_zh
            except serializers.ValidationError as exc:
                detail_en = exc.detail
            problems_zh = _flatten(detail_zh, row.data)
            problems_en = _flatten(detail_en, row.data)
            if len(problems_en) != len(problems_zh):
                problems_en = problems_zh
            for zh, en in zip(problems_zh, problems_en, strict=True):
                reason = Bilingual(zh=f"{zh.item}{zh.message}", en=f"{en.item}{en.message}")
                hint = _hint(columns.get(zh.key), zh.code)
                if hint is not None:
                    reason = Bilingual(zh=reason.zh + hint.zh, en=f"{reason.en} {hint.en}")
                row.errors.append(_error(row.number, layout.written.get(zh.key, ""), reason))


@dataclass(frozen=True)
class Problem:
    key: str
    item: str  # the list item it concerns (`“集成电路:x”：`), or ""
    message: str
    code: str


CIRCLE_HINT = Bilingual(
    zh="坐标须在南京都市圈范围内（纬度 {lat[0]}–{lat[1]}，经度 {lon[0]}–{lon[1]}）。",
    en="Coordinates must lie inside the Nanjing metropolitan circle (latitude {lat[0]}–{lat[1]}, "
    "longitude {lon[0]}–{lon[1]}).",
).format(lat=CIRCLE_LAT, lon=CIRCLE_LON)


def _hint(column: Column | None, code: str) -> Bilingual | None:
    """What to write instead, where the serializer's message does not say."""
    if column is None:
        return None
    if code == "invalid_choice" and column.choices is not None:
        return Bilingual(
            zh=f"可填：{choice_words_zh(column.choices)}。",
            en=f"Use one of {choice_words_en(column.choices)} (or the Chinese labels).",
        )
    if column.key in ("latitude", "longitude") and code in ("min_value", "max_value"):
        return CIRCLE_HINT
    return None


def _flatten(detail: Any, data: dict[str, Any]) -> list[Problem]:
    """The problems in a DRF error detail, items of list fields named by their text."""
    if not isinstance(detail, dict):
        return [Problem("", "", m, c) for m, c in _messages(detail)]
    problems: list[Problem] = []
    for key, value in detail.items():
        items = data.get(key)
        nested: list[tuple[int, Any]] = []
        if isinstance(value, dict) and isinstance(items, list):  # ListField: {index: [...]}
            nested = [(int(index), errors) for index, errors in value.items()]
        elif isinstance(value, list) and value and isinstance(value[0], dict):  # many=True
            nested = list(enumerate(value))
        else:
            nested = [(-1, value)]
        for index, errors in nested:
            item = _item_text(items, index)
            problems.extend(Problem(str(key), item, m, c) for m, c in _messages(errors))
    return problems


def _messages(detail: Any) -> Iterator[tuple[str, str]]:
    """(message, code) of every error in a nested detail."""
    if isinstance(detail, dict):
        for value in detail.values():
            yield from _messages(value)
    elif isinstance(detail, list):
        for value in detail:
            yield from _messages(value)
    elif detail not in (None, ""):
        yield str(detail), str(getattr(detail, "code", "") or "")


def _item_text(items: Any, index: int) -> str:
    if index < 0 or not isinstance(items, list) or index >= len(items):
        return ""
    item = items[index]
    if isinstance(item, dict):
        text = str(item.get("industry", ""))
        if item.get("weight") not in (None, ""):
            text = f"{text}:{item['weight']}"
    else:
        text = str(item)
    return f"“{text}”: " if text else ""


def _sorted(errors: list[dict[str, Any]], layout: Layout) -> list[dict[str, Any]]:
    order = {header: i for i, header in enumerate(layout.written.values())}
    return sorted(errors, key=lambda e: (e["row"], order.get(e["column"], len(order))))


# --- writing ------------------------------------------------------------------------------------


def _write(importer: _Importer, plans: list[Plan], layout: Layout, *, rows: int) -> Counter[str]:
    counts: Counter[str] = Counter(created=0, updated=0, unchanged=0)
    errors: list[dict[str, Any]] = []
    with transaction.atomic():
        for plan in plans:
            try:
                # Each service is atomic itself (a savepoint here): a refused row leaves the
                # transaction usable, so the report can name every refused row.
                counts[importer.write(plan)] += 1
            except ApplicationError as exc:
                errors.extend(_service_errors(plan.row.number, exc, layout))
        if errors:
            raise ImportRejected(_sorted(errors, layout), rows=rows)  # rolls everything back
    return counts


def _service_errors(number: int, exc: ApplicationError, layout: Layout) -> list[dict[str, Any]]:
    detail = exc.detail if isinstance(exc.detail, dict) else {}
    key = next(iter(detail), "")
    reason = exc.message
    if isinstance(exc, ValidationFailed) and reason == ValidationFailed.default_message and detail:
        text = "；".join(m for m, _ in _messages(detail))
        reason = Bilingual(zh=f"{reason.zh}{text}", en=f"{reason.en} {text}")
    return [_error(number, layout.written.get(str(key), ""), reason)]


def _changes(instance: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """The fields whose new value differs from the record's (relations compared by id)."""
    changed: dict[str, Any] = {}
    for name, value in values.items():
        model_field = instance._meta.get_field(name)
        if isinstance(model_field, models.ForeignKey):
            current = getattr(instance, model_field.attname)
            new = value.pk if value is not None else None
        else:
            current, new = getattr(instance, name), value
        if current != new:
            changed[name] = value
    return changed


def _chunks(items: Iterable[T], size: int = LOOKUP_CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- per entity ---------------------------------------------------------------------------------


class _Importer:
    serializer: ClassVar[type[serializers.Serializer]]

    def __init__(self, *, mode: Mode, layout: Layout) -> None:
        self.mode = mode
        self.layout = layout
        self.names = Names()

    def column(self, key: str) -> str:
        return self.layout.written.get(key, "")

    def shape(self, row: Row) -> None:
        """Adjust a row's input before validation."""

    def load(self, rows: list[Row]) -> None:
        raise NotImplementedError

    def check(self, rows: list[Row]) -> list[Plan]:
        raise NotImplementedError

    def write(self, plan: Plan) -> str:
        raise NotImplementedError

    def repeated(self, seen: dict[Any, int], key: Any, row: Row, what: Bilingual) -> bool:
        if key in seen:
            message = REPEATS_ROW.format(row=seen[key], what=what.en, what_zh=what.zh)
            row.errors.append(_error(row.number, self.column("name"), message))
            return True
        seen[key] = row.number
        return False


def _cities() -> dict[str, City]:
    return {c.name: c for c in City.objects.all()}


def _industries() -> dict[str, Industry]:
    return {i.name: i for i in Industry.objects.all()}


class ParkImporter(_Importer):
    serializer = ImportParkInput

    def load(self, rows: list[Row]) -> None:
        self.names.cities = _cities()
        self.names.zones = {z.name: z for z in Zone.objects.all()}
        self.names.industries = _industries()
        self.names.parks = {p.name: p for p in Park.objects.prefetch_related("focus")}

    def check(self, rows: list[Row]) -> list[Plan]:
        plans: list[Plan] = []
        seen: dict[Any, int] = {}
        for row in rows:
            name = row.values["name"]
            if self.repeated(seen, name, row, Bilingual(zh="园区", en="park")):
                continue
            existing = self.names.parks.get(name)
            if existing is not None and self.mode is Mode.CREATE:
                row.errors.append(
                    _error(row.number, self.column("name"), PARK_EXISTS.format(name=name))
                )
                continue
            plans.append(Plan(row=row, values=row.values, existing=existing))
        return plans

    def write(self, plan: Plan) -> str:
        values = dict(plan.values)
        focus_input = values.pop("industries", None)
        focus = (
            None
            if focus_input is None
            else [services.Focus(item["industry"], item["weight"]) for item in focus_input]
        )
        park: Park | None = plan.existing
        if park is None:
            services.park_create(focus=focus or [], **values)
            return "created"
        changed = _changes(park, values)
        if focus is not None and _focus_key(focus) == {
            (f.industry_id, f.weight) for f in park.focus.all()
        }:
            focus = None
        if not changed and focus is None:
            return "unchanged"
        services.park_update(park=park, focus=focus, **changed)
        return "updated"


def _focus_key(focus: Sequence[services.Focus]) -> set[tuple[int, float]]:
    return {(f.industry.pk, f.weight) for f in focus}


class OrganisationImporter(_Importer):
    serializer = ImportOrganisationInput

    def load(self, rows: list[Row]) -> None:
        self.names.cities = _cities()
        self.names.industries = _industries()
        self.names.parks = {p.name: p for p in Park.objects.all()}
        names = {str(row.data["name"]).strip() for row in rows if row.data.get("name")}
        self.existing: dict[tuple[str, str], Organisation] = {}
        for chunk in _chunks(sorted(names)):
            for organisation in Organisation.objects.filter(name__in=chunk).prefetch_related(
                "activity"
            ):
                self.existing[(organisation.kind, organisation.name)] = organisation

    def check(self, rows: list[Row]) -> list[Plan]:
        plans: list[Plan] = []
        seen: dict[Any, int] = {}
        for row in rows:
            kind, name = row.values["kind"], row.values["name"]
            what = Bilingual(zh="机构", en="organisation")
            if self.repeated(seen, (kind, name), row, what):
                continue
            existing = self.existing.get((kind, name))
            if existing is not None and self.mode is Mode.CREATE:
                message = ORGANISATION_EXISTS.format(
                    name=name, kind=kind, kind_zh=choice_label(OrganisationKind, kind)
                )
                row.errors.append(_error(row.number, self.column("name"), message))
                continue
            subkind = row.values.get("subkind", existing.subkind if existing else "")
            if subkind and subkind not in SUBKINDS_BY_KIND.get(kind, set()):
                message = BAD_SUBKIND.format(
                    kind=kind, kind_zh=choice_label(OrganisationKind, kind), subkind=subkind
                )
                column = self.column("subkind") or self.column("kind")
                row.errors.append(_error(row.number, column, message))
                continue
            plans.append(Plan(row=row, values=row.values, existing=existing))
        return plans

    def write(self, plan: Plan) -> str:
        values = dict(plan.values)
        organisation: Organisation | None = plan.existing
        if organisation is None:
            services.organisation_create(**values)
            return "created"
        industries = values.pop("industries", None)
        if industries is not None and {i.pk for i in industries} == {
            a.industry_id for a in organisation.activity.all()
        }:
            industries = None
        changed = _changes(organisation, values)
        if not changed and industries is None:
            return "unchanged"
        services.organisation_update(organisation=organisation, industries=industries, **changed)
        return "updated"


RELATION_DETAILS = (
    "cooperation_kind",
    "name",
    "started_on",
    "ended_on",
    "agreement_signed_on",
    "note",
    "source_note",
)


class RelationImporter(_Importer):
    serializer = ImportRelationInput

    def shape(self, row: Row) -> None:
        kind = row.data.get("kind")
        for side in ("source", "target"):
            end_kind = row.data.pop(f"{side}_kind", "")
            if side in row.data:
                row.data[side] = {
                    "ref": row.data[side],
                    "kind": end_kind,
                    "relation_kind": kind if kind in RelationKind.values else None,
                }

    def load(self, rows: list[Row]) -> None:
        refs = {
            str(row.data[side]["ref"]).strip()
            for row in rows
            for side in ("source", "target")
            if side in row.data
        }
        uids = {ref for ref in refs if UID_PATTERN.match(ref)}
        names = sorted(refs - uids)
        for chunk in _chunks(names):
            for park in Park.objects.filter(name__in=chunk):
                self.names.parks[park.name] = park
            for organisation in Organisation.objects.filter(name__in=chunk).only(
                "id", "name", "kind", "park_id"
            ):
                self.names.organisations[organisation.name].append(organisation)
        ids: dict[str, list[str]] = {"park": [], "org": []}
        for uid in uids:
            prefix, _, pk = uid.partition(":")
            ids[prefix].append(pk)
        for chunk in _chunks(ids["park"]):
            for park in Park.objects.filter(pk__in=[int(pk) for pk in chunk]):
                self.names.by_uid[park.uid] = park
        for chunk in _chunks(ids["org"]):
            for organisation in Organisation.objects.filter(pk__in=[int(pk) for pk in chunk]).only(
                "id", "name", "kind", "park_id"
            ):
                self.names.by_uid[organisation.uid] = organisation

    def check(self, rows: list[Row]) -> list[Plan]:
        candidates: list[tuple[Row, tuple[str, str, str]]] = []
        seen: dict[Any, int] = {}
        for row in rows:
            ends = self._ends(row)
            if ends is None:
                continue
            kind = row.values["kind"]
            source, target = ends
            row.values["source"], row.values["target"] = source, target
            key = (kind, source.uid, target.uid)
            if self.repeated(seen, key, row, Bilingual(zh="关系", en="relation")):
                row.errors[-1]["column"] = self.column("target")
                continue
            started, ended = row.values.get("started_on"), row.values.get("ended_on")
            if started and ended and ended < started:
                row.errors.append(_error(row.number, self.column("ended_on"), DATES_REVERSED))
                continue
            candidates.append((row, key))
        existing = self._existing([key for _, key in candidates])
        plans: list[Plan] = []
        for row, key in candidates:
            relation = existing.get(key)
            if relation is not None and self.mode is Mode.CREATE:
                row.errors.append(_error(row.number, self.column("target"), RELATION_EXISTS))
                continue
            plans.append(Plan(row=row, values=row.values, existing=relation))
        return plans

    def _ends(self, row: Row) -> tuple[Park | Organisation, Park | Organisation] | None:
        """The row's ends in stored order, or None with an error on the row."""
        kind, source, target = row.values["kind"], row.values["source"], row.values["target"]
        problem: Bilingual | None = None
        column = self.column("target")
        if kind in PARK_RELATIONS:
            if not isinstance(source, Park) or not isinstance(target, Park):
                problem, column = PARK_ENDS, self.column("source")
        elif not isinstance(source, Organisation) or not isinstance(target, Organisation):
            problem, column = ORGANISATION_ENDS, self.column("source")
        else:
            sources, targets = ORG_RELATION_ENDPOINTS[kind]
            if source.kind not in sources or target.kind not in targets:
                problem = WRONG_END_KINDS
        if problem is None and type(source) is type(target) and source.pk == target.pk:
            problem = OWN_PARTNER if isinstance(source, Park) else OWN_RELATION
        if problem is not None:
            row.errors.append(_error(row.number, column, problem))
            return None
        if kind in UNDIRECTED_RELATIONS and source.pk > target.pk:
            source, target = target, source  # stored once, smaller id first (services)
        return source, target

    def _existing(self, keys: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], Relation]:
        park_ids = {int(s.partition(":")[2]) for _, s, _ in keys if s.startswith("park:")}
        org_ids = {int(s.partition(":")[2]) for _, s, _ in keys if s.startswith("org:")}
        found: dict[tuple[str, str, str], Relation] = {}
        for prefix, ids in (("source_park_id", park_ids), ("source_organisation_id", org_ids)):
            for chunk in _chunks(sorted(ids)):
                for relation in Relation.objects.filter(Q(**{f"{prefix}__in": chunk})):
                    found[(relation.kind, relation.source_uid, relation.target_uid)] = relation
        return found

    def write(self, plan: Plan) -> str:
        values = dict(plan.values)
        relation: Relation | None = plan.existing
        if relation is None:
            services.relation_create(**values)
            return "created"
        details = {k: v for k, v in values.items() if k in RELATION_DETAILS}
        changed = _changes(relation, details)
        if not changed:
            return "unchanged"
        services.relation_update(relation=relation, **changed)
        return "updated"


IMPORTERS: dict[Entity, type[_Importer]] = {
    Entity.PARKS: ParkImporter,
    Entity.ORGANISATIONS: OrganisationImporter,
    Entity.RELATIONS: RelationImporter,
}

"""The columns of the import and export files: one table per entity.

A column's `key` is the field of the API's input serializer it feeds (ParkInput,
OrganisationInput, RelationInput), so a file row is checked by the same rules as an API call.
Headers are matched loosely (case, spaces, `_`, `-` and full-width brackets do not matter) against
the Chinese header we write, its English alias and a few other common spellings.

Cells are text on the way in; `Column.decode` turns one into the input value (references stay
names, resolved later in one query each). On the way out `Column.encode` turns a value into a
cell: numbers and dates stay typed, choices become their Chinese label, booleans 是/否.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from django.db import models

from backend.network.models import (
    CooperationKind,
    Level,
    OrganisationKind,
    OrganisationSubkind,
    ParkKind,
    RelationKind,
)


class Entity(StrEnum):
    PARKS = "parks"
    ORGANISATIONS = "organisations"
    RELATIONS = "relations"


class CellKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    DATE = "date"
    REF = "ref"  # a city, zone, park or relation end, by name
    NAMES = "names"  # industries of an organisation: `集成电路；芯片设计`
    FOCUS = "focus"  # leading industries of a park: `集成电路:0.6；生物医药:0.4`
    END_KIND = "end_kind"  # what a relation end is: 园区 or an organisation kind


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


OMIT: Any = _Omit()
"""An empty cell whose field is left out: the serializer's default on create, unchanged on
update (or "required" if the column is required)."""

Cell = str | int | float | Decimal | date | None

TRUE_WORDS = frozenset({"是", "有", "√", "✓", "y", "yes", "true", "t", "1"})
FALSE_WORDS = frozenset({"否", "无", "×", "✗", "n", "no", "false", "f", "0"})
PARK_WORDS = frozenset({"园区", "park"})
# Cells beginning with these are formulas to a spreadsheet (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATORS = re.compile(r"[；;，,、\n]+")
WEIGHT_SEPARATORS = (":", "：")
DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: CellKind = CellKind.TEXT
    aliases: tuple[str, ...] = ()
    required: bool = False
    choices: type[models.TextChoices] | None = None
    empty: Any = ""

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.zh, self.en, *self.aliases)

    def decode(self, text: str) -> Any:
        """The input value for a cell's (stripped, unescaped) text."""
        if text == "":
            return OMIT if self.required else self.empty
        if self.kind is CellKind.NUMBER:
            return _number(text)
        if self.kind is CellKind.BOOLEAN:
            word = _token(text)
            return True if word in TRUE_WORDS else False if word in FALSE_WORDS else text
        if self.kind is CellKind.CHOICE and self.choices is not None:
            return choice_code(self.choices, text) or text
        if self.kind is CellKind.DATE:
            return _date(text)
        if self.kind is CellKind.NAMES:
            return split_list(text)
        if self.kind is CellKind.FOCUS:
            return [_focus_item(item) for item in split_list(text)]
        return text

    def encode(self, value: Any) -> Cell:
        """The export cell for a stored value."""
        if value is None:
            return None
        if self.kind is CellKind.BOOLEAN:
            return "是" if value else "否"
        if self.kind is CellKind.CHOICE and self.choices is not None:
            return choice_label(self.choices, str(value)) if value else ""
        if self.kind in (CellKind.NUMBER, CellKind.DATE):
            return value
        if self.kind is CellKind.END_KIND:
            return "园区" if value == "park" else choice_label(OrganisationKind, str(value))
        if self.kind is CellKind.NAMES:
            return "；".join(value)
        if self.kind is CellKind.FOCUS:
            return "；".join(f"{name}:{format_number(weight)}" for name, weight in value)
        return str(value)


def _choice_words(choices: type[models.TextChoices]) -> dict[str, str]:
    words: dict[str, str] = {}
    for code, label in choices.choices:
        zh, _, en = str(label).partition(" ")
        for word in (code, zh, en, str(label)):
            if word:
                words.setdefault(_token(word), str(code))
    return words


def choice_code(choices: type[models.TextChoices], text: str) -> str | None:
    """A choice's code from its code, Chinese label or English label, or None."""
    return _choice_words(choices).get(_token(text))


def choice_label(choices: type[models.TextChoices], code: str) -> str:
    """The Chinese part of a choice's label ("国家级 National" -> "国家级")."""
    label = dict(choices.choices).get(code)
    return str(label).partition(" ")[0] if label else code


def choice_words_zh(choices: type[models.TextChoices]) -> str:
    return "、".join(choice_label(choices, str(code)) for code in choices.values)


def choice_words_en(choices: type[models.TextChoices]) -> str:
    return ", ".join(str(code) for code in choices.values)


def end_kind(text: str) -> str | None:
    """A relation end's kind: "park", an organisation kind's code, or None if not understood."""
    if _token(text) in PARK_WORDS:
        return "park"
    return choice_code(OrganisationKind, text)


def _token(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", text)).lower()


def normalise_header(text: str) -> str:
    return _token(text.replace("\ufeff", ""))


def split_list(text: str) -> list[str]:
    return [item.strip() for item in LIST_SEPARATORS.split(text) if item.strip()]


def _number(text: str) -> str:
    return re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", text))


def _focus_item(item: str) -> dict[str, Any]:
    cut = max(item.rfind(sep) for sep in WEIGHT_SEPARATORS)
    if cut < 0:
        return {"industry": item, "weight": ""}
    weight = _number(item[cut + 1 :])
    if weight.endswith("%"):
        with contextlib.suppress(InvalidOperation):
            weight = str(Decimal(weight[:-1]) / 100)
    return {"industry": item[:cut].strip(), "weight": weight}


def _date(text: str) -> str:
    match = DATE_PATTERN.match(unicodedata.normalize("NFKC", text))
    if not match:
        return text
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def format_number(value: float | int | Decimal) -> str:
    """Exact and short: 0.6 -> "0.6", 2.0 -> "2", Decimal("1200.00") -> "1200.00"."""
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet: a leading apostrophe before formula starts.

    Text already starting with an apostrophe gets one more, so `unneutralise` restores every
    value exactly (an export imports back unchanged)."""
    if text.startswith((*FORMULA_STARTS, "'")):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and text[1] in (*FORMULA_STARTS, "'"):
        return text[1:]
    return text


# --- the tables ---------------------------------------------------------------------------------

_SOURCE_NOTE = Column("source_note", "来源说明", "source_note", aliases=("来源", "source"))

PARK_COLUMNS: tuple[Column, ...] = (
    Column("name", "名称", "name", aliases=("园区名称", "园区"), required=True),
    Column("short_name", "简称", "short_name"),
    Column("name_en", "英文名称", "name_en", aliases=("english name",)),
    Column("city", "城市", "city", CellKind.REF, aliases=("所在城市",), empty=None),
    Column("zone", "高新区", "zone", CellKind.REF, aliases=("所属高新区",), empty=None),
    Column("level", "级别", "level", CellKind.CHOICE, choices=Level, empty=OMIT),
    Column(
        "kind", "类型", "kind", CellKind.CHOICE, aliases=("园区类型",), choices=ParkKind, empty=OMIT
    ),
    Column(
        "available_land_mu",
        "可用土地（亩）",
        "available_land_mu",
        CellKind.NUMBER,
        aliases=("可用土地", "land_mu"),
        empty=OMIT,
    ),
    Column(
        "available_space_m2",
        "可用空间（平方米）",
        "available_space_m2",
        CellKind.NUMBER,
        aliases=("可用空间", "可用载体空间（平方米）", "可用载体空间", "space_m2"),
        empty=OMIT,
    ),
    Column("latitude", "纬度", "latitude", CellKind.NUMBER, aliases=("lat",), empty=None),
    Column("longitude", "经度", "longitude", CellKind.NUMBER, aliases=("lon", "lng"), empty=None),
    Column(
        "alliance_member",
        "联盟成员",
        "alliance_member",
        CellKind.BOOLEAN,
        aliases=("是否联盟成员",),
        empty=False,
    ),
    Column("industries", "主导产业", "industries", CellKind.FOCUS, empty=[]),
    Column("description", "简介", "description", aliases=("描述",)),
    _SOURCE_NOTE,
)

_FLAGS = (
    ("is_high_tech", "高新技术企业", "high_tech", ("高企",)),
    ("is_tech_sme", "科技型中小企业", "tech_sme", ("科小",)),
    ("is_specialised", "专精特新", "specialised", ()),
    ("is_gazelle", "瞪羚企业", "gazelle", ("瞪羚",)),
    ("is_unicorn", "独角兽企业", "unicorn", ("独角兽",)),
    ("is_nezha", "哪吒企业", "nezha", ("哪吒",)),
    ("is_listed", "上市企业", "listed", ("上市",)),
)

ORGANISATION_COLUMNS: tuple[Column, ...] = (
    Column("name", "名称", "name", aliases=("机构名称", "企业名称"), required=True),
    Column("name_en", "英文名称", "name_en", aliases=("english name",)),
    Column(
        "kind",
        "类型",
        "kind",
        CellKind.CHOICE,
        aliases=("机构类型",),
        required=True,
        choices=OrganisationKind,
    ),
    Column("subkind", "子类型", "subkind", CellKind.CHOICE, choices=OrganisationSubkind),
    Column("city", "城市", "city", CellKind.REF, aliases=("所在城市",), empty=None),
    Column("park", "园区", "park", CellKind.REF, aliases=("所在园区",), empty=None),
    Column("founded_year", "成立年份", "founded_year", CellKind.NUMBER, empty=None),
    Column("employees", "员工人数", "employees", CellKind.NUMBER, aliases=("员工数",), empty=None),
    *(
        Column(key, zh, key, CellKind.BOOLEAN, aliases=(en, *more), empty=False)
        for key, zh, en, more in _FLAGS
    ),
    Column("industries", "行业", "industries", CellKind.NAMES, aliases=("所属行业",), empty=[]),
    _SOURCE_NOTE,
)

RELATION_COLUMNS: tuple[Column, ...] = (
    Column(
        "kind",
        "关系类型",
        "kind",
        CellKind.CHOICE,
        aliases=("类型",),
        required=True,
        choices=RelationKind,
    ),
    Column("source", "起点", "source", CellKind.REF, aliases=("起点名称",), required=True),
    Column("source_kind", "起点类型", "source_kind", CellKind.END_KIND, empty=OMIT),
    Column("target", "终点", "target", CellKind.REF, aliases=("终点名称",), required=True),
    Column("target_kind", "终点类型", "target_kind", CellKind.END_KIND, empty=OMIT),
    Column(
        "cooperation_kind",
        "合作方式",
        "cooperation_kind",
        CellKind.CHOICE,
        aliases=("合作类型",),
        choices=CooperationKind,
    ),
    Column("name", "名称", "name", aliases=("关系名称",)),
    Column("started_on", "开始日期", "started_on", CellKind.DATE, empty=None),
    Column("ended_on", "结束日期", "ended_on", CellKind.DATE, empty=None),
    Column(
        "agreement_signed_on",
        "协议签署日期",
        "agreement_signed_on",
        CellKind.DATE,
        aliases=("签约日期",),
        empty=None,
    ),
    Column("note", "备注", "note"),
    _SOURCE_NOTE,
)

COLUMNS: dict[Entity, tuple[Column, ...]] = {
    Entity.PARKS: PARK_COLUMNS,
    Entity.ORGANISATIONS: ORGANISATION_COLUMNS,
    Entity.RELATIONS: RELATION_COLUMNS,
}

# Row numbers and running counts that spreadsheets often carry; ignored on import.
IGNORED_HEADERS = frozenset(normalise_header(h) for h in ("序号", "编号", "id", "uid", "no."))


def header_index(columns: Sequence[Column]) -> dict[str, Column]:
    index: dict[str, Column] = {}
    for column in columns:
        for header in column.headers:
            index.setdefault(normalise_header(header), column)
    return index


def header_names(columns: Iterable[Column]) -> str:
    return "、".join(f"{c.zh}/{c.en}" for c in columns)

"""Parsing of request parameters shared by the analytics views and export jobs: the subgraph
filter (labels, city, industry, relationship types, node cap) from query strings or JSON.
Every bad value is a 400 naming the field, in Chinese and English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from backend.research.errors import invalid
from graph import analytics
from graph.analytics import SubgraphFilter
from graph.labels import Label

_ID = re.compile(r"^\d{1,12}$")


def _items(raw: Any) -> list[str]:
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        return [part.strip() for part in raw.split(",") if part.strip()]
    if isinstance(raw, list | tuple) and all(isinstance(x, str) for x in raw):
        return [x.strip() for x in raw if x.strip()]
    raise invalid("filter", "筛选值须为文本或文本列表。", "Filter values must be text or lists.")


def _ref(raw: Any, prefix: str, field: str) -> str | None:
    """An id (12) or uid (city:12) of a city or industry, as its uid."""
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if text.startswith(f"{prefix}:"):
        text = text[len(prefix) + 1 :]
    if isinstance(raw, bool) or not _ID.match(text):
        raise invalid(
            field,
            f"{field} 须为编号（如 3）或标识（如 {prefix}:3）。",
            f"{field} must be an id (3) or a uid ({prefix}:3).",
        )
    return f"{prefix}:{int(text)}"


def int_in_range(raw: Any, field: str, *, minimum: int, maximum: int, default: int) -> int:
    if raw in (None, ""):
        return default
    if isinstance(raw, bool):
        raise invalid(field, f"{field} 须为整数。", f"{field} must be an integer.")
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise invalid(field, f"{field} 须为整数。", f"{field} must be an integer.") from None
    if not minimum <= value <= maximum:
        raise invalid(
            field,
            f"{field} 须在 {minimum}–{maximum} 之间。",
            f"{field} must lie between {minimum} and {maximum}.",
        )
    return value


def float_in_range(
    raw: Any, field: str, *, minimum: float, maximum: float, default: float
) -> float:
    if raw in (None, ""):
        return default
    try:
        value = float(str(raw).strip())
    except ValueError:
        raise invalid(field, f"{field} 须为数值。", f"{field} must be a number.") from None
    if not (minimum <= value <= maximum):
        raise invalid(
            field,
            f"{field} 须在 {minimum:g}–{maximum:g} 之间。",
            f"{field} must lie between {minimum:g} and {maximum:g}.",
        )
    return value


def choices(
    raw: Any, field: str, allowed: tuple[str, ...], default: tuple[str, ...]
) -> tuple[str, ...]:
    items = _items(raw)
    if not items:
        return default
    bad = [x for x in items if x not in allowed]
    if bad:
        raise invalid(
            field,
            f"{field} 的取值 {', '.join(bad)[:80]} 无效，可选：{', '.join(allowed)}。",
            f"{field} values {', '.join(bad)[:80]} are not among {', '.join(allowed)}.",
        )
    return tuple(dict.fromkeys(items))


def subgraph_filter_from_mapping(
    raw: Mapping[str, Any], *, max_nodes_cap: int = analytics.MAX_NODES
) -> tuple[SubgraphFilter, int]:
    """The subgraph filter and node cap from `label`/`labels`, `city`, `industry`, `types`,
    `max_nodes`. labels "all" means every label."""
    label_raw = raw.get("labels", raw.get("label"))
    if label_raw in ("all", ["all"]):
        labels: tuple[str, ...] | None = None
    else:
        labels = choices(
            label_raw, "label", tuple(label.value for label in Label), analytics.DEFAULT_LABELS
        )
    types = choices(
        raw.get("types"), "types", analytics.ALL_RELATIONSHIP_TYPES, analytics.DEFAULT_TYPES
    )
    max_nodes = int_in_range(
        raw.get("max_nodes"),
        "max_nodes",
        minimum=1,
        maximum=max_nodes_cap,
        default=min(analytics.DEFAULT_MAX_NODES, max_nodes_cap),
    )
    flt = SubgraphFilter(
        labels=labels,
        city_uid=_ref(raw.get("city", raw.get("city_uid")), "city", "city"),
        industry_uid=_ref(raw.get("industry", raw.get("industry_uid")), "industry", "industry"),
        types=types,
    )
    return flt, max_nodes

"""Pure agenda-ordering rules (no database), tested with hypothesis.

An order is a list of (item id, parent id or None) in the order the secretariat dragged them.
It must name every accepted item exactly once; a parent must be another top-level item of the
same order (one level of sub-items). The canonical agenda lists each top-level item followed
by its sub-items, both in the order given; positions and time slots follow that agenda.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


class OrderInvalid(ValueError):
    def __init__(self, code: str, ids: Sequence[int] = ()) -> None:
        self.code = code
        self.ids = list(ids)
        super().__init__(f"{code}: {self.ids}")


@dataclass(frozen=True)
class Placed:
    item_id: int
    parent_id: int | None
    position: int


def canonical_order(
    entries: Sequence[tuple[int, int | None]], expected_ids: Iterable[int]
) -> list[Placed]:
    """Validate an order against the accepted items and return it in agenda order."""
    expected = set(expected_ids)
    ids = [item_id for item_id, _ in entries]
    seen: set[int] = set()
    repeated: set[int] = set()
    for item_id in ids:
        (repeated if item_id in seen else seen).add(item_id)
    duplicates = sorted(repeated)
    if duplicates:
        raise OrderInvalid("duplicate", duplicates)
    missing = sorted(expected - seen)
    if missing:
        raise OrderInvalid("missing", missing)
    unknown = sorted(seen - expected)
    if unknown:
        raise OrderInvalid("unknown", unknown)
    parents = dict(entries)
    for item_id, parent_id in entries:
        if parent_id is None:
            continue
        if parent_id == item_id or parent_id not in parents:
            raise OrderInvalid("bad_parent", [item_id])
        if parents[parent_id] is not None:
            raise OrderInvalid("too_deep", [item_id])
    children: dict[int, list[int]] = {}
    for item_id, parent_id in entries:
        if parent_id is not None:
            children.setdefault(parent_id, []).append(item_id)
    placed: list[Placed] = []
    for item_id, parent_id in entries:
        if parent_id is not None:
            continue
        placed.append(Placed(item_id, None, len(placed)))
        for child in children.get(item_id, []):
            placed.append(Placed(child, item_id, len(placed)))
    return placed


def time_slots(starts_at: datetime, minutes: Sequence[int]) -> list[tuple[datetime, datetime]]:
    """Back-to-back slots from the meeting's start, one per item in agenda order."""
    slots = []
    at = starts_at
    for length in minutes:
        end = at + timedelta(minutes=length)
        slots.append((at, end))
        at = end
    return slots

"""Agenda ordering as properties (hypothesis): every valid order is kept exactly, nothing
invalid gets through, and time slots follow the order back to back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.alliance.ordering import OrderInvalid, canonical_order, time_slots


@st.composite
def valid_orders(draw: st.DrawFn) -> tuple[list[int], list[tuple[int, int | None]]]:
    ids = draw(st.lists(st.integers(1, 10_000), min_size=1, max_size=30, unique=True))
    order = draw(st.permutations(ids))
    tops = draw(st.lists(st.sampled_from(order), min_size=1, unique=True))
    entries: list[tuple[int, int | None]] = []
    for item in order:
        parent = None if item in tops else draw(st.sampled_from(tops))
        entries.append((item, parent))
    return ids, entries


@given(valid_orders())
def test_a_valid_order_places_every_item_once_with_children_under_their_parent(
    case: tuple[list[int], list[tuple[int, int | None]]],
) -> None:
    ids, entries = case
    placed = canonical_order(entries, ids)
    assert sorted(p.item_id for p in placed) == sorted(ids)
    assert [p.position for p in placed] == list(range(len(ids)))
    given_parents = dict(entries)
    assert {p.item_id: p.parent_id for p in placed} == given_parents
    # Top-level items keep the order they were given in, and so do each parent's children.
    tops = [i for i, parent in entries if parent is None]
    assert [p.item_id for p in placed if p.parent_id is None] == tops
    for top in tops:
        children = [i for i, parent in entries if parent == top]
        assert [p.item_id for p in placed if p.parent_id == top] == children
    # A child comes after its parent with only siblings between them.
    current_top = None
    for p in placed:
        if p.parent_id is None:
            current_top = p.item_id
        else:
            assert p.parent_id == current_top


@given(valid_orders(), st.data())
def test_an_order_that_is_not_a_permutation_of_the_agenda_is_refused(
    case: tuple[list[int], list[tuple[int, int | None]]], data: st.DataObject
) -> None:
    ids, entries = case
    mutation = data.draw(st.sampled_from(["drop", "duplicate", "add"]))
    if mutation == "drop":
        entries = [e for e in entries if e[0] != entries[-1][0] and e[1] != entries[-1][0]]
        expected = "missing"
    elif mutation == "duplicate":
        entries = [*entries, (entries[0][0], None)]
        expected = "duplicate"
    else:
        entries = [*entries, (max(ids) + 1, None)]
        expected = "unknown"
    with pytest.raises(OrderInvalid) as refused:
        canonical_order(entries, ids)
    assert refused.value.code == expected


@given(st.lists(st.integers(1, 10_000), min_size=2, max_size=20, unique=True), st.data())
def test_nesting_deeper_than_one_level_or_under_oneself_is_refused(
    ids: list[int], data: st.DataObject
) -> None:
    a, b = ids[0], ids[1]
    rest = [(i, None) for i in ids[2:]]
    self_parent = [(a, a), (b, None), *rest]
    with pytest.raises(OrderInvalid):
        canonical_order(self_parent, ids)
    if len(ids) >= 3:
        c = ids[2]
        deep = [(a, None), (b, a), (c, b), *[(i, None) for i in ids[3:]]]
        with pytest.raises(OrderInvalid) as refused:
            canonical_order(deep, ids)
        assert refused.value.code == "too_deep"


@given(st.lists(st.integers(1, 480), max_size=40))
def test_time_slots_follow_back_to_back_from_the_start(minutes: list[int]) -> None:
    start = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    slots = time_slots(start, minutes)
    assert len(slots) == len(minutes)
    at = start
    for (begin, end), length in zip(slots, minutes, strict=True):
        assert begin == at and end - begin == timedelta(minutes=length)
        at = end

"""Split accounting conserves totals exactly for any amount and shares (largest remainder)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.matching.split import UNIT, split_amount

amounts = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False)


@st.composite
def percents(draw: st.DrawFn) -> list[Decimal]:
    n = draw(st.integers(1, 5))
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, 10_000]
    return [Decimal(b - a) / 100 for a, b in itertools.pairwise(bounds)]


@given(amounts, percents())
def test_the_parts_add_up_to_the_amount_exactly(amount: Decimal, shares: list[Decimal]) -> None:
    parts = split_amount(amount, shares)
    assert sum(parts, Decimal(0)) == amount
    for part, share in zip(parts, shares, strict=True):
        assert part >= 0
        assert abs(part - amount * share / 100) < UNIT  # never more than one unit off
        assert part == part.quantize(UNIT)


@given(amounts, percents())
def test_the_same_input_gives_the_same_parts(amount: Decimal, shares: list[Decimal]) -> None:
    assert split_amount(amount, shares) == split_amount(amount, list(shares))


def test_a_tie_goes_to_the_part_listed_first() -> None:
    assert split_amount(Decimal("0.01"), [Decimal(50), Decimal(50)]) == [
        Decimal("0.01"),
        Decimal("0.00"),
    ]
    assert split_amount(Decimal("100.00"), [Decimal("33.33"), Decimal("66.67")]) == [
        Decimal("33.33"),
        Decimal("66.67"),
    ]
    assert sum(split_amount(Decimal("10.00"), [Decimal("33.34")] + [Decimal("33.33")] * 2)) == 10


def test_shares_not_adding_to_100_are_refused() -> None:
    with pytest.raises(ValueError):
        split_amount(Decimal(1), [Decimal(50), Decimal("49.99")])

"""Scoring properties (pure, no services): monotone, zero weights remove a factor, ties."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from graph.matching import (
    FACTORS,
    Candidate,
    capacity_value,
    distance_value,
    haversine_km,
    order_candidates,
    weighted_score,
)

unit = st.floats(min_value=0, max_value=1, allow_nan=False)
weight = st.floats(min_value=0, max_value=10, allow_nan=False)
values_st = st.fixed_dictionaries({f: unit for f in FACTORS})
weights_st = st.fixed_dictionaries({f: weight for f in FACTORS})


@given(values_st, weights_st, st.sampled_from(FACTORS), unit)
def test_raising_one_factor_never_lowers_the_score(values, weights, factor, higher) -> None:
    raised = {**values, factor: max(values[factor], higher)}
    assert weighted_score(raised, weights) >= weighted_score(values, weights)


@given(values_st, weights_st, st.sampled_from(FACTORS), unit)
def test_a_zero_weight_removes_the_factor(values, weights, factor, other) -> None:
    weights = {**weights, factor: 0.0}
    assert weighted_score({**values, factor: other}, weights) == weighted_score(values, weights)


@given(values_st, weights_st)
def test_the_score_lies_between_0_and_100(values, weights) -> None:
    assert 0 <= weighted_score(values, weights) <= 100


def test_all_weights_zero_scores_zero() -> None:
    assert weighted_score(dict.fromkeys(FACTORS, 1.0), dict.fromkeys(FACTORS, 0.0)) == 0


@given(
    st.lists(
        st.tuples(st.integers(1, 500), st.sampled_from([10.0, 50.0, 50.0, 90.0])),
        unique_by=lambda t: t[0],
        max_size=30,
    ),
    st.randoms(),
)
def test_ties_are_ordered_by_park_id_whatever_the_input_order(parks, rnd) -> None:
    candidates = [Candidate(f"park:{pk}", str(pk), score, [], []) for pk, score in parks]
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    first, second = order_candidates(candidates), order_candidates(shuffled)
    assert [c.park_uid for c in first] == [c.park_uid for c in second]
    assert [c.rank for c in first] == list(range(1, len(first) + 1))
    for a, b in itertools.pairwise(first):
        assert (-a.score, int(a.park_uid[5:])) < (-b.score, int(b.park_uid[5:]))


def test_distance_and_capacity_values() -> None:
    km = haversine_km(32.06, 118.80, 32.30, 118.31)  # 南京 – 滁州, about 54 km
    assert 45 < km < 60
    assert distance_value(0) == 1.0 and distance_value(None) == 0.5
    assert distance_value(10) > distance_value(100)
    assert capacity_value(100, 50, 0, 0) == 1.0
    assert capacity_value(50, 50, 0, 0) == 0.5
    assert capacity_value(10, 50, 0, 0) == 0.0
    assert capacity_value(0, 0, 0, 0) == 1.0

"""Settings helpers fail loudly on a value they cannot understand."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from backend.config.env import env_bool, env_int, env_list, env_url


def test_a_boolean_that_is_not_one_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("on", True), ("No", False)])
def test_booleans_read_common_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", not expected) is expected


def test_an_integer_below_its_minimum_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_N", "0")
    with pytest.raises(ImproperlyConfigured, match="below 1"):
        env_int("X_N", 5, minimum=1)


def test_a_url_with_the_wrong_scheme_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_URL", "http://127.0.0.1:7687")
    with pytest.raises(ImproperlyConfigured, match="scheme 'http'"):
        env_url("X_URL", schemes=["bolt", "neo4j"])


def test_a_required_url_that_is_missing_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("X_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="required"):
        env_url("X_URL", schemes=["redis"], required=True)


@given(st.lists(st.text(alphabet="abcxyz-_.:/0123456789", min_size=1), max_size=6))
def test_lists_round_trip_through_commas(items: list[str]) -> None:
    import os

    os.environ["X_LIST"] = ",".join(items)
    try:
        assert env_list("X_LIST") == [i.strip() for i in items if i.strip()]
    finally:
        del os.environ["X_LIST"]

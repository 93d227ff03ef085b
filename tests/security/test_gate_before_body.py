"""A closed gate stays closed whatever the body says: a user the matrix denies (401/403) or
hides an object from (404) gets that same answer when the body is invalid too, never a 400 that
would tell them the object exists and which fields it wants.

Every write row of the matrix (matrix.py) is sent, as each user it does not allow, with bodies
no serializer accepts; the outcome must be the matrix's."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.security.conftest import undone
from tests.security.matrix import ROWS, Row
from tests.security.test_authorisation_matrix import _url, outcome_of
from tests.security.world import USERS, World, client_for

pytestmark = pytest.mark.django_db

# Bodies that fail validation on any endpoint that reads one: not an object at all, and an
# object whose every field has the wrong type.
BAD_BODIES: dict[str, Any] = {
    "not_an_object": ["not", "an", "object"],
    "wrong_types": {
        "response": ["?"],
        "to_park": "not-an-id",
        "receiving_park": "not-an-id",
        "year_from": "not-a-year",
        "year_to": "not-a-year",
        "shares": "not-a-list",
        "year": "not-a-year",
        "indicator": 17,
        "amount_wan": "not-a-number",
        "accept": "not-a-boolean",
        "status": ["?"],
        "title": {"nested": True},
        "body": {"nested": True},
        "choice": ["?"],
        "action": ["?"],
    },
}
# Routes that still read the body first, and why they are left so (a strict xfail: when one is
# fixed, its mark must go).
KNOWN: dict[tuple[str, str], str] = {
    ("POST", "/api/research/console/run"): "the service audits a refused attempt with its "
    "Cypher, so the console gate runs after parsing; the 400 reveals only the public schema",
}
WRITE_ROWS = [
    pytest.param(
        row,
        id=f"{row.method} {row.path}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN[row.key])] if row.key in KNOWN else [],
    )
    for row in ROWS
    if row.method != "GET"
]


def _send(row: Row, world: World, user: str, body: Any) -> Any:
    client: APIClient = client_for(world.users[user])
    url = _url(row, world)
    send = getattr(client, row.method.lower())
    return undone(lambda: send(url, body, format="json"))


@pytest.mark.parametrize("row", WRITE_ROWS)
def test_a_bad_body_gets_the_same_denial_as_a_good_one(row: Row, in_world: World) -> None:
    wrong = {}
    for user in USERS:
        expected = row.expected(user)
        if expected == "A":
            continue
        for name, body in BAD_BODIES.items():
            response = _send(row, in_world, user, body)
            got = outcome_of(response.status_code, row)
            if got != expected:
                wrong[(user, name)] = (expected, response.status_code, response.content[:200])
    assert wrong == {}

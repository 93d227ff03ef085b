"""Who may write is decided before the body is read: staff of a park with no part in a project,
and researchers (who never write), are refused with 403 whatever they send. A 400 would tell them
that the object exists and which fields it wants.

The outsider is staff of 浦口园, a park added after the match ran: it sees 江宁园's project
(posted to the whole alliance) but is neither its posting park, nor its partner 江北新区, nor a
matched candidate, nor the hand-off's receiver."""

from __future__ import annotations

from typing import Any

import pytest

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.network.models import Park
from tests.matching.conftest import World, client_for, landed_project

pytestmark = pytest.mark.django_db

BAD_BODIES: dict[str, Any] = {
    "not an object": ["not", "an", "object"],
    "empty": {},
    "wrong types": {
        "response": ["?"],
        "to_park": "not-an-id",
        "accept": "not-a-boolean",
        "year_from": "not-a-year",
        "year_to": 1,
        "shares": "not-a-list",
        "year": "not-a-year",
        "indicator": 17,
        "amount_wan": "not-a-number",
    },
}


def post_half_shares(client: Any, pid: int) -> Any:
    """A valid agreement for the project: tax shared half and half, 2024-2026."""
    return client.post(
        f"/api/matching/projects/{pid}/agreements",
        {
            "year_from": 2024,
            "year_to": 2026,
            "shares": [
                {"indicator": "tax", "transferring_percent": "50", "receiving_percent": "50"}
            ],
        },
        format="json",
    )


def _scene(world: World) -> dict[str, str]:
    """The write URLs of one landed project with an agreement and a pending hand-off."""
    pid = landed_project(world)
    owner = client_for(world.owner)
    agreement = post_half_shares(owner, pid)
    assert agreement.status_code == 201, agreement.json()
    handoff = owner.post(
        f"/api/matching/projects/{pid}/handoffs",
        {"to_park": world.net.jiangbei.pk},
        format="json",
    )
    assert handoff.status_code == 201, handoff.json()
    return {
        "feedback": f"/api/matching/projects/{pid}/matches/{world.net.jiangbei.pk}/feedback",
        "hand-off": f"/api/matching/projects/{pid}/handoffs",
        "hand-off answer": f"/api/matching/handoffs/{handoff.json()['id']}/answer",
        "agreement": f"/api/matching/projects/{pid}/agreements",
        "figures": f"/api/matching/projects/{pid}/figures",
    }


def _outsider() -> User:
    return user_create(
        username="pat-outsider",
        password="x",
        role=Role.PARK_STAFF,
        park=Park.objects.create(name="浦口园"),
        validate=False,
    )


def _user(world: World, name: str) -> User:
    return _outsider() if name == "outsider" else getattr(world, name)


@pytest.mark.parametrize("user", ["outsider", "researcher"])
def test_it_refuses_an_outsider_with_403_whatever_the_body(world: World, user: str) -> None:
    urls = _scene(world)
    client = client_for(_user(world, user))
    wrong = {}
    for endpoint, url in urls.items():
        for name, body in BAD_BODIES.items():
            response = client.post(url, body, format="json")
            if response.status_code != 403:
                wrong[(endpoint, name)] = (response.status_code, response.content[:200])
    assert wrong == {}


@pytest.mark.parametrize("user", ["outsider", "third", "researcher"])
def test_it_hides_an_agreement_from_non_parties_whatever_the_body(world: World, user: str) -> None:
    pid = landed_project(world)
    made = post_half_shares(client_for(world.owner), pid)
    url = f"/api/matching/agreements/{made.json()['id']}"
    client = client_for(_user(world, user))
    for body in BAD_BODIES.values():
        assert client.patch(url, body, format="json").status_code == 404


def test_it_refuses_a_park_that_names_itself_receiving_park_of_another_parks_project(
    world: World,
) -> None:
    pid = landed_project(world)  # 滁州园 (dan-third) was matched, but the partner is 江北新区
    response = client_for(world.third).post(
        f"/api/matching/projects/{pid}/agreements",
        {
            "receiving_park": world.chuzhou_park.pk,
            "year_from": 2024,
            "year_to": 2026,
            "shares": [
                {"indicator": "tax", "transferring_percent": "0", "receiving_percent": "100"}
            ],
        },
        format="json",
    )
    assert response.status_code == 403
    assert client_for(world.owner).get(f"/api/matching/projects/{pid}/agreements").json() == []


def test_a_matched_candidate_gets_403_on_another_candidates_feedback(world: World) -> None:
    url = _scene(world)["feedback"]
    for body in BAD_BODIES.values():
        response = client_for(world.third).post(url, body, format="json")
        assert response.status_code == 403


def test_the_parties_still_get_400_for_a_bad_body(world: World) -> None:
    urls = _scene(world)
    cases = [
        (world.candidate, "feedback"),
        (world.owner, "hand-off"),
        (world.candidate, "hand-off answer"),
        (world.owner, "agreement"),
        (world.candidate, "agreement"),
        (world.owner, "figures"),
        (world.candidate, "figures"),
    ]
    for user, endpoint in cases:
        response = client_for(user).post(urls[endpoint], ["not an object"], format="json")
        assert response.status_code == 400, (user.username, endpoint, response.content[:200])

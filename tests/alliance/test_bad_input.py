"""Bad input and wrong moments: each refused with a reason, never a 500."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.network.models import Park
from tests.alliance.conftest import API, later, ok
from tests.alliance.flows import (
    accept,
    agenda,
    call_meeting,
    live_meeting,
    reorder,
    submit,
    transition,
)

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def english(client: APIClient) -> APIClient:
    client.credentials(HTTP_ACCEPT_LANGUAGE="en")
    return client


def test_it_refuses_a_meeting_in_the_past_and_a_bad_quorum(
    client_for: Client, alice: User, members: list[Park]
) -> None:
    sec = english(client_for(alice))
    past = sec.post(
        f"{API}/meetings",
        {"title": "x", "starts_at": (timezone.now() - timedelta(hours=1)).isoformat()},
        format="json",
    )
    assert past.status_code == 400
    assert past.json()["message"] == "The time cannot be in the past."
    quorum = sec.post(
        f"{API}/meetings",
        {
            "title": "x",
            "starts_at": later().isoformat(),
            "quorum_numerator": 4,
            "quorum_denominator": 3,
        },
        format="json",
    )
    assert quorum.status_code == 400
    garbage = sec.post(f"{API}/meetings", {"title": "", "starts_at": "tomorrow"}, format="json")
    assert garbage.status_code == 400
    assert set(garbage.json()["detail"]) >= {"title", "starts_at"}


def test_it_refuses_a_decision_without_quorum_and_says_how_many_are_present(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    _meeting, items = live_meeting(sec, client_for(bob), [members[0].pk], items=1)
    response = sec.post(f"{API}/items/{items[0]['id']}/decisions", {"text": "同意"}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["message"] == "出席的成员园区不足法定人数，不能形成决议。"
    assert body["detail"] == {"present": 1, "members": 3, "quorum": "2/3"}


def test_it_refuses_past_deadlines_and_action_items_without_a_responsible_unit(
    client_for: Client, alice: User, bob: User, olga: User, members: list[Park]
) -> None:
    sec = english(client_for(alice))
    meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=1)
    url = f"{API}/items/{items[0]['id']}/decisions"
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    past = sec.post(
        url,
        {"text": "x", "actions": [{"text": "a", "deadline": yesterday, "owner_unit": "市科技局"}]},
        format="json",
    )
    assert past.status_code == 400
    assert past.json()["message"] == "A deadline cannot be in the past."
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    nobody = sec.post(
        url, {"text": "x", "actions": [{"text": "a", "deadline": tomorrow}]}, format="json"
    )
    assert nobody.status_code == 400
    outsider = sec.post(
        url,
        {
            "text": "x",
            "actions": [{"text": "a", "deadline": tomorrow, "owner_park_id": olga.park_id}],
        },
        format="json",
    )
    assert outsider.status_code == 400
    assert ok(sec.get(f"{API}/meetings/{meeting['id']}/decisions")) == []


def test_it_counts_one_vote_per_park_and_refuses_non_members(
    client_for: Client, alice: User, bob: User, olga: User, rita: User, members: list[Park]
) -> None:
    from backend.accounts.services import user_create

    bob_colleague = user_create(
        username="bob2", password="x" * 12, role="park_staff", park=members[0], validate=False
    )
    sec = client_for(alice)
    _meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=1)
    decision = ok(
        sec.post(
            f"{API}/items/{items[0]['id']}/decisions", {"text": "表决", "vote": True}, format="json"
        ),
        201,
    )
    url = f"{API}/decisions/{decision['id']}/votes"
    ok(client_for(bob).post(url, {"choice": "agree"}, format="json"), 201)
    twice = client_for(bob_colleague).post(url, {"choice": "oppose"}, format="json")
    assert twice.status_code == 409
    assert twice.json()["message"] == "本园区已对该决议投票，每个园区只能投一票。"
    for outsider in (olga, rita, alice):
        assert client_for(outsider).post(url, {"choice": "agree"}, format="json").status_code == 403
    bogus = client_for(bob).post(url, {"choice": "maybe"}, format="json")
    assert bogus.status_code == 400
    ok(sec.post(f"{API}/decisions/{decision['id']}/close"))
    late = client_for(bob).post(url, {"choice": "agree"}, format="json")
    assert late.status_code == 409


def test_it_refuses_agenda_edits_after_the_meeting_closed(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = english(client_for(alice))
    meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=2)
    mid = meeting["id"]
    transition(sec, mid, "close")
    version = agenda(sec, mid)["version"]
    attempts = [
        reorder(sec, mid, version, [(items[1]["id"], None), (items[0]["id"], None)]),
        client_for(bob).post(
            f"{API}/meetings/{mid}/items",
            {"kind": "major_matter", "title": "迟到的议题"},
            format="json",
        ),
        sec.patch(f"{API}/items/{items[0]['id']}", {"presenter": "王"}, format="json"),
        sec.post(
            f"{API}/items/{items[0]['id']}/triage",
            {"action": "reject", "reason": "r"},
            format="json",
        ),
        sec.patch(f"{API}/meetings/{mid}", {"place": "别处"}, format="json"),
        sec.put(f"{API}/meetings/{mid}/current-item", {"item_id": items[0]["id"]}, format="json"),
        sec.post(f"{API}/items/{items[0]['id']}/decisions", {"text": "x"}, format="json"),
    ]
    for response in attempts:
        assert response.status_code == 409, response.content
    assert (
        attempts[0].json()["message"] == "The meeting is closed; its agenda can no longer change."
    )


def test_it_refuses_wrong_status_transitions(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    meeting = call_meeting(sec)
    assert sec.post(f"{API}/meetings/{meeting['id']}/start").status_code == 409
    assert sec.post(f"{API}/meetings/{meeting['id']}/close").status_code == 409
    transition(sec, meeting["id"], "announce")
    assert sec.post(f"{API}/meetings/{meeting['id']}/announce").status_code == 409
    assert (
        sec.put(
            f"{API}/meetings/{meeting['id']}/current-item", {"item_id": None}, format="json"
        ).status_code
        == 409
    )


def test_a_stale_reorder_gets_409_with_the_current_order(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    meeting = call_meeting(sec)
    a, b, c = (submit(client_for(bob), meeting["id"], title=t) for t in "甲乙丙")
    for item in (a, b, c):
        accept(sec, item["id"])
    version = agenda(sec, meeting["id"])["version"]
    first = reorder(
        sec, meeting["id"], version, [(c["id"], None), (a["id"], None), (b["id"], None)]
    )
    ok(first)
    second = reorder(
        sec, meeting["id"], version, [(b["id"], None), (a["id"], None), (c["id"], None)]
    )
    assert second.status_code == 409
    detail = second.json()["detail"]
    assert detail["version"] == version + 1
    assert [e["id"] for e in detail["order"]] == [c["id"], a["id"], b["id"]]


@pytest.mark.parametrize(
    "shape",
    ["duplicate", "missing", "unknown", "self_parent", "too_deep"],
)
def test_it_refuses_an_order_that_is_not_the_agenda(
    client_for: Client, alice: User, bob: User, members: list[Park], shape: str
) -> None:
    sec = client_for(alice)
    meeting = call_meeting(sec)
    a, b, c = (submit(client_for(bob), meeting["id"], title=t) for t in "甲乙丙")
    for item in (a, b, c):
        accept(sec, item["id"])
    version = agenda(sec, meeting["id"])["version"]
    orders = {
        "duplicate": [(a["id"], None), (a["id"], None), (b["id"], None), (c["id"], None)],
        "missing": [(a["id"], None), (b["id"], None)],
        "unknown": [(a["id"], None), (b["id"], None), (c["id"], None), (999_999, None)],
        "self_parent": [(a["id"], a["id"]), (b["id"], None), (c["id"], None)],
        "too_deep": [(a["id"], None), (b["id"], a["id"]), (c["id"], b["id"])],
    }
    response = reorder(sec, meeting["id"], version, orders[shape])
    assert response.status_code == 400
    assert agenda(sec, meeting["id"])["version"] == version


def test_bad_query_parameters_and_unknown_ids_are_4xx(
    client_for: Client, alice: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    assert sec.get(f"{API}/actions?overdue=perhaps").status_code == 400
    assert sec.get(f"{API}/actions?park=abc").status_code == 400
    assert sec.get(f"{API}/actions?status=lost").status_code == 400
    assert sec.get(f"{API}/meetings?status=lost").status_code == 400
    assert sec.get(f"{API}/meetings/424242").status_code == 404
    assert sec.get(f"{API}/items/424242").status_code == 404
    assert sec.get(f"{API}/minutes/424242/export.pdf").status_code == 404
    assert sec.get(f"{API}/minutes/1/export.exe").status_code == 404
    assert (
        sec.post(f"{API}/items/424242/triage", {"action": "accept"}, format="json").status_code
        == 404
    )

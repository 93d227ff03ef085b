"""Who sees what: the secretariat manages; member parks submit, see announced agendas and
their own items, update their own action items; outsiders and researchers see nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.network.models import Park
from tests.alliance.conftest import API, ok
from tests.alliance.flows import accept, agenda, call_meeting, live_meeting, submit, transition

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


@pytest.mark.parametrize("who", ["olga", "charlie", "rita"])
def test_it_shows_nothing_internal_to_parks_outside_the_alliance_researchers_or_roleless(
    request: pytest.FixtureRequest,
    client_for: Client,
    alice: User,
    bob: User,
    members: list[Park],
    who: str,
) -> None:
    outsider = request.getfixturevalue(who)
    meeting = call_meeting(client_for(alice))
    item = submit(client_for(bob), meeting["id"])
    transition(client_for(alice), meeting["id"], "announce")
    client = client_for(outsider)
    client.credentials(HTTP_ACCEPT_LANGUAGE="en")
    for path in (
        "/members",
        "/meetings",
        f"/meetings/{meeting['id']}",
        f"/meetings/{meeting['id']}/agenda",
        f"/meetings/{meeting['id']}/items",
        f"/items/{item['id']}",
        "/actions",
        "/actions/dashboard",
        "/calendar.ics",
    ):
        response = client.get(API + path)
        assert response.status_code == 403, path
        assert response.json()["code"] == "permission_denied"
    submitted = client.post(
        f"{API}/meetings/{meeting['id']}/items",
        {"kind": "major_matter", "title": "x"},
        format="json",
    )
    assert submitted.status_code == 403


def test_it_refuses_member_parks_the_secretariats_work_with_a_reason_in_their_language(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    meeting = call_meeting(client_for(alice))
    item = submit(client_for(bob), meeting["id"])
    b = client_for(bob)
    for response in (
        b.post(f"{API}/meetings", {"title": "x"}, format="json"),
        b.post(f"{API}/items/{item['id']}/triage", {"action": "accept"}, format="json"),
        b.post(f"{API}/meetings/{meeting['id']}/announce"),
        b.put(f"{API}/meetings/{meeting['id']}/agenda/order", {}, format="json"),
        b.get(f"{API}/meetings/{meeting['id']}/suggestions"),
    ):
        assert response.status_code == 403
        assert response.json()["message"] == "只有联席会议秘书处可以执行此操作。"


def test_a_member_park_sees_its_own_items_but_others_only_once_accepted_and_announced(
    client_for: Client, alice: User, bob: User, dana: User, members: list[Park]
) -> None:
    sec, b, d = client_for(alice), client_for(bob), client_for(dana)
    meeting = call_meeting(sec)
    mine = submit(b, meeting["id"], title="江宁园议题")
    theirs = submit(d, meeting["id"], title="江北议题")
    refused = submit(d, meeting["id"], title="未列入的议题")
    accept(sec, theirs["id"])
    ok(
        sec.post(
            f"{API}/items/{refused['id']}/triage",
            {"action": "reject", "reason": "不属于联席会议议题"},
            format="json",
        )
    )
    assert agenda(b, meeting["id"])["entries"] == []  # a draft's agenda is the secretariat's
    assert b.get(f"{API}/items/{theirs['id']}").status_code == 404
    transition(sec, meeting["id"], "announce")
    visible = {i["id"] for i in ok(b.get(f"{API}/meetings/{meeting['id']}/items"))}
    assert visible == {mine["id"], theirs["id"]}
    assert b.get(f"{API}/items/{refused['id']}").status_code == 404
    assert ok(d.get(f"{API}/items/{refused['id']}"))["reason"] == "不属于联席会议议题"
    edit = b.patch(f"{API}/items/{theirs['id']}", {"title": "改"}, format="json")
    assert edit.status_code == 403


def test_a_member_park_updates_only_its_own_action_items(
    client_for: Client, alice: User, bob: User, dana: User, members: list[Park]
) -> None:
    jiangning, jiangbei, _ = members
    sec = client_for(alice)
    _meeting, items = live_meeting(sec, client_for(bob), [jiangning.pk, jiangbei.pk], items=1)
    deadline = (timezone.localdate() + timedelta(days=10)).isoformat()
    decision = ok(
        sec.post(
            f"{API}/items/{items[0]['id']}/decisions",
            {
                "text": "同意",
                "actions": [{"text": "落实", "deadline": deadline, "owner_park_id": jiangning.pk}],
            },
            format="json",
        ),
        201,
    )
    action_id = decision["actions"][0]["id"]
    update = {"text": "进展", "status": "in_progress"}
    refused = client_for(dana).post(f"{API}/actions/{action_id}/updates", update, format="json")
    assert refused.status_code == 403
    ok(client_for(bob).post(f"{API}/actions/{action_id}/updates", update, format="json"), 201)
    assert (
        client_for(bob)
        .patch(f"{API}/actions/{action_id}", {"text": "x"}, format="json")
        .status_code
        == 403
    )


def test_the_meeting_room_is_open_to_the_secretariat_and_to_members_once_announced(
    client_for: Client, alice: User, bob: User, olga: User, rita: User, members: list[Park]
) -> None:
    from backend.alliance.access import user_may_join_meeting_room

    meeting = call_meeting(client_for(alice))
    assert user_may_join_meeting_room(alice, meeting["id"])
    assert not user_may_join_meeting_room(bob, meeting["id"])
    transition(client_for(alice), meeting["id"], "announce")
    assert user_may_join_meeting_room(bob, meeting["id"])
    assert not user_may_join_meeting_room(olga, meeting["id"])
    assert not user_may_join_meeting_room(rita, meeting["id"])
    assert not user_may_join_meeting_room(alice, 999_999)


def test_a_park_replies_and_names_delegates_for_itself_only_and_the_secretariat_marks_presence(
    client_for: Client, alice: User, bob: User, dana: User, rita: User, members: list[Park]
) -> None:
    jiangning, jiangbei, _ = members
    sec, b = client_for(alice), client_for(bob)
    meeting = call_meeting(sec)
    transition(sec, meeting["id"], "announce")
    url = f"{API}/meetings/{meeting['id']}/attendance"
    reply = {"rsvp": "accepted", "delegates": "李园、周主任"}
    row = ok(b.patch(f"{url}/{jiangning.pk}", reply, format="json"))
    assert (row["rsvp"], row["delegates"], row["present"]) == ("accepted", "李园、周主任", False)
    # Another park cannot answer for jiangning, nor can a park mark itself present.
    d = client_for(dana)
    other = d.patch(f"{url}/{jiangning.pk}", {"rsvp": "declined"}, format="json")
    assert other.status_code == 403
    assert other.json()["message"] == "您只能为本园区回复。"
    assert b.patch(f"{url}/{jiangning.pk}", {"present": True}, format="json").status_code == 403
    assert client_for(rita).patch(f"{url}/{jiangbei.pk}", reply, format="json").status_code == 403
    ok(sec.patch(f"{url}/{jiangbei.pk}", {"present": True}, format="json"))
    rows = {r["park"]["id"]: r for r in ok(b.get(url))}
    assert rows[jiangning.pk]["rsvp"] == "accepted"
    assert rows[jiangbei.pk]["present"] is True and rows[jiangbei.pk]["rsvp"] == "accepted"


def test_only_the_secretariat_assigns_a_presenter(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec, b = client_for(alice), client_for(bob)
    meeting = call_meeting(sec)
    item = submit(b, meeting["id"])
    # The submitting park's edit goes through, but the presenter stays the secretariat's call.
    assert (
        ok(b.patch(f"{API}/items/{item['id']}", {"presenter": "李园"}, format="json"))["presenter"]
        == ""
    )
    accept(sec, item["id"])
    assigned = ok(
        sec.patch(f"{API}/items/{item['id']}", {"presenter": "江宁园 周主任"}, format="json")
    )
    assert assigned["presenter"] == "江宁园 周主任"
    entry = agenda(sec, meeting["id"])["entries"][0]
    assert entry["item"]["presenter"] == "江宁园 周主任"

"""The secretariat's whole journey through the API: call, collect, triage, order, announce,
run live, decide (with a vote), publish minutes, follow action items to done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance.models import ActionItem, Meeting
from backend.network.models import Park
from backend.notifications.models import Notification, Reminder
from tests.alliance.conftest import API, later, ok
from tests.alliance.flows import (
    accept,
    agenda,
    call_meeting,
    mark_present,
    reorder,
    submit,
    transition,
    triage,
)

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def test_the_secretariat_runs_a_joint_meeting_from_call_to_done_action_items(
    client_for: Client,
    alice: User,
    bob: User,
    dana: User,
    xena: User,
    members: list[Park],
) -> None:
    jiangning, jiangbei, xianlin = members
    sec, b, d = client_for(alice), client_for(bob), client_for(dana)

    # Call: a draft meeting invites every member park.
    meeting = call_meeting(sec, host_park_id=jiangning.pk)
    mid = meeting["id"]
    assert meeting["status"] == "draft"
    assert meeting["quorum"] == {"present": 0, "members": 3, "met": False}
    attendance = ok(sec.get(f"{API}/meetings/{mid}/attendance"))
    assert sorted(a["park"]["id"] for a in attendance) == sorted(p.pk for p in members)
    later_meeting = call_meeting(sec, title="2027年第二次联席会议", starts_at=later(40).isoformat())

    # Collect: member parks submit items; they see their own only while it is a draft.
    transfer = submit(b, mid, title="经济指标分算")
    enclave = submit(b, mid, kind="project_docking", title="飞地园区共建")
    duplicate = submit(
        d, mid, kind="major_problem", title="指标分算（重复）", linked_uids=[xianlin.uid]
    )
    policy = submit(d, mid, kind="policy_coordination", title="人才政策互认")
    deferred = submit(d, mid, kind="major_matter", title="联合招商年度计划")
    assert [i["id"] for i in ok(b.get(f"{API}/meetings/{mid}/items"))] == [
        transfer["id"],
        enclave["id"],
    ]
    assert len(ok(sec.get(f"{API}/meetings/{mid}/items"))) == 5

    # Triage: accept, merge a duplicate, reject with a reason, defer to the next meeting.
    for item in (transfer, enclave, policy):
        accept(sec, item["id"])
    merged = ok(triage(sec, duplicate["id"], "merge", into_id=transfer["id"]))
    assert merged["status"] == "merged" and merged["merged_into_id"] == transfer["id"]
    assert xianlin.uid in ok(sec.get(f"{API}/items/{transfer['id']}"))["linked_uids"]
    ok(triage(sec, deferred["id"], "defer", to_meeting_id=later_meeting["id"]))
    moved = ok(sec.get(f"{API}/meetings/{later_meeting['id']}/items"))
    assert [i["deferred_from_id"] for i in moved] == [deferred["id"]]
    bad = triage(sec, policy["id"], "reject")
    assert bad.status_code == 400  # a reason is required
    # dana is told about each of her screened items: accepted, merged, deferred.
    assert Notification.objects.filter(recipient=dana, kind="agenda.item_triaged").count() == 3

    # Order: policy first, enclave nested under transfer; slots follow.
    seen = agenda(sec, mid)
    order = [(policy["id"], None), (transfer["id"], None), (enclave["id"], transfer["id"])]
    saved = ok(reorder(sec, mid, seen["version"], order))
    assert saved["version"] == seen["version"] + 1
    entries = agenda(sec, mid)["entries"]
    assert [(e["number"], e["item"]["id"]) for e in entries] == [
        ("1", policy["id"]),
        ("2", transfer["id"]),
        ("2.1", enclave["id"]),
    ]
    assert entries[1]["starts_at"] == entries[0]["ends_at"]

    # Announce: members are notified and see the accepted agenda (not others' rejected items).
    transition(sec, mid, "announce")
    assert Notification.objects.filter(recipient=bob, kind="agenda.published").exists()
    assert Reminder.objects.filter(recipient=bob, key=f"alliance-meeting-{mid}").exists()
    assert [e["item"]["id"] for e in agenda(b, mid)["entries"]] == [
        policy["id"],
        transfer["id"],
        enclave["id"],
    ]
    ok(
        b.patch(
            f"{API}/meetings/{mid}/attendance/{jiangning.pk}",
            {"rsvp": "accepted", "delegates": "李园"},
            format="json",
        )
    )

    # Run live: presence, start at the first item, move on.
    mark_present(sec, mid, jiangning.pk, jiangbei.pk)
    started = transition(sec, mid, "start")
    assert started["status"] == "in_progress"
    assert started["current_item_id"] == policy["id"]
    assert started["quorum"] == {"present": 2, "members": 3, "met": True}
    moved_on = ok(
        sec.put(f"{API}/meetings/{mid}/current-item", {"item_id": transfer["id"]}, format="json")
    )
    assert moved_on["current_item_id"] == transfer["id"]
    assert ok(b.get(f"{API}/meetings/{mid}"))["current_item_id"] == transfer["id"]

    # Decide: a vote by member parks; action items follow once it passes.
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    decision = ok(
        sec.post(
            f"{API}/items/{transfer['id']}/decisions",
            {
                "text": "原则同意按 6:4 分算转移项目的经济指标。",
                "vote": True,
                "actions": [
                    {"text": "起草分算细则", "deadline": deadline, "owner_park_id": jiangning.pk},
                    {"text": "统计口径衔接", "deadline": deadline, "owner_unit": "市统计局"},
                ],
            },
            format="json",
        ),
        201,
    )
    assert decision["status"] == "voting" and decision["actions"] == []
    ok(b.post(f"{API}/decisions/{decision['id']}/votes", {"choice": "agree"}, format="json"), 201)
    ok(d.post(f"{API}/decisions/{decision['id']}/votes", {"choice": "abstain"}, format="json"), 201)
    closed_vote = ok(sec.post(f"{API}/decisions/{decision['id']}/close"))
    assert closed_vote["status"] == "passed"
    assert closed_vote["tally"] == {"agree": 1, "oppose": 0, "abstain": 1}
    assert len(closed_vote["actions"]) == 2
    plain = ok(
        sec.post(
            f"{API}/items/{policy['id']}/decisions",
            {"text": "请各园区梳理人才政策。"},
            format="json",
        ),
        201,
    )
    assert plain["status"] == "recorded"
    transition(sec, mid, "close")

    # Minutes: drafted from agenda and decisions, reviewed, published and locked.
    draft = ok(sec.post(f"{API}/meetings/{mid}/minutes"), 201)
    assert "经济指标分算" in draft["body"] and "市统计局" in draft["body"]
    ok(
        b.post(
            f"{API}/minutes/{draft['id']}/reviews",
            {"text": "请补充江宁园发言要点。"},
            format="json",
        ),
        201,
    )
    ok(
        sec.patch(
            f"{API}/minutes/{draft['id']}",
            {"body": draft["body"] + "\n江宁园：同意。\n"},
            format="json",
        )
    )
    published = ok(sec.post(f"{API}/minutes/{draft['id']}/publish"))
    assert published["status"] == "published"
    assert Notification.objects.filter(recipient=dana, kind="minutes.published").exists()
    locked = sec.patch(f"{API}/minutes/{draft['id']}", {"body": "改写"}, format="json")
    assert locked.status_code == 409
    correction = ok(sec.post(f"{API}/meetings/{mid}/minutes"), 201)
    assert correction["version"] == 2 and correction["status"] == "draft"

    # Follow action items: bob sees his park's, reports progress, then done.
    mine = ok(b.get(f"{API}/actions?mine=true"))
    assert [a["text"] for a in mine] == ["起草分算细则"]
    action_id = mine[0]["id"]
    assert Reminder.objects.filter(key=f"alliance-action-{action_id}-soon", recipient=bob).exists()
    ok(
        b.post(
            f"{API}/actions/{action_id}/updates",
            {
                "text": "初稿已完成",
                "status": "in_progress",
                "evidence_url": "https://example.com/a.pdf",
            },
            format="json",
        ),
        201,
    )
    ok(
        b.post(
            f"{API}/actions/{action_id}/updates",
            {"text": "已印发", "status": "done"},
            format="json",
        ),
        201,
    )
    detail = ok(b.get(f"{API}/actions/{action_id}"))
    assert detail["status"] == "done" and len(detail["updates"]) == 2
    assert not Reminder.objects.filter(key__startswith=f"alliance-action-{action_id}-").exists()
    dashboard = ok(sec.get(f"{API}/actions/dashboard"))
    assert {row["unit"]: row["done"] for row in dashboard} == {"江宁园": 1, "市统计局": 0}

    # The next meeting's preparation sees the earlier decision still open.
    suggestions = ok(sec.get(f"{API}/meetings/{later_meeting['id']}/suggestions"))
    assert [(s["source"], s["title"]) for s in suggestions] == [
        ("earlier_decision", "统计口径衔接")
    ]
    assert Meeting.objects.get(pk=mid).status == "closed"
    assert ActionItem.objects.count() == 2


def test_the_ical_feed_lists_announced_meetings_for_a_members_park(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    draft = call_meeting(sec, title="草稿会议")
    announced = call_meeting(
        sec, title="专题会商：飞地园区", kind="special", online_link="https://meet.example.com/1"
    )
    transition(sec, announced["id"], "announce")
    response = client_for(bob).get(f"{API}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:alliance-meeting-{announced['id']}@ningju" in body
    assert f"alliance-meeting-{draft['id']}@" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))

"""Reminders before an action item's deadline and once it is overdue (sent by the periodic
`notifications.send_due_reminders`); overdue items show up as suggestions for the next meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance.models import ActionItem
from backend.network.models import Park
from backend.notifications.models import Notification
from backend.notifications.services import reminders_send_due
from tests.alliance.conftest import API, later, ok
from tests.alliance.flows import call_meeting, live_meeting

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def _action(client_for: Client, alice: User, bob: User, members: list[Park], days: int) -> dict:
    sec = client_for(alice)
    _meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=1)
    deadline = (timezone.localdate() + timedelta(days=days)).isoformat()
    decision = ok(
        sec.post(
            f"{API}/items/{items[0]['id']}/decisions",
            {
                "text": "同意",
                "actions": [
                    {"text": "报送方案", "deadline": deadline, "owner_park_id": members[0].pk}
                ],
            },
            format="json",
        ),
        201,
    )
    return decision["actions"][0]


def test_the_owner_park_is_reminded_before_the_deadline_and_everyone_when_overdue(
    client_for: Client, alice: User, bob: User, dana: User, members: list[Park]
) -> None:
    action = _action(client_for, alice, bob, members, days=10)
    reminders_send_due(now=timezone.now() + timedelta(days=8))
    due = Notification.objects.filter(kind="action_item.due")
    assert list(due.values_list("recipient__username", flat=True)) == ["bob"]
    reminders_send_due(now=timezone.now() + timedelta(days=12))
    assert sorted(due.values_list("recipient__username", flat=True)) == ["alice", "bob", "bob"]
    assert not due.filter(recipient=dana).exists()
    assert due.filter(title_zh__startswith="督办事项已逾期").count() == 2
    assert f"/alliance/actions/{action['id']}" in due.values_list("link", flat=True)


def test_an_action_item_done_in_time_sends_no_reminder(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    action = _action(client_for, alice, bob, members, days=10)
    ok(
        client_for(bob).post(
            f"{API}/actions/{action['id']}/updates",
            {"text": "已完成", "status": "done"},
            format="json",
        ),
        201,
    )
    reminders_send_due(now=timezone.now() + timedelta(days=30))
    assert not Notification.objects.filter(kind="action_item.due").exists()


def test_overdue_action_items_are_listed_and_suggested_for_the_next_meeting(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    action = _action(client_for, alice, bob, members, days=1)
    ActionItem.objects.filter(pk=action["id"]).update(
        deadline=timezone.localdate() - timedelta(days=3)
    )
    sec = client_for(alice)
    overdue = ok(sec.get(f"{API}/actions?overdue=true"))
    assert [(a["id"], a["overdue"]) for a in overdue] == [(action["id"], True)]
    next_meeting = call_meeting(sec, title="下一次联席会议", starts_at=later(30).isoformat())
    suggestions = ok(sec.get(f"{API}/meetings/{next_meeting['id']}/suggestions"))
    assert [(s["source"], s["ref"]) for s in suggestions] == [("overdue_action", action["id"])]
    moved = sec.patch(
        f"{API}/actions/{action['id']}",
        {"deadline": (timezone.localdate() - timedelta(days=1)).isoformat()},
        format="json",
    )
    assert moved.status_code == 400
    ok(
        sec.patch(
            f"{API}/actions/{action['id']}",
            {"deadline": (timezone.localdate() + timedelta(days=5)).isoformat()},
            format="json",
        )
    )

"""Reminders: scheduled in a feature's transaction, sent once when due by the beat task."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from backend.accounts.models import User
from backend.core.lib.bilingual import Bilingual
from backend.notifications.models import Notification, Reminder
from backend.notifications.services import reminder_cancel, reminder_schedule, reminders_send_due
from backend.notifications.tasks import send_due_reminders

TITLE = Bilingual(zh="明天 9:00 召开联席会议", en="Joint meeting tomorrow at 9:00")


def schedule(*recipients: User, key: str = "meeting:3:eve", minutes: int = -1) -> list[Reminder]:
    return reminder_schedule(
        recipients=recipients,
        kind="meeting.reminder",
        title=TITLE,
        due_at=timezone.now() + timedelta(minutes=minutes),
        key=key,
        link="/meetings/3",
    )


def test_the_sweep_is_declared_in_the_one_beat_schedule() -> None:
    entries = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == send_due_reminders.name
    ]
    assert entries == [{"task": "notifications.send_due_reminders", "schedule": 60.0}]


@pytest.mark.django_db
def test_due_reminders_become_notifications_exactly_once(bob: User, alice: User) -> None:
    schedule(bob, alice)
    schedule(bob, key="action:9", minutes=60)  # not due yet

    assert reminders_send_due() == 2
    assert reminders_send_due() == 0

    row = Notification.objects.get(recipient=bob)
    assert (row.kind, row.title_zh, row.link) == ("meeting.reminder", TITLE.zh, "/meetings/3")
    assert Reminder.objects.filter(sent_at__isnull=True).get().key == "action:9"
    assert Reminder.objects.get(recipient=bob, key="meeting:3:eve").notification == row


@pytest.mark.django_db
def test_rescheduling_moves_an_unsent_reminder_and_cancelling_drops_it(bob: User) -> None:
    schedule(bob, minutes=-5)
    (moved,) = schedule(bob, minutes=120)
    assert Reminder.objects.count() == 1
    assert moved.due_at > timezone.now()
    assert reminders_send_due() == 0

    assert reminder_cancel(key="meeting:3:eve") == 1
    assert not Reminder.objects.exists()


@pytest.mark.django_db
def test_a_reminder_for_a_deactivated_user_is_settled_without_a_notification(bob: User) -> None:
    schedule(bob)
    bob.is_active = False
    bob.save()
    assert reminders_send_due() == 1
    assert not Notification.objects.exists()
    assert Reminder.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_worker")
def test_the_periodic_task_runs_on_a_real_worker(bob: User) -> None:
    schedule(bob)
    result = send_due_reminders.delay()
    assert result.get(timeout=30) == 1
    assert Notification.objects.filter(recipient=bob, kind="meeting.reminder").count() == 1

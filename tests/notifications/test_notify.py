"""notify(): rows with the change, delivery only after commit, per-user order, email."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from channels.layers import get_channel_layer
from django.core import mail
from django.db import connection, transaction

from backend.accounts.models import User
from backend.config.celery import app as celery_app
from backend.core.async_db import db_sync_to_async
from backend.core.lib.bilingual import Bilingual
from backend.notifications.emails import notification_email_send
from backend.notifications.groups import user_group
from backend.notifications.kinds import (
    URGENT_KINDS,
    NotificationKind,
    is_urgent,
    kind_label,
)
from backend.notifications.models import Notification
from backend.notifications.services import (
    message,
    notification_preference_set,
    notify,
    notify_all,
)
from tests.notifications.conftest import notice

TITLE = Bilingual(zh="新的强匹配：江宁园 × 江北新区", en="New strong match: Jiangning × Jiangbei")
MATCH, DUE = NotificationKind.MATCH_CREATED, NotificationKind.ACTION_ITEM_DUE


def test_every_kind_has_a_chinese_and_an_english_label() -> None:
    for kind in NotificationKind:
        label = kind_label(kind.value)
        assert label.zh and label.en and label.zh != label.en
    assert set(NotificationKind) >= URGENT_KINDS
    assert kind_label("retired.kind").zh == "通知"
    assert is_urgent(NotificationKind.ACTION_ITEM_DUE)
    assert not is_urgent(NotificationKind.MATCH_CREATED)


@pytest.mark.django_db
def test_it_writes_one_row_per_active_recipient(bob: User, alice: User, charlie: User) -> None:
    charlie.is_active = False
    charlie.save()

    rows = notify(
        recipients=[alice, bob.pk, bob, charlie],
        kind=NotificationKind.MATCH_CREATED,
        title=TITLE,
        body=Bilingual(zh="匹配度 0.91", en="Score 0.91"),
        link="/matches/12",
    )

    assert sorted(row.recipient_id for row in rows) == sorted([alice.pk, bob.pk])
    row = Notification.objects.get(recipient=bob)
    assert (row.title_zh, row.title_en) == (TITLE.zh, TITLE.en)
    assert (row.body_zh, row.body_en, row.link) == ("匹配度 0.91", "Score 0.91", "/matches/12")
    assert row.read_at is None
    assert notify(recipients=[], kind="match.created", title=TITLE) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "link", ["https://evil.example.com", "//evil.example.com", "javascript:alert(1)", "matches/1"]
)
def test_it_refuses_a_link_that_leaves_the_app(bob: User, link: str) -> None:
    with pytest.raises(ValueError, match="path inside the web app"):
        notify(recipients=[bob], kind="match.created", title=TITLE, link=link)
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_kind_outside_the_enum(bob: User) -> None:
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify(recipients=[bob], kind="made.up", title=TITLE)


@pytest.mark.django_db
def test_a_long_title_is_clipped_not_refused(bob: User) -> None:
    (row,) = notify(recipients=[bob], kind="match.created", title=Bilingual(zh="长" * 500, en="x"))
    assert len(row.title_zh) == 200
    assert row.title_zh.endswith("…")


@pytest.mark.django_db
def test_a_key_makes_a_second_identical_notify_a_no_op(bob: User, alice: User) -> None:
    first = notify(recipients=[bob], kind="system.reminder", title=TITLE, key="meeting:3:eve")
    again = notify(
        recipients=[bob, alice], kind="system.reminder", title=TITLE, key="meeting:3:eve"
    )
    assert len(first) == 1
    assert [row.recipient_id for row in again] == [alice.pk]
    assert Notification.objects.filter(recipient=bob).count() == 1


@pytest.mark.django_db
def test_nothing_is_sent_before_commit_and_nothing_after_a_rollback(
    bob: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                notice(bob, title="会回滚")
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Notification.objects.exists()

    with django_capture_on_commit_callbacks() as callbacks:
        notice(bob, title="会提交")
    assert len(callbacks) == 1  # the push, queued for after commit


@pytest.mark.django_db(transaction=True)
async def test_a_batch_chains_each_recipients_notifications_and_skips_keys_already_sent(
    bob: User, alice: User
) -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(user_group(bob.pk), channel)
    earlier = (await db_sync_to_async(notice)(bob, key="match:1:2"))[0]

    def send_batch() -> list[list[Notification]]:
        return notify_all(
            [
                message(recipients=[bob, alice], kind=MATCH, title=TITLE, key="match:1:2"),
                message(recipients=[bob], kind=MATCH, title=TITLE, key="match:1:3"),
                message(recipients=[alice, bob], kind=DUE, title=TITLE),
            ]
        )

    rows = await db_sync_to_async(send_batch)()
    # Bob already had match:1:2, so only Alice gets it; the other two reach both in order.
    assert [[n.recipient_id for n in sent] for sent in rows] == [
        [alice.pk],
        [bob.pk],
        sorted([alice.pk, bob.pk]),
    ]
    bobs = [n.pk for sent in rows for n in sent if n.recipient_id == bob.pk]
    assert (await layer.receive(channel))["id"] == earlier.pk
    assert await layer.receive(channel) == {
        "type": "notify", "id": bobs[0], "prev": earlier.pk, "kind": "match.created",
        "urgent": False,
    }  # fmt: skip
    assert await layer.receive(channel) == {
        "type": "notify", "id": bobs[1], "prev": bobs[0], "kind": "action_item.due",
        "urgent": True,
    }  # fmt: skip
    await layer.group_discard(user_group(bob.pk), channel)


@pytest.mark.django_db(transaction=True)
async def test_the_layer_message_names_the_recipients_previous_notification(
    bob: User, alice: User
) -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(user_group(bob.pk), channel)

    first = (await db_sync_to_async(notice)(bob))[0]
    await db_sync_to_async(notice)(alice)
    second = (await db_sync_to_async(notice)(bob, kind=NotificationKind.ACTION_ITEM_DUE))[0]

    assert await layer.receive(channel) == {
        "type": "notify",
        "id": first.pk,
        "prev": 0,
        "kind": "match.created",
        "urgent": False,
    }
    assert await layer.receive(channel) == {
        "type": "notify",
        "id": second.pk,
        "prev": first.pk,
        "kind": "action_item.due",
        "urgent": True,
    }
    await layer.group_discard(user_group(bob.pk), channel)


@pytest.mark.django_db(transaction=True)
def test_a_users_notifications_commit_in_id_order_even_from_concurrent_transactions(
    bob: User,
) -> None:
    """The second writer waits for the first to commit, so a client resuming from the last id
    it saw can never skip a row with a smaller id that committed later."""
    first_written, release_first = threading.Event(), threading.Event()
    results: dict[str, int] = {}

    def first_writer() -> None:
        try:
            with transaction.atomic():
                results["first"] = notice(bob, title="先写后提交")[0].pk
                first_written.set()
                release_first.wait(timeout=30)
        finally:
            connection.close()

    def second_writer() -> None:
        try:
            results["second"] = notice(bob, title="后写")[0].pk
        finally:
            connection.close()

    first = threading.Thread(target=first_writer)
    first.start()
    assert first_written.wait(timeout=30)
    second = threading.Thread(target=second_writer)
    second.start()
    second.join(timeout=1)
    assert second.is_alive()  # blocked on bob's stream lock, not committed ahead of the first
    assert Notification.objects.filter(recipient=bob).count() == 0

    release_first.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert results["second"] > results["first"]
    assert Notification.objects.filter(recipient=bob).count() == 2


@pytest.mark.django_db
def test_a_recipient_who_chose_email_gets_one_email_after_commit(
    dana: User, bob: User, django_capture_on_commit_callbacks: Any
) -> None:
    notification_preference_set(user=dana, kind="match.created", email=True)
    celery_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            rows = notify(
                recipients=[dana, bob], kind="match.created", title=TITLE, link="/matches/12"
            )
    finally:
        celery_app.conf.task_always_eager = False

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dana@example.com"]
    assert TITLE.zh in message.subject and TITLE.en in message.subject
    assert "/matches/12" in message.body
    dana_row = next(row for row in rows if row.recipient_id == dana.pk)
    dana_row.refresh_from_db()
    assert dana_row.emailed_at is not None
    # A retried task sends nothing twice.
    assert notification_email_send(notification_id=dana_row.pk) is False
    assert len(mail.outbox) == 1

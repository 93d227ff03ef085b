"""Writes: notify, read state, preferences, reminders and room membership.

`notify(...)` is the one way features tell people about a change. Call it inside the same
transaction as the change: the rows commit or roll back with it, and the push to open sockets
(and email, for those who asked) happens only after commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from backend.accounts.models import User
from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.notifications.delivery import Delivery, deliver_notifications, send_to_groups
from backend.notifications.groups import user_group
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import (
    KEY_MAX_LENGTH,
    LINK_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Notification,
    NotificationPreference,
    Reminder,
)
from backend.notifications.rooms import room_group
from backend.notifications.selectors import email_recipient_ids

Recipient = User | int

# pg_advisory_xact_lock(namespace, user id): one lock space per purpose.
_STREAM_LOCK_NAMESPACE = 0x4E4A  # "NJ"
_TOPIC = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)*$")

NO_EMAIL_ADDRESS = Bilingual(
    zh="您的账户没有登记邮箱，无法开启邮件通知。",
    en="Your account has no email address, so email notifications cannot be turned on.",
)
UNKNOWN_KIND = Bilingual(zh="没有这种通知类型。", en="There is no such notification kind.")


@dataclass(frozen=True)
class Message:
    """One notification to send: what `notify` takes, checked (see `message`)."""

    recipients: tuple[int, ...]  # sorted, distinct user ids
    kind: str
    title: Bilingual
    body: Bilingual
    link: str
    key: str


def message(
    *,
    recipients: Iterable[Recipient],
    kind: NotificationKind | str,
    title: Bilingual,
    body: Bilingual | None = None,
    link: str = "",
    key: str = "",
) -> Message:
    """A checked Message: a known kind, a link inside the web app, a key that fits."""
    if len(key) > KEY_MAX_LENGTH:
        raise ValueError(f"key longer than {KEY_MAX_LENGTH} characters")
    return Message(
        recipients=tuple(sorted({r if isinstance(r, int) else r.pk for r in recipients})),
        kind=_valid_kind(kind),
        title=title,
        body=body or Bilingual(zh="", en=""),
        link=_valid_link(link),
        key=key,
    )


def notify(
    *,
    recipients: Iterable[Recipient],
    kind: NotificationKind | str,
    title: Bilingual,
    body: Bilingual | None = None,
    link: str = "",
    key: str = "",
) -> list[Notification]:
    """Store one notification per active recipient and push them to their sockets after commit.

    `link` is a path inside the web app ("/matches/12"). With a `key`, a recipient who already
    has a notification with that key gets no second one (for senders that may run twice).
    Returns the rows created, in recipient order.
    """
    sent = message(recipients=recipients, kind=kind, title=title, body=body, link=link, key=key)
    return notify_all([sent])[0]


def notify_all(messages: Sequence[Message]) -> list[list[Notification]]:
    """`notify` for several messages in one round of queries (a ranking that tells many parks
    at once): one lock per recipient, one insert, one push after commit. Returns each
    message's rows, in recipient order."""
    wanted = sorted({uid for m in messages for uid in m.recipients})
    if not wanted:
        return [[] for _ in messages]
    with transaction.atomic():
        active = list(
            User.objects.filter(pk__in=wanted, is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        _lock_streams(active)
        keys = {m.key for m in messages if m.key}
        sent = (
            set(
                Notification.objects.filter(recipient_id__in=active, key__in=keys).values_list(
                    "recipient_id", "key"
                )
            )
            if keys
            else set()
        )
        active_ids = set(active)
        plan: list[tuple[int, Message, int]] = []  # (message index, message, recipient)
        for index, m in enumerate(messages):
            for uid in m.recipients:
                if uid not in active_ids or (m.key and (uid, m.key) in sent):
                    continue
                plan.append((index, m, uid))
                if m.key:
                    sent.add((uid, m.key))
        out: list[list[Notification]] = [[] for _ in messages]
        if not plan:
            return out
        recipients = sorted({uid for _, _, uid in plan})
        # Under the stream locks every earlier notification of these users has committed, so
        # the newest visible id is exactly the one before the first row we are about to write.
        previous = dict(
            Notification.objects.filter(recipient_id__in=recipients)
            .values("recipient_id")
            .annotate(last=Max("id"))
            .values_list("recipient_id", "last")
        )
        rows = Notification.objects.bulk_create(
            [
                Notification(
                    recipient_id=uid,
                    kind=m.kind,
                    title_zh=_clip(m.title.zh),
                    title_en=_clip(m.title.en),
                    body_zh=m.body.zh,
                    body_en=m.body.en,
                    link=m.link,
                    key=m.key,
                )
                for _, m, uid in plan
            ]
        )
        for (index, _, _), row in zip(plan, rows, strict=True):
            out[index].append(row)
        deliveries = []
        for row in sorted(rows, key=lambda r: r.pk):  # a recipient's rows chain in id order
            deliveries.append(
                Delivery(
                    recipient_id=row.recipient_id,
                    notification_id=row.pk,
                    previous_id=previous.get(row.recipient_id, 0),
                    kind=row.kind,
                )
            )
            previous[row.recipient_id] = row.pk
        transaction.on_commit(partial(deliver_notifications, deliveries), robust=True)

        by_email: list[int] = []
        for kind in sorted({row.kind for row in rows}):
            wants = email_recipient_ids(user_ids=recipients, kind=kind)
            by_email += [row.pk for row in rows if row.kind == kind and row.recipient_id in wants]
        if by_email:
            transaction.on_commit(partial(_queue_emails, by_email), robust=True)
    return out


def _valid_kind(kind: NotificationKind | str) -> str:
    try:
        return NotificationKind(kind).value
    except ValueError:
        raise ValueError(f"unknown notification kind {kind!r}; add it to kinds.py") from None


def _valid_link(link: str) -> str:
    # Only paths inside the app: a stored "https://…" or "//host" or "javascript:" link would
    # turn the bell into a way to send people elsewhere.
    if link and (not link.startswith("/") or link.startswith("//") or "\\" in link):
        raise ValueError(f"link must be a path inside the web app, got {link!r}")
    if len(link) > LINK_MAX_LENGTH:
        raise ValueError(f"link longer than {LINK_MAX_LENGTH} characters")
    return link


def _clip(text: str) -> str:
    return text if len(text) <= TITLE_MAX_LENGTH else text[: TITLE_MAX_LENGTH - 1] + "…"


def _lock_streams(user_ids: Sequence[int]) -> None:
    """Serialise notification writers per recipient until commit, so that each user's ids grow
    in commit order and a client resuming from "the last id I saw" can never skip a row that
    committed late. Locks are taken in id order (no deadlock between notify calls).
    SQLite needs nothing: it lets one writer at a time hold the database until commit."""
    if not user_ids or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s, s.k)) FROM "
            "(SELECT DISTINCT (u %% 2147483647)::int AS k FROM unnest(%s::bigint[]) AS u "
            "ORDER BY 1) AS s",
            [_STREAM_LOCK_NAMESPACE, list(user_ids)],
        )


def _queue_emails(notification_ids: list[int]) -> None:
    from backend.notifications.tasks import send_notification_email

    for notification_id in notification_ids:
        send_notification_email.delay(notification_id)


def _announce_read(user_id: int) -> None:
    send_to_groups([(user_group(user_id), {"type": "notify.read"})])


@transaction.atomic
def notification_mark_read(*, user: Any, notification: Notification) -> Notification:
    """Mark one of the user's notifications read (idempotent); other tabs are told."""
    if notification.recipient_id != user.pk:
        raise ValueError("a user can only mark their own notifications read")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        transaction.on_commit(partial(_announce_read, user.pk), robust=True)
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: Any, up_to_id: int | None = None) -> int:
    """Mark the user's unread notifications read, only up to `up_to_id` when given (so one
    that arrived after the user looked stays unread). Returns how many changed."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if up_to_id is not None:
        rows = rows.filter(id__lte=up_to_id)
    marked = rows.update(read_at=timezone.now())
    if marked:
        transaction.on_commit(partial(_announce_read, user.pk), robust=True)
    return marked


@transaction.atomic
def notification_preference_set(*, user: Any, kind: str, email: bool) -> NotificationPreference:
    """Choose whether this kind also comes by email (in-app delivery is always on)."""
    try:
        kind = NotificationKind(kind).value
    except ValueError:
        raise ValidationFailed(UNKNOWN_KIND, detail={"kind": kind}) from None
    if email and not user.email:
        raise ValidationFailed(NO_EMAIL_ADDRESS, detail={"email": "missing"})
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"email": email}
    )
    return preference


# --- Reminders ---------------------------------------------------------------------------------


@transaction.atomic
def reminder_schedule(
    *,
    recipients: Iterable[Recipient],
    kind: NotificationKind | str,
    title: Bilingual,
    due_at: datetime,
    key: str,
    body: Bilingual | None = None,
    link: str = "",
) -> list[Reminder]:
    """Schedule (or move, if not yet sent) a reminder per recipient, named by `key`.

    Call it in the feature's own transaction; the periodic task sends it when due.
    """
    kind = _valid_kind(kind)
    link = _valid_link(link)
    if not key or len(key) > KEY_MAX_LENGTH:
        raise ValueError(f"a reminder needs a key of 1 to {KEY_MAX_LENGTH} characters")
    body = body or Bilingual(zh="", en="")
    scheduled = []
    for uid in sorted({r if isinstance(r, int) else r.pk for r in recipients}):
        reminder, created = Reminder.objects.get_or_create(
            recipient_id=uid,
            key=key,
            defaults={
                "kind": kind,
                "title_zh": _clip(title.zh),
                "title_en": _clip(title.en),
                "body_zh": body.zh,
                "body_en": body.en,
                "link": link,
                "due_at": due_at,
            },
        )
        if not created and reminder.sent_at is None:
            reminder.kind, reminder.link, reminder.due_at = kind, link, due_at
            reminder.title_zh, reminder.title_en = _clip(title.zh), _clip(title.en)
            reminder.body_zh, reminder.body_en = body.zh, body.en
            reminder.save()
        scheduled.append(reminder)
    return scheduled


@transaction.atomic
def reminder_cancel(*, key: str, recipients: Iterable[Recipient] | None = None) -> int:
    """Drop reminders with this key that have not been sent; returns how many."""
    rows = Reminder.objects.filter(key=key, sent_at__isnull=True)
    if recipients is not None:
        rows = rows.filter(recipient_id__in=[r if isinstance(r, int) else r.pk for r in recipients])
    deleted, _ = rows.delete()
    return deleted


def reminders_send_due(*, now: datetime | None = None, batch_size: int = 200) -> int:
    """Turn every due, unsent reminder into a notification, exactly once.

    Safe to run concurrently and to retry: each batch is claimed with SKIP LOCKED and marked
    sent in the same transaction as its notifications (whose key is the reminder's id).
    """
    now = now or timezone.now()
    sent = 0
    while True:
        with transaction.atomic():
            due = list(
                Reminder.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True, due_at__lte=now)
                .order_by("due_at", "id")[:batch_size]
            )
            if not due:
                return sent
            # notify() locks each recipient's stream; taking them in recipient order keeps
            # this batch from deadlocking with other notify() calls.
            for reminder in sorted(due, key=lambda r: (r.recipient_id, r.pk)):
                rows = notify(
                    recipients=[reminder.recipient_id],
                    kind=reminder.kind,
                    title=Bilingual(zh=reminder.title_zh, en=reminder.title_en),
                    body=Bilingual(zh=reminder.body_zh, en=reminder.body_en),
                    link=reminder.link,
                    key=f"reminder:{reminder.pk}",
                )
                reminder.sent_at = timezone.now()
                reminder.notification = rows[0] if rows else None
            Reminder.objects.bulk_update(due, ["sent_at", "notification"])
            sent += len(due)
        if len(due) < batch_size:
            return sent


# --- Rooms -------------------------------------------------------------------------------------


def room_join(*, user_id: int, kind: str, room_id: int) -> None:
    """After commit, put every open socket of the user into the room (e.g. a new attendee)."""
    group = room_group(kind, room_id)
    transaction.on_commit(
        partial(send_to_groups, [(user_group(user_id), {"type": "room.join", "room": group})]),
        robust=True,
    )


def room_leave(*, user_id: int, kind: str, room_id: int) -> None:
    """After commit, take every open socket of the user out of the room."""
    group = room_group(kind, room_id)
    transaction.on_commit(
        partial(send_to_groups, [(user_group(user_id), {"type": "room.leave", "room": group})]),
        robust=True,
    )


def room_broadcast(*, kind: str, room_id: int, topic: str, ref: int | None = None) -> None:
    """After commit, tell everyone in a park or meeting room that something changed
    (`topic` like "agenda.item_advanced", `ref` the id it concerns). Not stored and not
    replayed: it is for screens that are open now; anything that must not be missed is a
    notification."""
    if not _TOPIC.match(topic):
        raise ValueError(f"topic must look like 'agenda.item_advanced', got {topic!r}")
    group = room_group(kind, room_id)
    message = {"type": "room.event", "room": group, "topic": topic, "ref": ref}
    transaction.on_commit(partial(send_to_groups, [(group, message)]), robust=True)

"""Reads. A user only ever reads their own notifications; someone else's id is "not found"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Max, QuerySet

from backend.accounts.models import Role, User
from backend.core.errors import NotFound
from backend.core.lib.bilingual import Bilingual
from backend.notifications.kinds import NotificationKind, is_urgent, kind_label
from backend.notifications.models import Notification, NotificationPreference


def notification_list(
    *, user: Any, kind: str | None = None, unread: bool | None = None
) -> QuerySet[Notification]:
    """The user's notifications, newest first, optionally of one kind and/or (un)read."""
    rows = Notification.objects.filter(recipient=user)
    if kind:
        rows = rows.filter(kind=kind)
    if unread is not None:
        rows = rows.filter(read_at__isnull=unread)
    return rows.order_by("-id")


def access_notification_for_user(user: Any, notification_id: int) -> Notification:
    """The notification if it is the user's own; anyone else's is indistinguishable from none."""
    row = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if row is None:
        raise NotFound()
    return row


@dataclass(frozen=True)
class UnreadSummary:
    unread: int
    # The user's newest notification id: where a fresh client's websocket resumes from.
    latest_id: int


def notification_unread_summary(*, user: Any) -> UnreadSummary:
    rows = Notification.objects.filter(recipient=user)
    return UnreadSummary(
        unread=rows.filter(read_at__isnull=True).count(),
        latest_id=rows.aggregate(latest=Max("id"))["latest"] or 0,
    )


@dataclass(frozen=True)
class StreamItem:
    id: int
    kind: str

    @property
    def urgent(self) -> bool:
        return is_urgent(self.kind)


@dataclass(frozen=True)
class StreamPage:
    items: list[StreamItem]
    # More than the limit were waiting: the client should refetch over HTTP; `head` is the
    # user's newest id, where the stream continues from.
    truncated: bool
    head: int


def notification_stream_after(*, user_id: int, after_id: int, limit: int) -> StreamPage:
    """The user's notifications with id > after_id, oldest first, at most `limit` of them."""
    rows = list(
        Notification.objects.filter(recipient_id=user_id, id__gt=after_id)
        .order_by("id")
        .values_list("id", "kind")[: limit + 1]
    )
    if len(rows) > limit:
        head = (
            Notification.objects.filter(recipient_id=user_id).aggregate(head=Max("id"))["head"] or 0
        )
        return StreamPage(items=[], truncated=True, head=head)
    items = [StreamItem(id=row_id, kind=kind) for row_id, kind in rows]
    return StreamPage(items=items, truncated=False, head=items[-1].id if items else after_id)


CursorStatus = Literal["ok", "foreign", "unknown"]


def notification_cursor_status(*, user_id: int, cursor: int) -> CursorStatus:
    """Whether a client may resume from `cursor`: 0, one of its own ids, or a position that
    is not someone else's notification and not beyond the newest id ever given out."""
    if cursor == 0:
        return "ok"
    owner = Notification.objects.filter(pk=cursor).values_list("recipient_id", flat=True).first()
    if owner is not None:
        return "ok" if owner == user_id else "foreign"
    newest = Notification.objects.aggregate(newest=Max("id"))["newest"] or 0
    return "ok" if cursor <= newest else "unknown"


def notification_resume(
    *, user_id: int, cursor: int, limit: int
) -> tuple[CursorStatus, StreamPage | None]:
    """A socket's hello in one database visit: may it resume from `cursor`, and what follows."""
    status = notification_cursor_status(user_id=user_id, cursor=cursor)
    if status != "ok":
        return status, None
    return status, notification_stream_after(user_id=user_id, after_id=cursor, limit=limit)


@dataclass(frozen=True)
class PreferenceView:
    kind: str
    label: Bilingual
    urgent: bool
    email: bool


def preference_list(*, user: Any) -> list[PreferenceView]:
    """Every kind with the user's choice; in-app delivery is always on."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return [
        PreferenceView(
            kind=kind.value,
            label=kind_label(kind.value),
            urgent=is_urgent(kind.value),
            email=chosen.get(kind.value, False),
        )
        for kind in NotificationKind
    ]


def email_recipient_ids(*, user_ids: list[int], kind: str) -> set[int]:
    """Who of these users asked for this kind by email and has an address to send it to."""
    return set(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind, email=True)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
    )


def park_recipient_ids(*, park_id: int) -> list[int]:
    """Active staff of a park: the recipients of "tell this park" notifications."""
    return list(
        User.objects.filter(park_id=park_id, role=Role.PARK_STAFF, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def park_recipient_ids_by_park(*, park_ids: Iterable[int]) -> dict[int, list[int]]:
    """park_recipient_ids for many parks in one query; every asked park is a key."""
    wanted = set(park_ids)
    found: dict[int, list[int]] = {park_id: [] for park_id in wanted}
    for user_id, park_id in (
        User.objects.filter(park_id__in=wanted, role=Role.PARK_STAFF, is_active=True)
        .order_by("pk")
        .values_list("pk", "park_id")
    ):
        found[park_id].append(user_id)
    return found

"""Notification rows, per-kind preferences and scheduled reminders.

A notification belongs to exactly one recipient: a message for a park or a meeting is one row
per person, so what a user can list, count and replay is only ever their own rows. Ids grow in
commit order for each recipient (services.notify serialises writers per recipient), which is
what lets a client resume from the last id it saw.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from backend.core.lib.bilingual import Bilingual

TITLE_MAX_LENGTH = 200
LINK_MAX_LENGTH = 300
KEY_MAX_LENGTH = 120


class Notification(models.Model):
    # Indexed by the composite (recipient, id) indexes below.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,
    )
    # A NotificationKind value (kinds.py); no DB choices so that adding a kind needs no migration.
    kind = models.CharField(max_length=40)
    title_zh = models.CharField(max_length=TITLE_MAX_LENGTH)
    title_en = models.CharField(max_length=TITLE_MAX_LENGTH)
    body_zh = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    # A path inside the web app ("/matches/12"), never a URL to another site.
    link = models.CharField(max_length=LINK_MAX_LENGTH, blank=True)
    # Idempotency key: a sender that may run twice (a retried task) passes one, and the second
    # notify() for the same recipient and key creates nothing.
    key = models.CharField(max_length=KEY_MAX_LENGTH, blank=True)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["recipient", "id"], name="notification_stream"),
            models.Index(fields=["recipient", "kind", "id"], name="notification_kind"),
            models.Index(
                fields=["recipient", "id"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~Q(key=""),
                name="notification_unique_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}: {self.title_zh}"

    @property
    def title(self) -> Bilingual:
        return Bilingual(zh=self.title_zh, en=self.title_en)

    @property
    def body(self) -> Bilingual:
        return Bilingual(zh=self.body_zh, en=self.body_en)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """Per user and kind: in-app delivery is always on; email is what can be chosen."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        db_index=False,
    )
    kind = models.CharField(max_length=40)
    email = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} email={self.email}"


class Reminder(models.Model):
    """A notification to send later (a meeting tomorrow, an action item falling due).

    Features schedule them in their own transaction (services.reminder_schedule); the periodic
    task `notifications.send_due_reminders` turns due ones into notifications exactly once.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders", db_index=False
    )
    kind = models.CharField(max_length=40)
    title_zh = models.CharField(max_length=TITLE_MAX_LENGTH)
    title_en = models.CharField(max_length=TITLE_MAX_LENGTH)
    body_zh = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    link = models.CharField(max_length=LINK_MAX_LENGTH, blank=True)
    # Names the reminder for its feature ("meeting:12:day-before"): rescheduling or cancelling
    # goes through it.
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    due_at = models.DateTimeField()
    created = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(sent_at__isnull=True), name="reminder_pending"
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="reminder_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient_id} at {self.due_at:%Y-%m-%d %H:%M}"

"""Email delivery of a notification, for recipients who chose it for that kind.

One message in both languages (the user's language is not stored; Chinese first). Sent once:
`emailed_at` is set in the same transaction that claims the row, so a retried task after a
successful send does nothing, and a failed send rolls the claim back for the retry.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from backend.notifications.models import Notification, NotificationPreference


def _absolute(link: str) -> str:
    base = settings.NINGJU_PUBLIC_URL.rstrip("/")
    return f"{base}{link}" if base and link else link


@transaction.atomic
def notification_email_send(*, notification_id: int) -> bool:
    """Send the notification by email if still wanted and not yet sent; True if sent."""
    row = (
        Notification.objects.select_for_update(skip_locked=True)
        .select_related("recipient")
        .filter(pk=notification_id, emailed_at__isnull=True)
        .first()
    )
    if row is None:
        return False
    recipient = row.recipient
    wanted = NotificationPreference.objects.filter(user=recipient, kind=row.kind, email=True)
    if not recipient.email or not recipient.is_active or not wanted.exists():
        return False
    link = _absolute(row.link)
    lines = [row.title_zh, row.body_zh, "", row.title_en, row.body_en]
    if link:
        lines += ["", link]
    lines += ["", "—", "宁聚 · 南京都市圈高新园区协同平台 / NingJu"]
    subject = " ".join(f"[宁聚] {row.title_zh} / {row.title_en}".split())
    send_mail(
        subject=subject,
        message="\n".join(lines),
        from_email=None,
        recipient_list=[recipient.email],
    )
    row.emailed_at = timezone.now()
    row.save(update_fields=["emailed_at"])
    return True

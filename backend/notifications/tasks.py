"""Background work: notification emails and the periodic reminder sweep.

Both take ids (or nothing), refetch, do nothing when there is nothing to do, and are safe to
retry. The sweep is scheduled in CELERY_BEAT_SCHEDULE (backend/config/settings/base.py).
"""

from __future__ import annotations

import smtplib

from celery import shared_task

from backend.notifications.emails import notification_email_send
from backend.notifications.services import reminders_send_due


@shared_task(
    name="notifications.send_email",
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def send_notification_email(notification_id: int) -> bool:
    return notification_email_send(notification_id=notification_id)


@shared_task(name="notifications.send_due_reminders", acks_late=True)
def send_due_reminders() -> int:
    return reminders_send_due()

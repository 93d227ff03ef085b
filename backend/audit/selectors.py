"""Reads of the audit log (django-auditlog's LogEntry), for the secretariat."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.db.models import QuerySet

from backend.accounts.access import require_curator


def audit_entries(
    user: Any,
    *,
    model: str | None = None,
    object_id: str | None = None,
    actor_id: int | None = None,
) -> QuerySet[LogEntry]:
    """Newest first; `model` is "app_label.model" (e.g. "network.park")."""
    require_curator(user)
    entries = LogEntry.objects.select_related("content_type", "actor").order_by("-timestamp", "-id")
    if model:
        app_label, _, name = model.lower().partition(".")
        entries = entries.filter(content_type__app_label=app_label, content_type__model=name)
    if object_id:
        entries = entries.filter(object_pk=object_id)
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    return entries

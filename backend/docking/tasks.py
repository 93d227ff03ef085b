"""Background work of online docking: saved-search alerts for a newly published posting."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="docking.alert_saved_searches", acks_late=True)
def alert_saved_searches(posting_id: int) -> int:
    """Notify the users whose saved searches fit the posting; does nothing if it is gone or
    no longer published; safe to retry (one notification per search and posting)."""
    from backend.docking.services import alerts_send

    return alerts_send(posting_id=posting_id)

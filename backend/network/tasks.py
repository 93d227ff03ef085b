from __future__ import annotations

import logging
import random

from celery import shared_task
from celery.app.task import Task

from backend.network.outbox import outbox_drain
from backend.network.signals import graph_changed
from graph.errors import GraphUnavailable

logger = logging.getLogger(__name__)


def retry_delay(retries: int) -> float:
    """Exponential back-off with jitter: 2, 4, 8 … seconds, capped at five minutes."""
    return min(300.0, 2.0 ** (retries + 1)) * random.uniform(0.8, 1.2)  # noqa: S311


@shared_task(bind=True, name="network.drain_outbox", acks_late=True, max_retries=None)
def drain_outbox(self: Task) -> int:
    """Project pending outbox events into Neo4j. Idempotent; retried with back-off while the
    graph is down, the events staying pending meanwhile."""
    try:
        delivered = outbox_drain()
    except GraphUnavailable as exc:
        if self.request.is_eager:
            # In-process mode has no worker to retry later; the next write or the periodic
            # drain (or `manage.py graph_sync`) picks the events up.
            logger.warning("graph unavailable; outbox events stay pending: %s", exc)
            return 0
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc
    if delivered:
        # The events are delivered whatever a listener does; a failing one is only logged.
        for receiver, result in graph_changed.send_robust(sender="network", delivered=delivered):
            if isinstance(result, Exception):
                logger.warning("graph_changed receiver %r failed: %s", receiver, result)
    return delivered

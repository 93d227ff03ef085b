"""The transactional outbox between the system of record and the graph.

Services call `outbox_record(...)` inside their own transaction; when it commits, the drain
task is queued (`on_commit`). `outbox_drain` applies pending events in sequence order and marks
them delivered in the same database transaction that locked them, so a crash between the
graph write and the mark replays the batch, which is harmless (the projection is idempotent).
Neo4j down: the events stay pending, the attempt is recorded, the task retries with back-off.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from backend.core.graph import graph_database, graph_driver
from backend.network.graph_lock import drain_lock_shared
from backend.network.models import OutboxEvent
from backend.network.projection_rows import batch_for_changes
from graph.errors import GraphUnavailable
from graph.projection import apply_batch

logger = logging.getLogger(__name__)

DRAIN_BATCH = 2000


def outbox_record(
    *, entity: str, entity_id: int, op: str = OutboxEvent.Op.UPSERT, payload: dict | None = None
) -> OutboxEvent:
    """Append one event; must run inside the transaction that made the change."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("outbox_record must be called inside transaction.atomic()")
    event = OutboxEvent.objects.create(
        entity=entity, entity_id=entity_id, op=op, payload=payload or {}
    )
    _queue_drain_on_commit()
    return event


def outbox_record_many(entity: str, ids: list[int], op: str = OutboxEvent.Op.UPSERT) -> None:
    if not ids:
        return
    OutboxEvent.objects.bulk_create(
        [OutboxEvent(entity=entity, entity_id=i, op=op) for i in ids], batch_size=5000
    )
    _queue_drain_on_commit()


def _queue_drain_on_commit() -> None:
    """One drain per transaction, however many events it appends (a 5,000-row import queues
    one task, not 5,000). A rolled-back savepoint drops its callbacks, so this stays correct."""
    conn = transaction.get_connection()
    if any(callback is _queue_drain for _, callback, _ in conn.run_on_commit):
        return
    transaction.on_commit(_queue_drain)


def _queue_drain() -> None:
    from backend.network.tasks import drain_outbox

    try:
        drain_outbox.delay()
    except Exception:
        # Eager mode (make run) runs the drain right here: a down graph or broker must not
        # turn a committed write into an error. The periodic drain picks the events up.
        logger.warning("could not drain the outbox now; events stay pending", exc_info=True)


def outbox_pending_count() -> int:
    return OutboxEvent.objects.filter(delivered_at__isnull=True).count()


def outbox_drain(*, batch_size: int = DRAIN_BATCH, max_batches: int | None = None) -> int:
    """Apply pending events until none are left; returns how many were delivered.

    Raises GraphUnavailable (events stay pending, the attempt is recorded on them).
    """
    delivered = 0
    batches = 0
    while max_batches is None or batches < max_batches:
        count = _drain_one_batch(batch_size)
        if count == 0:
            break
        delivered += count
        batches += 1
    return delivered


def _drain_one_batch(batch_size: int) -> int:
    try:
        with transaction.atomic():
            drain_lock_shared()  # not while a rebuild recreates the graph
            pending = OutboxEvent.objects.filter(delivered_at__isnull=True).order_by("id")
            if connection.features.has_select_for_update:
                pending = pending.select_for_update()
            events = list(pending[:batch_size])
            if not events:
                return 0
            ids_by_entity: dict[str, set[int]] = defaultdict(set)
            relation_kinds: dict[int, str] = {}
            for event in events:
                ids_by_entity[event.entity].add(event.entity_id)
                if event.entity == "Relation" and event.payload.get("kind"):
                    relation_kinds[event.entity_id] = str(event.payload["kind"])
            batch = batch_for_changes(ids_by_entity, relation_kinds)
            apply_batch(graph_driver(), graph_database(), batch)
            OutboxEvent.objects.filter(pk__in=[e.pk for e in events]).update(
                delivered_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
            )
            return len(events)
    except GraphUnavailable as exc:
        _record_failure(str(exc), batch_size)
        raise


def _record_failure(error: str, batch_size: int) -> None:
    ids = list(
        OutboxEvent.objects.filter(delivered_at__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)[:batch_size]
    )
    OutboxEvent.objects.filter(pk__in=ids).update(
        attempts=F("attempts") + 1, last_error=error[:2000]
    )
    logger.warning("outbox drain failed, %d events stay pending: %s", len(ids), error)

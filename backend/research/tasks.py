from __future__ import annotations

import logging

from celery import shared_task
from celery.app.task import Task

from backend.research.exports import export_job_run
from graph.errors import GraphUnavailable

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="research.run_export", acks_late=True, max_retries=8)
def run_export(self: Task, job_id: int) -> str:
    """Produce one export file. Takes the job's id, refetches it, does nothing if it is gone
    or already finished (safe to run twice); retried with back-off while Neo4j is down."""
    try:
        return export_job_run(job_id=job_id, final_attempt=self.request.retries >= 8)
    except GraphUnavailable as exc:
        countdown = min(300, 2 ** (self.request.retries + 2))
        logger.warning("graph unavailable for export %s; retrying in %ss", job_id, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc

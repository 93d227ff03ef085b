"""Re-matching in the background: when a project opens or changes, or the graph around it
changes (call rematch_open_projects after a graph update; also fit for a periodic schedule)."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.app.task import Task

from backend.matching.models import Project, ProjectStatus
from graph.errors import GraphUnavailable

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="matching.rematch_project", acks_late=True, max_retries=5)
def rematch_project(self: Task, project_id: int, trigger: str = "task") -> int | None:
    """Re-rank one project; does nothing if it is gone or no longer open. Returns the run id."""
    from backend.matching.services import MATCHABLE_STATUSES, project_match

    project = Project.objects.filter(pk=project_id).first()
    if project is None or project.status not in MATCHABLE_STATUSES:
        return None
    try:
        return project_match(project=project, trigger=trigger).pk
    except GraphUnavailable as exc:
        if self.request.is_eager:
            logger.warning("graph unavailable; project %s not re-matched: %s", project_id, exc)
            return None
        raise self.retry(exc=exc, countdown=30) from exc


@shared_task(name="matching.rematch_open_projects", acks_late=True)
def rematch_open_projects() -> int:
    """Queue a re-match of every open project (after the graph changed)."""
    ids = list(Project.objects.filter(status=ProjectStatus.OPEN).values_list("pk", flat=True))
    for pk in ids:
        rematch_project.delay(pk, "graph_changed")
    return len(ids)

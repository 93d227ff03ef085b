"""Re-matching in the background: when a project opens or changes, or the graph around it
changes (network's graph_changed signal, debounced), and fit for a periodic schedule."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.app.task import Task
from django.conf import settings
from django.core.cache import cache

from backend.matching.models import Project, ProjectStatus
from graph.errors import GraphUnavailable

logger = logging.getLogger(__name__)

# Projects ranked per task: one task reads each industry's facts once for all of them.
REMATCH_CHUNK = 200
# After a graph change, wait this long so that a burst of writes causes one re-match.
REMATCH_DEBOUNCE_S = int(getattr(settings, "MATCHING_REMATCH_DEBOUNCE_S", 60))
_QUEUED_KEY = "matching:rematch-open-projects:queued"


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


@shared_task(bind=True, name="matching.rematch_projects", acks_late=True, max_retries=5)
def rematch_projects(self: Task, project_ids: list[int], trigger: str = "task") -> int:
    """Re-rank these projects together (those still open); returns how many were ranked."""
    from backend.matching.services import projects_rematch

    try:
        return projects_rematch(project_ids=project_ids, trigger=trigger)
    except GraphUnavailable as exc:
        if self.request.is_eager:
            logger.warning("graph unavailable; %d projects not re-matched", len(project_ids))
            return 0
        raise self.retry(exc=exc, countdown=30) from exc


@shared_task(name="matching.rematch_open_projects", acks_late=True)
def rematch_open_projects(trigger: str = "graph_changed") -> int:
    """Queue a re-match of every open project, in chunks (after the graph or the weights
    changed). Negotiating projects keep their runs: they already have a partner in talks."""
    cache.delete(_QUEUED_KEY)  # changes from now on queue another round
    open_projects = Project.objects.filter(status=ProjectStatus.OPEN).order_by("pk")
    ids = list(open_projects.values_list("pk", flat=True))
    for start in range(0, len(ids), REMATCH_CHUNK):
        rematch_projects.delay(ids[start : start + REMATCH_CHUNK], trigger)
    return len(ids)


def queue_rematch_after_graph_change(**_: Any) -> bool:
    """graph_changed receiver: one re-match round per debounce window (returns whether this
    call queued it). The key lives in the process's cache, so each worker process debounces
    its own drains; a second round is harmless (notifications are keyed, runs are history)."""
    if not cache.add(_QUEUED_KEY, True, timeout=REMATCH_DEBOUNCE_S * 2):
        return False
    rematch_open_projects.apply_async(countdown=REMATCH_DEBOUNCE_S)
    return True

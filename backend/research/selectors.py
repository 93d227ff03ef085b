"""Reads of the research app: visible saved queries, run history, export jobs."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from backend.research.access import user_is_console_user, user_sees_everything
from backend.research.models import ConsoleRun, ExportJob, SavedQuery, SavedQueryVersion


def saved_query_list(*, user: Any, search: str | None = None) -> QuerySet[SavedQuery]:
    """Active saved queries this user may see: everything for the secretariat and
    administrators, shared and own ones for other console users, shared ones for park staff
    and organisation users."""
    queries = SavedQuery.objects.filter(archived_at__isnull=True).select_related(
        "owner", "current_version"
    )
    if not user_sees_everything(user):
        visible = Q(shared=True)
        if user_is_console_user(user):
            visible |= Q(owner=user)
        queries = queries.filter(visible)
    if search:
        queries = queries.filter(
            Q(name__icontains=search) | Q(current_version__description__icontains=search)
        )
    return queries.order_by("name", "id")


def saved_query_versions(*, saved_query: SavedQuery) -> QuerySet[SavedQueryVersion]:
    return saved_query.versions.select_related("created_by").order_by("-number")


def run_list(
    *,
    user: Any,
    everyone: bool = False,
    outcome: str | None = None,
    source: str | None = None,
    user_id: int | None = None,
    saved_query_id: int | None = None,
) -> QuerySet[ConsoleRun]:
    """A user's own runs, newest first; with everyone=True (secretariat and administrators
    only, checked by the caller) every user's, optionally one user's."""
    runs = ConsoleRun.objects.select_related("user", "saved_query_version__saved_query")
    if not everyone:
        runs = runs.filter(user=user)
    elif user_id is not None:
        runs = runs.filter(user_id=user_id)
    if outcome:
        runs = runs.filter(outcome=outcome)
    if source:
        runs = runs.filter(source=source)
    if saved_query_id is not None:
        runs = runs.filter(saved_query_version__saved_query_id=saved_query_id)
    return runs.order_by("-started_at", "-id")


def export_list(*, user: Any, everyone: bool = False) -> QuerySet[ExportJob]:
    jobs = ExportJob.objects.select_related("user")
    if not everyone:
        jobs = jobs.filter(user=user)
    return jobs.order_by("-created_at", "-id")

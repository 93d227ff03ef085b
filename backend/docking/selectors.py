"""Reads of online docking: posting lists and search, requests, threads, saved searches,
recipients, recommendations and the secretariat's statistics. Access rules: access.py."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from backend.accounts.access import require_curator, require_reader, user_is_curator
from backend.accounts.models import Role, User
from backend.core.graph import graph_database, graph_driver
from backend.docking import search
from backend.docking.access import (
    _party_q,
    user_party,
    user_sees_owner,
    visible_postings_q,
)
from backend.docking.models import (
    ACCEPTED_OR_LATER,
    DockingRequest,
    DockingSettings,
    Message,
    Party,
    Posting,
    PostingStatus,
    RequestStatus,
    SavedSearch,
    Thread,
)
from backend.network.models import Industry
from backend.notifications.selectors import park_recipient_ids
from graph.repository import docking as graph_docking


def docking_settings() -> DockingSettings:
    row, _ = DockingSettings.objects.get_or_create(pk=1)
    return row


def moderation_required() -> bool:
    row = DockingSettings.objects.filter(pk=1).first()
    return bool(row and row.moderation_required)


def party_recipient_ids(party: Party) -> list[int]:
    """Active users who act for this park or organisation."""
    if party.park_id:
        return park_recipient_ids(park_id=party.park_id)
    return list(
        User.objects.filter(
            organisation_id=party.organisation_id or 0, role=Role.ORG_USER, is_active=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def secretariat_recipient_ids() -> list[int]:
    return list(
        User.objects.filter(role=Role.SECRETARIAT, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- Postings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostingFilters:
    q: str | None = None
    kind: str | None = None
    industry_id: int | None = None
    region_id: int | None = None
    owner_park_id: int | None = None
    owner_organisation_id: int | None = None
    status: str | None = None
    mine: bool = False
    include_expired: bool = False


def _industry_family(industry_id: int) -> list[int]:
    """The industry and its direct sub-industries (a posting tagged 芯片设计 is an IC posting)."""
    return [
        industry_id,
        *Industry.objects.filter(parent_id=industry_id).values_list("pk", flat=True),
    ]


def posting_list_for_user(user: Any, filters: PostingFilters) -> QuerySet[Posting]:
    """Postings this user may see, newest first. Non-owners see only live (published and not
    expired) postings unless include_expired. Filtering by owner never reveals an anonymous
    owner: anonymous postings of others drop out of owner-filtered lists."""
    require_reader(user)
    postings = Posting.objects.filter(visible_postings_q(user))
    party = user_party(user)
    owned = _party_q(party, "owner") if party is not None else Q(pk__in=[])
    if filters.mine:
        postings = postings.filter(owned) if party is not None else postings.none()
    if not (filters.include_expired or filters.mine or user_is_curator(user)):
        postings = postings.filter(owned | Q(expires_at__gt=timezone.now()))
    if filters.status:
        postings = postings.filter(status=filters.status)
    if filters.kind:
        postings = postings.filter(kind=filters.kind)
    if filters.industry_id:
        postings = postings.filter(industries__in=_industry_family(filters.industry_id))
    if filters.region_id:
        postings = postings.filter(region_id=filters.region_id)
    if filters.owner_park_id or filters.owner_organisation_id:
        if filters.owner_park_id:
            postings = postings.filter(owner_park_id=filters.owner_park_id)
        if filters.owner_organisation_id:
            postings = postings.filter(owner_organisation_id=filters.owner_organisation_id)
        if not user_is_curator(user):
            postings = postings.filter(~Q(visibility="anonymous") | owned)
    if filters.q:
        terms = search.parse_query(filters.q)
        postings = postings.filter(search.posting_filter(terms))
    return (
        postings.distinct()
        .select_related("owner_park", "owner_organisation", "region")
        .prefetch_related(Prefetch("industries", queryset=Industry.objects.order_by("pk")))
        .order_by("-published_at", "-id")
    )


def posting_history(posting: Posting) -> QuerySet[Any]:
    return posting.history.select_related("by").order_by("id")


def review_queue(user: Any) -> QuerySet[Posting]:
    require_curator(user)
    return (
        Posting.objects.filter(status=PostingStatus.PENDING)
        .select_related("owner_park", "owner_organisation", "region")
        .prefetch_related("industries")
        .order_by("id")
    )


# --- Requests and threads ----------------------------------------------------------------------


def request_list_for_user(
    user: Any,
    *,
    direction: str | None = None,
    status: str | None = None,
    posting: Posting | None = None,
) -> QuerySet[DockingRequest]:
    """Requests the user's party made ("outgoing") or received ("incoming"); curators see all."""
    require_reader(user)
    rows = DockingRequest.objects.all()
    party = user_party(user)
    incoming = _party_q(party, "posting__owner") if party else Q(pk__in=[])
    outgoing = _party_q(party, "requester") if party else Q(pk__in=[])
    if direction == "incoming":
        rows = rows.filter(incoming)
    elif direction == "outgoing":
        rows = rows.filter(outgoing)
    elif not user_is_curator(user):
        rows = rows.filter(incoming | outgoing)
    if status:
        rows = rows.filter(status=status)
    if posting is not None:
        rows = rows.filter(posting=posting)
    return rows.select_related(
        "posting",
        "posting__owner_park",
        "posting__owner_organisation",
        "requester_park",
        "requester_organisation",
        "thread",
    ).order_by("-id")


def request_history(request: DockingRequest) -> QuerySet[Any]:
    return request.history.select_related("by").order_by("id")


def thread_list_for_user(user: Any) -> QuerySet[Thread]:
    require_reader(user)
    threads = Thread.objects.all()
    if not user_is_curator(user):
        party = user_party(user)
        if party is None:
            return threads.none()
        threads = threads.filter(_party_q(party, "a") | _party_q(party, "b"))
    return threads.select_related(
        "request__posting", "a_park", "a_organisation", "b_park", "b_organisation"
    ).order_by("-last_message_at", "-id")


def thread_messages(thread: Thread, *, after_id: int = 0, limit: int = 200) -> list[Message]:
    return list(
        thread.messages.filter(id__gt=after_id).select_related("sender").order_by("id")[:limit]
    )


# --- Saved searches ----------------------------------------------------------------------------


def saved_search_list(user: Any) -> QuerySet[SavedSearch]:
    require_reader(user)
    return SavedSearch.objects.filter(user=user).select_related("industry", "region")


def saved_search_filters(saved: SavedSearch) -> PostingFilters:
    return PostingFilters(
        q=saved.text or None,
        kind=saved.kind or None,
        industry_id=saved.industry_id,
        region_id=saved.region_id,
    )


def saved_search_fits(saved: SavedSearch, posting: Posting, industry_ids: set[int]) -> bool:
    """The same rule as the list filter, in Python (alerts check one posting at a time)."""
    if saved.kind and saved.kind != posting.kind:
        return False
    if saved.region_id and saved.region_id != posting.region_id:
        return False
    if saved.industry_id and not (set(_industry_family(saved.industry_id)) & industry_ids):
        return False
    return not saved.text or search.text_matches(
        posting.search_text, search.parse_query(saved.text)
    )


# --- Recommendations ---------------------------------------------------------------------------


def recommendations_for(user: Any, posting: Posting, *, limit: int = 20) -> list[Any]:
    """Counterpart organisations from the graph. Someone who may not know an anonymous
    posting's owner gets only the reasons that do not walk through the owner."""
    owner_uid = posting.owner_party.uid
    return graph_docking.recommend_counterparts(
        graph_driver(),
        graph_database(),
        owner_uid=owner_uid,
        industry_uids=[f"industry:{pk}" for pk in posting.industries.values_list("pk", flat=True)],
        include_owner_ties=user_sees_owner(user, posting),
        limit=limit,
    )


# --- Statistics --------------------------------------------------------------------------------


@dataclass
class DockingStats:
    postings_total: int = 0
    postings_by_kind: dict[str, int] = field(default_factory=dict)
    postings_by_status: dict[str, int] = field(default_factory=dict)
    # (park id or None for anonymous / organisation without a park, name) -> count
    postings_by_park: list[dict[str, Any]] = field(default_factory=list)
    requests_total: int = 0
    requests_answered: int = 0
    requests_accepted: int = 0
    acceptance_rate: float | None = None
    median_hours_to_first_answer: float | None = None
    agreements: int = 0
    projects_created: int = 0


ANONYMOUS_BUCKET = "anonymous"


def docking_stats(
    user: Any, *, since: datetime | None = None, until: datetime | None = None
) -> DockingStats:
    """Postings by kind, status and park (anonymous postings counted apart, never under
    their park), acceptance rate (accepted or later / answered), the median time to the first
    answer, agreements reached. The secretariat's."""
    require_curator(user)
    postings = Posting.objects.all()
    requests = DockingRequest.objects.all()
    if since:
        postings, requests = (
            postings.filter(created_at__gte=since),
            requests.filter(created_at__gte=since),
        )
    if until:
        postings, requests = (
            postings.filter(created_at__lt=until),
            requests.filter(created_at__lt=until),
        )
    stats = DockingStats()
    rows = list(
        postings.values_list(
            "kind",
            "status",
            "visibility",
            "owner_park_id",
            "owner_park__name",
            "owner_organisation__park_id",
            "owner_organisation__park__name",
        )
    )
    stats.postings_total = len(rows)
    stats.postings_by_kind = dict(Counter(r[0] for r in rows))
    stats.postings_by_status = dict(Counter(r[1] for r in rows))
    by_park: Counter[tuple[Any, str]] = Counter()
    for _kind, _status, visibility, park_id, park_name, org_park_id, org_park_name in rows:
        if visibility == "anonymous":
            by_park[(ANONYMOUS_BUCKET, "")] += 1
        elif park_id:
            by_park[(park_id, park_name)] += 1
        else:  # an organisation's posting counts for the park that hosts it
            by_park[(org_park_id, org_park_name or "")] += 1
    stats.postings_by_park = [
        {
            "park_id": key if isinstance(key, int) else None,
            "park": name,
            "bucket": _bucket(key),
            "count": n,
        }
        for (key, name), n in sorted(by_park.items(), key=lambda kv: (-kv[1], str(kv[0][0])))
    ]
    request_rows = list(
        requests.values_list("status", "answered_at", "accepted_at", "created_at", "project_id")
    )
    stats.requests_total = len(request_rows)
    answered = [r for r in request_rows if r[1] is not None]
    stats.requests_answered = len(answered)
    stats.requests_accepted = sum(
        1 for r in answered if r[0] in ACCEPTED_OR_LATER or r[2] is not None
    )
    stats.acceptance_rate = (
        round(stats.requests_accepted / stats.requests_answered, 4) if answered else None
    )
    hours = [(r[1] - r[3]).total_seconds() / 3600 for r in answered if r[1] is not None]
    stats.median_hours_to_first_answer = round(statistics.median(hours), 2) if hours else None
    stats.agreements = sum(1 for r in request_rows if r[0] == RequestStatus.AGREED)
    stats.projects_created = sum(1 for r in request_rows if r[4] is not None)
    return stats


def _bucket(key: Any) -> str:
    if key == ANONYMOUS_BUCKET:
        return "anonymous"
    return "park" if key else "no_park"


def stats_postings_rows(user: Any) -> QuerySet[Posting]:
    """Every posting, for the export (owner shown only when not anonymous)."""
    require_curator(user)
    return (
        Posting.objects.select_related("owner_park", "owner_organisation", "region")
        .prefetch_related("requests")
        .order_by("id")
    )

"""One search box across the platform: fans out to each app's own selector, so every source
applies its own permissions (an item a user may not see never appears, an anonymous posting
never names its owner).

Chinese matches by substring everywhere; pinyin (full or initials) through the network's
search keys for parks and organisations, and for the titles of projects, postings, meetings and
agenda items by comparing with their pinyin here (those tables carry no search key; the
candidate rows are bounded and come from the same permission-filtered selector). Postings are
first searched with the docking search (Chinese words, English, synonyms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import Q, QuerySet

from backend.accounts.access import require_reader
from backend.alliance.access import require_alliance_reader
from backend.alliance.models import AgendaItem, ItemStatus, MeetingStatus
from backend.alliance.selectors import meeting_list
from backend.core.errors import PermissionDenied
from backend.core.lib.pinyin import search_key
from backend.docking.selectors import PostingFilters, posting_list_for_user
from backend.matching.selectors import project_list_for_user
from backend.network.selectors import search_entities

KINDS = ("park", "organisation", "project", "posting", "meeting", "agenda_item")
MAX_QUERY_LENGTH = 50
# Rows of a table without a search key whose titles are compared with a pinyin query.
PINYIN_CANDIDATES = 300
_LATIN = re.compile(r"^[a-z0-9 ]+$")
_NOT_ORGANISATIONS = frozenset({"Park", "City", "Zone", "Industry"})


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    subtitle: str
    link: str


def _zh_en(display: str, english: bool) -> str:
    """Model choices read "中文 English": the half in the reader's language."""
    zh, _, en = display.partition(" ")
    return (en or zh) if english else zh


# Titles repeat from one keystroke to the next; their pinyin need not be recomputed.
_title_key = lru_cache(maxsize=4096)(search_key)


def _add_pinyin_hits(
    found: list[Any], rows: QuerySet[Any], q: str, *, field: str = "title", limit: int
) -> list[Any]:
    """`found` topped up to `limit` with rows whose title's pinyin (full or initials) holds
    every word of a Latin query; a query with Chinese in it is left to the direct match."""
    if len(found) >= limit or not _LATIN.match(q):
        return found
    seen = {row.pk for row in found}
    terms = q.split()
    for row in rows.exclude(pk__in=seen)[:PINYIN_CANDIDATES]:
        key = _title_key(getattr(row, field))
        if all(term in key for term in terms):
            found.append(row)
            if len(found) >= limit:
                break
    return found


def _title_hits(rows: QuerySet[Any], q: str, *, field: str = "title", limit: int) -> list[Any]:
    """Rows whose title holds the query, or (a Latin query) whose title's pinyin does."""
    direct = list(rows.filter(**{f"{field}__icontains": q})[:limit])
    return _add_pinyin_hits(direct, rows, q, field=field, limit=limit)


def _network(user: Any, q: str, limit: int) -> list[SearchHit]:
    require_reader(user)
    hits: list[SearchHit] = []
    for hit in search_entities(q, limit=limit * 4):
        if hit["label"] == "Park":
            kind, link = "park", f"/parks/{hit['id']}"
        elif hit["label"] not in _NOT_ORGANISATIONS:
            kind, link = "organisation", f"/organisations/{hit['id']}"
        else:
            continue
        hits.append(SearchHit(kind, hit["id"], hit["name"], hit["subtitle"], link))
    parks = [h for h in hits if h.kind == "park"][:limit]
    organisations = [h for h in hits if h.kind == "organisation"][:limit]
    return parks + organisations


def _projects(user: Any, q: str, limit: int, english: bool) -> list[SearchHit]:
    rows = project_list_for_user(user)
    return [
        SearchHit(
            "project",
            p.pk,
            p.title,
            " · ".join(filter(None, [p.park.name, _zh_en(p.get_status_display(), english)])),
            f"/matching/projects/{p.pk}",
        )
        for p in _title_hits(rows, q, limit=limit)
    ]


def _postings(user: Any, q: str, limit: int, english: bool) -> list[SearchHit]:
    # The owner is never part of a hit: an anonymous posting must not reveal it, and a
    # uniform shape keeps it that way.
    direct = list(posting_list_for_user(user, PostingFilters(q=q))[:limit])
    # Pinyin candidates: every posting this user may see, newest first, without the industry
    # tags the hit does not show.
    visible = posting_list_for_user(user, PostingFilters()).prefetch_related(None)
    rows = _add_pinyin_hits(direct, visible, q, limit=limit)
    return [
        SearchHit(
            "posting",
            p.pk,
            p.title,
            _zh_en(p.get_kind_display(), english),
            f"/docking/postings/{p.pk}",
        )
        for p in rows
    ]


def _meetings(user: Any, q: str, limit: int) -> list[SearchHit]:
    rows = meeting_list(user=user)
    return [
        SearchHit(
            "meeting",
            m.pk,
            m.title,
            m.starts_at.date().isoformat() if m.starts_at else "",
            f"/alliance/meetings/{m.pk}",
        )
        for m in _title_hits(rows, q, limit=limit)
    ]


def visible_agenda_items(user: Any) -> QuerySet[AgendaItem]:
    """Agenda items across meetings with the per-meeting rule of the alliance selectors:
    curators all; member staff their own park's items and the accepted items of meetings
    already announced."""
    park_id = require_alliance_reader(user)
    rows = AgendaItem.objects.select_related("meeting", "park")
    if park_id is None:
        return rows.order_by("-id")
    visible = Q(park_id=park_id) | (
        Q(status=ItemStatus.ACCEPTED) & ~Q(meeting__status=MeetingStatus.DRAFT)
    )
    return rows.filter(visible).order_by("-id")


def _agenda_items(user: Any, q: str, limit: int) -> list[SearchHit]:
    return [
        SearchHit(
            "agenda_item",
            item.pk,
            item.title,
            " · ".join(filter(None, [item.meeting.title, item.park.name if item.park else ""])),
            f"/alliance/meetings/{item.meeting_id}",
        )
        for item in _title_hits(visible_agenda_items(user), q, limit=limit)
    ]


def global_search(*, user: Any, q: str, limit: int = 5, english: bool = False) -> list[SearchHit]:
    """Up to `limit` hits of each kind the user may see, grouped in KINDS order. A source the
    user has no access to at all (e.g. the alliance for an organisation user) is skipped."""
    require_reader(user)
    q = q.strip().lower()[:MAX_QUERY_LENGTH]
    if not q:
        return []
    sources = (
        lambda: _network(user, q, limit),
        lambda: _projects(user, q, limit, english),
        lambda: _postings(user, q, limit, english),
        lambda: _meetings(user, q, limit),
        lambda: _agenda_items(user, q, limit),
    )
    hits: list[SearchHit] = []
    for source in sources:
        try:
            hits += source()
        except PermissionDenied:
            continue
    return hits

"""Reads of the alliance, already filtered by what the user may see (access.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, DateTimeField, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from backend.accounts.access import user_is_curator
from backend.alliance.access import member_park_id, require_alliance_reader
from backend.alliance.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AllianceMember,
    Attendance,
    CalendarFeed,
    Decision,
    ItemFile,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
)
from backend.alliance.ordering import time_slots
from backend.core.errors import NotFound

# A joint-investment project open or under negotiation with no status change for this long is
# suggested for the next meeting.
STALLED_PROJECT_DAYS = 60
OPEN_DOCKING_DAYS = 30


def member_list() -> QuerySet[AllianceMember]:
    return AllianceMember.objects.select_related("park", "park__city").order_by("role", "park_id")


def meeting_list(*, user: Any, status: str | None = None) -> QuerySet[Meeting]:
    """Every meeting for alliance readers (members see drafts as calls for items; what is on
    a draft's agenda stays hidden until it is announced)."""
    require_alliance_reader(user)
    rows = Meeting.objects.select_related("host_park").annotate(
        accepted_count=Count("items", filter=Q(items__status=ItemStatus.ACCEPTED))
    )
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-starts_at", "-id")


def _visible_items(user: Any, meeting: Meeting) -> QuerySet[AgendaItem]:
    park_id = require_alliance_reader(user)
    rows = (
        AgendaItem.objects.filter(meeting=meeting).select_related("park").prefetch_related("files")
    )
    if park_id is None:
        return rows
    visible = Q(park_id=park_id)
    if meeting.status != MeetingStatus.DRAFT:
        visible |= Q(status=ItemStatus.ACCEPTED)
    return rows.filter(visible)


def item_file(*, item: AgendaItem, file_id: int) -> ItemFile:
    """An attachment of an item the caller already may see (access_item_for_user)."""
    row = ItemFile.objects.filter(item=item, pk=file_id).first()
    if row is None:
        raise NotFound()
    return row


def item_list(*, user: Any, meeting: Meeting, status: str | None = None) -> QuerySet[AgendaItem]:
    rows = _visible_items(user, meeting)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status", "position", "id")


@dataclass(frozen=True)
class AgendaEntry:
    item: AgendaItem
    starts_at: datetime
    ends_at: datetime
    number: str


def agenda(*, user: Any, meeting: Meeting) -> list[AgendaEntry]:
    """The accepted items in order with their time slots and numbers (1, 1.1, 2 …). Members
    see it once the meeting is announced; before that only the secretariat does."""
    park_id = require_alliance_reader(user)
    if park_id is not None and meeting.status == MeetingStatus.DRAFT:
        return []
    items = list(
        AgendaItem.objects.filter(meeting=meeting, status=ItemStatus.ACCEPTED)
        .select_related("park")
        .prefetch_related(
            "files",
            Prefetch("decisions", queryset=Decision.objects.prefetch_related("votes", "actions")),
        )
        .order_by("position", "id")
    )
    slots = time_slots(meeting.starts_at, [i.requested_minutes for i in items])
    entries = []
    top = sub = 0
    for item, (start, end) in zip(items, slots, strict=True):
        if item.parent_id is None:
            top, sub = top + 1, 0
            number = str(top)
        else:
            sub += 1
            number = f"{top}.{sub}"
        entries.append(AgendaEntry(item, start, end, number))
    return entries


def attendance_list(*, user: Any, meeting: Meeting) -> QuerySet[Attendance]:
    require_alliance_reader(user)
    return Attendance.objects.filter(meeting=meeting).select_related("park").order_by("park_id")


def decision_list(*, user: Any, meeting: Meeting) -> QuerySet[Decision]:
    park_id = require_alliance_reader(user)
    rows = Decision.objects.filter(item__meeting=meeting).prefetch_related("votes", "actions")
    if park_id is not None and meeting.status == MeetingStatus.DRAFT:
        return rows.none()
    return rows.order_by("id")


def action_list(
    *,
    user: Any,
    park_id: int | None = None,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool | None = None,
    meeting_id: int | None = None,
) -> QuerySet[ActionItem]:
    """Action items across meetings; everyone in the alliance follows them."""
    require_alliance_reader(user)
    rows = ActionItem.objects.select_related("owner_park", "meeting", "decision__item")
    if park_id is not None:
        rows = rows.filter(owner_park_id=park_id)
    if unit:
        rows = rows.filter(owner_unit=unit)
    if status:
        rows = rows.filter(status=status)
    if meeting_id is not None:
        rows = rows.filter(meeting_id=meeting_id)
    if overdue is not None:
        late = Q(deadline__lt=timezone.localdate()) & ~Q(status=ActionStatus.DONE)
        rows = rows.filter(late) if overdue else rows.exclude(late)
    return rows.order_by("deadline", "id")


@dataclass(frozen=True)
class UnitLoad:
    unit: str
    park_id: int | None
    open: int
    in_progress: int
    done: int
    overdue: int


def action_dashboard(*, user: Any) -> list[UnitLoad]:
    """Per responsible unit: how many action items are open, in progress, done, overdue."""
    require_alliance_reader(user)
    today = timezone.localdate()
    counts = (
        ActionItem.objects.values("owner_park_id", "owner_park__name", "owner_unit")
        .annotate(
            open=Count("id", filter=Q(status=ActionStatus.OPEN)),
            in_progress=Count("id", filter=Q(status=ActionStatus.IN_PROGRESS)),
            done=Count("id", filter=Q(status=ActionStatus.DONE)),
            overdue=Count("id", filter=Q(deadline__lt=today) & ~Q(status=ActionStatus.DONE)),
        )
        .order_by("-overdue", "owner_park__name", "owner_unit")
    )
    return [
        UnitLoad(
            unit=" · ".join(p for p in (row["owner_park__name"], row["owner_unit"]) if p),
            park_id=row["owner_park_id"],
            open=row["open"],
            in_progress=row["in_progress"],
            done=row["done"],
            overdue=row["overdue"],
        )
        for row in counts
    ]


@dataclass(frozen=True)
class Suggestion:
    source: str  # "overdue_action" | "earlier_decision" | "stalled_project" | "open_docking"
    title: str
    detail: str
    ref: int
    park_id: int | None
    days: int | None = None  # stalled_project / open_docking: days since the last change
    linked_uids: tuple[str, ...] = ()  # graph entities an agenda item made from it links


def suggestions(
    *,
    user: Any,
    meeting: Meeting,
    stalled_days: int = STALLED_PROJECT_DAYS,
    docking_days: int = OPEN_DOCKING_DAYS,
) -> list[Suggestion]:
    """What the secretariat may want on the agenda: overdue action items, joint-investment
    projects stalled (open or negotiating, no status change for `stalled_days`), and the
    standing section "status of earlier decisions" from open action items of earlier meetings,
    and docking requests still open with no step for `docking_days`."""
    require_alliance_reader(user)
    today = timezone.localdate()
    earlier = ActionItem.objects.filter(meeting__starts_at__lt=meeting.starts_at).select_related(
        "owner_park", "meeting"
    )
    found = []
    for action in earlier.filter(deadline__lt=today).exclude(status=ActionStatus.DONE):
        found.append(
            Suggestion(
                "overdue_action",
                action.text,
                f"{action.meeting.title} · {action.deadline}",
                action.pk,
                action.owner_park_id,
            )
        )
    found += stalled_projects(days=stalled_days)
    found += open_dockings(days=docking_days)
    for action in earlier.filter(deadline__gte=today).exclude(status=ActionStatus.DONE):
        found.append(
            Suggestion(
                "earlier_decision",
                action.text,
                f"{action.meeting.title} · {action.get_status_display().split()[0]}",
                action.pk,
                action.owner_park_id,
            )
        )
    return found


def stalled_projects(*, days: int = STALLED_PROJECT_DAYS, limit: int = 50) -> list[Suggestion]:
    """Open or negotiating joint-investment projects whose status last changed (or, never
    changed, that were created) more than `days` ago, longest stalled first. Read from the
    matching app's models; only the secretariat sees suggestions."""
    from backend.matching.models import Project, ProjectStatus

    now = timezone.now()
    rows = (
        Project.objects.filter(status__in=[ProjectStatus.OPEN, ProjectStatus.NEGOTIATING])
        .annotate(
            last_change=Coalesce(Max("history__at"), "created_at", output_field=DateTimeField())
        )
        .filter(last_change__lt=now - timedelta(days=days))
        .select_related("park")
        .order_by("last_change", "id")[:limit]
    )
    return [
        Suggestion(
            "stalled_project",
            project.title,
            f"{project.park.name} · {project.get_status_display().split()[0]}",
            project.pk,
            project.park_id,
            (now - project.last_change).days,
        )
        for project in rows
    ]


def open_dockings(*, days: int = OPEN_DOCKING_DAYS, limit: int = 50) -> list[Suggestion]:
    """Docking requests still requested, accepted or in talks whose status last changed (or
    that were made) more than `days` ago, longest waiting first: docking problems open for
    long. Only the secretariat sees suggestions, so an anonymous owner may be named."""
    from backend.docking.models import OPEN_REQUEST_STATUSES, DockingRequest

    now = timezone.now()
    rows = (
        DockingRequest.objects.filter(status__in=OPEN_REQUEST_STATUSES)
        .annotate(
            last_change=Coalesce(Max("history__at"), "created_at", output_field=DateTimeField())
        )
        .filter(last_change__lt=now - timedelta(days=days))
        .select_related(
            "posting__owner_park",
            "posting__owner_organisation",
            "requester_park",
            "requester_organisation",
        )
        .order_by("last_change", "id")[:limit]
    )
    found = []
    for request in rows:
        posting = request.posting
        owner = posting.owner_park or posting.owner_organisation
        requester = request.requester_park or request.requester_organisation
        parks = [p for p in (posting.owner_park, request.requester_park) if p is not None]
        found.append(
            Suggestion(
                "open_docking",
                posting.title,
                f"{requester} → {owner} · {request.get_status_display().split()[0]}",
                request.pk,
                parks[0].pk if parks else None,
                (now - request.last_change).days,
                (f"posting:{posting.pk}", *(f"park:{p.pk}" for p in parks)),
            )
        )
    return found


def minutes_list(*, user: Any, meeting: Meeting) -> QuerySet[Minutes]:
    require_alliance_reader(user)
    rows = meeting.minutes.prefetch_related("reviews").order_by("-version")
    if not user_is_curator(user) and meeting.status == MeetingStatus.DRAFT:
        return rows.none()
    return rows


def published_minutes(*, meeting: Meeting) -> Minutes | None:
    return meeting.minutes.filter(status=MinutesStatus.PUBLISHED).order_by("-version").first()


def calendar_meetings(*, user: Any, park_id: int | None = None) -> QuerySet[Meeting]:
    """Meetings for an iCal feed: announced and later (drafts are not yet on anyone's
    calendar); a park's feed only those its park is invited to."""
    require_alliance_reader(user)
    return _calendar_rows(park_id=park_id)


def _calendar_rows(*, park_id: int | None) -> QuerySet[Meeting]:
    since = timezone.now() - timedelta(days=365)
    rows = Meeting.objects.exclude(status=MeetingStatus.DRAFT).filter(starts_at__gte=since)
    if park_id is not None:
        rows = rows.filter(attendances__park_id=park_id)
    return rows.select_related("host_park").order_by("starts_at")


def calendar_feed_meetings(*, token: str) -> tuple[str, QuerySet[Meeting]]:
    """The calendar name and meetings behind a secret feed URL; 404 for a wrong token, and
    for a user or park that has since left the alliance (the URL reveals nothing)."""
    feed = CalendarFeed.objects.select_related("user", "park").filter(token=token).first()
    if feed is None:
        raise NotFound()
    park = feed.park
    if park is not None:
        if not AllianceMember.objects.filter(park_id=park.pk).exists():
            raise NotFound()
        return f"联席会议 · {park.name}", _calendar_rows(park_id=park.pk)
    user = feed.user
    if user_is_curator(user):
        return "联席会议 Joint meetings", _calendar_rows(park_id=None)
    park_id = member_park_id(user)
    if park_id is None:
        raise NotFound()
    return "联席会议", _calendar_rows(park_id=park_id)


def today() -> date:
    return timezone.localdate()

"""Writes of the alliance: meetings, agenda, decisions, votes, action items, minutes.

Each function is keyword-only, checks who may call it (through access.py), runs in one
transaction, and tells open screens after commit with small `{topic, ref}` room events
(meeting-<id> for the live meeting, park-<id> for a park's own items); what people must not
miss is a notification (backend.notifications.services.notify) in the same transaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from backend.accounts.access import user_is_curator
from backend.accounts.models import Role, User
from backend.alliance import minutes_text, uploads
from backend.alliance.access import (
    OWN_PARK_ONLY,
    require_attendance_writer,
    require_member_staff,
    require_secretariat,
)
from backend.alliance.access import require_alliance_reader as _require_alliance_reader
from backend.alliance.links import check_links
from backend.alliance.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Alliance,
    AllianceMember,
    Attendance,
    CalendarFeed,
    Choice,
    Decision,
    DecisionStatus,
    ItemFile,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MemberRole,
    Minutes,
    MinutesReview,
    MinutesStatus,
    Rsvp,
    Vote,
)
from backend.alliance.ordering import OrderInvalid, canonical_order
from backend.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.network.models import Park
from backend.notifications.kinds import NotificationKind
from backend.notifications.services import (
    notify,
    reminder_cancel,
    reminder_schedule,
    room_broadcast,
)

DEFAULT_ALLIANCE_NAME = "南京都市圈高新区发展联盟"
DEFAULT_ALLIANCE_NAME_EN = "Nanjing Metropolitan Circle High-tech Zone Development Alliance"
# Reminders go out this long before a deadline, and once the day after it.
ACTION_DUE_SOON = timedelta(days=3)
MEETING_REMINDER_BEFORE = timedelta(days=1)
REMINDER_HOUR = time(9, 0)

MEETING_CLOSED = Bilingual(
    zh="会议已结束，议程不能再修改。", en="The meeting is closed; its agenda can no longer change."
)
PAST_TIME = Bilingual(zh="时间不能早于现在。", en="The time cannot be in the past.")
PAST_DEADLINE = Bilingual(zh="期限不能早于今天。", en="A deadline cannot be in the past.")
STALE_ORDER = Bilingual(
    zh="议程顺序已被他人修改，请在当前顺序基础上重新调整。",
    en="Someone else changed the agenda order; adjust the current order instead.",
)
NO_QUORUM = Bilingual(
    zh="出席的成员园区不足法定人数，不能形成决议。",
    en="Too few member parks are present for a quorum; no decision can be recorded.",
)
ALREADY_VOTED = Bilingual(
    zh="本园区已对该决议投票，每个园区只能投一票。",
    en="Your park has already voted on this decision; one vote per park.",
)
NOT_VOTING = Bilingual(zh="该决议不在表决中。", en="This decision is not open for a vote.")
MINUTES_LOCKED = Bilingual(
    zh="纪要已发布并锁定，更正请生成新版本。",
    en="Published minutes are locked; make a new version to correct them.",
)


def _bad(zh: str, en: str, **detail: Any) -> ValidationFailed:
    return ValidationFailed(Bilingual(zh=zh, en=en), detail or None)


def _wrong_status(zh: str, en: str) -> Conflict:
    return Conflict(Bilingual(zh=zh, en=en))


# --- recipients and realtime ------------------------------------------------------------------


def _member_staff_ids(park_ids: Iterable[int] | None = None) -> list[int]:
    members = AllianceMember.objects.values_list("park_id", flat=True)
    rows = User.objects.filter(role=Role.PARK_STAFF, park_id__in=members, is_active=True)
    if park_ids is not None:
        rows = rows.filter(park_id__in=list(park_ids))
    return list(rows.values_list("pk", flat=True))


def _secretariat_ids() -> list[int]:
    return list(
        User.objects.filter(role__in=[Role.SECRETARIAT, Role.ADMIN], is_active=True).values_list(
            "pk", flat=True
        )
    )


def _to_meeting(meeting_id: int, topic: str, ref: int | None = None) -> None:
    room_broadcast(kind="meeting", room_id=meeting_id, topic=topic, ref=ref)


def _to_park(park_id: int | None, topic: str, ref: int | None = None) -> None:
    if park_id:
        room_broadcast(kind="park", room_id=park_id, topic=topic, ref=ref)


def _local_at(day: date, at: time = REMINDER_HOUR) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


# --- alliance and members ---------------------------------------------------------------------


def alliance_default() -> Alliance:
    alliance, _ = Alliance.objects.get_or_create(
        name=DEFAULT_ALLIANCE_NAME, defaults={"name_en": DEFAULT_ALLIANCE_NAME_EN}
    )
    return alliance


@transaction.atomic
def alliance_seed() -> int:
    """Make every park flagged `alliance_member` a member (idempotent). The first park becomes
    chair if the alliance has none. Returns how many memberships were added."""
    alliance = alliance_default()
    added = 0
    for park in Park.objects.filter(alliance_member=True).order_by("id"):
        _, created = AllianceMember.objects.get_or_create(
            park=park, defaults={"alliance": alliance}
        )
        added += int(created)
    if not alliance.members.filter(role=MemberRole.CHAIR).exists():
        first = alliance.members.order_by("id").first()
        if first is not None:
            first.role = MemberRole.CHAIR
            first.save(update_fields=["role"])
    return added


@transaction.atomic
def member_set(*, user: Any, park_id: int, role: str) -> AllianceMember:
    """Add a park to the alliance or change its role (secretariat)."""
    require_secretariat(user)
    park = Park.objects.filter(pk=park_id).first()
    if park is None:
        raise NotFound()
    member, _ = AllianceMember.objects.update_or_create(
        park=park, defaults={"alliance": alliance_default(), "role": role}
    )
    for meeting in Meeting.objects.exclude(status=MeetingStatus.CLOSED):
        Attendance.objects.get_or_create(meeting=meeting, park=park)
    return member


@transaction.atomic
def member_remove(*, user: Any, park_id: int) -> None:
    require_secretariat(user)
    deleted, _ = AllianceMember.objects.filter(park_id=park_id).delete()
    if not deleted:
        raise NotFound()


# --- meetings ---------------------------------------------------------------------------------


def _check_quorum_fraction(numerator: int, denominator: int) -> None:
    if denominator < 1 or numerator < 1 or numerator > denominator:
        raise _bad(
            "法定人数比例须在 0 与 1 之间（分子不大于分母）。",
            "The quorum must be a fraction between 0 and 1.",
            field="quorum",
        )


def _check_times(starts_at: datetime, ends_at: datetime | None) -> None:
    if starts_at < timezone.now():
        raise ValidationFailed(PAST_TIME, {"field": "starts_at"})
    if ends_at is not None and ends_at <= starts_at:
        raise _bad("结束时间须晚于开始时间。", "The end must be after the start.", field="ends_at")


def _member_park(park_id: int | None, field: str) -> Park | None:
    if park_id is None:
        return None
    park = Park.objects.filter(pk=park_id, alliance_membership__isnull=False).first()
    if park is None:
        raise _bad("该园区不是联盟成员。", "That park is not an alliance member.", field=field)
    return park


@transaction.atomic
def meeting_create(
    *,
    user: Any,
    title: str,
    starts_at: datetime,
    kind: str = "regular",
    ends_at: datetime | None = None,
    place: str = "",
    online_link: str = "",
    host_park_id: int | None = None,
    quorum_numerator: int = 2,
    quorum_denominator: int = 3,
) -> Meeting:
    """Call a meeting (draft); every member park is invited (one attendance row each)."""
    require_secretariat(user)
    _check_times(starts_at, ends_at)
    _check_quorum_fraction(quorum_numerator, quorum_denominator)
    meeting = Meeting.objects.create(
        alliance=alliance_default(),
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        host_park=_member_park(host_park_id, "host_park_id"),
        quorum_numerator=quorum_numerator,
        quorum_denominator=quorum_denominator,
        created_by=user,
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, park_id=park_id)
        for park_id in AllianceMember.objects.values_list("park_id", flat=True)
    )
    return meeting


def _locked_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _refuse_closed(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise Conflict(MEETING_CLOSED)


@transaction.atomic
def meeting_update(*, user: Any, meeting: Meeting, **fields: Any) -> Meeting:
    """Change time, place, link, host or quorum (secretariat; not once closed)."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    _refuse_closed(meeting)
    if "host_park_id" in fields:
        meeting.host_park = _member_park(fields.pop("host_park_id"), "host_park_id")
    for name, value in fields.items():
        setattr(meeting, name, value)
    if "starts_at" in fields or "ends_at" in fields:
        _check_times(meeting.starts_at, meeting.ends_at)
    _check_quorum_fraction(meeting.quorum_numerator, meeting.quorum_denominator)
    meeting.save()
    if meeting.status == MeetingStatus.ANNOUNCED:
        _schedule_meeting_reminder(meeting)
    _to_meeting(meeting.pk, "meeting.changed", meeting.pk)
    return meeting


def _schedule_meeting_reminder(meeting: Meeting) -> None:
    due = max(meeting.starts_at - MEETING_REMINDER_BEFORE, timezone.now())
    reminder_schedule(
        recipients=_member_staff_ids() + _secretariat_ids(),
        kind=NotificationKind.MEETING_REMINDER,
        title=Bilingual(zh=f"明日会议：{meeting.title}", en=f"Meeting tomorrow: {meeting.title}"),
        due_at=due,
        key=f"alliance-meeting-{meeting.pk}",
        link=f"/alliance/meetings/{meeting.pk}",
    )


@transaction.atomic
def meeting_announce(*, user: Any, meeting: Meeting) -> Meeting:
    """Publish the agenda (draft -> announced): member parks are notified and see it."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    if meeting.status != MeetingStatus.DRAFT:
        raise _wrong_status(
            "只有草稿状态的会议可以发布。", "Only a draft meeting can be announced."
        )
    meeting.status = MeetingStatus.ANNOUNCED
    meeting.save(update_fields=["status", "updated_at"])
    notify(
        recipients=_member_staff_ids(),
        kind=NotificationKind.AGENDA_PUBLISHED,
        title=Bilingual(zh=f"议程已发布：{meeting.title}", en=f"Agenda out: {meeting.title}"),
        link=f"/alliance/meetings/{meeting.pk}",
        key=f"alliance-meeting-{meeting.pk}-announced",
    )
    _schedule_meeting_reminder(meeting)
    _to_meeting(meeting.pk, "meeting.status", meeting.pk)
    return meeting


def _first_item_id(meeting: Meeting) -> int | None:
    return (
        meeting.items.filter(status=ItemStatus.ACCEPTED)
        .order_by("position", "id")
        .values_list("pk", flat=True)
        .first()
    )


@transaction.atomic
def meeting_start(*, user: Any, meeting: Meeting) -> Meeting:
    """Open the live meeting (announced -> in progress) at its first agenda item."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    if meeting.status != MeetingStatus.ANNOUNCED:
        raise _wrong_status("只有已发布的会议可以开始。", "Only an announced meeting can start.")
    meeting.status = MeetingStatus.IN_PROGRESS
    meeting.current_item_id = _first_item_id(meeting)
    meeting.save(update_fields=["status", "current_item", "updated_at"])
    _to_meeting(meeting.pk, "meeting.status", meeting.pk)
    return meeting


@transaction.atomic
def meeting_set_current_item(*, user: Any, meeting: Meeting, item_id: int | None) -> Meeting:
    """Move the live meeting to an item (or to none); every attendee's screen follows."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise _wrong_status("会议未在进行中。", "The meeting is not in progress.")
    if (
        item_id is not None
        and not meeting.items.filter(pk=item_id, status=ItemStatus.ACCEPTED).exists()
    ):
        raise _bad(
            "该议题不在本次会议的议程中。",
            "That item is not on this meeting's agenda.",
            field="item_id",
        )
    meeting.current_item_id = item_id
    meeting.save(update_fields=["current_item", "updated_at"])
    _to_meeting(meeting.pk, "agenda.item_advanced", item_id)
    return meeting


@transaction.atomic
def meeting_close(*, user: Any, meeting: Meeting) -> Meeting:
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise _wrong_status("只有进行中的会议可以结束。", "Only a meeting in progress can close.")
    meeting.status = MeetingStatus.CLOSED
    meeting.current_item_id = None
    meeting.save(update_fields=["status", "current_item", "updated_at"])
    reminder_cancel(key=f"alliance-meeting-{meeting.pk}")
    _to_meeting(meeting.pk, "meeting.status", meeting.pk)
    return meeting


@transaction.atomic
def attendance_update(
    *,
    user: Any,
    meeting: Meeting,
    park_id: int,
    present: bool | None = None,
    rsvp: str | None = None,
    delegates: str | None = None,
) -> Attendance:
    """The secretariat records presence and replies for any park; a member park replies and
    names its delegates for itself only."""
    own_park = require_attendance_writer(user, park_id)
    if own_park is not None and present is not None:
        raise PermissionDenied(
            Bilingual(zh="出席情况由秘书处登记。", en="The secretariat records who is present.")
        )
    meeting = _locked_meeting(meeting)
    _refuse_closed(meeting)
    attendance = (
        Attendance.objects.select_for_update().filter(meeting=meeting, park_id=park_id).first()
    )
    if attendance is None:
        if _member_park(park_id, "park_id") is None:  # pragma: no cover - raises
            raise NotFound()
        attendance = Attendance.objects.create(meeting=meeting, park_id=park_id)
    if present is not None:
        attendance.present = present
        if present and attendance.rsvp == Rsvp.PENDING:
            attendance.rsvp = Rsvp.ACCEPTED
    if rsvp is not None:
        attendance.rsvp = rsvp
    if delegates is not None:
        attendance.delegates = delegates
    attendance.save()
    _to_meeting(meeting.pk, "attendance.changed", park_id)
    return attendance


# --- agenda items -----------------------------------------------------------------------------


@transaction.atomic
def item_submit(
    *,
    user: Any,
    meeting: Meeting,
    kind: str,
    title: str,
    text: str = "",
    attachments: Sequence[dict[str, str]] = (),
    linked_uids: Sequence[str] = (),
    requested_minutes: int = 15,
    park_id: int | None = None,
) -> AgendaItem:
    """A member park submits an item for a meeting not yet closed; the secretariat may add
    one on a park's behalf (or for the alliance as a whole, with no park)."""
    own_park = _require_alliance_reader(user)
    if own_park is not None:
        park_id = own_park
    elif park_id is not None:
        _member_park(park_id, "park_id")
    linked = list(dict.fromkeys(linked_uids))
    check_links(user, linked)
    meeting = _locked_meeting(meeting)
    _refuse_closed(meeting)
    item = AgendaItem.objects.create(
        meeting=meeting,
        park_id=park_id,
        submitted_by=user,
        kind=kind,
        title=title,
        text=text,
        attachments=list(attachments),
        linked_uids=linked,
        requested_minutes=requested_minutes,
    )
    _to_meeting(meeting.pk, "agenda.changed", item.pk)
    return item


def _require_item_editor(user: Any, item: AgendaItem) -> None:
    """The secretariat, or staff of the park that submitted the item."""
    own_park = _require_alliance_reader(user)
    if own_park is not None and item.park_id != own_park:
        raise PermissionDenied(OWN_PARK_ONLY)


def _refuse_screened_for_park(user: Any, item: AgendaItem) -> None:
    """A submitting park changes its item only while it waits for screening."""
    if not user_is_curator(user) and item.status != ItemStatus.SUBMITTED:
        raise _wrong_status(
            "议题已审核，不能再修改；请联系秘书处。",
            "The item has been screened; ask the secretariat to change it.",
        )


@transaction.atomic
def item_update(*, user: Any, item: AgendaItem, **fields: Any) -> AgendaItem:
    """The submitting park edits its item while it waits for screening; the secretariat edits
    any item (presenter, minutes, text) until the meeting closes."""
    if "linked_uids" in fields:
        fields["linked_uids"] = list(dict.fromkeys(fields["linked_uids"]))
        check_links(user, fields["linked_uids"])
    meeting = _locked_meeting(item.meeting)
    _refuse_closed(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    _refuse_screened_for_park(user, item)
    if not user_is_curator(user):
        fields.pop("presenter", None)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    _to_meeting(meeting.pk, "agenda.changed", item.pk)
    return item


FILE_TYPE_REFUSED = Bilingual(
    zh="不支持的文件类型：只接受 PDF、Word（docx）、Excel（xlsx）、PowerPoint（pptx）、"
    "PNG 和 JPEG，且文件内容须与扩展名一致。",
    en="Unsupported file type: only PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), PNG and "
    "JPEG are accepted, and the content must match the file extension.",
)


def file_too_big(size: int) -> ValidationFailed:
    limit = uploads.MAX_BYTES // (1024 * 1024)
    return ValidationFailed(
        Bilingual(
            zh=f"文件过大：单个附件不能超过 {limit} MB。",
            en=f"The file is too large: an attachment can be at most {limit} MB.",
        ),
        {"field": "file", "max_bytes": uploads.MAX_BYTES, "size": size},
    )


@transaction.atomic
def item_file_add(*, user: Any, item: AgendaItem, upload: Any) -> ItemFile:
    """Attach a file to an item (who may edit the item, while they may). The type is sniffed
    from the content against an allow-list and must match the name's extension."""
    _require_item_editor(user, item)
    size = int(upload.size or 0)
    if size > uploads.MAX_BYTES:
        raise file_too_big(size)
    if size == 0:
        raise _bad("文件为空。", "The file is empty.", field="file")
    kind = uploads.sniff(upload)
    name = uploads.clean_name(str(upload.name or ""))
    if kind is None or uploads.extension_of(name) not in kind.extensions:
        raise ValidationFailed(
            FILE_TYPE_REFUSED, {"field": "file", "allowed": list(uploads.ALLOWED_EXTENSIONS)}
        )
    meeting = _locked_meeting(item.meeting)
    _refuse_closed(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    _refuse_screened_for_park(user, item)
    if item.files.count() >= uploads.MAX_FILES_PER_ITEM:
        raise _bad(
            f"每个议题最多 {uploads.MAX_FILES_PER_ITEM} 个附件。",
            f"An item can have at most {uploads.MAX_FILES_PER_ITEM} attachments.",
            field="file",
        )
    row = ItemFile(
        item=item, name=name, content_type=kind.content_type, size=size, uploaded_by=user
    )
    row.file.save(f"upload{kind.extension}", File(upload), save=False)
    try:
        row.save()
    except Exception:
        row.file.storage.delete(row.file.name)  # no row, no file
        raise
    _to_meeting(meeting.pk, "agenda.changed", item.pk)
    return row


@transaction.atomic
def item_file_remove(*, user: Any, item: AgendaItem, file_id: int) -> None:
    _require_item_editor(user, item)
    meeting = _locked_meeting(item.meeting)
    _refuse_closed(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    _refuse_screened_for_park(user, item)
    row = item.files.filter(pk=file_id).first()
    if row is None:
        raise NotFound()
    name = row.file.name
    row.delete()
    # Deferred copies share the stored file; it goes once no row names it.
    if not ItemFile.objects.filter(file=name).exists():
        storage = row.file.storage
        transaction.on_commit(lambda: storage.delete(name))
    _to_meeting(meeting.pk, "agenda.changed", item.pk)


def _triage_notice(item: AgendaItem, zh: str, en: str) -> None:
    if item.park_id is None:
        return
    notify(
        recipients=_member_staff_ids([item.park_id]),
        kind=NotificationKind.AGENDA_ITEM_TRIAGED,
        title=Bilingual(zh=f"议题「{item.title}」{zh}", en=f"Item “{item.title}” {en}"),
        body=Bilingual(zh=item.reason, en=item.reason) if item.reason else None,
        link=f"/alliance/items/{item.pk}",
    )
    _to_park(item.park_id, "agenda.item_status", item.pk)


def _take_off_agenda(meeting: Meeting, item: AgendaItem) -> None:
    """An accepted item leaves the agenda: its sub-items move up, the order's version moves."""
    if item.status == ItemStatus.ACCEPTED:
        item.children.update(parent=None)
        meeting.agenda_version += 1
        if meeting.current_item_id == item.pk:
            meeting.current_item_id = None
        meeting.save(update_fields=["agenda_version", "current_item", "updated_at"])
    item.parent = None


@transaction.atomic
def item_triage(
    *,
    user: Any,
    item: AgendaItem,
    action: str,
    reason: str = "",
    into_id: int | None = None,
    to_meeting_id: int | None = None,
    presenter: str | None = None,
) -> AgendaItem:
    """Screen an item (secretariat): accept (to the end of the agenda), reject with a reason,
    merge into another item of the meeting, or defer to a later meeting (a copy is submitted
    there). The submitting park is notified and its open screens refresh."""
    require_secretariat(user)
    meeting = _locked_meeting(item.meeting)
    _refuse_closed(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if presenter is not None:
        item.presenter = presenter
    if action == "accept":
        if item.status == ItemStatus.ACCEPTED:
            raise _wrong_status("议题已列入议程。", "The item is already on the agenda.")
        last = meeting.items.filter(status=ItemStatus.ACCEPTED).aggregate(m=Max("position"))["m"]
        item.status, item.reason = ItemStatus.ACCEPTED, ""
        item.position = 0 if last is None else last + 1
        meeting.agenda_version += 1
        meeting.save(update_fields=["agenda_version", "updated_at"])
        item.save()
        _triage_notice(item, "已列入议程", "is on the agenda")
    elif action == "reject":
        if not reason.strip():
            raise _bad("不列入议程时须说明理由。", "Give a reason for rejecting.", field="reason")
        _take_off_agenda(meeting, item)
        item.status, item.reason = ItemStatus.REJECTED, reason.strip()
        item.save()
        _triage_notice(item, "未列入议程", "was not put on the agenda")
    elif action == "merge":
        target = meeting.items.filter(pk=into_id).exclude(pk=item.pk).first() if into_id else None
        if target is None or target.status in (
            ItemStatus.MERGED,
            ItemStatus.REJECTED,
            ItemStatus.DEFERRED,
        ):
            raise _bad(
                "须合并到本次会议中另一个有效议题。",
                "Merge into another live item of the same meeting.",
                field="into_id",
            )
        _take_off_agenda(meeting, item)
        item.status, item.merged_into, item.reason = ItemStatus.MERGED, target, reason.strip()
        item.save()
        target.linked_uids = list(dict.fromkeys([*target.linked_uids, *item.linked_uids]))
        target.save(update_fields=["linked_uids", "updated_at"])
        _triage_notice(item, f"已并入「{target.title}」", f"was merged into “{target.title}”")
    elif action == "defer":
        later = (
            Meeting.objects.filter(pk=to_meeting_id or 0)
            .exclude(pk=meeting.pk)
            .exclude(status__in=[MeetingStatus.CLOSED, MeetingStatus.IN_PROGRESS])
            .first()
        )
        if later is None:
            raise _bad(
                "须延后到另一次尚未召开的会议。",
                "Defer to another meeting that has not started.",
                field="to_meeting_id",
            )
        _take_off_agenda(meeting, item)
        item.status, item.reason = ItemStatus.DEFERRED, reason.strip()
        item.save()
        copy = AgendaItem.objects.create(
            meeting=later,
            park_id=item.park_id,
            submitted_by=item.submitted_by,
            kind=item.kind,
            title=item.title,
            text=item.text,
            attachments=item.attachments,
            linked_uids=item.linked_uids,
            requested_minutes=item.requested_minutes,
            presenter=item.presenter,
            deferred_from=item,
        )
        ItemFile.objects.bulk_create(
            ItemFile(
                item=copy,
                file=f.file.name,
                name=f.name,
                content_type=f.content_type,
                size=f.size,
                uploaded_by=f.uploaded_by,
            )
            for f in item.files.all()
        )
        _triage_notice(item, f"已延后至「{later.title}」", f"was deferred to “{later.title}”")
        _to_meeting(later.pk, "agenda.changed", None)
    else:
        raise _bad("未知的审核操作。", "Unknown screening action.", field="action")
    _to_meeting(meeting.pk, "agenda.changed", item.pk)
    return item


def agenda_order_of(meeting: Meeting) -> list[dict[str, int | None]]:
    return [
        {"id": pk, "parent_id": parent}
        for pk, parent in meeting.items.filter(status=ItemStatus.ACCEPTED)
        .order_by("position", "id")
        .values_list("pk", "parent_id")
    ]


ORDER_MESSAGES = {
    "duplicate": ("议程中有重复的议题。", "An item appears twice in the order."),
    "missing": ("议程须包含所有已列入的议题。", "The order must list every accepted item."),
    "unknown": ("议程中有未列入本次会议的议题。", "The order names items not on this agenda."),
    "bad_parent": ("上级议题须是本议程中的另一个议题。", "A parent must be another agenda item."),
    "too_deep": ("子议题只能有一层。", "Sub-items can only be one level deep."),
}


@transaction.atomic
def agenda_reorder(
    *, user: Any, meeting: Meeting, version: int, order: Sequence[tuple[int, int | None]]
) -> Meeting:
    """Set the agenda's order and nesting (secretariat). `version` is the agenda version the
    editor saw; if another editor saved since, 409 with the current order and version."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    _refuse_closed(meeting)
    if version != meeting.agenda_version:
        raise Conflict(
            STALE_ORDER,
            {"version": meeting.agenda_version, "order": agenda_order_of(meeting)},
        )
    accepted = list(meeting.items.filter(status=ItemStatus.ACCEPTED).values_list("pk", flat=True))
    try:
        placed = canonical_order(order, accepted)
    except OrderInvalid as error:
        zh, en = ORDER_MESSAGES[error.code]
        raise ValidationFailed(Bilingual(zh=zh, en=en), {"ids": error.ids}) from None
    items = {i.pk: i for i in meeting.items.filter(pk__in=accepted)}
    for p in placed:
        items[p.item_id].position, items[p.item_id].parent_id = p.position, p.parent_id
    AgendaItem.objects.bulk_update(items.values(), ["position", "parent"])
    meeting.agenda_version += 1
    meeting.save(update_fields=["agenda_version", "updated_at"])
    _to_meeting(meeting.pk, "agenda.changed", None)
    return meeting


# --- decisions and votes ----------------------------------------------------------------------


def quorum_state(meeting: Meeting) -> tuple[int, int, bool]:
    """(member parks present, member parks, whether that is a quorum)."""
    members = AllianceMember.objects.count()
    present = meeting.attendances.filter(
        present=True, park__alliance_membership__isnull=False
    ).count()
    # present / members >= numerator / denominator, in integers.
    has = members > 0 and present * meeting.quorum_denominator >= members * meeting.quorum_numerator
    return present, members, has


def _clean_actions(actions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    today = timezone.localdate()
    member_parks = set(AllianceMember.objects.values_list("park_id", flat=True))
    cleaned = []
    for index, action in enumerate(actions):
        deadline = action["deadline"]
        if isinstance(deadline, str):
            deadline = date.fromisoformat(deadline)
        if deadline < today:
            raise ValidationFailed(PAST_DEADLINE, {"field": f"actions[{index}].deadline"})
        park_id = action.get("owner_park_id")
        unit = (action.get("owner_unit") or "").strip()
        if park_id is None and not unit:
            raise _bad(
                "每项督办事项须有责任单位（成员园区或部门）。",
                "Each action item needs a responsible unit (a member park or a department).",
                field=f"actions[{index}]",
            )
        if park_id is not None and park_id not in member_parks:
            raise _bad(
                "责任园区须是联盟成员。",
                "A responsible park must be an alliance member.",
                field=f"actions[{index}].owner_park_id",
            )
        cleaned.append(
            {
                "text": action["text"],
                "deadline": deadline.isoformat(),
                "owner_park_id": park_id,
                "owner_unit": unit,
            }
        )
    return cleaned


def _create_actions(decision: Decision, actions: Sequence[dict[str, Any]]) -> list[ActionItem]:
    created = []
    for action in actions:
        row = ActionItem.objects.create(
            decision=decision,
            meeting=decision.item.meeting,
            owner_park_id=action["owner_park_id"],
            owner_unit=action["owner_unit"],
            text=action["text"],
            deadline=date.fromisoformat(action["deadline"]),
        )
        _schedule_action_reminders(row)
        created.append(row)
    return created


def _schedule_action_reminders(action: ActionItem) -> None:
    owners = _member_staff_ids([action.owner_park_id]) if action.owner_park_id else []
    link = f"/alliance/actions/{action.pk}"
    soon = max(_local_at(action.deadline) - ACTION_DUE_SOON, timezone.now())
    if owners:
        reminder_schedule(
            recipients=owners,
            kind=NotificationKind.ACTION_ITEM_DUE,
            title=Bilingual(
                zh=f"督办事项将于 {action.deadline} 到期：{action.text}",
                en=f"Action item due on {action.deadline}: {action.text}",
            ),
            due_at=soon,
            key=f"alliance-action-{action.pk}-soon",
            link=link,
        )
    reminder_schedule(
        recipients=owners + _secretariat_ids(),
        kind=NotificationKind.ACTION_ITEM_DUE,
        title=Bilingual(
            zh=f"督办事项已逾期：{action.text}", en=f"Action item overdue: {action.text}"
        ),
        due_at=_local_at(action.deadline + timedelta(days=1)),
        key=f"alliance-action-{action.pk}-overdue",
        link=link,
    )


def _cancel_action_reminders(action: ActionItem) -> None:
    reminder_cancel(key=f"alliance-action-{action.pk}-soon")
    reminder_cancel(key=f"alliance-action-{action.pk}-overdue")


@transaction.atomic
def decision_record(
    *,
    user: Any,
    item: AgendaItem,
    text: str,
    vote: bool = False,
    actions: Sequence[dict[str, Any]] = (),
) -> Decision:
    """Record a decision on an agenda item during the meeting (secretariat), once a quorum of
    member parks is present. Without a vote its action items are created at once; with a
    vote they wait until the vote passes."""
    require_secretariat(user)
    meeting = _locked_meeting(item.meeting)
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise _wrong_status(
            "只能在会议进行中形成决议。", "Decisions are recorded while the meeting is in progress."
        )
    if item.status != ItemStatus.ACCEPTED:
        raise _bad("议题不在议程中。", "The item is not on the agenda.", field="item")
    present, members, has_quorum = quorum_state(meeting)
    if not has_quorum:
        raise Conflict(
            NO_QUORUM,
            {
                "present": present,
                "members": members,
                "quorum": f"{meeting.quorum_numerator}/{meeting.quorum_denominator}",
            },
        )
    cleaned = _clean_actions(actions)
    decision = Decision.objects.create(
        item=item,
        text=text,
        status=DecisionStatus.VOTING if vote else DecisionStatus.RECORDED,
        present_parks=present,
        member_parks=members,
        created_by=user,
        pending_actions=cleaned if vote else [],
    )
    if not vote:
        _create_actions(decision, cleaned)
    _to_meeting(meeting.pk, "decision.changed", decision.pk)
    return decision


@transaction.atomic
def vote_cast(*, user: Any, decision: Decision, choice: str) -> Vote:
    """One vote per member park (agree / oppose / abstain), by its staff, while voting."""
    park_id = require_member_staff(user)
    decision = (
        Decision.objects.select_for_update().select_related("item__meeting").get(pk=decision.pk)
    )
    if decision.status != DecisionStatus.VOTING:
        raise Conflict(NOT_VOTING)
    if choice not in Choice.values:
        raise _bad(
            "表决意见须为同意、反对或弃权。", "Vote agree, oppose or abstain.", field="choice"
        )
    if Vote.objects.filter(decision=decision, park_id=park_id).exists():
        raise Conflict(ALREADY_VOTED)
    try:
        with transaction.atomic():
            row = Vote.objects.create(
                decision=decision, park_id=park_id, choice=choice, cast_by=user
            )
    except IntegrityError:  # pragma: no cover - the row lock above makes this a backstop
        raise Conflict(ALREADY_VOTED) from None
    _to_meeting(decision.item.meeting_id, "decision.changed", decision.pk)
    return row


@transaction.atomic
def decision_close_vote(*, user: Any, decision: Decision) -> Decision:
    """Close the vote (secretariat): passed when more member parks agree than oppose; a passed
    decision's action items are created."""
    require_secretariat(user)
    decision = (
        Decision.objects.select_for_update().select_related("item__meeting").get(pk=decision.pk)
    )
    if decision.status != DecisionStatus.VOTING:
        raise Conflict(NOT_VOTING)
    agree = decision.votes.filter(choice=Choice.AGREE).count()
    oppose = decision.votes.filter(choice=Choice.OPPOSE).count()
    decision.status = DecisionStatus.PASSED if agree > oppose else DecisionStatus.REJECTED
    actions, decision.pending_actions = decision.pending_actions, []
    decision.save(update_fields=["status", "pending_actions"])
    if decision.status == DecisionStatus.PASSED:
        _create_actions(decision, actions)
    _to_meeting(decision.item.meeting_id, "decision.changed", decision.pk)
    return decision


# --- action items -----------------------------------------------------------------------------


@transaction.atomic
def action_progress_add(
    *,
    user: Any,
    action: ActionItem,
    text: str,
    status: str,
    evidence_url: str = "",
) -> ActionUpdate:
    """A progress update with optional evidence: the owner park's staff or the secretariat.
    Done cancels the reminders; reopening schedules them again."""
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    update = ActionUpdate.objects.create(
        action=action, author=user, text=text, evidence_url=evidence_url, status=status
    )
    was_done = action.status == ActionStatus.DONE
    action.status = status
    action.done_at = timezone.now() if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "done_at", "updated_at"])
    if status == ActionStatus.DONE:
        _cancel_action_reminders(action)
    elif was_done:
        _schedule_action_reminders(action)
    _to_park(action.owner_park_id, "action_item.changed", action.pk)
    return update


@transaction.atomic
def action_update(
    *,
    user: Any,
    action: ActionItem,
    deadline: date | None = None,
    text: str | None = None,
    owner_park_id: int | None = None,
    owner_unit: str | None = None,
) -> ActionItem:
    """Change an action item's deadline, text or owner (secretariat)."""
    require_secretariat(user)
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if deadline is not None:
        if deadline < timezone.localdate():
            raise ValidationFailed(PAST_DEADLINE, {"field": "deadline"})
        action.deadline = deadline
    if text is not None:
        action.text = text
    if owner_park_id is not None:
        _member_park(owner_park_id, "owner_park_id")
        action.owner_park_id = owner_park_id
    if owner_unit is not None:
        action.owner_unit = owner_unit.strip()
    if action.owner_park_id is None and not action.owner_unit:
        raise _bad("须有责任单位。", "A responsible unit is required.", field="owner_unit")
    action.save()
    _cancel_action_reminders(action)
    if action.status != ActionStatus.DONE:
        _schedule_action_reminders(action)
    _to_park(action.owner_park_id, "action_item.changed", action.pk)
    return action


# --- minutes ----------------------------------------------------------------------------------


@transaction.atomic
def minutes_draft(*, user: Any, meeting: Meeting) -> Minutes:
    """Draft the minutes from the agenda and decisions (secretariat). Rewrites the open draft,
    or after a published version starts the next version (a correction)."""
    require_secretariat(user)
    meeting = _locked_meeting(meeting)
    if meeting.status not in (MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED):
        raise _wrong_status(
            "会议开始后才能起草纪要。", "Minutes can be drafted once the meeting has started."
        )
    body = minutes_text.draft_body(meeting)
    latest = meeting.minutes.order_by("-version").first()
    if latest is not None and latest.status == MinutesStatus.DRAFT:
        latest.body = body
        latest.save(update_fields=["body"])
        return latest
    return Minutes.objects.create(
        meeting=meeting,
        version=1 if latest is None else latest.version + 1,
        body=body,
        created_by=user,
    )


@transaction.atomic
def minutes_edit(*, user: Any, minutes: Minutes, body: str) -> Minutes:
    require_secretariat(user)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != MinutesStatus.DRAFT:
        raise Conflict(MINUTES_LOCKED)
    minutes.body = body
    minutes.save(update_fields=["body"])
    return minutes


@transaction.atomic
def minutes_review_add(*, user: Any, minutes: Minutes, text: str) -> MinutesReview:
    """An attendee comments on a draft (member-park staff or the secretariat)."""
    park_id = _require_alliance_reader(user)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != MinutesStatus.DRAFT:
        raise Conflict(MINUTES_LOCKED)
    return MinutesReview.objects.create(minutes=minutes, author=user, park_id=park_id, text=text)


@transaction.atomic
def minutes_publish(*, user: Any, minutes: Minutes) -> Minutes:
    """Publish and lock a draft; member parks are notified."""
    require_secretariat(user)
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    if minutes.status != MinutesStatus.DRAFT:
        raise Conflict(MINUTES_LOCKED)
    minutes.status = MinutesStatus.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.save(update_fields=["status", "published_at"])
    notify(
        recipients=_member_staff_ids(),
        kind=NotificationKind.MINUTES_PUBLISHED,
        title=Bilingual(
            zh=f"会议纪要已发布：{minutes.meeting.title}（第 {minutes.version} 版）",
            en=f"Minutes published: {minutes.meeting.title} (version {minutes.version})",
        ),
        link=f"/alliance/meetings/{minutes.meeting_id}",
    )
    _to_meeting(minutes.meeting_id, "minutes.changed", minutes.pk)
    return minutes


# --- secret calendar feeds --------------------------------------------------------------------


def _feed_owner(user: Any, scope: str, park_id: int | None) -> dict[str, Any]:
    """Whose feed: the user's own, or a member park's (its own staff; the secretariat any)."""
    own_park = _require_alliance_reader(user)
    if scope == "user":
        return {"user": user}
    if scope != "park":
        raise _bad("未知的订阅范围。", "Unknown feed scope.", field="scope")
    if own_park is not None:
        if park_id not in (None, own_park):
            raise PermissionDenied(
                Bilingual(
                    zh="您只能管理本园区的日历订阅。",
                    en="You can only manage your own park's calendar feed.",
                )
            )
        park_id = own_park
    if park_id is None:
        raise _bad("请指定园区。", "Name the park.", field="park_id")
    park = _member_park(park_id, "park_id")
    return {"park": park}


@transaction.atomic
def calendar_feed_get(*, user: Any, scope: str, park_id: int | None = None) -> CalendarFeed:
    """The secret feed of the user or of a park, made on first use."""
    owner = _feed_owner(user, scope, park_id)
    feed = CalendarFeed.objects.select_for_update().filter(**owner).first()
    if feed is None:
        feed = CalendarFeed.objects.create(token=secrets.token_urlsafe(32), **owner)
    return feed


@transaction.atomic
def calendar_feed_regenerate(*, user: Any, scope: str, park_id: int | None = None) -> CalendarFeed:
    """A new secret for the feed: the old URL stops working at once."""
    owner = _feed_owner(user, scope, park_id)
    CalendarFeed.objects.filter(**owner).delete()
    return CalendarFeed.objects.create(token=secrets.token_urlsafe(32), **owner)

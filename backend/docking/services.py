"""Writes of online docking: postings and their workflow, moderation, docking requests and
their workflow, threads and messages, saved searches. One transaction each; notifications are
written inside it (notify) and pushed after commit; room events go to `thread-<id>` after
commit; saved-search alerts run in a task queued after commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.access import require_curator, require_writer, user_is_curator
from backend.accounts.models import Role
from backend.core.errors import Conflict, PermissionDenied, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.docking import attachments
from backend.docking.access import (
    NO_PARTY,
    NOT_YOUR_POSTING,
    user_owns_posting,
    user_party,
    user_side_of_request,
    user_side_of_thread,
)
from backend.docking.models import (
    MAX_RENEWAL_DAYS,
    OPEN_REQUEST_STATUSES,
    POSTING_TRANSITIONS,
    REQUEST_TRANSITIONS,
    DockingRequest,
    DockingSettings,
    Message,
    Party,
    Posting,
    PostingStatus,
    PostingStatusChange,
    PostingVisibility,
    RequestStatus,
    RequestStatusChange,
    SavedSearch,
    Side,
    Thread,
)
from backend.docking.search import build_search_text
from backend.docking.selectors import moderation_required, party_recipient_ids
from backend.docking.ties import docking_tie_record
from backend.network.models import City, Industry, Organisation, Park
from backend.notifications.kinds import NotificationKind
from backend.notifications.services import notify, room_broadcast

MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_MESSAGE = 5_000
MAX_PROPOSED_TIMES = 5
MAX_INDUSTRIES = 10
MAX_SAVED_SEARCHES = 50

BAD_POSTING_STEP = Bilingual(
    zh="对接信息不能从“{old}”变为“{new}”。", en="A posting cannot go from {old} to {new}."
)
CLOSED_POSTING = Bilingual(
    zh="已关闭的对接信息不能修改。", en="A closed posting cannot be changed."
)
NOT_PENDING = Bilingual(zh="该信息不在待审核状态。", en="This posting is not waiting for review.")
REJECT_NEEDS_REASON = Bilingual(
    zh="退回时请说明原因。", en="Give a reason when rejecting a posting."
)
EXPIRY_PAST = Bilingual(zh="有效期须晚于当前时间。", en="The expiry must lie in the future.")
EXPIRY_TOO_FAR = Bilingual(
    zh=f"有效期最长为 {MAX_RENEWAL_DAYS} 天。",
    en=f"A posting can run for at most {MAX_RENEWAL_DAYS} days ahead.",
)
RENEW_NOT_LIVE = Bilingual(
    zh="只有已发布的信息可以续期。", en="Only published postings can be renewed."
)
RENEW_OWNER_ONLY = Bilingual(
    zh="只有发布方可以为信息续期。", en="Only the posting's owner can renew it."
)
OWNER_REQUIRED = Bilingual(
    zh="请指定发布方（园区或机构）。", en="Name the owner (a park or an organisation)."
)
OWN_PARTY_ONLY = Bilingual(
    zh="只能以本园区或本机构的名义发布或申请。",
    en="You can only post or request for your own park or organisation.",
)
NOT_PUBLISHED = Bilingual(
    zh="该信息未发布，不能申请对接。", en="This posting is not published; it takes no requests."
)
EXPIRED = Bilingual(
    zh="该信息已过期，不能申请对接。", en="This posting has expired; it takes no requests."
)
OWN_POSTING = Bilingual(
    zh="不能对本方发布的信息申请对接。", en="You cannot request docking on your own posting."
)
DUPLICATE_REQUEST = Bilingual(
    zh="贵方对该信息已有进行中的对接请求。",
    en="Your side already has an open request on this posting.",
)
BAD_REQUEST_STEP = Bilingual(
    zh="对接请求不能从“{old}”直接变为“{new}”（须按 已申请→已接受→洽谈中→已达成 逐步推进）。",
    en="A request cannot go from {old} to {new}; it moves requested → accepted → in talks → "
    "agreed, one step at a time.",
)
OWNER_ANSWERS = Bilingual(
    zh="只有发布方可以接受或婉拒对接请求。",
    en="Only the posting's owner can accept or decline a request.",
)
REQUESTER_WITHDRAWS = Bilingual(
    zh="尚未答复的请求只能由申请方撤回。",
    en="A request not yet answered can only be withdrawn by the requester.",
)
DECLINE_NEEDS_REASON = Bilingual(
    zh="婉拒时请说明原因。", en="Give a reason when declining a request."
)
NOT_A_SIDE = Bilingual(
    zh="只有对接双方可以推进此请求。", en="Only the two sides can move this request on."
)
THREAD_CLOSED = Bilingual(
    zh="该对接已结束，不能再发送消息。", en="This docking has ended; no more messages."
)
EMPTY_MESSAGE = Bilingual(
    zh="消息内容和附件不能都为空。", en="A message needs text or an attachment."
)
TOO_LARGE = Bilingual(
    zh="附件过大（上限 10 MB）。", en="The attachment is too large (10 MB at most)."
)
BAD_TYPE = Bilingual(
    zh="不支持的附件类型：仅限 PDF、PNG、JPEG、DOCX、XLSX、PPTX。",
    en="Attachment type not allowed: PDF, PNG, JPEG, DOCX, XLSX or PPTX only.",
)
WRONG_EXTENSION = Bilingual(
    zh="附件扩展名与文件内容不符（内容为 {actual}）。",
    en="The attachment's extension does not match its content (which is {actual}).",
)
TIMES_IN_PAST = Bilingual(
    zh="建议的会谈时间须晚于当前时间。", en="Proposed meeting times must lie in the future."
)
TOO_MANY_TIMES = Bilingual(
    zh=f"最多建议 {MAX_PROPOSED_TIMES} 个会谈时间。",
    en=f"Propose at most {MAX_PROPOSED_TIMES} meeting times.",
)
NOT_AGREED = Bilingual(
    zh="只有已达成的对接可以转为联合招商项目。",
    en="Only an agreed docking can become a joint-investment project.",
)
PROJECT_EXISTS = Bilingual(
    zh="该对接已转为联合招商项目。", en="This docking already became a joint-investment project."
)
NOT_A_PARTY_PARK = Bilingual(
    zh="只有对接一方的园区（或秘书处）可以创建联合招商项目。",
    en="Only staff of a park on either side (or the secretariat) can create the project.",
)
NEEDS_INDUSTRY = Bilingual(
    zh="该信息没有产业标签，请指定项目所属产业。",
    en="The posting has no industry; name the project's industry.",
)
TOO_MANY_SEARCHES = Bilingual(
    zh=f"每人最多保存 {MAX_SAVED_SEARCHES} 个搜索。",
    en=f"Save at most {MAX_SAVED_SEARCHES} searches.",
)


def _clean_text(value: str, limit: int, field: str) -> str:
    """Text is stored as text (HTML is never interpreted); control characters are dropped."""
    text = "".join(ch for ch in str(value) if ch.isprintable() or ch in "\n\t").strip()
    if len(text) > limit:
        message = Bilingual(
            zh=f"{field} 过长（最多 {limit} 字）。", en=f"{field} is too long ({limit} at most)."
        )
        raise ValidationFailed(message, detail={field: [message.resolve()]})
    return text


def _invalid(field: str, message: Bilingual) -> ValidationFailed:
    return ValidationFailed(message, detail={field: [message.resolve()]})


# --- Parties ------------------------------------------------------------------------------------


def acting_party(
    user: Any, *, park: Park | None = None, organisation: Organisation | None = None
) -> Party:
    """The party a user writes for: their own, or (curators only) the one named."""
    require_writer(user)
    if park is not None and organisation is not None:
        raise _invalid("owner", OWNER_REQUIRED)
    named = None
    if park is not None:
        named = Party(park_id=park.pk)
    elif organisation is not None:
        named = Party(organisation_id=organisation.pk)
    own = user_party(user)
    if user_is_curator(user):
        if named is None:
            raise _invalid("owner", OWNER_REQUIRED)
        return named
    if own is None:
        raise PermissionDenied(NO_PARTY)
    if named is not None and named != own:
        raise PermissionDenied(OWN_PARTY_ONLY)
    return own


# --- Postings -----------------------------------------------------------------------------------


def _record_posting(posting: Posting, old: str, new: str, user: Any, note: str = "") -> None:
    PostingStatusChange.objects.create(
        posting=posting, from_status=old, to_status=new, by=user, note=note[:300]
    )


def refresh_search_text(posting: Posting) -> None:
    """Recompute the search column (after the industries are set). The owner's name is
    searchable only when the posting is not anonymous."""
    owner_names: tuple[str, ...] = ()
    if not posting.is_anonymous:
        owner = posting.owner_park or posting.owner_organisation
        if owner is not None:
            owner_names = (owner.name, getattr(owner, "name_en", ""))
    industries = list(posting.industries.all())
    region = posting.region
    posting.search_text = build_search_text(
        posting.title,
        posting.description,
        posting.get_kind_display(),
        *(i.name for i in industries),
        *(i.name_en for i in industries),
        region.name if region else "",
        region.name_en if region else "",
        *owner_names,
    )
    Posting.objects.filter(pk=posting.pk).update(search_text=posting.search_text)


def _check_expiry(expires_at: datetime) -> datetime:
    now = timezone.now()
    if expires_at <= now:
        raise _invalid("expires_at", EXPIRY_PAST)
    if expires_at > now + timedelta(days=MAX_RENEWAL_DAYS, hours=1):
        raise _invalid("expires_at", EXPIRY_TOO_FAR)
    return expires_at


def _check_industries(industries: Sequence[Industry]) -> list[Industry]:
    chosen = list(dict.fromkeys(industries))
    if len(chosen) > MAX_INDUSTRIES:
        raise _invalid(
            "industries",
            Bilingual(
                zh=f"最多选择 {MAX_INDUSTRIES} 个产业。",
                en=f"Choose at most {MAX_INDUSTRIES} industries.",
            ),
        )
    return chosen


@transaction.atomic
def posting_create(
    *,
    user: Any,
    owner: Party,
    kind: str,
    title: str,
    description: str = "",
    industries: Iterable[Industry] = (),
    region: City | None = None,
    visibility: str = PostingVisibility.PUBLIC,
    expires_at: datetime | None = None,
    submit: bool = False,
) -> Posting:
    """A draft posting (submitted at once with `submit`). The caller resolved `owner` with
    acting_party."""
    require_writer(user)
    title = _clean_text(title, MAX_TITLE, "title")
    if not title:
        raise _invalid("title", Bilingual(zh="请填写标题。", en="Give a title."))
    posting = Posting(
        kind=kind,
        title=title,
        description=_clean_text(description, MAX_DESCRIPTION, "description"),
        region=region,
        visibility=visibility,
        created_by=user,
        **owner.columns("owner"),
    )
    if expires_at is not None:
        posting.expires_at = _check_expiry(expires_at)
    posting.save()
    posting.industries.set(_check_industries(list(industries)))
    refresh_search_text(posting)
    _record_posting(posting, "", PostingStatus.DRAFT, user)
    if submit:
        _submit(posting, user)
    return posting


def _step(posting: Posting, new: str, user: Any, note: str = "") -> None:
    old = posting.status
    if new not in POSTING_TRANSITIONS.get(old, frozenset()):
        raise Conflict(BAD_POSTING_STEP.format(old=old, new=new), detail={"status": old})
    posting.status = new
    fields = ["status", "updated_at"]
    if new == PostingStatus.PUBLISHED:
        posting.published_at = timezone.now()
        posting.review_note = ""
        fields += ["published_at", "review_note"]
    posting.save(update_fields=fields)
    _record_posting(posting, old, new, user, note)
    if new == PostingStatus.PUBLISHED:
        _alert_on_commit(posting)


def _alert_on_commit(posting: Posting) -> None:
    from backend.docking.tasks import alert_saved_searches

    posting_id = posting.pk
    transaction.on_commit(lambda: alert_saved_searches.delay(posting_id))


def _submit(posting: Posting, user: Any) -> None:
    moderated = moderation_required() and not user_is_curator(user)
    _step(posting, PostingStatus.PENDING if moderated else PostingStatus.PUBLISHED, user)


def _locked_posting(posting: Posting) -> Posting:
    return (
        Posting.objects.select_for_update(of=("self",))
        .select_related("owner_park", "owner_organisation", "region")
        .get(pk=posting.pk)
    )


@transaction.atomic
def posting_submit(*, user: Any, posting: Posting) -> Posting:
    """Draft or rejected -> published, or pending review when moderation is on (the
    secretariat's own postings skip review)."""
    require_writer(user)
    posting = _locked_posting(posting)
    if not user_owns_posting(user, posting):
        raise PermissionDenied(NOT_YOUR_POSTING)
    if posting.status not in (PostingStatus.DRAFT, PostingStatus.REJECTED):
        raise Conflict(BAD_POSTING_STEP.format(old=posting.status, new="published"))
    _submit(posting, user)
    return posting


@transaction.atomic
def posting_update(*, user: Any, posting: Posting, **changes: Any) -> Posting:
    """Edit a posting that is not closed (owner or secretariat). A published posting edited
    by its owner while moderation is on goes back to review."""
    require_writer(user)
    posting = _locked_posting(posting)
    if not user_owns_posting(user, posting):
        raise PermissionDenied(NOT_YOUR_POSTING)
    if posting.status == PostingStatus.CLOSED:
        raise Conflict(CLOSED_POSTING)
    industries = changes.pop("industries", None)
    if "title" in changes:
        changes["title"] = _clean_text(changes["title"], MAX_TITLE, "title")
        if not changes["title"]:
            raise _invalid("title", Bilingual(zh="请填写标题。", en="Give a title."))
    if "description" in changes:
        changes["description"] = _clean_text(changes["description"], MAX_DESCRIPTION, "description")
    changes.pop("expires_at", None)  # only renew() moves the expiry, and only the owner
    for name, value in changes.items():
        setattr(posting, name, value)
    posting.save()
    if industries is not None:
        posting.industries.set(_check_industries(list(industries)))
    refresh_search_text(posting)
    if (
        posting.status == PostingStatus.PUBLISHED
        and moderation_required()
        and not user_is_curator(user)
    ):
        _step(posting, PostingStatus.PENDING, user, "edited while moderation is on")
    return posting


@transaction.atomic
def posting_review(*, user: Any, posting: Posting, approve: bool, reason: str = "") -> Posting:
    """The secretariat publishes or rejects (with a reason) a pending posting."""
    require_curator(user)
    posting = _locked_posting(posting)
    if posting.status != PostingStatus.PENDING:
        raise Conflict(NOT_PENDING)
    reason = _clean_text(reason, 300, "reason")
    if not approve and not reason:
        raise _invalid("reason", REJECT_NEEDS_REASON)
    if approve:
        _step(posting, PostingStatus.PUBLISHED, user, reason)
    else:
        _step(posting, PostingStatus.REJECTED, user, reason)
        posting.review_note = reason
        posting.save(update_fields=["review_note"])
    notify(
        recipients=party_recipient_ids(posting.owner_party),
        kind=NotificationKind.POSTING_REVIEWED,
        title=Bilingual(
            zh=f"对接信息审核{'通过' if approve else '未通过'}：{posting.title}",
            en=f"Posting {'approved' if approve else 'rejected'}: {posting.title}",
        ),
        body=Bilingual(zh=reason, en=reason) if reason else None,
        link=f"/docking/postings/{posting.pk}",
    )
    return posting


@transaction.atomic
def posting_close(*, user: Any, posting: Posting, note: str = "") -> Posting:
    require_writer(user)
    posting = _locked_posting(posting)
    if not user_owns_posting(user, posting):
        raise PermissionDenied(NOT_YOUR_POSTING)
    _step(posting, PostingStatus.CLOSED, user, _clean_text(note, 300, "note"))
    return posting


@transaction.atomic
def posting_renew(*, user: Any, posting: Posting, days: int) -> Posting:
    """Extend a published posting (also an expired one) by `days` from the later of now and
    its current expiry; only its owner (not the secretariat on their behalf)."""
    require_writer(user)
    posting = _locked_posting(posting)
    party = user_party(user)
    if party is None or party != posting.owner_party:
        raise PermissionDenied(RENEW_OWNER_ONLY)
    if posting.status != PostingStatus.PUBLISHED:
        raise Conflict(RENEW_NOT_LIVE)
    if not 1 <= days <= MAX_RENEWAL_DAYS:
        raise _invalid("days", EXPIRY_TOO_FAR)
    now = timezone.now()
    new_expiry = max(now, posting.expires_at) + timedelta(days=days)
    if new_expiry > now + timedelta(days=MAX_RENEWAL_DAYS, hours=1):
        raise _invalid("days", EXPIRY_TOO_FAR)
    posting.expires_at = new_expiry
    posting.save(update_fields=["expires_at", "updated_at"])
    _record_posting(
        posting, posting.status, posting.status, user, f"renewed to {new_expiry:%Y-%m-%d}"
    )
    return posting


@transaction.atomic
def settings_set(*, user: Any, moderation_required: bool) -> DockingSettings:
    require_curator(user)
    row, _ = DockingSettings.objects.select_for_update().get_or_create(pk=1)
    row.moderation_required = moderation_required
    row.updated_by = user
    row.save()
    return row


# --- Requests ----------------------------------------------------------------------------------


def _record_request(request: DockingRequest, old: str, new: str, user: Any, note: str = "") -> None:
    RequestStatusChange.objects.create(
        request=request, from_status=old, to_status=new, by=user, note=note[:300]
    )


def _clean_times(times: Sequence[datetime]) -> list[str]:
    if len(times) > MAX_PROPOSED_TIMES:
        raise _invalid("proposed_times", TOO_MANY_TIMES)
    now = timezone.now()
    if any(t <= now for t in times):
        raise _invalid("proposed_times", TIMES_IN_PAST)
    if any(t > now + timedelta(days=MAX_RENEWAL_DAYS) for t in times):
        raise _invalid("proposed_times", EXPIRY_TOO_FAR)
    return [t.isoformat() for t in sorted(set(times))]


@transaction.atomic
def request_create(
    *,
    user: Any,
    posting: Posting,
    requester: Party,
    message: str,
    proposed_times: Sequence[datetime] = (),
) -> DockingRequest:
    """A park or organisation asks to dock on a live posting: not its own, not expired, and
    not while it has another open request on it. Opens the request's thread with the message
    as its first entry and tells the owner."""
    require_writer(user)
    posting = _locked_posting(posting)
    if posting.status != PostingStatus.PUBLISHED:
        raise Conflict(NOT_PUBLISHED)
    if posting.is_expired:
        raise Conflict(EXPIRED)
    if requester == posting.owner_party:
        raise ValidationFailed(OWN_POSTING)
    body = _clean_text(message, MAX_MESSAGE, "message")
    if not body:
        raise _invalid("message", EMPTY_MESSAGE)
    times = _clean_times(list(proposed_times))
    open_ones = DockingRequest.objects.filter(
        posting=posting, status__in=OPEN_REQUEST_STATUSES, **requester.columns("requester")
    )
    if open_ones.exists():
        raise Conflict(DUPLICATE_REQUEST)
    try:
        with transaction.atomic():
            request = DockingRequest.objects.create(
                posting=posting,
                message=body,
                proposed_times=times,
                created_by=user,
                **requester.columns("requester"),
            )
    except IntegrityError:
        raise Conflict(DUPLICATE_REQUEST) from None
    _record_request(request, "", RequestStatus.REQUESTED, user)
    thread = Thread.objects.create(
        request=request,
        subject=posting.title,
        **posting.owner_party.columns("a"),
        **requester.columns("b"),
    )
    _message_create(thread, user, Side.B, body)
    notify(
        recipients=party_recipient_ids(posting.owner_party),
        kind=NotificationKind.DOCKING_REQUESTED,
        title=Bilingual(
            zh=f"新的对接请求：{posting.title}", en=f"New docking request: {posting.title}"
        ),
        link=f"/docking/requests/{request.pk}",
    )
    return request


@transaction.atomic
def request_transition(
    *, user: Any, request: DockingRequest, to_status: str, reason: str = ""
) -> DockingRequest:
    """Move a request one step. Accept / decline (with a reason): the posting's owner (or
    the secretariat brokering it). Withdrawing an unanswered request: the requester. Later
    steps (in talks, agreed, closed): either side or the secretariat."""
    require_writer(user)
    request = (
        DockingRequest.objects.select_for_update().select_related("posting").get(pk=request.pk)
    )
    side = user_side_of_request(user, request)
    curator = user_is_curator(user)
    if side is None and not curator:
        raise PermissionDenied(NOT_A_SIDE)
    old = request.status
    if to_status not in REQUEST_TRANSITIONS.get(old, frozenset()):
        raise Conflict(BAD_REQUEST_STEP.format(old=old, new=to_status), detail={"status": old})
    if to_status in (RequestStatus.ACCEPTED, RequestStatus.DECLINED) and not (
        side == "owner" or curator
    ):
        raise PermissionDenied(OWNER_ANSWERS)
    if (
        old == RequestStatus.REQUESTED
        and to_status == RequestStatus.CLOSED
        and not (side == "requester" or curator)
    ):
        raise PermissionDenied(REQUESTER_WITHDRAWS)
    reason = _clean_text(reason, 300, "reason")
    if to_status == RequestStatus.DECLINED and not reason:
        raise _invalid("reason", DECLINE_NEEDS_REASON)
    now = timezone.now()
    request.status = to_status
    if to_status in (RequestStatus.ACCEPTED, RequestStatus.DECLINED) and not request.answered_at:
        request.answered_at = now
    if to_status == RequestStatus.ACCEPTED:
        request.accepted_at = now
    if to_status == RequestStatus.DECLINED:
        request.decline_reason = reason
    if to_status == RequestStatus.AGREED:
        request.agreed_at = now
    request.save()
    _record_request(request, old, to_status, user, reason)
    if to_status == RequestStatus.AGREED:
        docking_tie_record(request)  # the two parks are now tied in the graph
    _tell_other_side(request, side, to_status, reason)
    thread = Thread.objects.filter(request=request).first()
    if thread is not None:
        room_broadcast(kind="thread", room_id=thread.pk, topic="thread.status", ref=request.pk)
    return request


_STATUS_WORDS: dict[str, tuple[str, str]] = {
    RequestStatus.ACCEPTED: ("已接受", "accepted"),
    RequestStatus.DECLINED: ("已婉拒", "declined"),
    RequestStatus.IN_TALKS: ("进入洽谈", "in talks"),
    RequestStatus.AGREED: ("已达成", "agreed"),
    RequestStatus.CLOSED: ("已关闭", "closed"),
}


def _tell_other_side(
    request: DockingRequest, side: str | None, to_status: str, reason: str
) -> None:
    # Never the owner's name: the requester may not know who an anonymous poster is.
    posting = request.posting
    recipients: list[int] = []
    if side != "owner":
        recipients += party_recipient_ids(posting.owner_party)
    if side != "requester":
        recipients += party_recipient_ids(request.requester_party)
    zh, en = _STATUS_WORDS.get(to_status, (to_status, to_status))
    notify(
        recipients=recipients,
        kind=NotificationKind.DOCKING_ANSWERED,
        title=Bilingual(
            zh=f"对接请求{zh}：{posting.title}", en=f"Docking request {en}: {posting.title}"
        ),
        body=Bilingual(zh=reason, en=reason) if reason else None,
        link=f"/docking/requests/{request.pk}",
    )


def _party_parks(party: Party) -> set[int]:
    """The park of a party: itself, or the park hosting an organisation."""
    if party.park_id:
        return {party.park_id}
    park_id = (
        Organisation.objects.filter(pk=party.organisation_id or 0)
        .values_list("park_id", flat=True)
        .first()
    )
    return {park_id} if park_id else set()


@transaction.atomic
def request_to_project(
    *,
    user: Any,
    request: DockingRequest,
    park: Park | None = None,
    industry: Industry | None = None,
    positioning: str | None = None,
) -> Any:
    """An agreed docking becomes a draft joint-investment project (backend.matching), filled
    in from the posting. Staff of a park on either side (a side's own park, or the park
    hosting a side's organisation) create it for their park; the secretariat names the park
    (default: the owner's side first)."""
    from backend.matching import services as matching_services

    require_writer(user)
    request = (
        DockingRequest.objects.select_for_update().select_related("posting").get(pk=request.pk)
    )
    posting = request.posting
    if request.status != RequestStatus.AGREED:
        raise Conflict(NOT_AGREED)
    if request.project_id:
        raise Conflict(PROJECT_EXISTS, detail={"project_id": request.project_id})
    party_parks = _party_parks(posting.owner_party) | _party_parks(request.requester_party)
    if user_is_curator(user):
        if park is None:
            ordered = [*_party_parks(posting.owner_party), *_party_parks(request.requester_party)]
            park = Park.objects.filter(pk=ordered[0]).first() if ordered else None
        if park is None or park.pk not in party_parks:
            raise PermissionDenied(NOT_A_PARTY_PARK)
    else:
        if user.role != Role.PARK_STAFF or user.park_id not in party_parks:
            raise PermissionDenied(NOT_A_PARTY_PARK)
        if park is not None and park.pk != user.park_id:
            raise PermissionDenied(NOT_A_PARTY_PARK)
        park = Park.objects.get(pk=user.park_id)
    industry = industry or posting.industries.order_by("pk").first()
    if industry is None:
        raise _invalid("industry", NEEDS_INDUSTRY)
    positioning = positioning or ("manufacturing" if park.kind == "manufacturing" else "service")
    project = matching_services.project_create(
        user=user,
        park=park,
        title=posting.title[:200],
        industry=industry,
        positioning=positioning,
        description=posting.description,
    )
    request.project = project
    request.save(update_fields=["project", "updated_at"])
    _record_request(request, request.status, request.status, user, f"project {project.pk}")
    return project


# --- Threads and messages ----------------------------------------------------------------------


def _message_create(
    thread: Thread,
    user: Any,
    side: str,
    body: str,
    upload: UploadedFile | None = None,
) -> Message:
    message = Message(thread=thread, sender=user, side=side, body=body)
    if upload is not None:
        if upload.size is None or upload.size > attachments.MAX_ATTACHMENT_BYTES:
            raise _invalid("attachment", TOO_LARGE)
        file_type = attachments.sniff(upload.file) if upload.file is not None else None
        if file_type is None:
            raise _invalid("attachment", BAD_TYPE)
        name = attachments.clean_name(upload.name or "")
        if not attachments.extension_fits(name, file_type):
            raise _invalid("attachment", WRONG_EXTENSION.format(actual=file_type.key.upper()))
        message.attachment_name = name
        message.attachment_type = file_type.content_type
        message.attachment_size = upload.size
        upload.name = f"upload{file_type.extensions[0]}"
        message.attachment = upload
    message.save()
    Thread.objects.filter(pk=thread.pk).update(last_message_at=message.created_at)
    room_broadcast(kind="thread", room_id=thread.pk, topic="thread.message", ref=message.pk)
    return message


@transaction.atomic
def message_post(
    *, user: Any, thread: Thread, body: str = "", attachment: UploadedFile | None = None
) -> Message:
    """A side (or the secretariat, brokering) writes in the thread; the others are told."""
    require_writer(user)
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("request").get(pk=thread.pk)
    )
    side = user_side_of_thread(user, thread)
    if side is None:
        raise PermissionDenied(NOT_A_SIDE)
    if thread.request is not None and thread.request.status in (
        RequestStatus.DECLINED,
        RequestStatus.CLOSED,
    ):
        raise Conflict(THREAD_CLOSED)
    text = _clean_text(body, MAX_MESSAGE, "body")
    if not text and attachment is None:
        raise _invalid("body", EMPTY_MESSAGE)
    message = _message_create(thread, user, side, text, attachment)
    recipients: list[int] = []
    if side != Side.A:
        recipients += party_recipient_ids(thread.side_a)
    if side != Side.B:
        recipients += party_recipient_ids(thread.side_b)
    notify(
        recipients=[r for r in recipients if r != user.pk],
        kind=NotificationKind.DOCKING_MESSAGE,
        title=Bilingual(
            zh=f"对接会话新消息：{thread.subject}", en=f"New message: {thread.subject}"
        ),
        link=f"/docking/threads/{thread.pk}",
        key=f"docking.message:{message.pk}",
    )
    return message


def thread_open_for_project(*, project: Any, park_a_id: int, park_b_id: int) -> Thread:
    """The conversation of two parks negotiating a joint-investment project (called by
    matching on mutual interest, inside its transaction). Idempotent per project and pair."""
    thread, _ = Thread.objects.get_or_create(
        project=project,
        a_park_id=park_a_id,
        b_park_id=park_b_id,
        defaults={"subject": project.title[:200]},
    )
    return thread


# --- Saved searches ----------------------------------------------------------------------------


@transaction.atomic
def saved_search_create(
    *,
    user: Any,
    name: str,
    kind: str = "",
    industry: Industry | None = None,
    region: City | None = None,
    text: str = "",
    alerts: bool = True,
) -> SavedSearch:
    from backend.accounts.access import require_reader

    require_reader(user)  # researchers may save searches: it writes nothing others see
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise Conflict(TOO_MANY_SEARCHES)
    return SavedSearch.objects.create(
        user=user,
        name=_clean_text(name, 100, "name") or "搜索",
        kind=kind,
        industry=industry,
        region=region,
        text=_clean_text(text, 100, "text"),
        alerts=alerts,
    )


@transaction.atomic
def saved_search_update(*, user: Any, saved: SavedSearch, **changes: Any) -> SavedSearch:
    if saved.user_id != user.pk:
        raise PermissionDenied()
    for name in ("name", "text"):
        if name in changes:
            changes[name] = _clean_text(changes[name], 100, name)
    for name, value in changes.items():
        setattr(saved, name, value)
    saved.save()
    return saved


@transaction.atomic
def saved_search_delete(*, user: Any, saved: SavedSearch) -> None:
    if saved.user_id != user.pk:
        raise PermissionDenied()
    saved.delete()


def alerts_send(*, posting_id: int) -> int:
    """Tell each user whose alerting saved search fits a newly published posting, and who may
    see it (never the owner's own users). Idempotent: one notification per search and
    posting. Returns how many were written."""
    from backend.docking.access import user_is_posting_owner_side, user_may_see_posting
    from backend.docking.selectors import saved_search_fits

    posting = (
        Posting.objects.select_related("owner_park", "owner_organisation", "region")
        .filter(pk=posting_id, status=PostingStatus.PUBLISHED)
        .first()
    )
    if posting is None or posting.is_expired:
        return 0
    industry_ids = set(posting.industries.values_list("pk", flat=True))
    sent = 0
    searches = SavedSearch.objects.filter(alerts=True, user__is_active=True).select_related(
        "user", "user__park"
    )
    if posting.kind:
        searches = searches.filter(kind__in=["", posting.kind])
    for saved in searches.order_by("user_id", "pk"):
        user = saved.user
        if user_is_posting_owner_side(user, posting) or not user_may_see_posting(user, posting):
            continue
        if not saved_search_fits(saved, posting, industry_ids):
            continue
        with transaction.atomic():
            rows = notify(
                recipients=[user.pk],
                kind=NotificationKind.POSTING_MATCHES_SEARCH,
                title=Bilingual(
                    zh=f"“{saved.name}”有新的对接信息：{posting.title}",
                    en=f"New posting for “{saved.name}”: {posting.title}",
                ),
                link=f"/docking/postings/{posting.pk}",
                key=f"docking.search:{saved.pk}:{posting.pk}",
            )
        sent += len(rows)
    return sent

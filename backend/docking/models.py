"""Online docking (在线对接, policy 十四): postings by parks and organisations, docking requests
on them, the conversation threads behind each request (also opened by matching between two
parks on mutual interest), saved searches with alerts, and the moderation switch.

A "party" is a park or an organisation: each party pair of columns (`*_park`,
`*_organisation`) holds exactly one of the two (a check constraint says so).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.db.models import Q
from django.utils import timezone

from backend.network.models import City, Industry, Organisation, Park

DEFAULT_LIFETIME_DAYS = 90
MAX_RENEWAL_DAYS = 365


class PostingKind(models.TextChoices):
    TECH_NEED = "tech_need", "技术需求 Technology need"
    ACHIEVEMENT = "achievement", "科技成果 Research result"
    FINANCING_NEED = "financing_need", "融资需求 Financing need"
    INVESTMENT_INTENT = "investment_intent", "投资意向 Investment intent"
    TALENT_NEED = "talent_need", "人才需求 Talent need"
    FACILITY = "facility", "设施共享 Shared instruments and facilities"
    SPACE = "space", "载体空间 Space and land"


class PostingVisibility(models.TextChoices):
    PUBLIC = "public", "公开 Public"
    ALLIANCE = "alliance", "仅联盟成员 Alliance members only"
    # Every signed-in user sees the posting; only the owner and the secretariat see who owns it.
    ANONYMOUS = "anonymous", "匿名发布 Anonymous"


class PostingStatus(models.TextChoices):
    DRAFT = "draft", "草稿 Draft"
    PENDING = "pending", "待审核 Pending review"
    PUBLISHED = "published", "已发布 Published"
    REJECTED = "rejected", "未通过 Rejected"
    CLOSED = "closed", "已关闭 Closed"


# Owner-driven steps; review (pending -> published | rejected) is the secretariat's.
POSTING_TRANSITIONS: dict[str, frozenset[str]] = {
    PostingStatus.DRAFT: frozenset({PostingStatus.PENDING, PostingStatus.PUBLISHED}),
    PostingStatus.PENDING: frozenset({PostingStatus.PUBLISHED, PostingStatus.REJECTED}),
    PostingStatus.REJECTED: frozenset({PostingStatus.PENDING, PostingStatus.PUBLISHED}),
    PostingStatus.PUBLISHED: frozenset({PostingStatus.CLOSED, PostingStatus.PENDING}),
    PostingStatus.CLOSED: frozenset(),
}


def _exactly_one(prefix: str) -> Q:
    park, org = f"{prefix}_park__isnull", f"{prefix}_organisation__isnull"
    return (Q(**{park: False}) & Q(**{org: True})) | (Q(**{park: True}) & Q(**{org: False}))


def default_expiry() -> Any:
    return timezone.now() + timedelta(days=DEFAULT_LIFETIME_DAYS)


class Posting(models.Model):
    kind = models.CharField(max_length=24, choices=PostingKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    industries: models.ManyToManyField[Industry, Any] = models.ManyToManyField(
        Industry, blank=True, related_name="docking_postings"
    )
    region = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.PROTECT, related_name="docking_postings"
    )
    owner_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.PROTECT, related_name="docking_postings"
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="docking_postings",
    )
    visibility = models.CharField(
        max_length=16, choices=PostingVisibility.choices, default=PostingVisibility.PUBLIC
    )
    status = models.CharField(
        max_length=16, choices=PostingStatus.choices, default=PostingStatus.DRAFT
    )
    review_note = models.CharField(max_length=300, blank=True)
    expires_at = models.DateTimeField(default=default_expiry)
    published_at = models.DateTimeField(null=True, blank=True)
    # Normalised text the search matches against (search.build_search_text); it never holds
    # an anonymous owner's name.
    search_text = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["status", "expires_at"]),
        ]
        constraints = [
            models.CheckConstraint(name="posting_one_owner", condition=_exactly_one("owner")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_anonymous(self) -> bool:
        return self.visibility == PostingVisibility.ANONYMOUS

    @property
    def owner_party(self) -> Party:
        return Party(park_id=self.owner_park_id, organisation_id=self.owner_organisation_id)


class PostingStatusChange(models.Model):
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.posting_id}: {self.from_status} -> {self.to_status}"


class DockingSettings(models.Model):
    """One row (pk 1): whether new postings wait for the secretariat's review."""

    moderation_required = models.BooleanField(default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "docking settings"

    def __str__(self) -> str:
        return f"moderation {'on' if self.moderation_required else 'off'}"


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "已申请 Requested"
    ACCEPTED = "accepted", "已接受 Accepted"
    DECLINED = "declined", "已婉拒 Declined"
    IN_TALKS = "in_talks", "洽谈中 In talks"
    AGREED = "agreed", "已达成 Agreed"
    CLOSED = "closed", "已关闭 Closed"


REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {
    RequestStatus.REQUESTED: frozenset(
        {RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.CLOSED}
    ),
    RequestStatus.ACCEPTED: frozenset({RequestStatus.IN_TALKS, RequestStatus.CLOSED}),
    RequestStatus.IN_TALKS: frozenset({RequestStatus.AGREED, RequestStatus.CLOSED}),
    RequestStatus.DECLINED: frozenset(),
    RequestStatus.AGREED: frozenset(),
    RequestStatus.CLOSED: frozenset(),
}
OPEN_REQUEST_STATUSES = frozenset(
    {RequestStatus.REQUESTED, RequestStatus.ACCEPTED, RequestStatus.IN_TALKS}
)
# Answered by the posting side: accepted, or any step reached after accepting.
ACCEPTED_OR_LATER = frozenset(
    {RequestStatus.ACCEPTED, RequestStatus.IN_TALKS, RequestStatus.AGREED}
)


class DockingRequest(models.Model):
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="requests")
    requester_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.PROTECT, related_name="docking_requests"
    )
    requester_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="docking_requests",
    )
    message = models.TextField()
    proposed_times = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    decline_reason = models.CharField(max_length=300, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True, help_text="first answer")
    accepted_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    project = models.ForeignKey(
        "matching.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="docking_requests",
        help_text="The joint-investment project this agreed docking became",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                name="docking_request_one_requester", condition=_exactly_one("requester")
            ),
            # One open request per requesting party and posting (the service says so first,
            # with a message; this catches a race).
            models.UniqueConstraint(
                fields=["posting", "requester_park"],
                condition=Q(status__in=["requested", "accepted", "in_talks"])
                & Q(requester_park__isnull=False),
                name="docking_request_one_open_per_park",
            ),
            models.UniqueConstraint(
                fields=["posting", "requester_organisation"],
                condition=Q(status__in=["requested", "accepted", "in_talks"])
                & Q(requester_organisation__isnull=False),
                name="docking_request_one_open_per_organisation",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"request #{self.pk} on posting {self.posting_id} ({self.status})"

    @property
    def requester_party(self) -> Party:
        return Party(park_id=self.requester_park_id, organisation_id=self.requester_organisation_id)


class RequestStatusChange(models.Model):
    request = models.ForeignKey(DockingRequest, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status} -> {self.to_status}"


class Thread(models.Model):
    """A conversation between two parties (side a, side b), seen by them and the secretariat.

    Opened for a docking request (side a = the posting's owner, side b = the requester) or by
    matching for a joint-investment project in negotiation (side a = the posting park, side b
    = the candidate park)."""

    request = models.OneToOneField(
        DockingRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="thread"
    )
    project = models.ForeignKey(
        "matching.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_threads",
    )
    subject = models.CharField(max_length=200)
    a_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    a_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    b_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    b_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(name="thread_side_a_one_party", condition=_exactly_one("a")),
            models.CheckConstraint(name="thread_side_b_one_party", condition=_exactly_one("b")),
            models.UniqueConstraint(
                fields=["project", "a_park", "b_park"],
                condition=Q(project__isnull=False),
                name="thread_one_per_project_pair",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def side_a(self) -> Party:
        return Party(park_id=self.a_park_id, organisation_id=self.a_organisation_id)

    @property
    def side_b(self) -> Party:
        return Party(park_id=self.b_park_id, organisation_id=self.b_organisation_id)


class Side(models.TextChoices):
    A = "a", "甲方 Side A"
    B = "b", "乙方 Side B"
    SECRETARIAT = "secretariat", "秘书处 Secretariat"


def attachment_storage() -> Storage:
    """Files live under the platform's data directory, never under the web root."""
    return FileSystemStorage(location=Path(settings.VAR_DIR) / "docking-attachments")


def _attachment_path(instance: Message, filename: str) -> str:
    # The stored name is ours (no user-chosen path parts); the original name is kept aside.
    suffix = Path(filename).suffix.lower()[:8]
    return f"threads/{instance.thread_id}/{timezone.now():%Y%m%d%H%M%S%f}{suffix}"


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(max_length=16, choices=Side.choices)
    body = models.TextField(blank=True)
    attachment = models.FileField(
        upload_to=_attachment_path, storage=attachment_storage, blank=True, max_length=200
    )
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment_size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["thread", "id"])]

    def __str__(self) -> str:
        return f"message #{self.pk} in thread {self.thread_id}"


class SavedSearch(models.Model):
    """A user's filters; with `alerts` on, the user is told of each new posting that fits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="docking_searches"
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=24, choices=PostingKind.choices, blank=True)
    industry = models.ForeignKey(
        Industry, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(max_length=100, blank=True)
    alerts = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.name


class Party:
    """A park or an organisation, by id (exactly one is set)."""

    __slots__ = ("organisation_id", "park_id")

    def __init__(self, *, park_id: int | None = None, organisation_id: int | None = None) -> None:
        self.park_id = park_id
        self.organisation_id = organisation_id

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Party)
            and (self.park_id, self.organisation_id) == (other.park_id, other.organisation_id)
            and (self.park_id or self.organisation_id) is not None
        )

    def __hash__(self) -> int:
        return hash((self.park_id, self.organisation_id))

    def __repr__(self) -> str:
        return f"Party(park={self.park_id}, organisation={self.organisation_id})"

    @property
    def uid(self) -> str:
        return f"park:{self.park_id}" if self.park_id else f"org:{self.organisation_id}"

    def columns(self, prefix: str) -> dict[str, int | None]:
        return {
            f"{prefix}_park_id": self.park_id,
            f"{prefix}_organisation_id": self.organisation_id,
        }

"""The alliance (南京都市圈高新区发展联盟) and its joint meetings (联席会议制度, policy 十四).

A meeting goes draft -> announced -> in progress -> closed. Member parks submit agenda items,
the secretariat triages and orders them (the meeting's `agenda_version` guards the order
against two editors at once), decisions are recorded per item once quorum is present, and
their responsible units and deadlines become action items followed across meetings.
"""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.db import models


class Alliance(models.Model):
    name = models.CharField(max_length=128, unique=True)
    name_en = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", "主席单位 Chair"
    VICE_CHAIR = "vice_chair", "副主席单位 Vice-chair"
    MEMBER = "member", "成员单位 Member"


class AllianceMember(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="members")
    park = models.OneToOneField(
        "network.Park", on_delete=models.CASCADE, related_name="alliance_membership"
    )
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.park} ({self.role})"


class MeetingKind(models.TextChoices):
    REGULAR = "regular", "联席会议 Regular joint meeting"
    SPECIAL = "special", "专题会商 Special consultation"


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", "草稿 Draft"
    ANNOUNCED = "announced", "已发布 Announced"
    IN_PROGRESS = "in_progress", "进行中 In progress"
    CLOSED = "closed", "已结束 Closed"


class Meeting(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(max_length=500, blank=True)
    host_park = models.ForeignKey(
        "network.Park", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    # Quorum as a fraction of member parks that must be present (default two thirds).
    quorum_numerator = models.PositiveSmallIntegerField(default=2)
    quorum_denominator = models.PositiveSmallIntegerField(default=3)
    current_item = models.ForeignKey(
        "AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bumped on every change of the agenda's order; a reorder must name the version it saw.
    agenda_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Rsvp(models.TextChoices):
    PENDING = "pending", "待回复 Pending"
    ACCEPTED = "accepted", "出席 Attending"
    DECLINED = "declined", "不出席 Declined"


class Attendance(models.Model):
    """One member park at one meeting: its delegates, its reply, whether it was present."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    park = models.ForeignKey("network.Park", on_delete=models.CASCADE, related_name="+")
    delegates = models.CharField(max_length=300, blank=True)
    rsvp = models.CharField(max_length=16, choices=Rsvp.choices, default=Rsvp.PENDING)
    present = models.BooleanField(default=False)

    class Meta:
        ordering = ["park_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "park"], name="attendance_once_per_park")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}:{self.park_id}"


class ItemKind(models.TextChoices):
    MAJOR_MATTER = "major_matter", "重大事项 Major matter"
    MAJOR_PROBLEM = "major_problem", "重大难题 Major problem"
    PROJECT_DOCKING = "project_docking", "项目对接 Project docking"
    POLICY_COORDINATION = "policy_coordination", "政策协调 Policy coordination"


class ItemStatus(models.TextChoices):
    SUBMITTED = "submitted", "待审 Submitted"
    ACCEPTED = "accepted", "已列入 Accepted"
    REJECTED = "rejected", "未列入 Rejected"
    MERGED = "merged", "已合并 Merged"
    DEFERRED = "deferred", "延后 Deferred"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    park = models.ForeignKey(
        "network.Park",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="submitting park; empty for items the secretariat adds",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=ItemKind.choices)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    attachments = models.JSONField(default=list, blank=True, help_text="[{name, url}]")
    linked_uids = models.JSONField(default=list, blank=True, help_text="graph uids: park:12…")
    requested_minutes = models.PositiveSmallIntegerField(default=15)
    status = models.CharField(
        max_length=16, choices=ItemStatus.choices, default=ItemStatus.SUBMITTED
    )
    reason = models.CharField(max_length=500, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_items"
    )
    deferred_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)
    presenter = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Choice(models.TextChoices):
    AGREE = "agree", "同意 Agree"
    OPPOSE = "oppose", "反对 Oppose"
    ABSTAIN = "abstain", "弃权 Abstain"


class DecisionStatus(models.TextChoices):
    RECORDED = "recorded", "已记录 Recorded"
    VOTING = "voting", "表决中 Voting"
    PASSED = "passed", "通过 Passed"
    REJECTED = "rejected", "未通过 Not passed"


class Decision(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    status = models.CharField(
        max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.RECORDED
    )
    # Quorum as checked when the decision was recorded.
    present_parks = models.PositiveIntegerField(default=0)
    member_parks = models.PositiveIntegerField(default=0)
    # With a vote, the action items wait here until the vote passes.
    pending_actions = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:50]


class Vote(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    park = models.ForeignKey("network.Park", on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "park"], name="vote_once_per_park")
        ]

    def __str__(self) -> str:
        return f"{self.park_id}:{self.choice}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "待办 Open"
    IN_PROGRESS = "in_progress", "推进中 In progress"
    DONE = "done", "已完成 Done"


class ActionItem(models.Model):
    """What a decision asks of a responsible unit (责任单位): a member park or a department."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    owner_park = models.ForeignKey(
        "network.Park", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_unit = models.CharField(
        max_length=100, blank=True, help_text="a department, e.g. 市科技局, when not a park"
    )
    text = models.CharField(max_length=500)
    deadline = models.DateField()
    status = models.CharField(
        max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                name="action_item_has_owner",
                condition=models.Q(owner_park__isnull=False) | ~models.Q(owner_unit=""),
            )
        ]

    def __str__(self) -> str:
        return self.text[:50]


class ActionUpdate(models.Model):
    action = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    evidence_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=ActionStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:50]


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "草稿 Draft"
    PUBLISHED = "published", "已发布 Published"


class Minutes(models.Model):
    """One version of a meeting's minutes; a published version is locked, corrections are a
    new version."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    version = models.PositiveIntegerField()
    body = models.TextField()
    status = models.CharField(
        max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="minutes_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} v{self.version}"


class MinutesReview(models.Model):
    """An attendee's comment on a draft of the minutes."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    park = models.ForeignKey(
        "network.Park", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:50]


def _item_file_path(instance: ItemFile, filename: str) -> str:
    # The stored name never comes from the uploader: a random name; the service passes a
    # filename whose extension is the sniffed type's.
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"alliance/items/{instance.item_id}/{uuid.uuid4().hex}{extension}"


class ItemFile(models.Model):
    """A file attached to an agenda item (link attachments stay in AgendaItem.attachments).
    Served only through the API, to users who may see the item; a deferred item's copy
    shares the stored file."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_item_file_path, max_length=300)
    name = models.CharField(max_length=200, help_text="the uploader's file name, for display")
    content_type = models.CharField(max_length=100, help_text="sniffed from the content")
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CalendarFeed(models.Model):
    """A secret iCal URL for calendar apps that cannot sign in: one per user (their meetings)
    and one per member park (the park's meetings). Regenerating replaces the token."""

    token = models.CharField(max_length=64, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alliance_calendar_feed",
    )
    park = models.OneToOneField(
        "network.Park",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alliance_calendar_feed",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="calendar_feed_user_xor_park",
                condition=(models.Q(user__isnull=False) & models.Q(park__isnull=True))
                | (models.Q(user__isnull=True) & models.Q(park__isnull=False)),
            )
        ]

    def __str__(self) -> str:
        return f"user:{self.user_id}" if self.user_id else f"park:{self.park_id}"

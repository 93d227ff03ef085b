"""The alliance's REST API under /api/alliance/.

Who may read: the secretariat and administrators everything; staff of member parks the
meetings, announced agendas, their own park's items, decisions, action items and minutes of
meetings past the draft stage. Everyone else (parks outside the alliance, organisation users,
researchers, accounts without a role): 403 on every endpoint.
Who may write: the secretariat manages (meetings, triage, order, live control, decisions,
minutes, action items); member-park staff submit items, reply for their park, vote for their
park, update their park's action items and comment on draft minutes.
Each view validates its input, calls one service or selector, and serialises the output.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import user_is_curator
from backend.accounts.permissions import IsSignedIn
from backend.alliance import access, exports, selectors, services, uploads
from backend.alliance.calendar import meetings_ics
from backend.alliance.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    AllianceMember,
    Attendance,
    CalendarFeed,
    Choice,
    Decision,
    ItemFile,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    Minutes,
    MinutesReview,
    Rsvp,
    Vote,
)
from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual

UID_PATTERN = r"^(park|org|industry|city|zone|project|posting):[\w-]{1,40}$"


def _bool_param(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if raw.lower() in ("1", "true", "yes"):
        return True
    if raw.lower() in ("0", "false", "no"):
        return False
    raise ValidationFailed(
        Bilingual(zh=f"参数 {name} 须为 true 或 false。", en=f"{name} must be true or false."),
        {"field": name},
    )


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or len(raw) > 12:
        raise ValidationFailed(
            Bilingual(zh=f"参数 {name} 须为正整数。", en=f"{name} must be a positive integer."),
            {"field": name},
        )
    return int(raw)


def _choice_param(request: Request, name: str, choices: list[str]) -> str | None:
    raw = request.query_params.get(name) or None
    if raw is not None and raw not in choices:
        raise ValidationFailed(
            Bilingual(zh=f"参数 {name} 的取值无效。", en=f"{name} has an invalid value."),
            {"field": name, "choices": choices},
        )
    return raw


# --- output serializers -----------------------------------------------------------------------


# A JSON array of objects (rows built from dataclasses); `responses=dict` would say "an object".
LIST = {"type": "array", "items": {"type": "object", "additionalProperties": {}}}


class ParkRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class MemberOutput(serializers.ModelSerializer):
    park = ParkRefOutput()

    class Meta:
        model = AllianceMember
        fields = ["id", "park", "role", "joined_at"]


class MeetingOutput(serializers.ModelSerializer):
    host_park = ParkRefOutput(allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "host_park",
            "quorum_numerator",
            "quorum_denominator",
            "current_item_id",
            "agenda_version",
            "updated_at",
        ]


class MeetingDetailOutput(MeetingOutput):
    quorum = serializers.SerializerMethodField()

    class Meta(MeetingOutput.Meta):
        fields = [*MeetingOutput.Meta.fields, "quorum"]

    def get_quorum(self, meeting: Meeting) -> dict[str, Any]:
        present, members, met = services.quorum_state(meeting)
        return {"present": present, "members": members, "met": met}


class ItemFileOutput(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ItemFile
        fields = ["id", "name", "size", "content_type", "url", "created_at"]

    def get_url(self, row: ItemFile) -> str:
        return f"/api/alliance/items/{row.item_id}/files/{row.pk}"


class ItemOutput(serializers.ModelSerializer):
    park = ParkRefOutput(allow_null=True)
    files = ItemFileOutput(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting_id",
            "park",
            "kind",
            "title",
            "text",
            "attachments",
            "files",
            "linked_uids",
            "requested_minutes",
            "status",
            "reason",
            "merged_into_id",
            "deferred_from_id",
            "parent_id",
            "position",
            "presenter",
            "created_at",
            "updated_at",
        ]


class VoteOutput(serializers.ModelSerializer):
    class Meta:
        model = Vote
        fields = ["park_id", "choice", "cast_at"]


class ActionOutput(serializers.ModelSerializer):
    owner_park = ParkRefOutput(allow_null=True)
    overdue = serializers.SerializerMethodField()
    meeting_title = serializers.CharField(source="meeting.title")

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "decision_id",
            "meeting_id",
            "meeting_title",
            "owner_park",
            "owner_unit",
            "text",
            "deadline",
            "status",
            "overdue",
            "done_at",
            "created_at",
        ]

    def get_overdue(self, action: ActionItem) -> bool:
        return action.status != ActionStatus.DONE and action.deadline < timezone.localdate()


class DecisionOutput(serializers.ModelSerializer):
    votes = VoteOutput(many=True)
    actions = serializers.SerializerMethodField()
    tally = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "item_id",
            "text",
            "status",
            "present_parks",
            "member_parks",
            "votes",
            "tally",
            "actions",
            "pending_actions",
            "created_at",
        ]

    def get_actions(self, decision: Decision) -> list[dict[str, Any]]:
        return [
            {
                "id": a.pk,
                "owner_park_id": a.owner_park_id,
                "owner_unit": a.owner_unit,
                "text": a.text,
                "deadline": a.deadline.isoformat(),
                "status": a.status,
            }
            for a in decision.actions.all()
        ]

    def get_tally(self, decision: Decision) -> dict[str, int]:
        votes = list(decision.votes.all())
        return {c: sum(1 for v in votes if v.choice == c) for c in Choice.values}


class AgendaEntryOutput(serializers.Serializer):
    number = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    item = ItemOutput()
    decisions = serializers.SerializerMethodField()

    def get_decisions(self, entry: selectors.AgendaEntry) -> list[dict[str, Any]]:
        return DecisionOutput(entry.item.decisions.all(), many=True).data  # type: ignore[return-value]


class AttendanceOutput(serializers.ModelSerializer):
    park = ParkRefOutput()

    class Meta:
        model = Attendance
        fields = ["park", "delegates", "rsvp", "present"]


class ActionUpdateOutput(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = ActionUpdate
        fields = ["id", "text", "evidence_url", "status", "author", "created_at"]

    def get_author(self, update: ActionUpdate) -> str:
        return update.author.name_for_display if update.author else ""


class ReviewOutput(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = MinutesReview
        fields = ["id", "text", "park_id", "author", "created_at"]

    def get_author(self, review: MinutesReview) -> str:
        return review.author.name_for_display if review.author else ""


class MinutesOutput(serializers.ModelSerializer):
    reviews = ReviewOutput(many=True)

    class Meta:
        model = Minutes
        fields = ["id", "meeting_id", "version", "body", "status", "published_at", "reviews"]


# --- members ----------------------------------------------------------------------------------


class MemberInput(serializers.Serializer):
    park_id = serializers.IntegerField(min_value=1)
    role = serializers.ChoiceField(choices=MemberRole.choices, default=MemberRole.MEMBER)


class MemberListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Member parks and their roles (alliance readers)", responses=MemberOutput(many=True)
    )
    def get(self, request: Request) -> Response:
        access.require_alliance_reader(request.user)
        return Response(MemberOutput(selectors.member_list(), many=True).data)

    @extend_schema(
        summary="Add a member park or change its role (secretariat)",
        request=MemberInput,
        responses=MemberOutput,
    )
    def post(self, request: Request) -> Response:
        access.require_secretariat(request.user)
        data = MemberInput(data=request.data)
        data.is_valid(raise_exception=True)
        member = services.member_set(user=request.user, **data.validated_data)
        return Response(MemberOutput(member).data, status=201)


class MemberDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Remove a park from the alliance (secretariat)", request=None, responses={204: None}
    )
    def delete(self, request: Request, park_id: int) -> Response:
        services.member_remove(user=request.user, park_id=park_id)
        return Response(status=204)


# --- meetings ---------------------------------------------------------------------------------


class MeetingInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=MeetingKind.choices, default=MeetingKind.REGULAR)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    online_link = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    host_park_id = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
    quorum_numerator = serializers.IntegerField(min_value=1, max_value=100, default=2)
    quorum_denominator = serializers.IntegerField(min_value=1, max_value=100, default=3)


class MeetingUpdateInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    kind = serializers.ChoiceField(choices=MeetingKind.choices, required=False)
    starts_at = serializers.DateTimeField(required=False)
    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    online_link = serializers.URLField(max_length=500, required=False, allow_blank=True)
    host_park_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    quorum_numerator = serializers.IntegerField(min_value=1, max_value=100, required=False)
    quorum_denominator = serializers.IntegerField(min_value=1, max_value=100, required=False)


class MeetingListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Meetings, newest first (alliance readers)",
        parameters=[OpenApiParameter("status", str)],
        responses=MeetingOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        status = _choice_param(request, "status", list(MeetingStatus.values))
        meetings = selectors.meeting_list(user=request.user, status=status)
        return Response(MeetingOutput(meetings[:500], many=True).data)

    @extend_schema(
        summary="Call a meeting (secretariat)",
        request=MeetingInput,
        responses={201: MeetingDetailOutput},
    )
    def post(self, request: Request) -> Response:
        access.require_secretariat(request.user)
        data = MeetingInput(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = services.meeting_create(user=request.user, **data.validated_data)
        return Response(MeetingDetailOutput(meeting).data, status=201)


class MeetingDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="One meeting with its quorum state (alliance readers)",
        responses=MeetingDetailOutput,
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        return Response(MeetingDetailOutput(meeting).data)

    @extend_schema(
        summary="Change a meeting (secretariat; not once closed)",
        request=MeetingUpdateInput,
        responses=MeetingDetailOutput,
    )
    def patch(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        data = MeetingUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = services.meeting_update(user=request.user, meeting=meeting, **data.validated_data)
        return Response(MeetingDetailOutput(meeting).data)


class _MeetingTransitionApi(APIView):
    permission_classes = [IsSignedIn]
    transition: Any = None

    @extend_schema(request=None, responses=MeetingDetailOutput)
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        meeting = type(self).transition(user=request.user, meeting=meeting)
        return Response(MeetingDetailOutput(meeting).data)


class MeetingAnnounceApi(_MeetingTransitionApi):
    """Publish the agenda: draft -> announced (secretariat)."""

    transition = staticmethod(services.meeting_announce)


class MeetingStartApi(_MeetingTransitionApi):
    """Open the live meeting: announced -> in progress (secretariat)."""

    transition = staticmethod(services.meeting_start)


class MeetingCloseApi(_MeetingTransitionApi):
    """Close the meeting: in progress -> closed (secretariat)."""

    transition = staticmethod(services.meeting_close)


class CurrentItemInput(serializers.Serializer):
    item_id = serializers.IntegerField(min_value=1, allow_null=True)


class CurrentItemApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Move the live meeting to an item (secretariat)",
        request=CurrentItemInput,
        responses=MeetingDetailOutput,
    )
    def put(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        data = CurrentItemInput(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = services.meeting_set_current_item(
            user=request.user, meeting=meeting, item_id=data.validated_data["item_id"]
        )
        return Response(MeetingDetailOutput(meeting).data)


# --- agenda items -----------------------------------------------------------------------------


class AttachmentInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    url = serializers.URLField(max_length=500)


class ItemInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    attachments = AttachmentInput(many=True, required=False, default=list)
    linked_uids = serializers.ListField(
        child=serializers.RegexField(UID_PATTERN), max_length=50, required=False, default=list
    )
    requested_minutes = serializers.IntegerField(min_value=1, max_value=480, default=15)
    park_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)


class ItemUpdateInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    text = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    attachments = AttachmentInput(many=True, required=False)
    linked_uids = serializers.ListField(
        child=serializers.RegexField(UID_PATTERN), max_length=50, required=False
    )
    requested_minutes = serializers.IntegerField(min_value=1, max_value=480, required=False)
    presenter = serializers.CharField(max_length=100, required=False, allow_blank=True)


class ItemListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Items of a meeting: all for the secretariat; for a member park its own and, "
        "once announced, the accepted ones",
        parameters=[OpenApiParameter("status", str)],
        responses=ItemOutput(many=True),
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        status = _choice_param(request, "status", list(ItemStatus.values))
        items = selectors.item_list(user=request.user, meeting=meeting, status=status)
        return Response(ItemOutput(items, many=True).data)

    @extend_schema(
        summary="Submit an item (member-park staff; the secretariat for a park or the alliance)",
        request=ItemInput,
        responses={201: ItemOutput},
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        data = ItemInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.item_submit(user=request.user, meeting=meeting, **data.validated_data)
        return Response(ItemOutput(item).data, status=201)


class ItemDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="One item (secretariat; the submitting park; members once on an announced agenda)",
        responses=ItemOutput,
    )
    def get(self, request: Request, item_id: int) -> Response:
        item = access.access_item_for_user(request.user, item_id)
        return Response(ItemOutput(item).data)

    @extend_schema(
        summary="Edit an item (submitting park while unscreened; secretariat until closed)",
        request=ItemUpdateInput,
        responses=ItemOutput,
    )
    def patch(self, request: Request, item_id: int) -> Response:
        item = access.access_item_for_user(request.user, item_id, for_write=True)
        data = ItemUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.item_update(user=request.user, item=item, **data.validated_data)
        return Response(ItemOutput(item).data)


class FileUploadInput(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, max_length=1000)


class ItemFileListApi(APIView):
    permission_classes = [IsSignedIn]
    parser_classes = [MultiPartParser]

    @extend_schema(
        summary="Attach a file to an item (as for editing the item): PDF, DOCX, XLSX, PPTX, "
        "PNG or JPEG, type sniffed from the content, at most 20 MB",
        request={"multipart/form-data": FileUploadInput},
        responses={201: ItemFileOutput},
    )
    def post(self, request: Request, item_id: int) -> Response:
        item = access.access_item_for_user(request.user, item_id, for_write=True)
        # Refuse an oversized body before it is read and spooled to disk.
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if declared.isdigit() and int(declared) > uploads.MAX_BYTES + 64 * 1024:
            raise services.file_too_big(int(declared))
        data = FileUploadInput(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.item_file_add(
            user=request.user, item=item, upload=data.validated_data["file"]
        )
        return Response(ItemFileOutput(row).data, status=201)


class ItemFileDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Download an attachment (whoever may see the item)",
        responses={(200, "application/octet-stream"): bytes},
    )
    def get(self, request: Request, item_id: int, file_id: int) -> FileResponse:
        item = access.access_item_for_user(request.user, item_id)
        row = selectors.item_file(item=item, file_id=file_id)
        response = FileResponse(
            row.file.open("rb"),
            as_attachment=True,
            filename=row.name,
            content_type=row.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        summary="Remove an attachment (as for editing the item)",
        request=None,
        responses={204: None},
    )
    def delete(self, request: Request, item_id: int, file_id: int) -> Response:
        item = access.access_item_for_user(request.user, item_id, for_write=True)
        services.item_file_remove(user=request.user, item=item, file_id=file_id)
        return Response(status=204)


class TriageInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=["accept", "reject", "merge", "defer"])
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    into_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    to_meeting_id = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
    presenter = serializers.CharField(max_length=100, required=False, allow_null=True, default=None)


class ItemTriageApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Accept, reject (with reason), merge or defer an item (secretariat)",
        request=TriageInput,
        responses=ItemOutput,
    )
    def post(self, request: Request, item_id: int) -> Response:
        access.require_secretariat(request.user)
        item = access.access_item_for_user(request.user, item_id)
        data = TriageInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.item_triage(user=request.user, item=item, **data.validated_data)
        return Response(ItemOutput(item).data)


class AgendaApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="The ordered agenda with time slots, numbers and decisions "
        "(secretariat; members once announced)",
        responses=dict,
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        entries = selectors.agenda(user=request.user, meeting=meeting)
        return Response(
            {
                "meeting": MeetingDetailOutput(meeting).data,
                "version": meeting.agenda_version,
                "current_item_id": meeting.current_item_id,
                "entries": AgendaEntryOutput(entries, many=True).data,
            }
        )


class OrderEntryInput(serializers.Serializer):
    id = serializers.IntegerField(min_value=1)
    parent_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)


class OrderInput(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    order = serializers.ListField(child=OrderEntryInput(), max_length=500)


class AgendaOrderApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Reorder and nest the agenda (secretariat). 409 with the current order and "
        "version if someone else reordered since `version`",
        request=OrderInput,
        responses=dict,
    )
    def put(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        data = OrderInput(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = services.agenda_reorder(
            user=request.user,
            meeting=meeting,
            version=data.validated_data["version"],
            order=[(e["id"], e["parent_id"]) for e in data.validated_data["order"]],
        )
        return Response(
            {"version": meeting.agenda_version, "order": services.agenda_order_of(meeting)}
        )


# --- attendance -------------------------------------------------------------------------------


class AttendanceInput(serializers.Serializer):
    present = serializers.BooleanField(required=False, allow_null=True, default=None)
    rsvp = serializers.ChoiceField(
        choices=Rsvp.choices, required=False, allow_null=True, default=None
    )
    delegates = serializers.CharField(
        max_length=300, required=False, allow_null=True, allow_blank=True, default=None
    )


class AttendanceListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Invited member parks, replies and presence (alliance readers)",
        responses=AttendanceOutput(many=True),
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        rows = selectors.attendance_list(user=request.user, meeting=meeting)
        return Response(AttendanceOutput(rows, many=True).data)


class AttendanceDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Record presence (secretariat) or reply and name delegates (the park's own staff)",
        request=AttendanceInput,
        responses=AttendanceOutput,
    )
    def patch(self, request: Request, meeting_id: int, park_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        access.require_attendance_writer(request.user, park_id)  # before reading the body
        data = AttendanceInput(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.attendance_update(
            user=request.user, meeting=meeting, park_id=park_id, **data.validated_data
        )
        return Response(AttendanceOutput(row).data)


# --- decisions and votes ----------------------------------------------------------------------


class ActionInput(serializers.Serializer):
    text = serializers.CharField(max_length=500)
    deadline = serializers.DateField()
    owner_park_id = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
    owner_unit = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class DecisionInput(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    vote = serializers.BooleanField(default=False)
    actions = serializers.ListField(
        child=ActionInput(), required=False, default=list, max_length=50
    )


class DecisionListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Decisions of a meeting (secretariat; members once announced)",
        responses=DecisionOutput(many=True),
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        rows = selectors.decision_list(user=request.user, meeting=meeting)
        return Response(DecisionOutput(rows, many=True).data)


class ItemDecisionApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Record a decision on an item, quorum checked (secretariat)",
        request=DecisionInput,
        responses={201: DecisionOutput},
    )
    def post(self, request: Request, item_id: int) -> Response:
        access.require_secretariat(request.user)
        item = access.access_item_for_user(request.user, item_id)
        data = DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        decision = services.decision_record(user=request.user, item=item, **data.validated_data)
        return Response(DecisionOutput(decision).data, status=201)


class VoteInput(serializers.Serializer):
    choice = serializers.ChoiceField(choices=Choice.choices)


class VoteApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Vote for your park, once (member-park staff)",
        request=VoteInput,
        responses={201: VoteOutput},
    )
    def post(self, request: Request, decision_id: int) -> Response:
        access.require_member_staff(request.user)
        decision = access.access_decision_for_user(request.user, decision_id)
        data = VoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        vote = services.vote_cast(user=request.user, decision=decision, **data.validated_data)
        return Response(VoteOutput(vote).data, status=201)


class DecisionCloseApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Close the vote; a passed decision's action items are created (secretariat)",
        request=None,
        responses=DecisionOutput,
    )
    def post(self, request: Request, decision_id: int) -> Response:
        access.require_secretariat(request.user)
        decision = access.access_decision_for_user(request.user, decision_id)
        decision = services.decision_close_vote(user=request.user, decision=decision)
        return Response(DecisionOutput(decision).data)


# --- action items -----------------------------------------------------------------------------


class ActionListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Action items across meetings (alliance readers); `mine=true` for your park's",
        parameters=[
            OpenApiParameter("park", int),
            OpenApiParameter("unit", str),
            OpenApiParameter("status", str),
            OpenApiParameter("overdue", bool),
            OpenApiParameter("meeting", int),
            OpenApiParameter("mine", bool),
        ],
        responses=ActionOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        park_id = _int_param(request, "park")
        if _bool_param(request, "mine"):
            park_id = access.member_park_id(request.user) or 0
        rows = selectors.action_list(
            user=request.user,
            park_id=park_id,
            unit=(request.query_params.get("unit") or "")[:100] or None,
            status=_choice_param(request, "status", list(ActionStatus.values)),
            overdue=_bool_param(request, "overdue"),
            meeting_id=_int_param(request, "meeting"),
        )
        return Response(ActionOutput(rows[:1000], many=True).data)


class ActionDashboardApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Action items per responsible unit (alliance readers)", responses={200: LIST}
    )
    def get(self, request: Request) -> Response:
        rows = selectors.action_dashboard(user=request.user)
        return Response([row.__dict__ for row in rows])


class ActionUpdateInput(serializers.Serializer):
    deadline = serializers.DateField(required=False)
    text = serializers.CharField(max_length=500, required=False)
    owner_park_id = serializers.IntegerField(min_value=1, required=False)
    owner_unit = serializers.CharField(max_length=100, required=False, allow_blank=True)


class ActionDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="One action item with its progress updates (alliance readers)", responses=dict
    )
    def get(self, request: Request, action_id: int) -> Response:
        action = access.access_action_for_user(request.user, action_id)
        body = dict(ActionOutput(action).data)
        body["updates"] = ActionUpdateOutput(
            action.updates.select_related("author"), many=True
        ).data
        return Response(body)

    @extend_schema(
        summary="Change deadline, text or owner (secretariat)",
        request=ActionUpdateInput,
        responses=ActionOutput,
    )
    def patch(self, request: Request, action_id: int) -> Response:
        access.require_secretariat(request.user)
        action = access.access_action_for_user(request.user, action_id)
        data = ActionUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        action = services.action_update(user=request.user, action=action, **data.validated_data)
        return Response(ActionOutput(action).data)


class ProgressInput(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    evidence_url = serializers.URLField(
        max_length=500, required=False, allow_blank=True, default=""
    )


class ActionProgressApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Report progress with evidence (the owner park's staff; secretariat)",
        request=ProgressInput,
        responses={201: ActionUpdateOutput},
    )
    def post(self, request: Request, action_id: int) -> Response:
        action = access.access_action_for_user(request.user, action_id, for_write=True)
        data = ProgressInput(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.action_progress_add(
            user=request.user, action=action, **data.validated_data
        )
        return Response(ActionUpdateOutput(update).data, status=201)


# --- suggestions, minutes, calendar -----------------------------------------------------------


class SuggestionApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Suggested items (overdue action items, stalled joint-investment projects) and "
        "the status of earlier decisions (secretariat)",
        parameters=[OpenApiParameter("stalled_days", int)],
        responses={200: LIST},
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        stalled_days = _int_param(request, "stalled_days")
        if stalled_days is not None and not 1 <= stalled_days <= 3650:
            raise ValidationFailed(
                Bilingual(
                    zh="参数 stalled_days 须在 1 到 3650 之间。",
                    en="stalled_days must be between 1 and 3650.",
                ),
                {"field": "stalled_days"},
            )
        rows = selectors.suggestions(
            user=request.user,
            meeting=meeting,
            stalled_days=stalled_days or selectors.STALLED_PROJECT_DAYS,
        )
        return Response([row.__dict__ for row in rows])


class MinutesListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Every version of a meeting's minutes, newest first (alliance readers)",
        responses=MinutesOutput(many=True),
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id)
        rows = selectors.minutes_list(user=request.user, meeting=meeting)
        return Response(MinutesOutput(rows, many=True).data)

    @extend_schema(
        summary="Draft (or redraft) the minutes from agenda and decisions (secretariat)",
        request=None,
        responses={201: MinutesOutput},
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = access.access_meeting_for_user(request.user, meeting_id, for_write=True)
        minutes = services.minutes_draft(user=request.user, meeting=meeting)
        return Response(MinutesOutput(minutes).data, status=201)


class MinutesEditInput(serializers.Serializer):
    body = serializers.CharField(max_length=200000, trim_whitespace=False)


class MinutesDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One version of the minutes (alliance readers)", responses=MinutesOutput)
    def get(self, request: Request, minutes_id: int) -> Response:
        minutes = access.access_minutes_for_user(request.user, minutes_id)
        return Response(MinutesOutput(minutes).data)

    @extend_schema(
        summary="Edit a draft (secretariat); published versions are locked",
        request=MinutesEditInput,
        responses=MinutesOutput,
    )
    def patch(self, request: Request, minutes_id: int) -> Response:
        minutes = access.access_minutes_for_user(request.user, minutes_id, for_write=True)
        data = MinutesEditInput(data=request.data)
        data.is_valid(raise_exception=True)
        minutes = services.minutes_edit(user=request.user, minutes=minutes, **data.validated_data)
        return Response(MinutesOutput(minutes).data)


class MinutesPublishApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Publish and lock a draft (secretariat)", request=None, responses=MinutesOutput
    )
    def post(self, request: Request, minutes_id: int) -> Response:
        minutes = access.access_minutes_for_user(request.user, minutes_id, for_write=True)
        minutes = services.minutes_publish(user=request.user, minutes=minutes)
        return Response(MinutesOutput(minutes).data)


class ReviewInput(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class MinutesReviewApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Comment on a draft (attendees: member-park staff, secretariat)",
        request=ReviewInput,
        responses={201: ReviewOutput},
    )
    def post(self, request: Request, minutes_id: int) -> Response:
        minutes = access.access_minutes_for_user(request.user, minutes_id)
        data = ReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.minutes_review_add(
            user=request.user, minutes=minutes, **data.validated_data
        )
        return Response(ReviewOutput(review).data, status=201)


EXPORTS = {
    "docx": (
        exports.minutes_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (exports.minutes_pdf, "application/pdf"),
}


class MinutesExportApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Download the minutes as DOCX or PDF (alliance readers)",
        responses={(200, "application/octet-stream"): bytes},
    )
    def get(self, request: Request, minutes_id: int, fmt: str) -> HttpResponse:
        minutes = access.access_minutes_for_user(request.user, minutes_id)
        render, content_type = EXPORTS[fmt]
        response = HttpResponse(render(minutes), content_type=content_type)
        name = f"minutes-{minutes.meeting_id}-v{minutes.version}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class CalendarApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="iCal feed: your meetings (secretariat: all; member staff: your park's)",
        parameters=[OpenApiParameter("park", int)],
        responses={(200, "text/calendar"): str},
    )
    def get(self, request: Request) -> HttpResponse:
        own = access.require_alliance_reader(request.user)
        park_id = _int_param(request, "park")
        if own is not None:
            park_id = own
        rows = selectors.calendar_meetings(user=request.user, park_id=park_id)
        name = "联席会议 Joint meetings" if user_is_curator(request.user) else "联席会议"
        body = meetings_ics(rows, name=name, now=timezone.now())
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class FeedScopeInput(serializers.Serializer):
    scope = serializers.ChoiceField(choices=["user", "park"], default="user")
    park_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)


class CalendarSubscriptionOutput(serializers.ModelSerializer):
    scope = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = CalendarFeed
        fields = ["scope", "park_id", "url", "created_at"]

    def get_scope(self, feed: CalendarFeed) -> str:
        return "park" if feed.park_id else "user"

    def get_url(self, feed: CalendarFeed) -> str:
        path = f"/api/alliance/calendar/feeds/{feed.token}.ics"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class CalendarSubscriptionApi(APIView):
    """The secret feed URLs a calendar app can subscribe to without signing in."""

    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Your secret iCal URL (scope=user) or your park's (scope=park; the secretariat "
        "names the park), made on first use (alliance readers)",
        parameters=[OpenApiParameter("scope", str), OpenApiParameter("park", int)],
        responses=CalendarSubscriptionOutput,
    )
    def get(self, request: Request) -> Response:
        scope = _choice_param(request, "scope", ["user", "park"]) or "user"
        feed = services.calendar_feed_get(
            user=request.user, scope=scope, park_id=_int_param(request, "park")
        )
        return Response(CalendarSubscriptionOutput(feed, context={"request": request}).data)

    @extend_schema(
        summary="Regenerate a secret iCal URL; the old one stops working (the user; the park's "
        "staff or the secretariat)",
        request=FeedScopeInput,
        responses={201: CalendarSubscriptionOutput},
    )
    def post(self, request: Request) -> Response:
        access.require_alliance_reader(request.user)
        data = FeedScopeInput(data=request.data)
        data.is_valid(raise_exception=True)
        feed = services.calendar_feed_regenerate(user=request.user, **data.validated_data)
        return Response(
            CalendarSubscriptionOutput(feed, context={"request": request}).data, status=201
        )


class CalendarFeedApi(APIView):
    """A secret feed: the token in the URL is the only credential (calendar apps cannot sign
    in). A wrong or replaced token is a 404."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="iCal feed behind a secret URL (no sign-in)",
        responses={(200, "text/calendar"): str},
        auth=[],
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        name, rows = selectors.calendar_feed_meetings(token=token)
        body = meetings_ics(rows, name=name, now=timezone.now())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, max-age=300"
        response["Referrer-Policy"] = "no-referrer"
        return response

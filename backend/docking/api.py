"""Online docking API (/api/docking/).

Who may read / write (rules in access.py):
- postings: every signed-in user with a role reads what visibility allows (public and
  anonymous: everyone; alliance-only: member-park staff; drafts etc.: the owner); park staff
  and organisation users write for their own side, the secretariat for anyone; researchers
  never write. Review and the moderation switch: the secretariat.
- requests: park staff and organisation users send them for their own side; the two sides
  and the secretariat read them and move them on.
- threads and messages: the two sides and the secretariat.
- saved searches: each user their own.
- statistics and exports: the secretariat.
An anonymous posting's owner appears in no response to anyone but its owner and the
secretariat (outputs.owner_out), exports included.
"""

from __future__ import annotations

import csv
from io import BytesIO, StringIO
from typing import Any

from django.http import FileResponse, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import require_curator, require_reader, require_writer
from backend.core.errors import NotFound, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.docking import access, outputs, selectors, services
from backend.docking.models import (
    MAX_RENEWAL_DAYS,
    Message,
    PostingKind,
    PostingStatus,
    PostingVisibility,
    RequestStatus,
    SavedSearch,
)
from backend.matching.models import Positioning
from backend.network.api.common import (
    Pagination,
    label_zh_en,
    paginated,
    query_bool,
    query_choice,
    query_int,
    query_text,
)
from backend.network.models import City, Industry, Organisation, Park

LIST_LIMIT = 200


def _valid(serializer_class: type[serializers.Serializer], data: Any, **kw: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data, **kw)
    if not serializer.is_valid():
        raise ValidationFailed(detail=serializer.errors)
    return dict(serializer.validated_data)


class _PkField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {
        "does_not_exist": "找不到编号为 {pk_value} 的对象 / no object with id {pk_value}",
        "incorrect_type": "应为编号 / expected an id",
    }


# --- Postings ----------------------------------------------------------------------------------


class PostingInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PostingKind.choices)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    industries = _PkField(queryset=Industry.objects.all(), many=True, required=False)
    region = _PkField(queryset=City.objects.all(), required=False, allow_null=True)
    visibility = serializers.ChoiceField(choices=PostingVisibility.choices, required=False)
    expires_at = serializers.DateTimeField(required=False)
    owner_park = _PkField(
        queryset=Park.objects.all(),
        required=False,
        help_text="secretariat only; others post for their own side",
    )
    owner_organisation = _PkField(
        queryset=Organisation.objects.all(),
        required=False,
        help_text="secretariat only; others post for their own side",
    )
    submit = serializers.BooleanField(
        required=False, default=False, help_text="publish (or send to review) at once"
    )


class PostingUpdateInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PostingKind.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    industries = _PkField(queryset=Industry.objects.all(), many=True, required=False)
    region = _PkField(queryset=City.objects.all(), required=False, allow_null=True)
    visibility = serializers.ChoiceField(choices=PostingVisibility.choices, required=False)


def _posting_out(request: Request, posting: Any) -> dict[str, Any]:
    return dict(outputs.PostingOutput(posting, context={"request": request}).data)


def _filters(request: Request) -> selectors.PostingFilters:
    return selectors.PostingFilters(
        q=query_text(request, "q", max_length=100),
        kind=query_choice(request, "kind", list(PostingKind.values)),
        industry_id=query_int(request, "industry", minimum=1),
        region_id=query_int(request, "region", minimum=1),
        owner_park_id=query_int(request, "owner_park", minimum=1),
        owner_organisation_id=query_int(request, "owner_organisation", minimum=1),
        status=query_choice(request, "status", list(PostingStatus.values)),
        mine=bool(query_bool(request, "mine")),
        include_expired=bool(query_bool(request, "include_expired")),
    )


POSTING_FILTER_PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description="full-text search: Chinese without spaces or mixed terms; every term must "
        "match (AND), case-insensitive",
    ),
    OpenApiParameter("kind", str, enum=list(PostingKind.values)),
    OpenApiParameter("industry", int, description="industry id (its sub-industries count)"),
    OpenApiParameter("region", int, description="city id"),
    OpenApiParameter("owner_park", int),
    OpenApiParameter("owner_organisation", int),
    OpenApiParameter("status", str, enum=list(PostingStatus.values)),
    OpenApiParameter("mine", bool, description="only my side's postings (any status)"),
    OpenApiParameter("include_expired", bool),
    OpenApiParameter("page", int),
    OpenApiParameter("page_size", int),
]


class PostingListApi(APIView):
    """GET: postings this user may see, newest first, with filters and full-text search
    (paginated). POST: a park or organisation posts (a draft, or at once with submit=true)."""

    pagination_class = Pagination  # so that the schema shows the paginated shape

    @extend_schema(parameters=POSTING_FILTER_PARAMETERS, responses=outputs.PostingOutput(many=True))
    def get(self, request: Request) -> Response:
        postings = selectors.posting_list_for_user(request.user, _filters(request))
        return paginated(request, self, postings, outputs.PostingOutput)

    @extend_schema(request=PostingInput, responses={201: outputs.PostingOutput})
    def post(self, request: Request) -> Response:
        require_writer(request.user)
        data = _valid(PostingInput, request.data)
        owner = services.acting_party(
            request.user,
            park=data.pop("owner_park", None),
            organisation=data.pop("owner_organisation", None),
        )
        posting = services.posting_create(user=request.user, owner=owner, **data)
        return Response(_posting_out(request, posting), status=201)


class ReviewQueueApi(APIView):
    """GET: postings waiting for review, oldest first (the secretariat)."""

    pagination_class = Pagination  # so that the schema shows the paginated shape

    @extend_schema(responses=outputs.PostingOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(request, self, selectors.review_queue(request.user), outputs.PostingOutput)


class PostingDetailApi(APIView):
    """GET: one posting (404 if the user may not see it). PATCH: its owner or the secretariat,
    unless closed; with moderation on, an owner's edit of a published posting goes back to
    review."""

    @extend_schema(responses=outputs.PostingOutput)
    def get(self, request: Request, posting_id: int) -> Response:
        posting = access.access_posting_for_user(request.user, posting_id)
        return Response(_posting_out(request, posting))

    @extend_schema(request=PostingUpdateInput, responses=outputs.PostingOutput)
    def patch(self, request: Request, posting_id: int) -> Response:
        require_writer(request.user)
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        data = _valid(PostingUpdateInput, request.data, partial=True)
        posting = services.posting_update(user=request.user, posting=posting, **data)
        return Response(_posting_out(request, posting))


class PostingSubmitApi(APIView):
    """POST: draft or rejected -> published (or pending review when moderation is on)."""

    @extend_schema(request=None, responses=outputs.PostingOutput)
    def post(self, request: Request, posting_id: int) -> Response:
        require_writer(request.user)
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        posting = services.posting_submit(user=request.user, posting=posting)
        return Response(_posting_out(request, posting))


class DockingReviewInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approve", "reject"])
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True)


class PostingReviewApi(APIView):
    """POST: the secretariat publishes or rejects (reason required) a pending posting."""

    @extend_schema(request=DockingReviewInput, responses=outputs.PostingOutput)
    def post(self, request: Request, posting_id: int) -> Response:
        require_curator(request.user)
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        data = _valid(DockingReviewInput, request.data)
        posting = services.posting_review(
            user=request.user,
            posting=posting,
            approve=data["decision"] == "approve",
            reason=data.get("reason", ""),
        )
        return Response(_posting_out(request, posting))


class DockingNoteInput(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class PostingCloseApi(APIView):
    """POST: published -> closed (owner or secretariat)."""

    @extend_schema(request=DockingNoteInput, responses=outputs.PostingOutput)
    def post(self, request: Request, posting_id: int) -> Response:
        require_writer(request.user)
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        data = _valid(DockingNoteInput, request.data)
        posting = services.posting_close(
            user=request.user, posting=posting, note=data.get("note", "")
        )
        return Response(_posting_out(request, posting))


class DockingRenewInput(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=MAX_RENEWAL_DAYS)


class PostingRenewApi(APIView):
    """POST {days}: extend a published (also an expired) posting; its owner only."""

    @extend_schema(request=DockingRenewInput, responses=outputs.PostingOutput)
    def post(self, request: Request, posting_id: int) -> Response:
        require_writer(request.user)
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        data = _valid(DockingRenewInput, request.data)
        posting = services.posting_renew(user=request.user, posting=posting, days=data["days"])
        return Response(_posting_out(request, posting))


class PostingHistoryApi(APIView):
    """GET: status history (who and when) — the owner and the secretariat."""

    @extend_schema(responses=outputs.DockingStatusChangeOutput(many=True))
    def get(self, request: Request, posting_id: int) -> Response:
        posting = access.access_posting_for_user(request.user, posting_id, for_write=True)
        rows = selectors.posting_history(posting)
        return Response(outputs.status_changes_out(rows, hide_people=False))


class RecommendationsApi(APIView):
    """GET ?limit=: counterpart organisations from the graph for a posting this user may see,
    each with a reason sentence and the path behind it. For an anonymous posting, viewers
    other than the owner and the secretariat get only reasons that do not pass through the
    owner. Neo4j down: 503."""

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description="1–50, default 20")],
        responses=inline_serializer(
            "DockingRecommendations",
            {
                "posting": outputs.PostingSummaryOutput(),
                "counterparts": outputs.DockingCounterpartOutput(many=True),
            },
        ),
    )
    def get(self, request: Request, posting_id: int) -> Response:
        posting = access.access_posting_for_user(request.user, posting_id)
        limit = query_int(request, "limit", minimum=1, maximum=50, default=20) or 20
        found = selectors.recommendations_for(request.user, posting, limit=limit)
        return Response(
            {
                "posting": outputs.posting_summary(request.user, posting),
                "counterparts": [outputs.counterpart_out(c, posting.owner_party) for c in found],
            }
        )


# --- Requests ----------------------------------------------------------------------------------


class DockingRequestInput(serializers.Serializer):
    message = serializers.CharField(max_length=5_000)
    proposed_times = serializers.ListField(
        child=serializers.DateTimeField(), required=False, max_length=5
    )
    requester_park = _PkField(
        queryset=Park.objects.all(), required=False, help_text="secretariat only"
    )
    requester_organisation = _PkField(
        queryset=Organisation.objects.all(), required=False, help_text="secretariat only"
    )


def _request_out(request: Request, row: Any) -> dict[str, Any]:
    return outputs.request_out(request.user, row)


class PostingRequestsApi(APIView):
    """GET: requests on this posting the user may see (the owner and the secretariat: all;
    a requester: its own). POST: ask to dock (park staff, organisation users for their own
    side; the secretariat names the requester)."""

    @extend_schema(responses=outputs.DockingRequestOutput(many=True))
    def get(self, request: Request, posting_id: int) -> Response:
        posting = access.access_posting_for_user(request.user, posting_id)
        rows = selectors.request_list_for_user(request.user, posting=posting)[:LIST_LIMIT]
        return Response([_request_out(request, r) for r in rows])

    @extend_schema(request=DockingRequestInput, responses={201: outputs.DockingRequestOutput})
    def post(self, request: Request, posting_id: int) -> Response:
        require_writer(request.user)
        posting = access.access_posting_for_user(request.user, posting_id)
        data = _valid(DockingRequestInput, request.data)
        requester = services.acting_party(
            request.user,
            park=data.get("requester_park"),
            organisation=data.get("requester_organisation"),
        )
        row = services.request_create(
            user=request.user,
            posting=posting,
            requester=requester,
            message=data["message"],
            proposed_times=data.get("proposed_times", []),
        )
        row = access.access_request_for_user(request.user, row.pk)
        return Response(_request_out(request, row), status=201)


class RequestListApi(APIView):
    """GET ?direction=incoming|outgoing&status=: the requests of the user's side (the
    secretariat: all)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("direction", str, enum=["incoming", "outgoing"]),
            OpenApiParameter("status", str, enum=list(RequestStatus.values)),
        ],
        responses=outputs.DockingRequestOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        rows = selectors.request_list_for_user(
            request.user,
            direction=query_choice(request, "direction", ["incoming", "outgoing"]),
            status=query_choice(request, "status", list(RequestStatus.values)),
        )
        return Response([_request_out(request, r) for r in rows[:LIST_LIMIT]])


class DockingRequestDetailOutput(outputs.DockingRequestOutput):
    history = outputs.DockingStatusChangeOutput(many=True)


class RequestDetailApi(APIView):
    """GET: one request with its history (the two sides and the secretariat)."""

    @extend_schema(responses=DockingRequestDetailOutput)
    def get(self, request: Request, request_id: int) -> Response:
        row = access.access_request_for_user(request.user, request_id)
        body = _request_out(request, row)
        # The owner's users are people of an anonymous owner: not named to the requester.
        hide = row.posting.is_anonymous and not access.user_sees_owner(request.user, row.posting)
        body["history"] = outputs.status_changes_out(
            selectors.request_history(row), hide_people=hide
        )
        return Response(body)


class DockingTransitionInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    reason = serializers.CharField(
        max_length=300, required=False, allow_blank=True, help_text="required to decline"
    )


class RequestTransitionApi(APIView):
    """POST {status, reason}: requested -> accepted | declined (owner) | closed (requester);
    accepted -> in_talks | closed; in_talks -> agreed | closed. A skipped step is 409."""

    @extend_schema(request=DockingTransitionInput, responses=outputs.DockingRequestOutput)
    def post(self, request: Request, request_id: int) -> Response:
        require_writer(request.user)
        row = access.access_request_for_user(request.user, request_id)
        data = _valid(DockingTransitionInput, request.data)
        services.request_transition(
            user=request.user, request=row, to_status=data["status"], reason=data.get("reason", "")
        )
        return Response(_request_out(request, access.access_request_for_user(request.user, row.pk)))


class DockingProjectInput(serializers.Serializer):
    park = _PkField(
        queryset=Park.objects.all(), required=False, help_text="secretariat: which side's park"
    )
    industry = _PkField(
        queryset=Industry.objects.all(), required=False, help_text="default: the posting's first"
    )
    positioning = serializers.ChoiceField(choices=Positioning.choices, required=False)


class RequestProjectApi(APIView):
    """POST: an agreed docking becomes a draft joint-investment project (matching), for the
    park of the caller (staff of a party park) or the one the secretariat names."""

    @extend_schema(
        request=DockingProjectInput,
        responses={
            201: inline_serializer(
                "DockingProjectCreated",
                {
                    "project_id": serializers.IntegerField(),
                    "park": outputs.DockingRefOutput(),
                    "status": serializers.CharField(),
                    "link": serializers.CharField(),
                },
            )
        },
    )
    def post(self, request: Request, request_id: int) -> Response:
        require_writer(request.user)
        row = access.access_request_for_user(request.user, request_id)
        data = _valid(DockingProjectInput, request.data)
        project = services.request_to_project(user=request.user, request=row, **data)
        return Response(
            {
                "project_id": project.pk,
                "park": {"id": project.park_id, "name": project.park.name},
                "status": project.status,
                "link": f"/matching/projects/{project.pk}",
            },
            status=201,
        )


# --- Threads -----------------------------------------------------------------------------------


class ThreadListApi(APIView):
    """GET: the conversations of the user's side (the secretariat: all), latest first."""

    @extend_schema(responses=outputs.DockingThreadOutput(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.thread_list_for_user(request.user)[:LIST_LIMIT]
        return Response([outputs.thread_out(request.user, t) for t in rows])


class ThreadDetailApi(APIView):
    """GET: one conversation (the two sides and the secretariat)."""

    @extend_schema(responses=outputs.DockingThreadOutput)
    def get(self, request: Request, thread_id: int) -> Response:
        thread = access.access_thread_for_user(request.user, thread_id)
        return Response(outputs.thread_out(request.user, thread))


class DockingMessageInput(serializers.Serializer):
    body = serializers.CharField(max_length=5_000, required=False, allow_blank=True)
    attachment = serializers.FileField(
        required=False,
        allow_empty_file=False,
        help_text="multipart; PDF, PNG, JPEG, DOCX, XLSX or PPTX, 10 MB at most",
    )


class ThreadMessagesApi(APIView):
    """GET ?after=: messages after an id (oldest first, 200 at most). POST: write (JSON
    {body} or multipart with an attachment); the others hear it on the thread room and by
    notification."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        parameters=[OpenApiParameter("after", int, description="message id; default 0")],
        responses=outputs.DockingMessageOutput(many=True),
    )
    def get(self, request: Request, thread_id: int) -> Response:
        thread = access.access_thread_for_user(request.user, thread_id)
        after = query_int(request, "after", minimum=0, default=0) or 0
        masked = access.thread_masks_side_a(request.user, thread)
        return Response(
            [
                outputs.message_out(request.user, thread, m, masked=masked)
                for m in selectors.thread_messages(thread, after_id=after)
            ]
        )

    @extend_schema(request=DockingMessageInput, responses={201: outputs.DockingMessageOutput})
    def post(self, request: Request, thread_id: int) -> Response:
        require_writer(request.user)
        thread = access.access_thread_for_user(request.user, thread_id)
        data = _valid(DockingMessageInput, request.data)
        message = services.message_post(
            user=request.user,
            thread=thread,
            body=data.get("body", ""),
            attachment=data.get("attachment"),
        )
        masked = access.thread_masks_side_a(request.user, thread)
        return Response(
            outputs.message_out(request.user, thread, message, masked=masked), status=201
        )


class AttachmentApi(APIView):
    """GET: download a message's attachment (the two sides and the secretariat). Always sent
    as a download with its sniffed type, never rendered inline."""

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, message_id: int) -> FileResponse:
        require_reader(request.user)
        message = Message.objects.filter(pk=message_id).first()
        if message is None or not message.attachment:
            raise NotFound()
        access.access_thread_for_user(request.user, message.thread_id)
        try:
            handle = message.attachment.open("rb")
        except FileNotFoundError:
            raise NotFound() from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=message.attachment_name,
            content_type=message.attachment_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response


# --- Saved searches ----------------------------------------------------------------------------


class SavedSearchInput(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=PostingKind.choices, required=False, allow_blank=True)
    industry = _PkField(queryset=Industry.objects.all(), required=False, allow_null=True)
    region = _PkField(queryset=City.objects.all(), required=False, allow_null=True)
    text = serializers.CharField(max_length=100, required=False, allow_blank=True)
    alerts = serializers.BooleanField(required=False, default=True)


class SavedSearchOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    industry = outputs.DockingRefOutput(allow_null=True)
    region = outputs.DockingRefOutput(allow_null=True)
    text = serializers.CharField()
    alerts = serializers.BooleanField()
    created_at = serializers.DateTimeField()


def _saved_out(saved: SavedSearch) -> dict[str, Any]:
    return {
        "id": saved.pk,
        "name": saved.name,
        "kind": saved.kind,
        "industry": {"id": saved.industry_id, "name": saved.industry.name}
        if saved.industry
        else None,
        "region": {"id": saved.region_id, "name": saved.region.name} if saved.region else None,
        "text": saved.text,
        "alerts": saved.alerts,
        "created_at": saved.created_at.isoformat(),
    }


def _own_saved(request: Request, search_id: int) -> SavedSearch:
    require_reader(request.user)
    saved = selectors.saved_search_list(request.user).filter(pk=search_id).first()
    if saved is None:
        raise NotFound()
    return saved


class SavedSearchListApi(APIView):
    """GET: my saved searches. POST: save one (alerts on by default)."""

    @extend_schema(responses=SavedSearchOutput(many=True))
    def get(self, request: Request) -> Response:
        return Response([_saved_out(s) for s in selectors.saved_search_list(request.user)])

    @extend_schema(request=SavedSearchInput, responses={201: SavedSearchOutput})
    def post(self, request: Request) -> Response:
        require_reader(request.user)
        data = _valid(SavedSearchInput, request.data)
        saved = services.saved_search_create(user=request.user, **data)
        return Response(_saved_out(saved), status=201)


class SavedSearchDetailApi(APIView):
    """PATCH, DELETE: my saved search."""

    @extend_schema(request=SavedSearchInput, responses=SavedSearchOutput)
    def patch(self, request: Request, search_id: int) -> Response:
        saved = _own_saved(request, search_id)
        data = _valid(SavedSearchInput, request.data, partial=True)
        saved = services.saved_search_update(user=request.user, saved=saved, **data)
        return Response(_saved_out(saved))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, search_id: int) -> Response:
        saved = _own_saved(request, search_id)
        services.saved_search_delete(user=request.user, saved=saved)
        return Response(status=204)


class SavedSearchResultsApi(APIView):
    """GET: the postings my saved search finds now (paginated, as the posting list)."""

    pagination_class = Pagination  # so that the schema shows the paginated shape

    @extend_schema(responses=outputs.PostingOutput(many=True))
    def get(self, request: Request, search_id: int) -> Response:
        saved = _own_saved(request, search_id)
        postings = selectors.posting_list_for_user(
            request.user, selectors.saved_search_filters(saved)
        )
        return paginated(request, self, postings, outputs.PostingOutput)


# --- Settings, vocabulary, statistics ---------------------------------------------------------


class DockingSettingsInput(serializers.Serializer):
    moderation_required = serializers.BooleanField()


class SettingsApi(APIView):
    """GET: whether new postings wait for review (everyone). PUT: the secretariat."""

    @extend_schema(
        responses=inline_serializer(
            "DockingSettingsOutput", {"moderation_required": serializers.BooleanField()}
        )
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        return Response({"moderation_required": selectors.moderation_required()})

    @extend_schema(
        request=DockingSettingsInput,
        responses=inline_serializer(
            "DockingSettingsSaved", {"moderation_required": serializers.BooleanField()}
        ),
    )
    def put(self, request: Request) -> Response:
        require_curator(request.user)
        data = _valid(DockingSettingsInput, request.data)
        row = services.settings_set(
            user=request.user, moderation_required=data["moderation_required"]
        )
        return Response({"moderation_required": row.moderation_required})


class VocabularyApi(APIView):
    """GET: the choice lists with labels in the request's language."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        require_reader(request.user)

        def choices(enum: Any) -> list[dict[str, str]]:
            return [{"value": v, "label": label_zh_en(lab, request)} for v, lab in enum.choices]

        return Response(
            {
                "kinds": choices(PostingKind),
                "visibilities": choices(PostingVisibility),
                "posting_statuses": choices(PostingStatus),
                "request_statuses": choices(RequestStatus),
                "max_renewal_days": MAX_RENEWAL_DAYS,
                "attachment_types": ["pdf", "png", "jpeg", "docx", "xlsx", "pptx"],
                "attachment_max_bytes": 10 * 1024 * 1024,
            }
        )


STATS_PARAMETERS = [
    OpenApiParameter("since", OpenApiTypes.DATE, description="created on or after (YYYY-MM-DD)"),
    OpenApiParameter("until", OpenApiTypes.DATE, description="created before (YYYY-MM-DD)"),
]


def _stats_range(request: Request) -> tuple[Any, Any]:
    from datetime import datetime, time

    from django.utils import timezone

    bounds: list[Any] = []
    for name in ("since", "until"):
        raw = query_text(request, name, max_length=10)
        if raw is None:
            bounds.append(None)
            continue
        try:
            day = datetime.strptime(raw, "%Y-%m-%d").date()
        except ValueError:
            message = Bilingual(
                zh=f"参数 {name} 须为日期 YYYY-MM-DD。", en=f"Parameter {name} must be YYYY-MM-DD."
            )
            raise ValidationFailed(message, detail={name: [message.resolve()]}) from None
        bounds.append(timezone.make_aware(datetime.combine(day, time.min)))
    return bounds[0], bounds[1]


class DockingStatsOutput(serializers.Serializer):
    postings_total = serializers.IntegerField()
    postings_by_kind = serializers.DictField(child=serializers.IntegerField())
    postings_by_status = serializers.DictField(child=serializers.IntegerField())
    postings_by_park = serializers.ListField(
        child=serializers.DictField(),
        help_text="[{park_id, park, bucket: park|anonymous|no_park, count}]; anonymous "
        "postings are counted apart, never under their park",
    )
    requests_total = serializers.IntegerField()
    requests_answered = serializers.IntegerField()
    requests_accepted = serializers.IntegerField()
    acceptance_rate = serializers.FloatField(allow_null=True)
    median_hours_to_first_answer = serializers.FloatField(allow_null=True)
    agreements = serializers.IntegerField()
    projects_created = serializers.IntegerField()


class StatsApi(APIView):
    """GET ?since=&until=: the secretariat's docking statistics."""

    @extend_schema(parameters=STATS_PARAMETERS, responses=DockingStatsOutput)
    def get(self, request: Request) -> Response:
        since, until = _stats_range(request)
        stats = selectors.docking_stats(request.user, since=since, until=until)
        return Response(stats.__dict__)


def _cell(value: Any) -> Any:
    """A spreadsheet cannot run what we export: text that starts like a formula is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _export_tables(request: Request) -> dict[str, list[list[Any]]]:
    since, until = _stats_range(request)
    stats = selectors.docking_stats(request.user, since=since, until=until)
    en = str(getattr(request, "LANGUAGE_CODE", "zh-hans")).startswith("en")
    anonymous = outputs.ANONYMOUS_OWNER.resolve("en" if en else "zh-hans")
    summary: list[list[Any]] = [
        ["指标 Measure", "值 Value"],
        ["对接信息总数 Postings", stats.postings_total],
        ["对接请求总数 Requests", stats.requests_total],
        ["已答复 Answered", stats.requests_answered],
        ["已接受（含后续）Accepted or later", stats.requests_accepted],
        ["接受率 Acceptance rate", stats.acceptance_rate],
        [
            "首次答复中位时长（小时）Median hours to first answer",
            stats.median_hours_to_first_answer,
        ],
        ["达成对接 Agreements", stats.agreements],
        ["转为联合招商项目 Projects created", stats.projects_created],
    ]
    kinds = [["类型 Kind", "数量 Count"]] + [
        [label_zh_en(PostingKind(k).label, request), n]
        for k, n in sorted(stats.postings_by_kind.items())
    ]
    parks = [["园区 Park", "数量 Count"]] + [
        [anonymous if row["bucket"] == "anonymous" else (row["park"] or "—"), row["count"]]
        for row in stats.postings_by_park
    ]
    postings: list[list[Any]] = [
        [
            "编号 Id",
            "类型 Kind",
            "标题 Title",
            "发布方 Owner",
            "可见范围 Visibility",
            "状态 Status",
            "发布时间 Published",
            "到期 Expires",
            "请求数 Requests",
            "达成 Agreed",
        ]
    ]
    for p in selectors.stats_postings_rows(request.user):
        requests = list(p.requests.all())
        # Exports leave the platform: an anonymous owner is never written into one.
        owner = anonymous if p.is_anonymous else (p.owner_park or p.owner_organisation).name  # type: ignore[union-attr]
        postings.append(
            [
                p.pk,
                label_zh_en(p.get_kind_display(), request),
                p.title,
                owner,
                p.visibility,
                p.status,
                p.published_at.isoformat() if p.published_at else "",
                p.expires_at.isoformat(),
                len(requests),
                sum(1 for r in requests if r.status == RequestStatus.AGREED),
            ]
        )
    return {"summary": summary, "kinds": kinds, "parks": parks, "postings": postings}


class StatsCsvApi(APIView):
    """GET ?table=summary|kinds|parks|postings&since=&until=: one table as CSV (UTF-8 with
    BOM, so Excel reads the Chinese). The secretariat; anonymous owners are never named."""

    @extend_schema(
        parameters=[
            OpenApiParameter("table", str, enum=["summary", "kinds", "parks", "postings"]),
            *STATS_PARAMETERS,
        ],
        responses={(200, "text/csv"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request) -> HttpResponse:
        require_curator(request.user)
        table = query_choice(request, "table", ["summary", "kinds", "parks", "postings"])
        rows = _export_tables(request)[table or "summary"]
        buffer = StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow([_cell(v) for v in row])
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="docking-{table or "summary"}.csv"'
        return response


class StatsExcelApi(APIView):
    """GET ?since=&until=: every table as an Excel workbook (the secretariat)."""

    @extend_schema(
        parameters=STATS_PARAMETERS,
        responses={
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiTypes.BINARY
        },
    )
    def get(self, request: Request) -> HttpResponse:
        from openpyxl import Workbook

        require_curator(request.user)
        tables = _export_tables(request)
        book = Workbook()
        titles = {
            "summary": "概览 Summary",
            "kinds": "按类型 By kind",
            "parks": "按园区 By park",
            "postings": "信息列表 Postings",
        }
        first = True
        for key, title in titles.items():
            sheet = book.active if first else book.create_sheet()
            first = False
            sheet.title = title
            for row in tables[key]:
                sheet.append([_cell(v) for v in row])
        out = BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="docking-stats.xlsx"'
        return response

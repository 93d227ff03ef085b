"""Notifications over HTTP: the list behind the bell, read state and email preferences.

Who may call: any signed-in user (session or token), whatever their role, including accounts
without a role yet and read-only researchers: everything here reads or changes only the
caller's own notifications and preferences. Another user's notification answers 404, never 403,
so ids reveal nothing. Titles, bodies and labels come back in the request's language.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.notifications.kinds import NotificationKind, is_urgent, kind_label
from backend.notifications.models import Notification
from backend.notifications.selectors import (
    access_notification_for_user,
    notification_list,
    notification_unread_summary,
    preference_list,
)
from backend.notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preference_set,
)


class NotificationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    urgent = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    link = serializers.CharField()
    created = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)

    def get_kind_label(self, row: Notification) -> str:
        return kind_label(row.kind).resolve()

    def get_urgent(self, row: Notification) -> bool:
        return is_urgent(row.kind)

    def get_title(self, row: Notification) -> str:
        return row.title.resolve()

    def get_body(self, row: Notification) -> str:
        return row.body.resolve()


class ListFilterInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NotificationKind.choices, required=False)
    unread = serializers.BooleanField(required=False, allow_null=True, default=None)


class NotificationPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class NotificationListApi(APIView):
    """GET: the caller's own notifications, newest first; `?kind=`, `?unread=true|false`,
    `?page=`, `?page_size=` (at most 100). Any signed-in user; own rows only."""

    pagination_class = NotificationPagination  # so that the schema shows the paginated shape

    @extend_schema(
        summary="List my notifications",
        parameters=[ListFilterInput],
        responses=NotificationOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = ListFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = notification_list(user=request.user, **filters.validated_data)
        paginator = NotificationPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(NotificationOutput(page, many=True).data)


class NotificationDetailApi(APIView):
    """GET: one of the caller's own notifications (404 for anyone else's)."""

    @extend_schema(summary="One of my notifications", responses=NotificationOutput)
    def get(self, request: Request, notification_id: int) -> Response:
        row = access_notification_for_user(request.user, notification_id)
        return Response(NotificationOutput(row).data)


class NotificationReadApi(APIView):
    """POST: mark one of the caller's own notifications read (idempotent). Any signed-in user
    for their own notifications, researchers included (it changes no shared data)."""

    @extend_schema(summary="Mark one notification read", request=None, responses=NotificationOutput)
    def post(self, request: Request, notification_id: int) -> Response:
        row = access_notification_for_user(request.user, notification_id)
        row = notification_mark_read(user=request.user, notification=row)
        return Response(NotificationOutput(row).data)


class ReadAllInput(serializers.Serializer):
    up_to_id = serializers.IntegerField(required=False, min_value=0)


class NotificationReadAllApi(APIView):
    """POST: mark all of the caller's unread notifications read, up to `up_to_id` if given (the
    newest one the caller has seen). Any signed-in user, own notifications only."""

    @extend_schema(
        summary="Mark all my notifications read",
        request=ReadAllInput,
        responses=inline_serializer("ReadAllOutput", {"marked": serializers.IntegerField()}),
    )
    def post(self, request: Request) -> Response:
        data = ReadAllInput(data=request.data or {})
        data.is_valid(raise_exception=True)
        marked = notification_mark_all_read(
            user=request.user, up_to_id=data.validated_data.get("up_to_id")
        )
        return Response({"marked": marked})


class UnreadCountApi(APIView):
    """GET: the caller's unread count and newest notification id (where a fresh websocket
    resumes from). Any signed-in user."""

    @extend_schema(
        summary="My unread count",
        responses=inline_serializer(
            "UnreadCountOutput",
            {"unread": serializers.IntegerField(), "latest_id": serializers.IntegerField()},
        ),
    )
    def get(self, request: Request) -> Response:
        summary = notification_unread_summary(user=request.user)
        return Response({"unread": summary.unread, "latest_id": summary.latest_id})


class PreferenceOutput(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    urgent = serializers.BooleanField()
    in_app = serializers.SerializerMethodField()
    email = serializers.BooleanField()

    def get_kind_label(self, preference: Any) -> str:
        return str(preference.label.resolve())

    def get_in_app(self, preference: Any) -> bool:
        return True


class PreferenceInput(serializers.Serializer):
    email = serializers.BooleanField()


class PreferenceListApi(APIView):
    """GET: every notification kind with the caller's choice (in-app always on, email
    optional). Any signed-in user, own preferences only."""

    @extend_schema(summary="My notification preferences", responses=PreferenceOutput(many=True))
    def get(self, request: Request) -> Response:
        return Response(PreferenceOutput(preference_list(user=request.user), many=True).data)


class PreferenceUpdateApi(APIView):
    """PUT: turn email on or off for one kind. Any signed-in user, own preferences only;
    email needs an address on the account (400 otherwise)."""

    @extend_schema(
        summary="Set email for one notification kind",
        request=PreferenceInput,
        responses=PreferenceOutput,
    )
    def put(self, request: Request, kind: str) -> Response:
        data = PreferenceInput(data=request.data)
        data.is_valid(raise_exception=True)
        notification_preference_set(
            user=request.user, kind=kind, email=data.validated_data["email"]
        )
        chosen = next(p for p in preference_list(user=request.user) if p.kind == kind)
        return Response(PreferenceOutput(chosen).data)

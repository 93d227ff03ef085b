"""Saved queries: named read-only Cypher with declared parameters, versioned.

Who may list and run: console users (researchers, secretariat, administrators) see shared
queries and their own; park staff and organisation users see and run shared ones with their
parameters. Who may create: console users. Who may edit or archive: the author, the
secretariat, administrators; an edit of the text, description or parameters adds a version,
and every run records the version it ran.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.research import selectors, services
from backend.research.access import (
    access_saved_query_for_user,
    require_console_user,
    require_saved_query_user,
)
from backend.research.api.common import (
    Pagination,
    SavedQueryOutput,
    VersionOutput,
    console_answer,
)
from graph import console


class SavedQueryInput(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    description = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    cypher = serializers.CharField(trim_whitespace=False, max_length=console.MAX_QUERY_CHARS)
    parameters = serializers.JSONField(required=False, default=list)  # type: ignore[arg-type]
    shared = serializers.BooleanField(required=False, default=True)


class SavedQueryUpdateInput(serializers.Serializer):
    name = serializers.CharField(max_length=120, required=False)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    cypher = serializers.CharField(
        trim_whitespace=False, max_length=console.MAX_QUERY_CHARS, required=False
    )
    parameters = serializers.JSONField(required=False)
    shared = serializers.BooleanField(required=False)


class SavedQueryRunInput(serializers.Serializer):
    parameters = serializers.JSONField(required=False, default=dict)
    version = serializers.IntegerField(required=False, min_value=1)
    timeout_s = serializers.FloatField(
        required=False,
        default=console.DEFAULT_TIMEOUT_S,
        min_value=console.MIN_TIMEOUT_S,
        max_value=console.MAX_TIMEOUT_S,
    )
    row_cap = serializers.IntegerField(
        required=False, default=console.DEFAULT_ROW_CAP, min_value=1, max_value=console.MAX_ROW_CAP
    )


class SavedQueryListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Saved queries this user may see and run",
        parameters=[OpenApiParameter("q", str)],
        responses=SavedQueryOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_saved_query_user(request.user)
        search = (request.query_params.get("q") or "").strip()[:100] or None
        queries = selectors.saved_query_list(user=request.user, search=search)
        paginator = Pagination()
        page = paginator.paginate_queryset(queries, request, view=self)
        body = SavedQueryOutput(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(body)

    @extend_schema(
        summary="Save a query as version 1 (console users)",
        request=SavedQueryInput,
        responses={201: SavedQueryOutput},
    )
    def post(self, request: Request) -> Response:
        require_console_user(request.user)  # who may, before what they sent
        data = SavedQueryInput(data=request.data)
        data.is_valid(raise_exception=True)
        saved = services.saved_query_create(user=request.user, **data.validated_data)
        return Response(SavedQueryOutput(saved, context={"request": request}).data, status=201)


class SavedQueryDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One saved query with its current version", responses=SavedQueryOutput)
    def get(self, request: Request, saved_query_id: int) -> Response:
        saved = access_saved_query_for_user(request.user, saved_query_id)
        return Response(SavedQueryOutput(saved, context={"request": request}).data)

    @extend_schema(
        summary="Rename, share, or edit (a new version); author, secretariat, administrators",
        request=SavedQueryUpdateInput,
        responses=SavedQueryOutput,
    )
    def patch(self, request: Request, saved_query_id: int) -> Response:
        saved = access_saved_query_for_user(request.user, saved_query_id, for_write=True)
        data = SavedQueryUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        updated = services.saved_query_update(
            user=request.user, saved_query=saved, **data.validated_data
        )
        return Response(SavedQueryOutput(updated, context={"request": request}).data)

    @extend_schema(
        summary="Archive a saved query (its versions stay for the audit)", responses={204: None}
    )
    def delete(self, request: Request, saved_query_id: int) -> Response:
        saved = access_saved_query_for_user(request.user, saved_query_id, for_write=True)
        services.saved_query_archive(user=request.user, saved_query=saved)
        return Response(status=204)


class SavedQueryVersionListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Every version of a saved query, newest first", responses=VersionOutput(many=True)
    )
    def get(self, request: Request, saved_query_id: int) -> Response:
        saved = access_saved_query_for_user(request.user, saved_query_id)
        versions = selectors.saved_query_versions(saved_query=saved)
        return Response(VersionOutput(versions, many=True).data)


class SavedQueryRunApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Run a saved query with its parameters (current or a given version); audited",
        request=SavedQueryRunInput,
        responses=dict,
    )
    def post(self, request: Request, saved_query_id: int) -> Response:
        saved = access_saved_query_for_user(request.user, saved_query_id)
        data = SavedQueryRunInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        run, result = services.saved_query_run(
            user=request.user,
            saved_query=saved,
            parameters=values["parameters"],
            version_number=values.get("version"),
            timeout_s=values["timeout_s"],
            row_cap=values["row_cap"],
        )
        return Response(console_answer(run, result))

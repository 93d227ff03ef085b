"""Exports of a query result or a subgraph as GraphML, CSV (zip) or JSON.

Who may create: console users for any kind; park staff and organisation users for saved
queries they may run and their own runs of them. Who may read and download: the job's owner,
the secretariat and administrators. Small exports answer 201 with the finished job; large
ones answer 202 and progress arrives on the user's socket (topic "research.export").
"""

from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.core.errors import NotFound, PermissionDenied
from backend.network.api.common import query_choice
from backend.research import selectors
from backend.research.access import (
    EVERYONE_ONLY_SECRETARIAT,
    access_export_for_user,
    require_saved_query_user,
    user_sees_everything,
)
from backend.research.api.common import ExportOutput, Pagination
from backend.research.errors import ExportNotReady
from backend.research.exports import export_file_path, export_job_create
from backend.research.lib.formats import CONTENT_TYPES, EXTENSIONS
from backend.research.models import ExportFormat, ExportKind, ExportStatus


class ExportInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ExportKind.choices)
    format = serializers.ChoiceField(choices=ExportFormat.choices)
    spec = serializers.JSONField()


class ExportListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Export jobs: one's own, or everyone's for the secretariat (scope=all)",
        parameters=[OpenApiParameter("scope", str)],
        responses=ExportOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_saved_query_user(request.user)
        everyone = query_choice(request, "scope", ["mine", "all"]) == "all"
        if everyone and not user_sees_everything(request.user):
            raise PermissionDenied(EVERYONE_ONLY_SECRETARIAT)
        jobs = selectors.export_list(user=request.user, everyone=everyone)
        paginator = Pagination()
        page = paginator.paginate_queryset(jobs, request, view=self)
        return paginator.get_paginated_response(
            ExportOutput(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        summary="Export a query result or a subgraph (small: 201 done; large: 202 queued)",
        request=ExportInput,
        responses={201: ExportOutput, 202: ExportOutput},
    )
    def post(self, request: Request) -> Response:
        require_saved_query_user(request.user)  # who may, before what they sent
        data = ExportInput(data=request.data)
        data.is_valid(raise_exception=True)
        job = export_job_create(user=request.user, **data.validated_data)
        status = 202 if job.status in (ExportStatus.PENDING, ExportStatus.RUNNING) else 201
        return Response(ExportOutput(job, context={"request": request}).data, status=status)


class ExportDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One export job", responses=ExportOutput)
    def get(self, request: Request, export_id: int) -> Response:
        job = access_export_for_user(request.user, export_id)
        return Response(ExportOutput(job, context={"request": request}).data)


class ExportDownloadApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="The export's file, once done",
        responses={
            (200, content_type): OpenApiTypes.OBJECT if name == "json" else OpenApiTypes.BINARY
            for name, content_type in CONTENT_TYPES.items()
        },
    )
    def get(self, request: Request, export_id: int) -> FileResponse:
        job = access_export_for_user(request.user, export_id)
        if job.status != ExportStatus.DONE:
            raise ExportNotReady(detail={"status": job.status})
        path = export_file_path(job)
        if path is None or not path.exists():
            raise NotFound()
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"ningju-export-{job.pk}.{EXTENSIONS[job.format]}",
            content_type=CONTENT_TYPES[job.format],
        )

"""The audit of console runs.

Who may read: every user who may run queries sees their own runs; the secretariat and
administrators see everyone's (`scope=all`, optionally `user=<id>`). Nobody writes here.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.core.errors import PermissionDenied
from backend.network.api.common import query_choice, query_int
from backend.research import selectors
from backend.research.access import (
    EVERYONE_ONLY_SECRETARIAT,
    access_run_for_user,
    require_saved_query_user,
    user_sees_everything,
)
from backend.research.api.common import Pagination, RunOutput
from backend.research.models import RunOutcome, RunSource


class RunListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Console run history: one's own, or everyone's for the secretariat",
        parameters=[
            OpenApiParameter(n, str)
            for n in ("scope", "user", "outcome", "source", "saved_query", "page", "page_size")
        ],
        responses=RunOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_saved_query_user(request.user)
        everyone = query_choice(request, "scope", ["mine", "all"]) == "all"
        if everyone and not user_sees_everything(request.user):
            raise PermissionDenied(EVERYONE_ONLY_SECRETARIAT)
        runs = selectors.run_list(
            user=request.user,
            everyone=everyone,
            outcome=query_choice(request, "outcome", list(RunOutcome.values)),
            source=query_choice(request, "source", list(RunSource.values)),
            user_id=query_int(request, "user", minimum=1),
            saved_query_id=query_int(request, "saved_query", minimum=1),
        )
        paginator = Pagination()
        page = paginator.paginate_queryset(runs, request, view=self)
        body = RunOutput(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(body)


class RunDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One console run (own, or any for the secretariat)", responses=RunOutput)
    def get(self, request: Request, run_id: int) -> Response:
        run = access_run_for_user(request.user, run_id)
        return Response(RunOutput(run, context={"request": request}).data)

"""Platform-level endpoints: health. Who may call: everyone, signed in or not (it reveals
which parts answer, never data)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.core.health import check_health

_PART = inline_serializer(
    "HealthPart",
    {
        "name": serializers.CharField(),
        "status": serializers.ChoiceField(choices=["up", "down", "not_configured"]),
        "required": serializers.BooleanField(),
        "latency_ms": serializers.FloatField(allow_null=True),
        "detail": serializers.CharField(),
    },
    many=True,
)
_REPORT = inline_serializer(
    "HealthReport",
    {
        "status": serializers.ChoiceField(choices=["ok", "degraded"]),
        "checked_at": serializers.DateTimeField(),
        "down": serializers.ListField(child=serializers.CharField()),
        "parts": _PART,
    },
)


class HealthApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        summary="Health of every part (database, Redis, channel layer, Celery, Neo4j)",
        responses={200: _REPORT, 503: OpenApiResponse(_REPORT, description="a part is down")},
    )
    def get(self, request: Request) -> Response:
        report = check_health()
        response = Response(report.as_dict(), status=200 if report.healthy else 503)
        response["Cache-Control"] = "no-store"
        return response

"""GET /api/audit: the audit log of curated data, agreements, decisions and accounts.
Secretariat and administrators only; everyone else 403 (anonymous 403 not signed in)."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.audit.selectors import audit_entries
from backend.core.errors import ValidationFailed
from backend.network.api.common import Pagination, paginated

_ACTIONS = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
    LogEntry.Action.ACCESS: "access",
}


class AuditFilterInput(serializers.Serializer):
    model = serializers.RegexField(r"^[a-z_]+\.[a-z_]+$", required=False, max_length=100)
    object_id = serializers.CharField(required=False, max_length=64)
    actor = serializers.IntegerField(required=False, min_value=1)


class AuditEntryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    timestamp = serializers.DateTimeField()
    action = serializers.SerializerMethodField()
    model = serializers.SerializerMethodField()
    object_id = serializers.CharField(source="object_pk")
    object_repr = serializers.CharField()
    actor = serializers.SerializerMethodField()
    remote_addr = serializers.CharField(allow_null=True)
    changes = serializers.JSONField()

    def get_action(self, entry: LogEntry) -> str:
        return _ACTIONS.get(entry.action, str(entry.action))

    def get_model(self, entry: LogEntry) -> str:
        return f"{entry.content_type.app_label}.{entry.content_type.model}"

    def get_actor(self, entry: LogEntry) -> dict[str, Any] | None:
        if entry.actor is None:
            return None
        return {"id": entry.actor.pk, "username": entry.actor.get_username()}


class AuditLogApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(parameters=[AuditFilterInput], responses=AuditEntryOutput(many=True))
    def get(self, request: Request) -> Response:
        filters = AuditFilterInput(data=request.query_params)
        if not filters.is_valid():
            raise ValidationFailed(detail=filters.errors)
        entries = audit_entries(
            request.user,
            model=filters.validated_data.get("model"),
            object_id=filters.validated_data.get("object_id"),
            actor_id=filters.validated_data.get("actor"),
        )
        return paginated(request, self, entries, AuditEntryOutput)

"""The research console: free read-only Cypher through the guard (graph/console.py).

Who may run, check or see the schema: researchers, the secretariat and administrators. Park
staff and organisation users run saved queries instead (saved_queries.py); users without a
role and anonymous users get nothing. Every run, refusals included, is audited (runs.py).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.core.graph import graph_database, graph_driver
from backend.research import services
from backend.research.access import require_console_user
from backend.research.api.common import console_answer
from backend.research.errors import from_console_error
from graph import console
from graph.console import ConsoleError


class CypherText(serializers.CharField):
    """Query text as typed: control characters (NUL included) reach the guard, which refuses
    them with its reason and audits the attempt, instead of a bare validation error."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(trim_whitespace=False, allow_blank=True, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class ConsoleInput(serializers.Serializer):
    # Longer than the guard's limit on purpose: an over-long query is refused (and audited)
    # by the guard with its reason, not dropped by the serializer.
    cypher = CypherText(max_length=200_000)
    parameters = serializers.JSONField(required=False, default=dict)
    timeout_s = serializers.FloatField(
        required=False,
        default=console.DEFAULT_TIMEOUT_S,
        min_value=console.MIN_TIMEOUT_S,
        max_value=console.MAX_TIMEOUT_S,
    )
    row_cap = serializers.IntegerField(
        required=False, default=console.DEFAULT_ROW_CAP, min_value=1, max_value=console.MAX_ROW_CAP
    )


class ConsoleRunApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Run read-only Cypher (console users); audited",
        request=ConsoleInput,
        responses=dict,
    )
    def post(self, request: Request) -> Response:
        data = ConsoleInput(data=request.data)
        data.is_valid(raise_exception=True)
        run, result = services.console_run(user=request.user, **data.validated_data)
        return Response(console_answer(run, result))


class ConsoleCheckInput(serializers.Serializer):
    cypher = CypherText(max_length=200_000)
    parameters = serializers.JSONField(required=False, default=dict)


class ConsoleCheckApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Check Cypher against the guard (EXPLAIN, no run); console users",
        request=ConsoleCheckInput,
        responses=dict,
    )
    def post(self, request: Request) -> Response:
        require_console_user(request.user)
        data = ConsoleCheckInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            info = console.check_console_query(
                graph_driver(),
                graph_database(),
                data.validated_data["cypher"],
                data.validated_data["parameters"],
            )
        except ConsoleError as exc:
            raise from_console_error(exc) from exc
        return Response(
            {
                "ok": True,
                "query_type": info.query_type,
                "operators": sorted(set(info.operators)),
                "procedures": info.procedures,
                "estimated_rows": info.max_estimated_rows,
                "parameters": console.parameter_names(data.validated_data["cypher"]),
            }
        )


class ConsoleSchemaApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Labels, relationship types and property keys for the editor; console users",
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        schema = console.console_schema(graph_driver(), graph_database())
        return Response(
            {
                **asdict(schema),
                "limits": {
                    "timeout_s": {
                        "default": console.DEFAULT_TIMEOUT_S,
                        "min": console.MIN_TIMEOUT_S,
                        "max": console.MAX_TIMEOUT_S,
                    },
                    "row_cap": {"default": console.DEFAULT_ROW_CAP, "max": console.MAX_ROW_CAP},
                    "max_path_hops": console.MAX_PATH_HOPS,
                    "max_query_chars": console.MAX_QUERY_CHARS,
                },
                "procedures": sorted(console.ALLOWED_PROCEDURES),
            }
        )

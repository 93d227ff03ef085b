"""One JSON error shape for the whole API: `{"code", "message", "detail"}`.

`message` is in the request's language (Accept-Language: zh-Hans first, English available);
`detail` carries field errors or structured context. Unreachable Neo4j or Redis become 503s
that say which part is down; anything unexpected is logged and still answers JSON.
"""

from __future__ import annotations

import logging
from typing import Any

import neo4j.exceptions
import redis.exceptions
from django import db
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions as drf
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import set_rollback

from backend.core.errors import (
    ApplicationError,
    DatabaseUnavailable,
    GraphUnavailable,
    NotFound,
    PermissionDenied,
    RedisUnavailable,
    ValidationFailed,
)
from backend.core.lib.bilingual import Bilingual
from graph.errors import GraphUnavailable as GraphDriverUnavailable

logger = logging.getLogger(__name__)

_DRF_MESSAGES: dict[type[drf.APIException], tuple[str, Bilingual]] = {
    drf.NotAuthenticated: (
        "not_authenticated",
        Bilingual(zh="请先登录。", en="Sign in first."),
    ),
    drf.AuthenticationFailed: (
        "authentication_failed",
        Bilingual(zh="身份验证失败，请重新登录。", en="Authentication failed; sign in again."),
    ),
    drf.MethodNotAllowed: (
        "method_not_allowed",
        Bilingual(zh="不支持此请求方法。", en="This HTTP method is not allowed here."),
    ),
    drf.NotAcceptable: (
        "not_acceptable",
        Bilingual(zh="无法提供所请求的格式。", en="The requested format cannot be served."),
    ),
    drf.UnsupportedMediaType: (
        "unsupported_media_type",
        Bilingual(
            zh="不支持的内容类型，请以 JSON 提交。", en="Unsupported content type; send JSON."
        ),
    ),
    drf.ParseError: (
        "parse_error",
        Bilingual(zh="请求内容无法解析，请检查格式。", en="The request body could not be parsed."),
    ),
    drf.Throttled: (
        "throttled",
        Bilingual(zh="请求过于频繁，请稍后再试。", en="Too many requests; wait and retry."),
    ),
}

CSRF_FAILED = Bilingual(
    zh="安全校验失败（缺少或无效的 CSRF 令牌），请刷新页面后重试。",
    en="Security check failed (missing or invalid CSRF token); reload the page and retry.",
)


def _body(code: str, message: Bilingual | str, detail: Any = None) -> dict[str, Any]:
    text = message.resolve() if isinstance(message, Bilingual) else message
    return {"code": code, "message": text, "detail": detail}


def _from_application_error(exc: ApplicationError) -> Response:
    return Response(_body(exc.code, exc.message, exc.detail), status=exc.status_code)


def _from_drf(exc: drf.APIException) -> Response:
    headers: dict[str, str] = {}
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        headers["WWW-Authenticate"] = str(auth_header)
    wait = getattr(exc, "wait", None)
    if wait:
        headers["Retry-After"] = str(int(wait))

    if isinstance(exc, drf.ValidationError):
        return Response(
            _body(ValidationFailed.code, ValidationFailed.default_message, exc.detail),
            status=exc.status_code,
        )
    if isinstance(exc, drf.PermissionDenied):
        text = str(exc.detail)
        if text.startswith("CSRF Failed"):
            return Response(_body("csrf_failed", CSRF_FAILED, text), status=403)
        detail = None if text == str(drf.PermissionDenied.default_detail) else text
        return Response(
            _body(PermissionDenied.code, PermissionDenied.default_message, detail), status=403
        )
    if isinstance(exc, drf.NotFound):
        return Response(_body(NotFound.code, NotFound.default_message), status=404)
    for kind, (code, message) in _DRF_MESSAGES.items():
        if isinstance(exc, kind):
            return Response(_body(code, message), status=exc.status_code, headers=headers)
    return Response(_body(str(exc.default_code), str(exc.detail)), status=exc.status_code)


def handle_api_exception(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every error of every API view passes through here."""
    set_rollback()
    if isinstance(exc, ApplicationError):
        return _from_application_error(exc)
    if isinstance(exc, Http404):
        return _from_application_error(NotFound())
    if isinstance(exc, DjangoPermissionDenied):
        return _from_application_error(PermissionDenied())
    if isinstance(exc, drf.APIException):
        return _from_drf(exc)
    if isinstance(exc, GraphDriverUnavailable | neo4j.exceptions.ServiceUnavailable):
        logger.warning("Neo4j unavailable during %s: %s", _where(context), exc)
        return _from_application_error(GraphUnavailable(detail={"part": "neo4j"}))
    if isinstance(exc, db.OperationalError | db.InterfaceError):
        # The connection is marked unusable and replaced on the next request: the app
        # recovers by itself once PostgreSQL is back.
        logger.warning("PostgreSQL unavailable during %s: %s", _where(context), exc)
        return _from_application_error(DatabaseUnavailable(detail={"part": "postgresql"}))
    if isinstance(exc, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
        logger.warning("Redis unavailable during %s: %s", _where(context), exc)
        return _from_application_error(RedisUnavailable(detail={"part": "redis"}))

    logger.exception("Unexpected error during %s", _where(context))
    return Response(
        _body(
            "server_error",
            Bilingual(
                zh="服务器内部错误，已记录，请稍后重试或联系管理员。",
                en="Internal error; it has been logged. Retry later or contact the administrator.",
            ),
        ),
        status=500,
    )


def _where(context: dict[str, Any]) -> str:
    request: Request | None = context.get("request")
    view = context.get("view")
    name = type(view).__name__ if view is not None else "?"
    if request is None:
        return name
    return f"{name} {request.method} {request.get_full_path()}"

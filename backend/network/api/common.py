"""Shared pieces of the network API: pagination, query-parameter parsing, small outputs."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def paginated(
    request: Request, view: Any, queryset: Any, output: type[serializers.Serializer]
) -> Response:
    """One page of `queryset` in the `{count, next, previous, results}` shape."""
    paginator = Pagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    data = output(page, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


class Ref(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


def label_zh_en(choice_label: str, request: Request | None) -> str:
    """Our choice labels read "中文 English"; pick the request's language."""
    zh, _, en = str(choice_label).partition(" ")
    language = getattr(request, "LANGUAGE_CODE", "zh-hans") if request else "zh-hans"
    return en if str(language).startswith("en") and en else zh


def _bad(name: str, zh: str, en: str) -> ValidationFailed:
    message = Bilingual(zh=zh, en=en)
    return ValidationFailed(message, detail={name: [message.resolve()]})


def query_int(
    request: Request,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    default: int | None = None,
) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise _bad(
            name, f"参数 {name} 须为整数。", f"Parameter {name} must be an integer."
        ) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise _bad(
            name,
            f"参数 {name} 须在 {minimum}–{maximum} 之间。",
            f"Parameter {name} must lie between {minimum} and {maximum}.",
        )
    return value


def query_bool(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    lowered = str(raw).lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise _bad(
        name, f"参数 {name} 须为 true 或 false。", f"Parameter {name} must be true or false."
    )


def query_choice(request: Request, name: str, choices: list[str]) -> str | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if raw not in choices:
        raise _bad(
            name,
            f"参数 {name} 的取值“{raw}”无效，可选：{', '.join(choices)}。",
            f"Parameter {name}={raw!r} is not one of {', '.join(choices)}.",
        )
    return str(raw)


def query_text(request: Request, name: str, *, max_length: int = 100) -> str | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    if len(raw) > max_length:
        raise _bad(
            name,
            f"参数 {name} 过长（最多 {max_length} 字）。",
            f"Parameter {name} is too long (at most {max_length} characters).",
        )
    return str(raw).strip() or None


def choice_label(instance: Any, field: str, request: Request | None) -> str:
    return label_zh_en(getattr(instance, f"get_{field}_display")(), request)

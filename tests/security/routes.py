"""Every route the platform serves, from the URL configuration and from the OpenAPI schema, as
(method, path template) pairs in one spelling: `/api/parks/{park_id}`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
_LOOKAHEAD = re.compile(r"\(\?!([^)]*)\)")


def _piece(pattern: Any) -> str:
    if isinstance(pattern, RoutePattern):
        return _CONVERTER.sub(r"{\1}", str(pattern._route))
    if isinstance(pattern, RegexPattern):
        regex = pattern._regex.removeprefix("^").removesuffix("$")
        regex = _LOOKAHEAD.sub("", regex)  # the web app's "anything but /api/..." guard
        return _GROUP.sub(r"{\1}", regex).replace("\\.", ".")
    raise TypeError(f"unknown pattern {pattern!r}")


def _walk(patterns: list[Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        here = prefix + _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, here)
        elif isinstance(entry, URLPattern):
            yield here, entry.callback


def _methods(callback: Any) -> tuple[str, ...]:
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is None:
        return ("GET",)  # a plain function view: declared in the matrix row by row
    return tuple(
        m
        for m in HTTP_METHODS
        if m.lower() in view_class.http_method_names and hasattr(view_class, m.lower())
    )


def url_routes(*, skip_prefixes: tuple[str, ...] = ("/admin/",)) -> dict[tuple[str, str], Any]:
    """(method, template) -> view callback for every route of the URLconf outside
    `skip_prefixes` (Django's admin has its own tests)."""
    routes: dict[tuple[str, str], Any] = {}
    for template, callback in _walk(get_resolver().url_patterns, "/"):
        if template.startswith(skip_prefixes):
            continue
        for method in _methods(callback):
            routes[(method, template)] = callback
    return routes


def openapi_schema() -> dict[str, Any]:
    """The public OpenAPI document, exactly as /api/schema/ serves it (JSON types only)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema, renderer_context={}))


def schema_routes(schema: dict[str, Any] | None = None) -> set[tuple[str, str]]:
    schema = schema if schema is not None else openapi_schema()
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method.upper() in HTTP_METHODS
    }

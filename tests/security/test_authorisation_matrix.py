"""Every REST route, tried by seven users against one world of real objects: the outcome must be
the one the matrix (matrix.py) declares, and never a server error. A route that is served but
missing from the matrix fails, as does a row for a route no longer served."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.security.conftest import undone
from tests.security.matrix import BY_KEY, OUTCOME_STATUSES, ROWS, Row
from tests.security.routes import openapi_schema, schema_routes, url_routes
from tests.security.world import PDF, USERS, World, client_for

pytestmark = pytest.mark.django_db

# Served by the URLconf but not described by the OpenAPI schema, on purpose: the schema and its
# viewer themselves, machine endpoints outside /api, the web app and the API's JSON 404.
NOT_IN_SCHEMA = {
    ("GET", "/api/schema/"),
    ("GET", "/api/docs/"),
    ("GET", "/api/{path}"),
    ("GET", "/healthz"),
    ("GET", "/metrics"),
    ("GET", "/{path}"),
}
# Values for the catch-all routes' path parameter.
CATCH_ALL = {"/{path}": "network", "/api/{path}": "no-such-endpoint"}
_PARAM = re.compile(r"{(\w+)}")


def _fill(text: str, row: Row, world: World) -> str:
    def value(match: re.Match[str]) -> str:
        name = row.params.get(match.group(1), match.group(1))
        return str(world.ids.get(name, name))

    return _PARAM.sub(value, text)


def _url(row: Row, world: World) -> str:
    if row.path in CATCH_ALL:
        return row.path.replace("{path}", CATCH_ALL[row.path])
    return _fill(row.path, row, world)


def _filled(value: Any, row: Row, world: World) -> Any:
    """A body with "{name}" strings replaced by the world's ids (as numbers)."""
    if isinstance(value, dict):
        return {k: _filled(v, row, world) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, row, world) for v in value]
    if isinstance(value, str) and _PARAM.fullmatch(value):
        return world.ids[value[1:-1]]
    return value


def call(row: Row, world: World, user: str) -> Any:
    client: APIClient = client_for(world.users[user])
    query = {k: _fill(str(v), row, world) for k, v in row.query.items()}
    url = _url(row, world)
    send = getattr(client, row.method.lower())
    if row.method == "GET":
        return undone(lambda: send(url, query))
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    body = _filled(row.body if row.body is not None else {}, row, world)
    if row.upload:
        upload = {**body, row.upload: SimpleUploadedFile("说明.pdf", PDF)}
        return undone(lambda: send(url, upload, format="multipart"))
    return undone(lambda: send(url, body, format="json"))


def outcome_of(status: int, row: Row) -> str:
    for outcome, statuses in OUTCOME_STATUSES.items():
        if status in statuses:
            return outcome
    if status in row.also:
        return "A"
    return f"?{status}"


def test_every_served_route_is_in_the_matrix_and_every_row_is_served() -> None:
    served = set(url_routes())
    described = schema_routes(openapi_schema())
    assert sorted(served - BY_KEY.keys()) == [], "routes served but missing from the matrix"
    assert sorted(described - BY_KEY.keys()) == [], "routes in the schema missing from the matrix"
    assert sorted(BY_KEY.keys() - served) == [], "matrix rows for routes no longer served"
    assert sorted(described - served) == [], "the schema describes routes that are not served"
    assert served - described == NOT_IN_SCHEMA


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.method} {row.path}" for row in ROWS])
def test_each_user_gets_the_declared_outcome(row: Row, in_world: World) -> None:
    wrong = {}
    for user in USERS:
        response = call(row, in_world, user)
        assert response.status_code < 500 or response.status_code in row.also, (
            user,
            response.status_code,
            getattr(response, "content", b"")[:500],
        )
        got = outcome_of(response.status_code, row)
        if got != row.expected(user):
            body = b"" if getattr(response, "streaming", False) else response.content[:200]
            wrong[user] = (row.expected(user), response.status_code, body)
    assert wrong == {}


def test_metrics_refuses_addresses_outside_the_allowed_networks(in_world: World) -> None:
    for user in USERS:
        response = client_for(in_world.users[user]).get("/metrics", REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 403, user


def test_django_admin_is_for_administrators_only(in_world: World) -> None:
    for user in USERS:
        client = APIClient()
        if in_world.users[user] is not None:
            client.force_login(in_world.users[user])
        response = client.get("/admin/")
        if user == "admin":
            assert response.status_code == 200
        else:
            assert response.status_code == 302, user
            assert response["Location"].startswith("/admin/login/")

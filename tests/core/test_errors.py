"""Every error, expected or not, answers one JSON shape in the caller's language."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView

from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual
from graph.errors import GraphUnavailable

pytestmark = pytest.mark.django_db


class _Boom(APIView):
    permission_classes: list[type] = []
    authentication_classes: list[type] = []

    def get(self, request: Request) -> Response:
        kind = request.query_params.get("kind")
        if kind == "graph":
            raise GraphUnavailable("connection refused")
        if kind == "app":
            raise ValidationFailed(
                Bilingual(zh="坐标超出都市圈范围。", en="Out of the circle."),
                detail={"lat": ["out of range"]},
            )
        raise RuntimeError("something nobody expected")


urlpatterns = [path("boom", _Boom.as_view())]


@override_settings(ROOT_URLCONF=__name__)
def test_an_application_error_names_the_field_in_the_callers_language(
    api_client: APIClient,
) -> None:
    zh = api_client.get("/boom?kind=app").json()
    en = api_client.get("/boom?kind=app", HTTP_ACCEPT_LANGUAGE="en").json()
    assert zh == {
        "code": "validation_error",
        "message": "坐标超出都市圈范围。",
        "detail": {"lat": ["out of range"]},
    }
    assert en["message"] == "Out of the circle."


@override_settings(ROOT_URLCONF=__name__)
def test_an_unreachable_graph_is_a_503_not_a_500(api_client: APIClient) -> None:
    response = api_client.get("/boom?kind=graph", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response.json() == {
        "code": "graph_unavailable",
        "message": "The graph database (Neo4j) is unavailable; retry shortly.",
        "detail": {"part": "neo4j"},
    }


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_error_is_logged_and_still_answers_json(
    api_client: APIClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = api_client.get("/boom")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "something nobody expected" in caplog.text


def test_an_unknown_api_route_answers_json_404(api_client: APIClient) -> None:
    response = api_client.get("/api/no-such-thing", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["message"] == "The requested item was not found."


def test_the_openapi_schema_describes_health_and_sign_in(api_client: APIClient) -> None:
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/health", "/api/auth/login", "/api/me"} <= set(paths)


def test_the_api_docs_page_needs_no_cdn(api_client: APIClient) -> None:
    response = api_client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr" not in html

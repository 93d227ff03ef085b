"""Operators and the home page ask the platform whether every part answers."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.support.processes import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_worker")]


def parts_by_name(body: dict) -> dict[str, dict]:
    return {part["name"]: part for part in body["parts"]}


def test_health_is_green_when_every_part_answers(api_client: APIClient) -> None:
    response = api_client.get("/api/health")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["down"] == []
    parts = parts_by_name(body)
    assert set(parts) == {"database", "redis", "channel_layer", "celery", "neo4j"}
    for part in parts.values():
        assert part["status"] == "up", part
        assert part["required"] is True
        assert part["latency_ms"] >= 0
    assert parts["database"]["detail"] == "postgresql"
    assert parts["channel_layer"]["detail"] == "RedisPubSubChannelLayer"
    assert "worker" in parts["celery"]["detail"]


def test_health_answers_503_naming_neo4j_when_the_graph_is_unreachable(
    api_client: APIClient, settings: object
) -> None:
    settings.NEO4J_URI = f"bolt://127.0.0.1:{free_port()}"  # type: ignore[attr-defined]
    response = api_client.get("/api/health")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "degraded"
    assert body["down"] == ["neo4j"]
    neo4j = parts_by_name(body)["neo4j"]
    assert neo4j["status"] == "down"
    assert "Neo4j" in neo4j["detail"]
    assert parts_by_name(body)["database"]["status"] == "up"


def test_health_answers_503_naming_redis_and_celery_when_redis_is_unreachable(
    api_client: APIClient, settings: object
) -> None:
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # type: ignore[attr-defined]
    body = api_client.get("/api/health").json()
    assert body["status"] == "degraded"
    assert "redis" in body["down"] and "celery" in body["down"]
    assert "neo4j" not in body["down"]

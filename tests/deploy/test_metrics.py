"""/metrics: what Prometheus reads, and who may read it. /healthz: liveness without
dependencies."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import redis
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.utils import timezone

from backend.core.metrics import allowed_networks, celery_queue_keys
from backend.network.models import OutboxEvent

pytestmark = pytest.mark.django_db


def scrape(client: Client, **extra: str) -> tuple[int, str]:
    response = client.get("/metrics", **extra)  # type: ignore[arg-type]
    return response.status_code, response.content.decode()


def value(text: str, series: str) -> float:
    match = re.search(rf"^{re.escape(series)} (\S+)$", text, re.MULTILINE)
    assert match, f"{series} not in:\n{text[:2000]}"
    return float(match.group(1))


def test_it_reports_every_part_the_queue_the_outbox_and_the_sockets(client: Client) -> None:
    status, text = scrape(client)

    assert status == 200
    for part in ("database", "redis", "channel_layer", "neo4j"):
        assert value(text, f'ningju_health_up{{part="{part}",required="true"}}') == 1
    assert 'ningju_health_up{part="celery",required="true"}' in text
    assert value(text, 'ningju_celery_queue_length{queue="ningju"}') >= 0
    assert value(text, "ningju_outbox_pending_events") >= 0
    assert value(text, "ningju_websocket_connections") >= 0
    assert value(text, 'ningju_metrics_source_up{source="outbox"}') == 1


def test_it_reports_the_outbox_backlog_and_the_age_of_its_oldest_event(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _new = OutboxEvent.objects.bulk_create(
        [OutboxEvent(entity="Park", entity_id=1, op="upsert") for _ in range(2)]
    )
    scraped_at = timezone.now()
    OutboxEvent.objects.filter(pk=old.pk).update(created_at=scraped_at - timedelta(minutes=5))
    OutboxEvent.objects.create(entity="Park", entity_id=2, op="upsert", delivered_at=scraped_at)

    # The scrape's clock stands still, so the age it reports is exact, not a wall-clock race.
    monkeypatch.setattr(timezone, "now", lambda: scraped_at)
    _, text = scrape(client)

    assert value(text, "ningju_outbox_pending_events") == 2
    assert value(text, "ningju_outbox_oldest_pending_age_seconds") == 300


def test_it_counts_tasks_waiting_in_the_celery_queue_at_every_priority(client: Client) -> None:
    queue = "metrics-test-queue"
    r = redis.Redis.from_url(str(settings.REDIS_URL))
    keys = celery_queue_keys(queue)
    try:
        r.lpush(keys[0], "task-1", "task-2")
        r.lpush(keys[2], "task-3")
        with override_settings(CELERY_TASK_DEFAULT_QUEUE=queue):
            _, text = scrape(client)
    finally:
        r.delete(*keys)
        r.close()

    assert value(text, f'ningju_celery_queue_length{{queue="{queue}"}}') == 3


def test_it_refuses_a_client_from_outside_the_allowed_networks(client: Client) -> None:
    status, text = scrape(client, REMOTE_ADDR="203.0.113.7")

    assert status == 403
    assert "ningju_" not in text


@override_settings(METRICS_TOKEN="s3cret-scrape-token", METRICS_ALLOWED_NETWORKS=[])
def test_with_a_token_and_no_trusted_network_only_the_bearer_token_opens_it(
    client: Client,
) -> None:
    assert scrape(client)[0] == 403  # loopback is no longer trusted
    assert scrape(client, HTTP_AUTHORIZATION="Bearer wrong")[0] == 403
    assert scrape(client, HTTP_AUTHORIZATION="s3cret-scrape-token")[0] == 403

    status, text = scrape(
        client, REMOTE_ADDR="10.42.0.9", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token"
    )

    assert status == 200
    assert "ningju_outbox_pending_events" in text


@override_settings(METRICS_ALLOWED_NETWORKS=["10.42.0.0/16"])
def test_a_client_in_a_named_network_may_read_it(client: Client) -> None:
    assert scrape(client, REMOTE_ADDR="10.42.7.1")[0] == 200
    assert scrape(client, REMOTE_ADDR="10.43.0.1")[0] == 403


def test_a_network_that_cannot_be_read_stops_the_start() -> None:
    with pytest.raises(ImproperlyConfigured, match="not-a-network"):
        allowed_networks(["127.0.0.0/8", "not-a-network"])


@override_settings(NEO4J_URI="bolt://127.0.0.1:9", DATABASE_REPLICA_PATHS=[])
def test_liveness_answers_without_touching_any_dependency(
    client: Client, django_assert_num_queries: object
) -> None:
    with django_assert_num_queries(0):  # type: ignore[operator]
        response = client.get("/healthz", REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    assert response.json() == {"status": "alive"}

"""Endpoints for machines: Prometheus metrics at `/metrics`, liveness at `/healthz`.

`/metrics` (Prometheus text format) is computed when scraped: the health of every part
(the same probes as /api/health), the Celery queue length (Redis LLEN of the queue, every
priority), the outbox backlog (pending events and the age of the oldest: the graph's lag behind
the system of record), and this process's open websockets. With several Daphne processes each
reports its own sockets; `sum(ningju_websocket_connections)` is the platform's total.

Who may read /metrics: a client presenting `Authorization: Bearer <METRICS_TOKEN>` (when the
setting is set), or one whose own address (REMOTE_ADDR, never a forwarded header, which anyone
can write) lies in METRICS_ALLOWED_NETWORKS (default: loopback only). Anyone else gets 403.
Behind a reverse proxy REMOTE_ADDR is the proxy's address, so the proxy must not forward
/metrics (deploy/nginx does not) or the token must be required (Kubernetes: see deploy/k8s).

`/healthz` answers 200 as long as the process serves requests, whatever Neo4j, PostgreSQL or
Redis do: a liveness probe must restart a wedged process, not every process when a dependency
is down (readiness uses /api/health for that).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import Iterable, Iterator

import redis
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from backend.core.health import NOT_CONFIGURED, UP, check_health

logger = logging.getLogger(__name__)

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

WEBSOCKETS_OPEN = Gauge(
    "ningju_websocket_connections",
    "Signed-in notification websockets open in this process.",
    registry=REGISTRY,
)
WEBSOCKETS_OPENED = Counter(
    "ningju_websocket_connections_opened",
    "Signed-in notification websockets opened by this process.",
    registry=REGISTRY,
)
WEBSOCKETS_CLOSED = Counter(
    "ningju_websocket_connections_closed",
    "Signed-in notification websockets closed in this process.",
    registry=REGISTRY,
)

# kombu's Redis transport keeps priority 0 in the list named after the queue and priorities
# 3, 6 and 9 in "<queue>\x06\x16<priority>"; messages taken but not yet acknowledged (acks_late)
# wait in the "unacked" hash.
_PRIORITY_SEPARATOR = "\x06\x16"
_PRIORITY_STEPS = (3, 6, 9)


def websocket_opened() -> None:
    WEBSOCKETS_OPEN.inc()
    WEBSOCKETS_OPENED.inc()


def websocket_closed() -> None:
    WEBSOCKETS_OPEN.dec()
    WEBSOCKETS_CLOSED.inc()


def celery_queue_keys(queue: str) -> list[str]:
    return [queue, *(f"{queue}{_PRIORITY_SEPARATOR}{step}" for step in _PRIORITY_STEPS)]


class PlatformMetrics(Collector):
    """Computed on every scrape; a source that fails is reported as down, never as a 500."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield from self._health()
        yield from self._celery()
        yield from self._outbox()

    def _health(self) -> Iterator[GaugeMetricFamily]:
        report = check_health()
        up = GaugeMetricFamily(
            "ningju_health_up",
            "1 if the part answers its health probe, else 0 (as /api/health).",
            labels=["part", "required"],
        )
        latency = GaugeMetricFamily(
            "ningju_health_latency_seconds",
            "Round trip of the part's health probe.",
            labels=["part"],
        )
        for part in report.parts:
            if part.status == NOT_CONFIGURED:
                continue
            up.add_metric([part.name, str(part.required).lower()], 1 if part.status == UP else 0)
            if part.latency_ms is not None:
                latency.add_metric([part.name], part.latency_ms / 1000)
        healthy = GaugeMetricFamily(
            "ningju_healthy", "1 if every required part is up (/api/health answers 200)."
        )
        healthy.add_metric([], 1 if report.healthy else 0)
        yield from (up, latency, healthy)

    def _celery(self) -> Iterator[GaugeMetricFamily]:
        if not settings.REDIS_URL:
            return  # eager tasks: there is no queue
        queue = str(settings.CELERY_TASK_DEFAULT_QUEUE)
        timeout = settings.HEALTH_CHECK_TIMEOUT
        client = redis.Redis.from_url(
            str(settings.REDIS_URL), socket_timeout=timeout, socket_connect_timeout=timeout
        )
        try:
            pipe = client.pipeline(transaction=False)
            for key in celery_queue_keys(queue):
                pipe.llen(key)
            pipe.hlen("unacked")
            *lengths, unacked = pipe.execute()
        except redis.RedisError as exc:
            logger.warning("metrics: Celery queue length unavailable: %s", exc)
            yield _source_up("celery_queue", False)
            return
        finally:
            client.close()
        waiting = GaugeMetricFamily(
            "ningju_celery_queue_length",
            "Tasks waiting in the Celery queue (Redis LLEN, all priorities).",
            labels=["queue"],
        )
        waiting.add_metric([queue], sum(int(n) for n in lengths))
        taken = GaugeMetricFamily(
            "ningju_celery_unacked_tasks",
            "Tasks taken by a worker and not yet acknowledged (acks_late).",
        )
        taken.add_metric([], int(unacked))
        yield from (waiting, taken, _source_up("celery_queue", True))

    def _outbox(self) -> Iterator[GaugeMetricFamily]:
        from backend.network.models import OutboxEvent

        try:
            row = OutboxEvent.objects.filter(delivered_at__isnull=True).aggregate(
                pending=Count("id"), oldest=Min("created_at")
            )
        except Exception as exc:  # the database being down is reported, not raised
            logger.warning("metrics: outbox backlog unavailable: %s", exc)
            yield _source_up("outbox", False)
            return
        pending = GaugeMetricFamily(
            "ningju_outbox_pending_events",
            "Outbox events not yet projected into Neo4j.",
        )
        pending.add_metric([], row["pending"])
        age = GaugeMetricFamily(
            "ningju_outbox_oldest_pending_age_seconds",
            "Age of the oldest pending outbox event (0 when none): the graph's lag.",
        )
        oldest = row["oldest"]
        age.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0.0)
        yield from (pending, age, _source_up("outbox", True))


def _source_up(source: str, up: bool) -> GaugeMetricFamily:
    family = GaugeMetricFamily(
        "ningju_metrics_source_up",
        "1 if the source of a group of metrics answered during this scrape.",
        labels=["source"],
    )
    family.add_metric([source], 1 if up else 0)
    return family


REGISTRY.register(PlatformMetrics())


def allowed_networks(
    values: Iterable[str],
) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"METRICS_ALLOWED_NETWORKS holds {value!r}, which is not a network."
            ) from exc
    return networks


# Fail at start-up, not at the first scrape, on a network that cannot be read.
allowed_networks(settings.METRICS_ALLOWED_NETWORKS)


def may_read_metrics(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        presented = request.headers.get("Authorization", "")
        if hmac.compare_digest(presented.encode(), f"Bearer {token}".encode()):
            return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in net for net in allowed_networks(settings.METRICS_ALLOWED_NETWORKS))


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not may_read_metrics(request):
        return HttpResponse("forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)


@never_cache
@require_GET
def liveness_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "alive"})


# Included at the site root by backend/config/urls.py.
urlpatterns = [
    path("metrics", metrics_view, name="metrics"),
    path("healthz", liveness_view, name="liveness"),
]

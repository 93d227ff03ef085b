"""Live health of every part the configuration uses, each with its latency.

A part is `up`, `down` or `not_configured`. Required parts (database and Neo4j always; Redis,
the channel layer and the Celery worker once REDIS_URL is set) decide the overall status.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import redis
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.utils import timezone

from backend.core.graph import graph_database, graph_driver
from graph.driver import ping as ping_graph

UP, DOWN, NOT_CONFIGURED = "up", "down", "not_configured"


@dataclass(frozen=True)
class PartHealth:
    name: str
    status: str
    required: bool
    latency_ms: float | None
    detail: str


@dataclass(frozen=True)
class HealthReport:
    status: str
    checked_at: str
    parts: list[PartHealth]

    @property
    def healthy(self) -> bool:
        return self.status == "ok"

    @property
    def down_parts(self) -> list[str]:
        return [p.name for p in self.parts if p.required and p.status != UP]

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "checked_at": self.checked_at,
            "down": self.down_parts,
            "parts": [asdict(p) for p in self.parts],
        }


def _timed(name: str, required: bool, probe: Callable[[], str]) -> PartHealth:
    started = time.perf_counter()
    try:
        detail = probe()
    except Exception as exc:
        return PartHealth(name, DOWN, required, None, f"{type(exc).__name__}: {exc}"[:300])
    latency = round((time.perf_counter() - started) * 1000, 2)
    return PartHealth(name, UP, required, latency, detail)


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return str(connection.vendor)


def _neo4j() -> str:
    ping_graph(graph_driver(), graph_database())
    return f"{settings.NEO4J_URI} ({graph_database()})"


def _redis_client() -> redis.Redis:
    timeout = settings.HEALTH_CHECK_TIMEOUT
    return redis.Redis.from_url(
        str(settings.REDIS_URL), socket_timeout=timeout, socket_connect_timeout=timeout
    )


def _redis() -> str:
    client = _redis_client()
    try:
        client.ping()
        info = client.info("server")
    finally:
        client.close()
    return f"redis {info.get('redis_version', '?')}"


def _channel_layer() -> str:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    token = uuid.uuid4().hex

    async def round_trip() -> Any:
        # One event loop for the whole trip: a pub/sub layer only delivers to a channel
        # subscribed on the loop that receives.
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.ping", "token": token})
        return await asyncio.wait_for(layer.receive(channel), settings.HEALTH_CHECK_TIMEOUT)

    message = async_to_sync(round_trip)()
    if message.get("token") != token:
        raise RuntimeError("the channel layer returned a different message")
    return type(layer).__name__


def _celery() -> str:
    from backend.config.celery import app

    if app.conf.task_always_eager:
        return "eager: tasks run inside the web process"
    replies = app.control.ping(timeout=settings.HEALTH_CHECK_TIMEOUT)
    if not replies:
        raise RuntimeError("no Celery worker answered the ping")
    return f"{len(replies)} worker(s): " + ", ".join(sorted(name for r in replies for name in r))


def _not_configured(name: str, detail: str) -> PartHealth:
    return PartHealth(name, NOT_CONFIGURED, False, None, detail)


def check_health() -> HealthReport:
    uses_redis = bool(settings.REDIS_URL)
    parts = [_timed("database", True, _database)]
    if uses_redis:
        redis_part = _timed("redis", True, _redis)
        parts.append(redis_part)
        parts.append(_timed("channel_layer", True, _channel_layer))
        if redis_part.status == UP:
            parts.append(_timed("celery", True, _celery))
        else:
            parts.append(PartHealth("celery", DOWN, True, None, "broker (Redis) is unreachable"))
    else:
        parts.append(_not_configured("redis", "REDIS_URL not set: single-process mode"))
        parts.append(_timed("channel_layer", True, _channel_layer))
        parts.append(_timed("celery", True, _celery))
    parts.append(_timed("neo4j", True, _neo4j))
    overall = "ok" if all(p.status == UP for p in parts if p.required) else "degraded"
    return HealthReport(overall, timezone.now().isoformat(), parts)

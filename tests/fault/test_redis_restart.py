"""Redis (channel layer and Celery broker) goes away and comes back while people work: pages
keep being served, a notice sent meanwhile is stored and reaches the user when their socket
reconnects, and the graph work queued on Celery catches up once the broker is back."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest
from neo4j import Driver
from rest_framework.authtoken.models import Token

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from backend.core.graph import graph_database
from backend.core.lib.bilingual import Bilingual
from backend.network.models import City, Park
from backend.network.outbox import outbox_pending_count
from backend.network.tasks import drain_outbox
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import Notification
from backend.notifications.services import notify
from tests.fault.services import MANAGED, call, service
from tests.notifications.live import LiveSocket

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not MANAGED, reason="servers not started by the test command"),
]

db = db_sync_to_async
CATCH_UP_S = 60  # only a "did not hang" bound
PARK_IN_GRAPH = "MATCH (p:Park {uid: $uid}) RETURN count(p) AS n"


def _token(user: User) -> str:
    return Token.objects.get_or_create(user=user)[0].key


def _notice(user: User, title: str) -> Notification:
    return notify(
        recipients=[user],
        kind=NotificationKind.ANNOUNCEMENT,
        title=Bilingual(zh=title, en=title),
    )[0]


def _park_in_graph(graph: Driver, uid: str) -> bool:
    records = graph.execute_query(PARK_IN_GRAPH, uid=uid, database_=graph_database()).records
    return int(records[0]["n"]) == 1


async def test_work_goes_on_through_a_redis_restart_and_nothing_is_lost(
    live_url: str, celery_worker: None, alice: User, bob: User, graph: Driver
) -> None:
    bob_token, alice_token = await db(_token)(bob), await db(_token)(alice)
    city = await db(City.objects.create)(name="马鞍山", province="安徽")
    socket = await LiveSocket.open(live_url, token=bob_token)
    await socket.welcome()
    seen = (await socket.hello(0))[-1]["last_id"]

    await asyncio.to_thread(service, "redis", "stop")
    try:
        status, me = await asyncio.to_thread(call, live_url, bob_token, "GET", "/api/me")
        assert (status, me["username"]) == (200, "bob")
        missed = await db(_notice)(bob, "Redis 停机期间的通知")  # stored; the push cannot go out
        status, park = await asyncio.to_thread(
            call,
            live_url,
            alice_token,
            "POST",
            "/api/network/parks",
            {"name": "慈湖高新区", "level": "national", "kind": "manufacturing", "city": city.pk},
        )
        assert status == 201, park
        assert await db(outbox_pending_count)() >= 1  # kept for the drain, not lost
    finally:
        await asyncio.to_thread(service, "redis", "start")
    with contextlib.suppress(Exception):
        await socket.close()  # the browser would reconnect; whether the old one lived is moot

    socket = await LiveSocket.open(live_url, token=bob_token)
    await socket.welcome()
    frames = await socket.hello(last_id=seen)
    assert [f["id"] for f in frames if f["type"] == "notification"] == [missed.pk]
    after = await db(_notice)(bob, "恢复后的通知")
    assert (await socket.next())["id"] == after.pk  # live again
    await socket.close()

    await asyncio.to_thread(drain_outbox.delay)  # what the next write or the beat does
    uid = (await db(Park.objects.get)(pk=park["id"])).uid
    deadline = time.monotonic() + CATCH_UP_S
    while time.monotonic() < deadline and not (
        await db(outbox_pending_count)() == 0 and _park_in_graph(graph, uid)
    ):
        await asyncio.sleep(0.5)
    assert await db(outbox_pending_count)() == 0
    assert _park_in_graph(graph, uid)

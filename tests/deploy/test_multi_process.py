"""Several web processes: two Daphne processes sharing the Redis channel layer behave as one.

A client may be on either process, and whatever reaches a user's group from one process reaches
that user's sockets on the other. Where a test shows a socket did *not* get something, it sends
a marker afterwards and checks the marker is the next frame."""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request

import pytest

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from backend.notifications.models import Notification
from tests.notifications.conftest import ids_of, notice, token_for
from tests.notifications.live import LiveSocket

pytestmark = pytest.mark.django_db(transaction=True)

db = db_sync_to_async


async def signed_in(url: str, user: User) -> LiveSocket:
    socket = await LiveSocket.open(url, token=await db(token_for)(user))
    await socket.welcome()
    assert (await socket.hello(0))[-1]["type"] == "synced"
    return socket


def post(url: str, path: str, token: str) -> int:
    request = urllib.request.Request(  # noqa: S310 - loopback
        url + path,
        method="POST",
        data=b"{}",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return int(response.status)


def one(user: User, title: str) -> Notification:
    return notice(user, title=title)[0]


async def test_a_notification_reaches_the_recipients_sockets_on_both_processes(
    two_daphnes: tuple[str, str], bob: User, alice: User
) -> None:
    a, b = two_daphnes
    on_a, on_b = await signed_in(a, bob), await signed_in(b, bob)
    other_on_b = await signed_in(b, alice)

    sent = await db(one)(bob, "两个进程都收到")

    for socket in (on_a, on_b):
        assert await socket.next() == {
            "type": "notification",
            "id": sent.pk,
            "kind": "match.created",
            "urgent": False,
        }
    marker = await db(one)(alice, "只给 alice")
    assert (await other_on_b.next())["id"] == marker.pk
    for socket in (on_a, on_b, other_on_b):
        await socket.close()


@pytest.mark.parametrize("request_to, socket_on", [(0, 1), (1, 0)], ids=["a_to_b", "b_to_a"])
async def test_a_change_made_through_one_process_reaches_a_socket_on_the_other(
    two_daphnes: tuple[str, str], bob: User, request_to: int, socket_on: int
) -> None:
    # Marking read through Daphne X sends {"type": "read"} to the user's group from process X;
    # the socket lives in process Y.
    listener = await signed_in(two_daphnes[socket_on], bob)
    unread = await db(one)(bob, "待读")
    assert (await listener.next())["id"] == unread.pk

    token = await db(token_for)(bob)
    status = await asyncio.to_thread(
        post, two_daphnes[request_to], f"/api/notifications/{unread.pk}/read", token
    )

    assert status == 200
    assert await listener.next() == {"type": "read"}
    await listener.close()


async def test_a_client_that_reconnects_to_the_other_process_misses_nothing(
    two_daphnes: tuple[str, str], bob: User
) -> None:
    a, b = two_daphnes
    socket = await signed_in(a, bob)
    seen = await db(one)(bob, "在 A 上收到")
    assert (await socket.next())["id"] == seen.pk
    await socket.close()

    missed = [await db(one)(bob, f"切换期间 {n}") for n in (1, 2)]
    socket = await LiveSocket.open(b, token=await db(token_for)(bob))
    await socket.welcome()
    frames = await socket.hello(last_id=seen.pk)

    assert ids_of(frames) == [row.pk for row in missed]
    after = await db(one)(bob, "在 B 上收到")
    assert (await socket.next())["id"] == after.pk
    await socket.close()


def websocket_gauge(url: str) -> float:
    with urllib.request.urlopen(url + "/metrics", timeout=15) as response:  # noqa: S310
        text = response.read().decode()
    match = re.search(r"^ningju_websocket_connections (\S+)$", text, re.MULTILINE)
    assert match, text[:500]
    return float(match.group(1))


async def gauge_reaches(url: str, expected: float, timeout: float = 20) -> float:
    deadline = time.monotonic() + timeout
    while True:
        value = await asyncio.to_thread(websocket_gauge, url)
        if value == expected or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.2)


async def test_each_process_counts_its_own_open_websockets_in_metrics(
    two_daphnes: tuple[str, str], bob: User
) -> None:
    a, b = two_daphnes
    base_a, base_b = (
        await asyncio.to_thread(websocket_gauge, a),
        await asyncio.to_thread(websocket_gauge, b),
    )
    sockets = [await signed_in(a, bob), await signed_in(a, bob)]

    assert await gauge_reaches(a, base_a + 2) == base_a + 2
    assert await asyncio.to_thread(websocket_gauge, b) == base_b

    for socket in sockets:
        await socket.close()
    assert await gauge_reaches(a, base_a) == base_a

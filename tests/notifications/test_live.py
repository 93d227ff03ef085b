"""Notifications through a real Daphne process and the Redis channel layer, with real websocket
clients: rollback, every tab and nobody else, reconnect after missing some, park isolation,
bad input not hurting anyone else.

Where a test shows that someone did *not* receive something, it sends them a marker afterwards
and checks that the marker is the next frame: no waiting on a clock."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from django.db import transaction
from django.test import Client
from websockets.exceptions import ConnectionClosed

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from backend.network.models import Park
from backend.notifications.models import Notification
from backend.notifications.selectors import park_recipient_ids
from backend.notifications.services import room_broadcast
from tests.notifications.conftest import ids_of, notice, token_for
from tests.notifications.live import LiveSocket

pytestmark = pytest.mark.django_db(transaction=True)

db = db_sync_to_async


class Boom(Exception):
    pass


async def signed_in(live_url: str, user: User) -> LiveSocket:
    socket = await LiveSocket.open(live_url, token=await db(token_for)(user))
    await socket.welcome()
    synced = await socket.hello(0)
    assert synced[-1]["type"] == "synced"
    return socket


def one(user: User, title: str = "新的强匹配") -> Notification:
    return notice(user, title=title)[0]


async def test_a_notification_whose_transaction_rolls_back_is_never_delivered(
    live_url: str, bob: User
) -> None:
    socket = await signed_in(live_url, bob)

    def change_that_fails() -> None:
        with contextlib.suppress(Boom), transaction.atomic():
            notice(bob, title="回滚的变更")
            raise Boom

    await db(change_that_fails)()
    marker = await db(one)(bob, "之后提交的")

    frame = await socket.next()
    assert frame["id"] == marker.pk
    assert not await db(Notification.objects.filter(title_zh="回滚的变更").exists)()
    await socket.close()


async def test_a_committed_notification_reaches_every_open_tab_of_the_recipient_and_nobody_else(
    live_url: str, bob: User, alice: User, dana: User
) -> None:
    tabs = [await signed_in(live_url, bob) for _ in range(3)]
    others = [await signed_in(live_url, alice), await signed_in(live_url, dana)]

    sent = await db(one)(bob, "给 bob 的")

    for tab in tabs:
        assert await tab.next() == {
            "type": "notification",
            "id": sent.pk,
            "kind": "match.created",
            "urgent": False,
        }
    markers = await db(notice)(alice, dana, title="给其他人的")
    for socket, marker in zip(others, markers, strict=True):
        assert (await socket.next())["id"] == marker.pk
    for socket in [*tabs, *others]:
        await socket.close()


async def test_a_client_that_misses_three_receives_exactly_those_three_in_order_on_reconnect(
    live_url: str, bob: User, alice: User
) -> None:
    socket = await signed_in(live_url, bob)
    seen = await db(one)(bob, "断线前")
    assert (await socket.next())["id"] == seen.pk
    await socket.close()

    missed = [await db(one)(bob, f"断线期间 {n}") for n in (1, 2, 3)]
    await db(one)(alice, "别人的")

    socket = await LiveSocket.open(live_url, token=await db(token_for)(bob))
    await socket.welcome()
    frames = await socket.hello(last_id=seen.pk)

    assert ids_of(frames) == [row.pk for row in missed]
    assert frames[-1] == {
        "type": "synced",
        "last_id": missed[-1].pk,
        "replayed": 3,
        "truncated": False,
    }
    after = await db(one)(bob, "重连后")
    assert await socket.next() == {
        "type": "notification",
        "id": after.pk,
        "kind": "match.created",
        "urgent": False,
    }
    await socket.close()


async def test_a_parks_staff_never_receive_another_parks_notifications(
    live_url: str, bob: User, dana: User, jiangbei: Park
) -> None:
    bob_socket, dana_socket = await signed_in(live_url, bob), await signed_in(live_url, dana)

    def tell_jiangbei() -> list[Notification]:
        rows = notice(*park_recipient_ids(park_id=jiangbei.pk), title="江北新区招商对接")
        room_broadcast(kind="park", room_id=jiangbei.pk, topic="posting.created", ref=9)
        return rows

    rows = await db(tell_jiangbei)()
    assert (await dana_socket.next())["id"] == rows[0].pk
    assert (await dana_socket.next())["topic"] == "posting.created"

    marker = await db(one)(bob, "江宁园自己的")
    assert (await bob_socket.next())["id"] == marker.pk
    assert not await db(
        Notification.objects.filter(recipient=bob, title_zh="江北新区招商对接").exists
    )()
    await bob_socket.close()
    await dana_socket.close()


async def test_a_browser_session_cookie_opens_the_socket(live_url: str, bob: User) -> None:
    client = Client()
    await db(client.force_login)(bob)
    socket = await LiveSocket.open(
        live_url,
        headers={"Cookie": f"sessionid={client.cookies['sessionid'].value}", "Origin": live_url},
    )
    assert (await socket.welcome())["user_id"] == bob.pk
    await socket.close()


async def test_an_anonymous_socket_is_closed_with_4401(live_url: str) -> None:
    socket = await LiveSocket.open(live_url, headers={"Origin": live_url})
    with pytest.raises(ConnectionClosed) as closed:
        await socket.next()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401


async def test_bad_input_on_one_socket_leaves_everyone_else_served(
    live_url: str, bob: User, alice: User
) -> None:
    rogue = await signed_in(live_url, bob)
    neighbour = await signed_in(live_url, alice)

    for garbage in ("{oops", '{"type": "hello", "last_id": "x"}', '{"type": "nope"}'):
        await rogue.send(garbage)
        assert (await rogue.next())["type"] == "error"
    await rogue.send('{"type": "hello", "pad": "' + "x" * 100_000 + '"}')
    assert (await rogue.next())["code"] == "too_large"
    with pytest.raises(ConnectionClosed) as closed:
        await rogue.next()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4413

    marker = await db(one)(alice, "服务照常")
    assert (await neighbour.next())["id"] == marker.pk
    await neighbour.send({"type": "ping"})
    assert await neighbour.next() == {"type": "pong"}
    await neighbour.close()


async def test_an_idle_socket_outlives_the_channel_layers_blocking_read(
    live_url: str, bob: User
) -> None:
    """channels-redis waits 5 s per blocking read of its queue; a Redis client whose socket
    timeout is also 5 s (redis-py 8's default) turns a quiet moment into a dead consumer."""
    socket = await signed_in(live_url, bob)
    await asyncio.sleep(7)
    sent = await db(one)(bob, "安静片刻之后")
    assert (await socket.next())["id"] == sent.pk
    await socket.close()

"""The notifications websocket in-process (channels' communicator), through the real Redis
channel layer: who may connect, the hello/replay protocol, exactly-once delivery when live
messages arrive early, late or twice, bad input, and rooms."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from rest_framework.authtoken.models import Token

from backend.accounts.models import User
from backend.config.asgi import application
from backend.core.async_db import db_sync_to_async
from backend.network.models import Park
from backend.notifications import consumers, rooms
from backend.notifications.groups import user_group
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import Notification
from backend.notifications.selectors import park_recipient_ids
from backend.notifications.services import (
    notification_mark_all_read,
    room_broadcast,
    room_join,
    room_leave,
)
from tests.notifications.conftest import ORIGIN, ids_of, notice, open_socket, say_hello

pytestmark = pytest.mark.django_db(transaction=True)

db = db_sync_to_async


def stored(user: User, title: str = "悄悄写入") -> Notification:
    """A row written without any push: as if its live message were still on its way."""
    return Notification.objects.create(
        recipient=user, kind="match.created", title_zh=title, title_en=title
    )


def one(user: User, title: str = "新的强匹配", **extra: Any) -> Notification:
    return notice(user, title=title, **extra)[0]


def live(notification: Notification, previous_id: int) -> dict[str, Any]:
    """The layer message services send for `notification` (delivery.notify_message)."""
    return {
        "type": "notify",
        "id": notification.pk,
        "prev": previous_id,
        "kind": notification.kind,
        "urgent": False,
    }


def frame(notification: Notification, urgent: bool = False) -> dict[str, Any]:
    return {
        "type": "notification",
        "id": notification.pk,
        "kind": notification.kind,
        "urgent": urgent,
    }


# --- who may connect ---------------------------------------------------------------------------


async def test_an_anonymous_websocket_is_closed_with_4401() -> None:
    communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=[ORIGIN])
    connected, _ = await communicator.connect(timeout=5)
    assert connected  # accepted only so that the client can read why it is closed
    output = await communicator.receive_output(timeout=5)
    assert output["type"] == "websocket.close"
    assert output["code"] == 4401


async def test_a_socket_from_another_sites_page_is_refused(bob: User) -> None:
    key = (await db(Token.objects.create)(user=bob)).key
    communicator = WebsocketCommunicator(
        application,
        "/ws/notifications/",
        headers=[
            (b"origin", b"https://evil.example.com"),
            (b"authorization", f"Token {key}".encode()),
        ],
    )
    connected, _ = await communicator.connect(timeout=5)
    assert not connected
    await communicator.disconnect()


async def test_the_channel_layer_under_test_is_redis() -> None:
    assert type(get_channel_layer()).__name__ == "RedisPubSubChannelLayer"


# --- hello and replay --------------------------------------------------------------------------


async def test_hello_replays_only_the_users_own_notifications_after_last_id_in_order(
    bob: User, alice: User
) -> None:
    first = await db(one)(bob, "一")
    second = await db(one)(bob, "二")
    await db(one)(alice, "不是给 bob 的")
    third = await db(one)(bob, "三", kind=NotificationKind.ACTION_ITEM_DUE)
    socket = await open_socket(bob)

    frames = await say_hello(socket, last_id=first.pk)

    assert frames == [
        frame(second),
        frame(third, urgent=True),
        {"type": "synced", "last_id": third.pk, "replayed": 2, "truncated": False},
    ]
    await socket.disconnect()


async def test_nothing_is_streamed_before_hello_and_nothing_twice_after_it(bob: User) -> None:
    socket = await open_socket(bob)
    early = await db(one)(bob, "hello 之前")  # its live message reaches the socket before hello
    assert await socket.receive_nothing(timeout=0.3)

    frames = await say_hello(socket, last_id=0)
    assert ids_of(frames) == [early.pk]
    assert frames[-1]["last_id"] == early.pk

    later = await db(one)(bob, "hello 之后")
    assert await socket.receive_json_from(timeout=5) == frame(later)
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_late_live_message_is_replayed_from_the_database_in_order_and_once(
    bob: User,
) -> None:
    layer = get_channel_layer()
    base = await db(one)(bob, "起点")
    socket = await open_socket(bob)
    await say_hello(socket, last_id=base.pk)
    # Two notifications committed by two processes; the second one's message wins the race.
    slow, fast = await db(stored)(bob, "慢"), await db(stored)(bob, "快")

    await layer.group_send(user_group(bob.pk), live(fast, previous_id=slow.pk))
    assert await socket.receive_json_from(timeout=5) == frame(slow)
    assert await socket.receive_json_from(timeout=5) == frame(fast)

    await layer.group_send(user_group(bob.pk), live(slow, previous_id=base.pk))
    await layer.group_send(user_group(bob.pk), live(fast, previous_id=slow.pk))
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_second_hello_restarts_the_stream_from_its_last_id(bob: User) -> None:
    first, second = await db(one)(bob, "一"), await db(one)(bob, "二")
    socket = await open_socket(bob)
    assert ids_of(await say_hello(socket, last_id=0)) == [first.pk, second.pk]
    assert ids_of(await say_hello(socket, last_id=first.pk)) == [second.pk]
    await socket.disconnect()


async def test_too_many_missed_notifications_ask_the_client_to_refetch(
    bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consumers, "BACKFILL_LIMIT", 3)
    rows = [await db(stored)(bob, f"第{i}条") for i in range(5)]
    socket = await open_socket(bob)

    frames = await say_hello(socket, last_id=0)

    assert frames == [{"type": "synced", "last_id": rows[-1].pk, "replayed": 0, "truncated": True}]
    newer = await db(one)(bob, "之后的")
    assert await socket.receive_json_from(timeout=5) == frame(newer)
    await socket.disconnect()


async def test_marking_read_in_one_tab_tells_the_others(bob: User) -> None:
    await db(one)(bob)
    other_tab = await open_socket(bob)
    await say_hello(other_tab)

    await db(notification_mark_all_read)(user=bob)

    assert await other_tab.receive_json_from(timeout=5) == {"type": "read"}
    await other_tab.disconnect()


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "code"),
    [
        ("{not json", "malformed"),
        ("[1, 2, 3]", "malformed"),
        ('"hello"', "malformed"),
        ('{"last_id": 3}', "malformed"),
        ('{"type": 7}', "malformed"),
        ("[" * 1500 + "]" * 1500, "malformed"),  # deeper than the JSON parser recurses
        ('{"type": "shout"}', "unknown_type"),
        ('{"type": "hello", "last_id": "12"}', "invalid_last_id"),
        ('{"type": "hello", "last_id": -1}', "invalid_last_id"),
        ('{"type": "hello", "last_id": 1.5}', "invalid_last_id"),
        ('{"type": "hello", "last_id": true}', "invalid_last_id"),
        ('{"type": "hello", "last_id": null}', "invalid_last_id"),
        ('{"type": "hello", "last_id": 99999999999999999999999}', "invalid_last_id"),
        ('{"type": "hello", "last_id": 999999999}', "unknown_last_id"),
        ('{"type": "subscribe", "room": "meeting", "id": "7"}', "invalid_room"),
        ('{"type": "subscribe", "room": "meeting", "id": 0}', "invalid_room"),
        ('{"type": "subscribe", "room": "park", "id": 1}', "unknown_room"),
        ('{"type": "subscribe", "room": "lobby", "id": 1}', "unknown_room"),
    ],
)
async def test_a_bad_frame_gets_an_error_frame_and_the_socket_keeps_working(
    bob: User, sent: str, code: str
) -> None:
    socket = await open_socket(bob)
    await socket.send_to(text_data=sent)

    error = await socket.receive_json_from(timeout=5)
    assert error["type"] == "error"
    assert error["code"] == code
    assert error["message"]

    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
    latest = await db(one)(bob)
    assert ids_of(await say_hello(socket)) == [latest.pk]
    await socket.disconnect()


async def test_a_binary_frame_is_malformed(bob: User) -> None:
    socket = await open_socket(bob)
    await socket.send_to(bytes_data=b"\x00\x01")
    assert (await socket.receive_json_from(timeout=5))["code"] == "malformed"
    await socket.disconnect()


async def test_resuming_from_another_users_notification_is_refused(bob: User, alice: User) -> None:
    hers = await db(one)(alice, "秘书处的")
    mine = await db(one)(bob, "园区的")
    socket = await open_socket(bob)

    frames = await say_hello(socket, last_id=hers.pk)

    assert [f["code"] for f in frames] == ["foreign_last_id"]
    assert "not" in frames[0]["message"] or "不是" in frames[0]["message"]
    assert ids_of(await say_hello(socket, last_id=0)) == [mine.pk]
    await socket.disconnect()


async def test_error_messages_follow_the_requested_language(bob: User) -> None:
    chinese = await open_socket(bob)
    await chinese.send_to(text_data='{"type": "shout"}')
    assert (await chinese.receive_json_from(timeout=5))["message"] == "不支持的消息类型。"
    await chinese.disconnect()

    english = await open_socket(bob, path="/ws/notifications/?lang=en")
    await english.send_to(text_data='{"type": "shout"}')
    assert (await english.receive_json_from(timeout=5))["message"] == "Unknown message type."
    await english.disconnect()


async def test_an_oversized_frame_is_answered_and_the_socket_closed_with_4413(bob: User) -> None:
    socket = await open_socket(bob)
    await socket.send_to(text_data='{"type": "hello", "pad": "' + "x" * 10_000 + '"}')

    assert (await socket.receive_json_from(timeout=5))["code"] == "too_large"
    output = await socket.receive_output(timeout=5)
    assert output["type"] == "websocket.close"
    assert output["code"] == 4413


async def test_a_socket_that_keeps_sending_garbage_is_closed_with_4400(bob: User) -> None:
    socket = await open_socket(bob)
    for _ in range(consumers.MAX_BAD_FRAMES):
        await socket.send_to(text_data="garbage")
        assert (await socket.receive_json_from(timeout=5))["code"] == "malformed"
    output = await socket.receive_output(timeout=5)
    assert output["type"] == "websocket.close"
    assert output["code"] == 4400


# --- rooms -------------------------------------------------------------------------------------


@pytest.fixture
def meetings_bob_attends(bob: User) -> Iterator[set[int]]:
    """Stands in for the meetings feature (issue 6): bob attends the meetings in this set."""
    attended = {7}
    feature_check = rooms.room_access("meeting")  # the real one, once meetings register it
    rooms.register_room_access(
        "meeting", lambda user, meeting_id: user.pk == bob.pk and meeting_id in attended
    )
    yield attended
    if feature_check is None:
        rooms.unregister_room_access("meeting")
    else:
        rooms.register_room_access("meeting", feature_check)


@pytest.fixture
def no_meeting_feature() -> Iterator[None]:
    feature_check = rooms.room_access("meeting")
    rooms.unregister_room_access("meeting")
    yield
    if feature_check is not None:
        rooms.register_room_access("meeting", feature_check)


@pytest.mark.usefixtures("no_meeting_feature")
async def test_meeting_rooms_stay_closed_until_a_feature_says_who_may_join(bob: User) -> None:
    socket = await open_socket(bob)
    await socket.send_json_to({"type": "subscribe", "room": "meeting", "id": 7})
    assert (await socket.receive_json_from(timeout=5))["code"] == "unknown_room"
    await socket.disconnect()


async def test_a_user_joins_a_meeting_room_only_if_the_meeting_feature_says_so(
    bob: User, alice: User, meetings_bob_attends: set[int]
) -> None:
    socket = await open_socket(bob)
    await socket.send_json_to({"type": "subscribe", "room": "meeting", "id": 8})
    assert (await socket.receive_json_from(timeout=5))["code"] == "room_forbidden"

    await socket.send_json_to({"type": "subscribe", "room": "meeting", "id": 7})
    assert await socket.receive_json_from(timeout=5) == {"type": "subscribed", "room": "meeting-7"}
    outsider = await open_socket(alice)
    await outsider.send_json_to({"type": "subscribe", "room": "meeting", "id": 7})
    assert (await outsider.receive_json_from(timeout=5))["code"] == "room_forbidden"

    await db(room_broadcast)(kind="meeting", room_id=7, topic="agenda.item_advanced", ref=3)
    assert await socket.receive_json_from(timeout=5) == {
        "type": "event",
        "room": "meeting-7",
        "topic": "agenda.item_advanced",
        "ref": 3,
    }
    assert await outsider.receive_nothing(timeout=0.3)

    await socket.send_json_to({"type": "unsubscribe", "room": "meeting", "id": 7})
    assert await socket.receive_json_from(timeout=5) == {
        "type": "unsubscribed",
        "room": "meeting-7",
    }
    await db(room_broadcast)(kind="meeting", room_id=7, topic="agenda.item_advanced", ref=4)
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()
    await outsider.disconnect()


async def test_a_service_puts_every_open_tab_of_a_user_into_a_meeting_room_and_out(
    bob: User,
) -> None:
    tabs = [await open_socket(bob), await open_socket(bob)]

    await db(room_join)(user_id=bob.pk, kind="meeting", room_id=12)
    for tab in tabs:
        assert await tab.receive_json_from(timeout=5) == {
            "type": "subscribed",
            "room": "meeting-12",
        }
    await db(room_broadcast)(kind="meeting", room_id=12, topic="agenda.published")
    for tab in tabs:
        assert (await tab.receive_json_from(timeout=5))["topic"] == "agenda.published"

    await db(room_leave)(user_id=bob.pk, kind="meeting", room_id=12)
    for tab in tabs:
        assert (await tab.receive_json_from(timeout=5))["type"] == "unsubscribed"
    await db(room_broadcast)(kind="meeting", room_id=12, topic="agenda.published")
    for tab in tabs:
        assert await tab.receive_nothing(timeout=0.3)
        await tab.disconnect()


async def test_a_parks_staff_never_receive_another_parks_notifications_or_events(
    bob: User, dana: User, jiangbei: Park
) -> None:
    bob_socket, dana_socket = await open_socket(bob), await open_socket(dana)
    await say_hello(bob_socket)
    await say_hello(dana_socket)

    def tell_jiangbei() -> list[Notification]:
        rows = notice(*park_recipient_ids(park_id=jiangbei.pk), title="江北新区的消息")
        room_broadcast(kind="park", room_id=jiangbei.pk, topic="posting.created", ref=5)
        return rows

    rows = await db(tell_jiangbei)()

    assert [row.recipient_id for row in rows] == [dana.pk]
    assert await dana_socket.receive_json_from(timeout=5) == frame(rows[0])
    assert (await dana_socket.receive_json_from(timeout=5))["room"] == f"park-{jiangbei.pk}"
    assert await bob_socket.receive_nothing(timeout=0.3)
    await bob_socket.disconnect()
    await dana_socket.disconnect()


# --- database connections -----------------------------------------------------------------------


def _pool_checked_out() -> int:
    """Connections of this process's pool currently handed out (0 without a pool)."""
    from django.db import connection

    pool = connection.pool
    if pool is None:
        return 0
    stats = pool.get_stats()
    return int(stats["pool_size"]) - int(stats["pool_available"])


async def test_open_sockets_hold_no_database_connection(bob: User) -> None:
    """More sockets than the pool has connections, each signed in by session lookups and
    token, each replaying its notifications: none keeps a connection once it is idle, so the
    next socket (or request) never waits for one."""
    from django.conf import settings

    await db(one)(bob)
    held_before = await db(_pool_checked_out)()
    sockets = []
    for _ in range(settings.DB_POOL_OPTIONS["max_size"] + 3):
        socket = await open_socket(bob)
        assert len(ids_of(await say_hello(socket))) == 1
        sockets.append(socket)
    assert await db(_pool_checked_out)() <= held_before
    for socket in sockets:
        await socket.disconnect()

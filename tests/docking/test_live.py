"""The docking conversation live, through a real Daphne and the Redis channel layer: both sides
and the secretariat join the thread room and hear each new message and status change; the
other side also gets a notification; a park outside the docking cannot join the room."""

from __future__ import annotations

from typing import Any

import pytest

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from tests.docking.conftest import API, World, client_for, move, ok, post_posting, request_docking
from tests.notifications.conftest import token_for
from tests.notifications.live import LiveSocket

pytestmark = pytest.mark.django_db(transaction=True)

db = db_sync_to_async


async def signed_in(live_url: str, user: User) -> LiveSocket:
    socket = await LiveSocket.open(live_url, token=await db(token_for)(user))
    await socket.welcome()
    frames = await socket.hello(0)
    assert frames[-1]["type"] == "synced"
    return socket


async def next_frame(socket: LiveSocket, kind: str) -> dict[str, Any]:
    while True:
        frame = await socket.next()
        if frame["type"] == kind or frame["type"] == "error":
            return frame


async def join(socket: LiveSocket, thread_id: int) -> dict[str, Any]:
    await socket.send({"type": "subscribe", "room": "thread", "id": thread_id})
    return await next_frame(socket, "subscribed")


async def test_both_sides_hear_the_conversation_live(live_url: str, world: World) -> None:
    def prepare() -> dict[str, Any]:
        posting = post_posting(world.bob)
        return request_docking(world.carol, posting["id"])

    request = await db(prepare)()
    thread_id = request["thread_id"]
    room = f"thread-{thread_id}"
    bob = await signed_in(live_url, world.bob)
    carol = await signed_in(live_url, world.carol)
    alice = await signed_in(live_url, world.alice)
    outsider = await signed_in(live_url, world.nina)
    sockets = [bob, carol, alice]
    try:
        for socket in sockets:
            assert await join(socket, thread_id) == {"type": "subscribed", "room": room}
        refused = await join(outsider, thread_id)
        assert refused["type"] == "error" and refused["code"] == "room_forbidden"

        def say() -> dict[str, Any]:
            return ok(
                client_for(world.carol).post(
                    f"{API}/threads/{thread_id}/messages", {"body": "下周三可以吗？"}, format="json"
                ),
                201,
            )

        message = await db(say)()
        event = {"type": "event", "room": room, "topic": "thread.message", "ref": message["id"]}
        heard = [await bob.next(), await bob.next()]  # the event and a notification, any order
        assert event in heard
        assert any(f["type"] == "notification" and f["kind"] == "docking.message" for f in heard)
        for socket in (carol, alice):  # the writer and the secretariat: the event only
            assert await next_frame(socket, "event") == event

        await db(lambda: ok(move(world.bob, request["id"], "accepted")))()
        seen = [await carol.next(), await carol.next()]  # notification and event, any order
        assert {
            "type": "event",
            "room": room,
            "topic": "thread.status",
            "ref": request["id"],
        } in seen
        assert any(f["type"] == "notification" and f["kind"] == "docking.answered" for f in seen)

        fetched = await db(
            lambda: ok(client_for(world.bob).get(f"{API}/threads/{thread_id}/messages"))
        )()
        assert fetched[-1]["id"] == message["id"]
    finally:
        for socket in (*sockets, outsider):
            await socket.close()

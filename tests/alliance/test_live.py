"""The live meeting through a real Daphne and the Redis channel layer: the secretariat moves
the current item and every attendee's socket hears it; outsiders cannot join the room; a
submitting park hears its item's screening on its park room."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from backend.network.models import Park
from tests.alliance.conftest import API, ok
from tests.alliance.flows import accept, call_meeting, live_meeting, submit
from tests.notifications.conftest import token_for
from tests.notifications.live import LiveSocket

pytestmark = pytest.mark.django_db(transaction=True)

db = db_sync_to_async


def client(user: User) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


async def signed_in(live_url: str, user: User) -> LiveSocket:
    socket = await LiveSocket.open(live_url, token=await db(token_for)(user))
    await socket.welcome()
    frames = await socket.hello(0)
    assert frames[-1]["type"] == "synced"
    return socket


async def next_frame(socket: LiveSocket, kind: str) -> dict[str, Any]:
    """The next frame of this type, skipping notifications that arrive in between."""
    while True:
        frame = await socket.next()
        if frame["type"] == kind or frame["type"] == "error":
            return frame


async def join(socket: LiveSocket, meeting_id: int) -> dict[str, Any]:
    await socket.send({"type": "subscribe", "room": "meeting", "id": meeting_id})
    return await next_frame(socket, "subscribed")


async def test_every_attendee_follows_the_current_item_and_outsiders_cannot_listen(
    live_url: str, alice: User, bob: User, dana: User, olga: User, members: list[Park]
) -> None:
    def prepare() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return live_meeting(client(alice), client(bob), [p.pk for p in members[:2]], items=3)

    meeting, items = await db(prepare)()
    room = f"meeting-{meeting['id']}"
    sockets = [await signed_in(live_url, user) for user in (alice, bob, dana)]
    outsider = await signed_in(live_url, olga)
    try:
        for socket in sockets:
            assert await join(socket, meeting["id"]) == {"type": "subscribed", "room": room}
        refused = await join(outsider, meeting["id"])
        assert refused["type"] == "error" and refused["code"] == "room_forbidden"

        for item in (items[1], items[2]):

            def advance(item_id: int = item["id"]) -> None:
                ok(
                    client(alice).put(
                        f"{API}/meetings/{meeting['id']}/current-item",
                        {"item_id": item_id},
                        format="json",
                    )
                )

            await db(advance)()
            for socket in sockets:
                frame = await next_frame(socket, "event")
                assert frame == {
                    "type": "event",
                    "room": room,
                    "topic": "agenda.item_advanced",
                    "ref": item["id"],
                }
            current = await db(lambda: ok(client(dana).get(f"{API}/meetings/{meeting['id']}")))()
            assert current["current_item_id"] == item["id"]
    finally:
        for socket in (*sockets, outsider):
            await socket.close()


async def test_a_submitting_park_hears_its_item_screened_live(
    live_url: str, alice: User, bob: User, members: list[Park]
) -> None:
    def prepare() -> tuple[int, dict[str, Any]]:
        meeting = call_meeting(client(alice))
        return meeting["id"], submit(client(bob), meeting["id"])

    _meeting_id, item = await db(prepare)()
    socket = await signed_in(live_url, bob)
    try:
        await db(lambda: accept(client(alice), item["id"]))()
        notification = await next_frame(socket, "notification")
        assert notification["kind"] == "agenda.item_triaged"
        event = await next_frame(socket, "event")
        assert event["topic"] == "agenda.item_status" and event["ref"] == item["id"]
        assert event["room"] == f"park-{members[0].pk}"
    finally:
        await socket.close()

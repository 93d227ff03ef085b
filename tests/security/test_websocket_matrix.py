"""The notifications websocket, every client message type and every room that can be joined on
request, tried by the matrix's seven users (in-process, through the real Redis channel layer).

Outcomes, in USERS order (anonymous · no_role · other_park · researcher · secretariat · admin ·
own_park): A answered as asked; D refused (anonymous: closed with 4401 at connect; a room:
`room_forbidden`). A message type the consumer accepts, or a room kind it lets clients join,
that is missing here fails the test."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.core.files.storage import FileSystemStorage
from django.test import override_settings
from neo4j import Driver

from backend.config.asgi import application
from backend.docking.models import Message
from backend.notifications.consumers import NotificationConsumer
from backend.notifications.rooms import SUBSCRIBABLE_ROOMS
from tests.security.world import USERS, World, build_world
from tests.support.graph import clean_graph

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://testserver")

# What each user may do once connected (anonymous is closed at connect: every row is D).
MESSAGES: dict[str, str] = {
    "hello": "DAAAAAA",
    "ping": "DAAAAAA",
    "unsubscribe": "DAAAAAA",  # leaving a room one is not in is harmless: always answered
}
ROOMS: dict[str, str] = {
    "meeting": "DDADAAA",  # an announced meeting: the secretariat and member-park staff
    "thread": "DDDDAAA",  # a docking thread: its two sides (A's staff) and curators
}


def accepted_message_types() -> set[str]:
    source = inspect.getsource(NotificationConsumer.receive)
    return set(re.findall(r'"(\w+)": self\._\w+', source))


@pytest.fixture
def ws_world(transactional_db: None, graph_driver: Driver, tmp_path: Path) -> Iterator[World]:
    from backend.core.graph import graph_database

    field = Message._meta.get_field("attachment")
    before = field.storage  # type: ignore[attr-defined]
    field.storage = FileSystemStorage(location=tmp_path / "attachments")  # type: ignore[attr-defined]
    clean_graph(graph_driver, graph_database())
    try:
        with override_settings(MEDIA_ROOT=tmp_path / "media", VAR_DIR=tmp_path / "var"):
            yield build_world()
    finally:
        field.storage = before  # type: ignore[attr-defined]
        clean_graph(graph_driver, graph_database())


async def _connect(world: World, user: str) -> tuple[WebsocketCommunicator, dict[str, Any]]:
    headers = [ORIGIN]
    if user in world.tokens:
        headers.append((b"authorization", f"Token {world.tokens[user]}".encode()))
    socket = WebsocketCommunicator(application, "/ws/notifications/?lang=en", headers=headers)
    connected, _ = await socket.connect(timeout=5)
    assert connected
    return socket, await socket.receive_output(timeout=5)


async def _ask(socket: WebsocketCommunicator, frame: dict[str, Any]) -> dict[str, Any]:
    """The answer to `frame`, skipping notification frames replayed by hello."""
    await socket.send_json_to(frame)
    while True:
        answer = await socket.receive_json_from(timeout=5)
        if answer["type"] != "notification":
            return answer


def test_every_message_type_and_room_is_in_the_matrix() -> None:
    assert accepted_message_types() == {*MESSAGES, "subscribe"}
    assert set(SUBSCRIBABLE_ROOMS) == set(ROOMS)


async def test_each_user_gets_the_declared_outcome_on_the_socket(ws_world: World) -> None:
    ids = ws_world.ids
    wrong: dict[tuple[str, str], Any] = {}
    for index, user in enumerate(USERS):
        socket, first = await _connect(ws_world, user)
        if user == "anonymous":
            assert first == {"type": "websocket.close", "code": 4401}
            continue
        assert first["type"] == "websocket.send"
        frames = {
            "hello": {"type": "hello", "last_id": 0},
            "ping": {"type": "ping"},
            "unsubscribe": {"type": "unsubscribe", "room": "meeting", "id": ids["meeting_id"]},
        }
        expected_type = {"hello": "synced", "ping": "pong", "unsubscribe": "unsubscribed"}
        for name, frame in frames.items():
            answer = await _ask(socket, frame)
            got = "A" if answer["type"] == expected_type[name] else f"?{answer}"
            if got != MESSAGES[name][index]:
                wrong[(user, name)] = answer
        room_ids = {"meeting": ids["meeting_id"], "thread": ids["thread_id"]}
        for room, room_id in room_ids.items():
            answer = await _ask(socket, {"type": "subscribe", "room": room, "id": room_id})
            if answer == {"type": "subscribed", "room": f"{room}-{room_id}"}:
                got = "A"
            elif answer.get("code") == "room_forbidden":
                got = "D"
            else:
                got = f"?{answer}"
            if got != ROOMS[room][index]:
                wrong[(user, f"subscribe {room}")] = answer
        # Rooms that cannot be joined on request, and unknown types, are refused for everyone.
        park = await _ask(socket, {"type": "subscribe", "room": "park", "id": ids["park_id"]})
        assert park["code"] == "unknown_room", (user, park)
        unknown = await _ask(socket, {"type": "publish", "room": "meeting", "id": 1})
        assert unknown["code"] == "unknown_type", (user, unknown)
        await socket.disconnect()
    assert wrong == {}

"""The notifications websocket: signed-in users only, messages arrive through Redis."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from rest_framework.authtoken.models import Token

from backend.accounts.models import User
from backend.config.asgi import application
from backend.notifications.groups import park_group, user_group

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://testserver")


async def connect(*headers: tuple[bytes, bytes]) -> tuple[WebsocketCommunicator, bool, int | None]:
    communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=list(headers))
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


async def test_an_anonymous_websocket_is_refused() -> None:
    communicator, connected, code = await connect(ORIGIN)
    assert not connected
    assert code == 4401
    await communicator.disconnect()


async def test_a_socket_from_another_sites_page_is_refused(bob: User) -> None:
    key = (await database_sync_to_async(Token.objects.create)(user=bob)).key
    communicator, connected, _ = await connect(
        (b"origin", b"https://evil.example.com"), (b"authorization", f"Token {key}".encode())
    )
    assert not connected
    await communicator.disconnect()


async def test_a_message_sent_through_the_redis_channel_layer_reaches_the_users_socket(
    bob: User,
) -> None:
    layer = get_channel_layer()
    assert type(layer).__name__ == "RedisChannelLayer"
    key = (await database_sync_to_async(Token.objects.create)(user=bob)).key
    communicator, connected, _ = await connect(ORIGIN, (b"authorization", f"Token {key}".encode()))
    assert connected
    assert await communicator.receive_json_from(timeout=5) == {"type": "welcome", "user_id": bob.pk}

    await layer.group_send(
        user_group(bob.pk), {"type": "notify", "event": {"type": "match.created", "id": 7}}
    )
    assert await communicator.receive_json_from(timeout=5) == {
        "type": "notification",
        "event": {"type": "match.created", "id": 7},
    }

    # bob is staff of 江宁园, so he is also in his park's room.
    await layer.group_send(
        park_group(bob.park_id), {"type": "notify", "event": {"type": "posting.created"}}
    )
    message = await communicator.receive_json_from(timeout=5)
    assert message["event"]["type"] == "posting.created"
    await communicator.disconnect()


async def test_a_user_does_not_receive_another_users_messages(bob: User, alice: User) -> None:
    layer = get_channel_layer()
    key = (await database_sync_to_async(Token.objects.create)(user=alice)).key
    communicator, connected, _ = await connect(ORIGIN, (b"authorization", f"Token {key}".encode()))
    assert connected
    await communicator.receive_json_from(timeout=5)
    await layer.group_send(user_group(bob.pk), {"type": "notify", "event": {"type": "secret"}})
    assert await communicator.receive_nothing(timeout=0.5)
    await communicator.disconnect()

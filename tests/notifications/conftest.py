"""Helpers for the notification tests: a second park's staff member, notices, sockets.

Two kinds of socket: `open_socket` talks to the ASGI app in-process (channels' communicator)
through the real Redis channel layer; tests/notifications/live.py talks to a real Daphne.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from pytest_django import DjangoDbBlocker
from rest_framework.authtoken.models import Token

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.config.asgi import application
from backend.core.async_db import db_sync_to_async
from backend.core.lib.bilingual import Bilingual
from backend.network.models import Park
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import Notification
from backend.notifications.services import notify
from tests.conftest import PASSWORD
from tests.support.processes import end_other_sessions

ORIGIN = (b"origin", b"http://testserver")


@pytest.fixture
def dana(jiangbei: Park) -> User:
    """Staff of 江北新区: another park than bob's."""
    return user_create(
        username="dana",
        password=PASSWORD,
        role=Role.PARK_STAFF,
        park=jiangbei,
        display_name="赵园",
        email="dana@example.com",
        validate=False,
    )


def notice(
    *recipients: User | int,
    title: str = "新的强匹配",
    kind: NotificationKind = NotificationKind.MATCH_CREATED,
    **extra: Any,
) -> list[Notification]:
    """notify() with a small bilingual title, as a feature would call it."""
    return notify(
        recipients=recipients,
        kind=kind,
        title=Bilingual(zh=title, en=f"EN {title}"),
        **extra,
    )


def token_for(user: User) -> str:
    return Token.objects.get_or_create(user=user)[0].key


async def open_socket(user: User, *, path: str = "/ws/notifications/") -> WebsocketCommunicator:
    """A connected socket for `user` (welcome frame already read)."""
    key = await db_sync_to_async(token_for)(user)
    communicator = WebsocketCommunicator(
        application, path, headers=[ORIGIN, (b"authorization", f"Token {key}".encode())]
    )
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    welcome = await communicator.receive_json_from(timeout=5)
    assert welcome == {"type": "welcome", "user_id": user.pk, "protocol": 1}
    return communicator


async def say_hello(communicator: WebsocketCommunicator, last_id: int = 0) -> list[dict[str, Any]]:
    """Send hello and return every frame up to and including `synced`."""
    await communicator.send_json_to({"type": "hello", "last_id": last_id})
    frames = []
    while True:
        frame = await communicator.receive_json_from(timeout=5)
        frames.append(frame)
        if frame["type"] in ("synced", "error"):
            return frames


def ids_of(frames: list[dict[str, Any]]) -> list[int]:
    return [f["id"] for f in frames if f["type"] == "notification"]


@pytest.fixture(scope="session", autouse=True)
def _no_thread_sessions_left(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Any:
    """Connections opened in sync_to_async threads outlive the tests that opened them; the test
    database can only be dropped once they are gone."""
    yield
    with django_db_blocker.unblock():
        end_other_sessions()

"""The journey through the API and the websocket: the candidate park's staff have the app
open; the posting park opens a project and matches it; the strong match arrives live; both
parks say they are interested and the project moves to negotiating, which arrives live too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import DjangoDbBlocker

from backend.core.async_db import db_sync_to_async
from tests.matching.conftest import World, client_for, open_project, post_project
from tests.notifications.conftest import open_socket, say_hello
from tests.support.processes import end_other_sessions

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="session", autouse=True)
def _matching_no_thread_sessions_left(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[None]:
    """Connections opened in sync_to_async threads outlive the test; end them only when the
    whole session is over (ending them earlier breaks later tests that reuse those threads)."""
    yield
    with django_db_blocker.unblock():
        end_other_sessions()


def _post_open_and_match(world: World) -> int:
    project = post_project(world)
    open_project(world, project["id"])
    response = client_for(world.owner).post(f"/api/matching/projects/{project['id']}/matches")
    assert response.status_code == 201
    return int(project["id"])


def _both_interested(world: World, project_id: int) -> str:
    url = f"/api/matching/projects/{project_id}/matches/{world.net.jiangbei.pk}/feedback"
    client_for(world.owner).post(url, {"response": "interest"}, format="json")
    answer = client_for(world.candidate).post(url, {"response": "interest"}, format="json")
    return str(answer.json()["project_status"])


async def test_a_strong_match_and_mutual_interest_arrive_live(world: World) -> None:
    socket = await open_socket(world.candidate)
    await say_hello(socket)
    project_id = await db_sync_to_async(_post_open_and_match)(world)
    frame = await socket.receive_json_from(timeout=10)
    assert frame["type"] == "notification" and frame["kind"] == "match.created"

    status = await db_sync_to_async(_both_interested)(world, project_id)
    assert status == "negotiating"
    frame = await socket.receive_json_from(timeout=10)
    assert frame["kind"] == "match.negotiating"
    await socket.disconnect()

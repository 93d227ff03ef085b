"""Against the platform served by Daphne (and a real Celery worker): a heavy console query does
not hold up other users, and a large export reports its progress on the user's socket."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.authtoken.models import Token

from backend.accounts.models import User
from backend.core.async_db import db_sync_to_async
from backend.research.exports import export_dir
from tests.notifications.live import LiveSocket
from tests.research.conftest import HEAVY_QUERY

pytestmark = pytest.mark.django_db(transaction=True)

# Only a "did not hang" bound: how fast is a benchmark's business (benchmarks/research.py).
DID_NOT_HANG_S = 20


def token_for(user: User) -> str:
    return Token.objects.get_or_create(user=user)[0].key


def call(live_url: str, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 - our own server
        live_url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our server
            raw = response.read()
            kind = response.headers.get("Content-Type", "")
            return response.status, json.loads(raw) if "json" in kind else raw
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture
def _clean_exports() -> Iterator[None]:
    before = set(export_dir().iterdir())
    yield
    for path in set(export_dir().iterdir()) - before:
        path.unlink(missing_ok=True)


def test_other_users_are_served_while_a_heavy_query_runs(
    live_url: str, rita: User, alice: User, graph: object
) -> None:
    rita_token, alice_token = token_for(rita), token_for(alice)
    heavy: dict[str, Any] = {}

    def run_heavy() -> None:
        heavy["answer"] = call(
            live_url,
            rita_token,
            "POST",
            "/api/research/console/run",
            {"cypher": HEAVY_QUERY, "timeout_s": 2},
        )

    worker = threading.Thread(target=run_heavy)
    worker.start()
    time.sleep(0.5)  # let the heavy query reach Neo4j
    assert worker.is_alive(), "the heavy query should still be running"
    for path in ("/api/me", "/api/research/saved-queries", "/api/research/runs"):
        started = time.monotonic()
        status, _ = call(live_url, alice_token, "GET", path)
        assert status == 200
        assert time.monotonic() - started < DID_NOT_HANG_S
    status, body = call(
        live_url, alice_token, "POST", "/api/research/console/run", {"cypher": "RETURN 1 AS one"}
    )
    assert (status, body["rows"]) == (200, [[1]])
    worker.join(timeout=60)
    status, body = heavy["answer"]
    assert status == 400 and body["code"] == "query_timeout"


async def test_a_large_export_reports_progress_on_the_users_socket(
    live_url: str, celery_worker: None, rita: User, graph: object, _clean_exports: None
) -> None:
    token = await db_sync_to_async(token_for)(rita)
    socket = await LiveSocket.open(live_url, token=token)
    await socket.welcome()
    await socket.hello(0)
    status, job = await asyncio.to_thread(
        call,
        live_url,
        token,
        "POST",
        "/api/research/exports",
        {
            "kind": "query",
            "format": "csv",
            "spec": {"cypher": "UNWIND range(1, 5000) AS x RETURN x", "row_cap": 5000},
        },
    )
    assert status == 202, job
    events = []
    while True:
        frame = await socket.next(timeout=60)
        if frame.get("type") == "event" and frame.get("topic") == "research.export":
            assert frame["ref"] == job["id"] and frame["room"] == f"user-{rita.pk}"
            events.append(frame)
            status, current = await asyncio.to_thread(
                call, live_url, token, "GET", f"/api/research/exports/{job['id']}"
            )
            if current["status"] in ("done", "failed"):
                break
    await socket.close()
    assert current["status"] == "done" and current["rows"] == 5000, current
    assert len(events) >= 2  # at least: claimed, and one step after it
    status, content = await asyncio.to_thread(call, live_url, token, "GET", current["download_url"])
    assert status == 200 and content[:2] == b"PK"

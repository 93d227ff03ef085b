"""PostgreSQL restarts while the platform is serving: requests in that moment get a 503 that
says the database is unavailable (never a 500), and once it is back the same app processes
serve again, without a restart of their own."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from backend.accounts.models import User
from tests.fault.services import MANAGED, call, stopped

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not MANAGED, reason="servers not started by the test command"),
]

RECOVERY_S = 30  # only a "did not hang" bound


def test_requests_fail_with_503_while_postgres_is_down_and_recover(
    live_url: str, alice: User
) -> None:
    token = Token.objects.get_or_create(user=alice)[0].key
    assert call(live_url, token, "GET", "/api/network/parks")[0] == 200

    with stopped("postgres"):
        status, body = call(live_url, token, "GET", "/api/network/parks")
        assert status == 503
        assert body["code"] == "database_unavailable"
        assert body["detail"] == {"part": "postgresql"}
        health_status, health = call(live_url, None, "GET", "/api/health")
        assert health_status == 503
        assert any(p["name"] == "database" and p["status"] == "down" for p in health["parts"])
    connection.close()  # this test process's own connection died with the server too

    deadline = time.monotonic() + RECOVERY_S
    status = 0
    while time.monotonic() < deadline:
        status, _ = call(live_url, token, "GET", "/api/network/parks")
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200
    assert call(live_url, token, "GET", "/api/me")[1]["username"] == "alice"

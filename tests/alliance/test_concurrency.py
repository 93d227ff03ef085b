"""Two secretariat users reorder the same agenda at the same moment: one wins, the other gets
409 with the current order; the stored order is always exactly one of the two, never a mix."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.alliance.models import AgendaItem, ItemStatus
from backend.network.models import Park
from tests.alliance.conftest import ok
from tests.alliance.flows import accept, agenda, call_meeting, reorder, submit

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_secretaries_reordering_at_once_never_corrupt_the_order(
    client_for: Callable[[User], APIClient], alice: User, bob: User, members: list[Park]
) -> None:
    sam = user_create(username="sam", password="x" * 12, role=Role.SECRETARIAT, validate=False)
    sec = client_for(alice)
    meeting = call_meeting(sec)
    ids = []
    for n in range(6):
        item = submit(client_for(bob), meeting["id"], title=f"议题{n}")
        accept(sec, item["id"])
        ids.append(item["id"])
    orders = {
        "alice": [(i, None) for i in reversed(ids)],
        "sam": [(ids[1], None), (ids[0], ids[1]), *[(i, None) for i in ids[2:]]],
    }
    for _round in range(5):
        version = agenda(sec, meeting["id"])["version"]
        barrier = threading.Barrier(2)
        results: dict[str, Any] = {}

        def run(
            name: str,
            user: User,
            version: int = version,
            barrier: Any = barrier,
            results: dict[str, Any] = results,
        ) -> None:
            try:
                client = APIClient()
                client.force_authenticate(user)
                barrier.wait(timeout=10)
                results[name] = reorder(client, meeting["id"], version, orders[name])
            finally:
                connection.close()

        threads = [
            threading.Thread(target=run, args=("alice", alice)),
            threading.Thread(target=run, args=("sam", sam)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        statuses = sorted(r.status_code for r in results.values())
        assert statuses == [200, 409], {k: v.content for k, v in results.items()}
        winner = next(name for name, r in results.items() if r.status_code == 200)
        loser = results["sam" if winner == "alice" else "alice"].json()["detail"]
        stored = list(
            AgendaItem.objects.filter(meeting_id=meeting["id"], status=ItemStatus.ACCEPTED)
            .order_by("position")
            .values_list("id", "parent_id", "position")
        )
        assert [(i, p) for i, p, _ in stored] == [(e["id"], e["parent_id"]) for e in loser["order"]]
        assert [pos for _, _, pos in stored] == list(range(len(ids)))
        expected = ok(results[winner])["order"]
        assert loser["order"] == expected
        assert loser["version"] == version + 1

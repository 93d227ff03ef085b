"""List endpoints take a fixed number of queries, however long the lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.network.models import Park
from tests.alliance.conftest import API, ok
from tests.alliance.flows import live_meeting

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def _queries(client: APIClient, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        ok(client.get(API + path))
    return len(captured)


def test_agenda_decisions_and_action_lists_do_not_grow_queries_with_rows(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    deadline = (timezone.localdate() + timedelta(days=9)).isoformat()
    counts = []
    for size in (1, 5):
        meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=size)
        for item in items:
            ok(
                sec.post(
                    f"{API}/items/{item['id']}/decisions",
                    {
                        "text": "同意",
                        "actions": [
                            {"text": "落实", "deadline": deadline, "owner_park_id": members[0].pk}
                        ],
                    },
                    format="json",
                ),
                201,
            )
        mid = meeting["id"]
        counts.append(
            [
                _queries(sec, f"/meetings/{mid}/agenda"),
                _queries(sec, f"/meetings/{mid}/decisions"),
                _queries(sec, f"/meetings/{mid}/items"),
                _queries(client_for(bob), f"/actions?meeting={mid}"),
                _queries(sec, "/meetings"),
            ]
        )
    assert counts[0] == counts[1]


def test_item_lists_with_attachments_do_not_grow_queries_with_files(
    client_for: Client, alice: User, bob: User, members: list[Park], media: object
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    sec = client_for(alice)
    counts = []
    for size in (1, 4):
        meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=size)
        for item in items:
            for n in range(2):
                pdf = SimpleUploadedFile(f"附件{n}.pdf", b"%PDF-1.4\n%%EOF\n")
                ok(sec.post(f"{API}/items/{item['id']}/files", {"file": pdf}), 201)
        mid = meeting["id"]
        counts.append(
            [_queries(sec, f"/meetings/{mid}/agenda"), _queries(sec, f"/meetings/{mid}/items")]
        )
    assert counts[0] == counts[1]

"""An anonymous posting's owner appears in no response to anyone but its owner and the
secretariat. The test walks every endpoint that can show the posting, as the requesting park,
an organisation user, a researcher and a park outside the alliance, and looks for the owner's
name, its graph uid and its people in every body, exports and notifications included."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from neo4j import Driver
from openpyxl import load_workbook

from backend.network import services as network_services
from backend.network.outbox import outbox_drain
from backend.notifications.models import Notification
from tests.docking.conftest import API, World, client_for, move, ok, post_posting

pytestmark = pytest.mark.django_db


def _markers(world: World) -> list[str]:
    return ["江宁园", f"park:{world.net.jiangning.pk}", "李园长", '"bob"']


def _assert_hidden(world: World, body: Any, where: str) -> None:
    text = body if isinstance(body, str) else __import__("json").dumps(body, ensure_ascii=False)
    for marker in _markers(world):
        assert marker not in text, f"{marker} leaked in {where}: {text[:400]}"


@pytest.fixture
def anonymous_world(
    world: World, graph: Driver, eager_celery: None, django_capture_on_commit_callbacks: Any
) -> dict[str, Any]:
    net = world.net
    network_services.relation_create(kind="PARTNER_OF", source=net.jiangning, target=net.jiangbei)
    network_services.relation_create(kind="COOPERATES_WITH", source=net.lab, target=net.nju)
    outbox_drain()
    saved = ok(
        client_for(world.carol).post(
            f"{API}/saved-searches", {"name": "芯片订阅", "text": "芯片"}, format="json"
        ),
        201,
    )
    with django_capture_on_commit_callbacks(execute=True):
        posting = post_posting(
            world.bob,
            kind="investment_intent",
            title="第三代半导体芯片项目投资意向",
            visibility="anonymous",
            industries=[net.ic.pk],
        )
    request = ok(
        client_for(world.carol).post(
            f"{API}/postings/{posting['id']}/requests",
            {"message": "江北新区愿意承接。"},
            format="json",
        ),
        201,
    )
    ok(move(world.bob, request["id"], "accepted"))
    ok(
        client_for(world.bob).post(
            f"{API}/threads/{request['thread_id']}/messages",
            {"body": "欢迎来谈，我方负责人稍后联系。"},
            format="json",
        ),
        201,
    )
    ok(
        client_for(world.alice).post(
            f"{API}/threads/{request['thread_id']}/messages",
            {"body": "秘书处协助对接。"},
            format="json",
        ),
        201,
    )
    return {"posting": posting, "request": request, "saved": saved}


def _walk(world: World, viewer: Any, posting_id: int, extra: list[str]) -> list[str]:
    """GET every posting-showing endpoint as this viewer; returns the paths that answered 200."""
    client = client_for(viewer)
    paths = [
        f"{API}/postings",
        f"{API}/postings?q=半导体",
        f"{API}/postings?q=芯片 投资",
        f"{API}/postings?q=江宁园",
        f"{API}/postings?owner_park={world.net.jiangning.pk}",
        f"{API}/postings?industry={world.net.ic.pk}",
        f"{API}/postings/{posting_id}",
        f"{API}/postings/{posting_id}/recommendations",
        f"{API}/postings/{posting_id}/requests",
        f"{API}/postings/{posting_id}/history",
        f"{API}/requests",
        f"{API}/threads",
        "/api/notifications/",
        *extra,
    ]
    answered = []
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, (path, response.content[:300])
        if response.status_code == 200:
            _assert_hidden(world, response.json(), f"{viewer.username} GET {path}")
            answered.append(path)
    return answered


def test_an_anonymous_owner_is_hidden_on_every_endpoint(
    world: World, anonymous_world: dict[str, Any]
) -> None:
    posting, request = anonymous_world["posting"], anonymous_world["request"]
    thread_id = request["thread_id"]
    requester_paths = [
        f"{API}/requests/{request['id']}",
        f"{API}/threads/{thread_id}",
        f"{API}/threads/{thread_id}/messages",
        f"{API}/saved-searches/{anonymous_world['saved']['id']}/results",
    ]
    answered = _walk(world, world.carol, posting["id"], requester_paths)
    # Everything the requester may read answered (history is the owner's).
    assert f"{API}/postings/{posting['id']}/history" not in answered
    assert len(answered) == 16

    detail = ok(client_for(world.carol).get(f"{API}/postings/{posting['id']}"))
    assert detail["anonymous"] is True and detail["owner"] is None
    searched = ok(client_for(world.carol).get(f"{API}/postings", {"q": "半导体"}))
    assert [p["id"] for p in searched["results"]] == [posting["id"]]
    by_owner_name = ok(client_for(world.carol).get(f"{API}/postings", {"q": "江宁园"}))
    assert by_owner_name["count"] == 0
    by_owner = ok(
        client_for(world.carol).get(f"{API}/postings", {"owner_park": world.net.jiangning.pk})
    )
    assert by_owner["count"] == 0
    thread = ok(client_for(world.carol).get(f"{API}/threads/{thread_id}"))
    assert thread["side_a"] is None
    messages = ok(client_for(world.carol).get(f"{API}/threads/{thread_id}/messages"))
    assert [m["sender"] for m in messages] == [
        "赵招商",
        "Anonymous poster",
        "Joint-conference secretariat",
    ]
    alert = Notification.objects.get(recipient=world.carol, kind="posting.matches_search")
    assert "半导体" in alert.title_zh

    recommendations = ok(
        client_for(world.carol).get(f"{API}/postings/{posting['id']}/recommendations")
    )
    kinds = {r["kind"] for c in recommendations["counterparts"] for r in c["reasons"]}
    assert kinds == {"industry"}

    for viewer in (world.olga, world.rita, world.nina):
        _walk(world, viewer, posting["id"], [])


def test_the_owner_and_the_secretariat_see_who_posted(
    world: World, anonymous_world: dict[str, Any]
) -> None:
    posting = anonymous_world["posting"]
    for viewer in (world.bob, world.alice):
        detail = ok(client_for(viewer).get(f"{API}/postings/{posting['id']}"))
        assert detail["owner"]["name"] == "江宁园"
    recommendations = ok(
        client_for(world.bob).get(f"{API}/postings/{posting['id']}/recommendations")
    )
    kinds = {r["kind"] for c in recommendations["counterparts"] for r in c["reasons"]}
    assert "partner_park" in kinds
    assert all(
        c["uid"] != f"park:{world.net.jiangning.pk}" for c in recommendations["counterparts"]
    )


def test_exports_never_name_an_anonymous_owner(
    world: World, anonymous_world: dict[str, Any]
) -> None:
    client = client_for(world.alice)
    stats = ok(client.get(f"{API}/stats"))
    assert stats["postings_by_park"] == [
        {"park_id": None, "park": "", "bucket": "anonymous", "count": 1}
    ]
    _assert_hidden(world, stats, "stats")
    for table in ("summary", "kinds", "parks", "postings"):
        response = client.get(f"{API}/stats.csv", {"table": table})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        _assert_hidden(world, response.content.decode("utf-8-sig"), f"csv {table}")
    postings_csv = client.get(f"{API}/stats.csv", {"table": "postings"}).content.decode("utf-8-sig")
    assert "Anonymous poster" in postings_csv and "第三代半导体芯片项目投资意向" in postings_csv
    workbook = load_workbook(BytesIO(client.get(f"{API}/stats.xlsx").content))
    cells = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    _assert_hidden(world, cells, "xlsx")
    assert "第三代半导体芯片项目投资意向" in cells

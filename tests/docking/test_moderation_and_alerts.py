"""Moderation by the secretariat before publication, and saved-search alerts on publication
(only to users who may see the posting)."""

from __future__ import annotations

from typing import Any

import pytest

from backend.docking.services import alerts_send
from backend.notifications.models import Notification
from tests.docking.conftest import API, World, client_for, ok, post_posting

pytestmark = pytest.mark.django_db


def _moderate(world: World, on: bool) -> None:
    saved = ok(
        client_for(world.alice).put(f"{API}/settings", {"moderation_required": on}, format="json")
    )
    assert saved == {"moderation_required": on}


def test_with_moderation_on_postings_wait_for_the_secretariat(world: World) -> None:
    _moderate(world, True)
    assert ok(client_for(world.bob).get(f"{API}/settings")) == {"moderation_required": True}
    posting = post_posting(world.bob)
    assert posting["status"] == "pending"
    assert client_for(world.carol).get(f"{API}/postings/{posting['id']}").status_code == 404
    queue = ok(client_for(world.alice).get(f"{API}/postings/review-queue"))
    assert [p["id"] for p in queue["results"]] == [posting["id"]]

    review = f"{API}/postings/{posting['id']}/review"
    no_reason = client_for(world.alice).post(review, {"decision": "reject"}, format="json")
    assert no_reason.status_code == 400
    rejected = ok(
        client_for(world.alice).post(
            review, {"decision": "reject", "reason": "请补充联系人"}, format="json"
        )
    )
    assert rejected["status"] == "rejected" and rejected["review_note"] == "请补充联系人"
    assert Notification.objects.filter(recipient=world.bob, kind="posting.reviewed").count() == 1

    resubmitted = ok(client_for(world.bob).post(f"{API}/postings/{posting['id']}/submit"))
    assert resubmitted["status"] == "pending"
    approved = ok(client_for(world.alice).post(review, {"decision": "approve"}, format="json"))
    assert approved["status"] == "published"
    ok(client_for(world.carol).get(f"{API}/postings/{posting['id']}"))
    twice = client_for(world.alice).post(review, {"decision": "approve"}, format="json")
    assert twice.status_code == 409

    edited = ok(
        client_for(world.bob).patch(
            f"{API}/postings/{posting['id']}", {"title": "改过的标题"}, format="json"
        )
    )
    assert edited["status"] == "pending"


def test_a_saved_search_alerts_only_those_who_may_see_the_posting(
    world: World, eager_celery: None, django_capture_on_commit_callbacks: Any
) -> None:
    for user in (world.carol, world.nina, world.bob):
        ok(
            client_for(user).post(
                f"{API}/saved-searches",
                {"name": "芯片订阅", "text": "芯片", "kind": "tech_need"},
                format="json",
            ),
            201,
        )
    ok(
        client_for(world.olga).post(
            f"{API}/saved-searches", {"name": "医药", "text": "生物医药"}, format="json"
        ),
        201,
    )
    with django_capture_on_commit_callbacks(execute=True):
        posting = post_posting(world.bob, visibility="alliance", title="AI芯片测试需求")
    alerted = set(
        Notification.objects.filter(kind="posting.matches_search").values_list(
            "recipient__username", flat=True
        )
    )
    # carol (alliance member) yes; nina (outside the alliance) cannot see it; bob owns it;
    # olga's search does not fit.
    assert alerted == {"carol"}
    note = Notification.objects.get(kind="posting.matches_search")
    assert note.link == f"/docking/postings/{posting['id']}"
    assert alerts_send(posting_id=posting["id"]) == 0  # idempotent


def test_saved_search_results_use_the_same_rules(world: World) -> None:
    post_posting(world.bob, title="人工智能芯片")
    saved = ok(
        client_for(world.carol).post(
            f"{API}/saved-searches", {"name": "AI", "text": "AI 芯片"}, format="json"
        ),
        201,
    )
    results = ok(client_for(world.carol).get(f"{API}/saved-searches/{saved['id']}/results"))
    assert results["count"] == 1
    changed = ok(
        client_for(world.carol).patch(
            f"{API}/saved-searches/{saved['id']}", {"alerts": False}, format="json"
        )
    )
    assert changed["alerts"] is False
    assert client_for(world.carol).delete(f"{API}/saved-searches/{saved['id']}").status_code == 204

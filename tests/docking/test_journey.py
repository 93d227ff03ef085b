"""The two-party journey through the API: a park posts a technology need, a university finds
it by a Chinese search, asks to dock with meeting times, the park accepts, both talk in the
thread (with an attachment), agree, and the park turns the agreement into a joint-investment
project."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from backend.matching.models import Project, ProjectStatus
from backend.notifications.models import Notification
from tests.docking.conftest import API, World, client_for, move, ok, post_posting

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_two_parties_dock_from_posting_to_joint_investment_project(world: World) -> None:
    bob, olga, alice = world.bob, world.olga, world.alice
    posting = post_posting(bob, industries=[world.net.chip_design.pk], region=world.net.nanjing.pk)
    assert posting["status"] == "published"
    assert posting["owner"] == {"type": "park", "id": world.net.jiangning.pk, "name": "江宁园"}
    assert posting["viewer"] == {"is_owner": True, "can_request": False}

    found = ok(client_for(olga).get(f"{API}/postings", {"q": "芯片 验证"}))
    assert [p["id"] for p in found["results"]] == [posting["id"]]
    assert found["results"][0]["viewer"]["can_request"] is True

    when = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    created = ok(
        client_for(olga).post(
            f"{API}/postings/{posting['id']}/requests",
            {"message": "南京大学团队可提供功能安全测试。", "proposed_times": [when.isoformat()]},
            format="json",
        ),
        201,
    )
    assert created["status"] == "requested"
    assert created["requester"] == {
        "type": "organisation",
        "id": world.net.nju.pk,
        "name": "南京大学",
    }
    assert created["viewer_side"] == "requester"
    assert len(created["proposed_times"]) == 1
    assert Notification.objects.filter(recipient=bob, kind="docking.requested").count() == 1

    incoming = ok(client_for(bob).get(f"{API}/requests", {"direction": "incoming"}))
    assert [r["id"] for r in incoming] == [created["id"]]
    assert incoming[0]["viewer_side"] == "owner"

    accepted = ok(move(bob, created["id"], "accepted"))
    assert accepted["status"] == "accepted" and accepted["answered_at"]
    assert Notification.objects.filter(recipient=olga, kind="docking.answered").count() == 1

    thread_id = accepted["thread_id"]
    thread = ok(client_for(olga).get(f"{API}/threads/{thread_id}"))
    assert thread["viewer_side"] == "b"
    assert thread["side_a"]["name"] == "江宁园"
    assert thread["room"] == {"room": "thread", "id": thread_id}

    ok(
        client_for(bob).post(
            f"{API}/threads/{thread_id}/messages", {"body": "欢迎，下周三面谈？"}, format="json"
        ),
        201,
    )
    upload = SimpleUploadedFile("测试方案.pdf", PDF, content_type="application/pdf")
    with_file = ok(
        client_for(olga).post(
            f"{API}/threads/{thread_id}/messages",
            {"body": "附测试方案。", "attachment": upload},
            format="multipart",
        ),
        201,
    )
    assert with_file["attachment"]["name"] == "测试方案.pdf"
    assert with_file["attachment"]["type"] == "application/pdf"
    download = client_for(bob).get(with_file["attachment"]["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"

    messages = ok(client_for(alice).get(f"{API}/threads/{thread_id}/messages"))
    assert [m["body"] for m in messages] == [
        "南京大学团队可提供功能安全测试。",
        "欢迎，下周三面谈？",
        "附测试方案。",
    ]
    assert [m["side"] for m in messages] == ["b", "a", "b"]
    assert Notification.objects.filter(recipient=olga, kind="docking.message").count() == 1
    assert Notification.objects.filter(recipient=bob, kind="docking.message").count() == 1
    later = ok(
        client_for(bob).get(f"{API}/threads/{thread_id}/messages", {"after": messages[1]["id"]})
    )
    assert [m["body"] for m in later] == ["附测试方案。"]

    assert ok(move(olga, created["id"], "in_talks"))["status"] == "in_talks"
    agreed = ok(move(bob, created["id"], "agreed"))
    assert agreed["status"] == "agreed" and agreed["agreed_at"]

    made = ok(
        client_for(bob).post(f"{API}/requests/{created['id']}/project", {}, format="json"), 201
    )
    project = Project.objects.get(pk=made["project_id"])
    assert project.park_id == world.net.jiangning.pk
    assert project.status == ProjectStatus.DRAFT
    assert project.title == posting["title"]
    assert project.industry_id == world.net.chip_design.pk
    detail = ok(client_for(olga).get(f"{API}/requests/{created['id']}"))
    assert detail["project_id"] == project.pk
    assert [h["to_status"] for h in detail["history"]] == [
        "requested",
        "accepted",
        "in_talks",
        "agreed",
        "agreed",
    ]
    again = client_for(bob).post(f"{API}/requests/{created['id']}/project", {}, format="json")
    assert again.status_code == 409

    stats = ok(client_for(alice).get(f"{API}/stats"))
    assert stats["requests_total"] == 1
    assert stats["acceptance_rate"] == 1.0
    assert stats["agreements"] == 1
    assert stats["projects_created"] == 1
    assert stats["postings_by_kind"] == {"tech_need": 1}


def test_the_owner_can_renew_and_close_a_posting(world: World) -> None:
    posting = post_posting(world.bob)
    before = posting["expires_at"]
    renewed = ok(
        client_for(world.bob).post(
            f"{API}/postings/{posting['id']}/renew", {"days": 30}, format="json"
        )
    )
    assert renewed["expires_at"] > before
    closed = ok(
        client_for(world.bob).post(f"{API}/postings/{posting['id']}/close", {}, format="json")
    )
    assert closed["status"] == "closed"
    history = ok(client_for(world.bob).get(f"{API}/postings/{posting['id']}/history"))
    assert [h["to_status"] for h in history] == ["draft", "published", "published", "closed"]
    assert history[0]["by"] == "李园长"


def test_organisation_users_post_for_their_organisation(world: World) -> None:
    posting = post_posting(world.olga, kind="achievement", title="微纳光子芯片成果转化")
    assert posting["owner"] == {"type": "organisation", "id": world.net.nju.pk, "name": "南京大学"}
    mine = ok(client_for(world.olga).get(f"{API}/postings", {"mine": "true"}))
    assert [p["id"] for p in mine["results"]] == [posting["id"]]


def test_the_secretariat_posts_for_a_named_park(world: World) -> None:
    posting = post_posting(world.alice, owner_park=world.net.jiangbei.pk)
    assert posting["owner"]["id"] == world.net.jiangbei.pk
    unnamed = client_for(world.alice).post(
        f"{API}/postings", {"kind": "space", "title": "厂房"}, format="json"
    )
    assert unnamed.status_code == 400

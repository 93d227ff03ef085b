"""The header's global search: one query across parks, organisations, projects, postings,
meetings and agenda items; Chinese and pinyin; each source's permissions hold (an item a user
may not see never appears; an anonymous posting never names its owner)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.alliance import services as alliance_services
from backend.matching import services as matching_services
from tests.docking.conftest import World, client_for, ok, post_posting

URL = "/api/search"


@pytest.fixture
def content(world: World) -> dict[str, Any]:
    net = world.net
    alliance_services.alliance_seed()
    meeting = alliance_services.meeting_create(
        user=world.alice,
        title="2025年第一次联席会议",
        starts_at=timezone.now() + timedelta(days=14),
    )
    own_item = alliance_services.item_submit(
        user=world.bob, meeting=meeting, kind="major_matter", title="江宁园集成电路项目协调会商"
    )
    other_item = alliance_services.item_submit(
        user=world.carol, meeting=meeting, kind="major_matter", title="江北新区人才政策协同会商"
    )
    draft_project = matching_services.project_create(
        user=world.bob,
        park=net.jiangning,
        title="集成电路封装测试基地",
        industry=net.ic,
        positioning="manufacturing",
        investment_wan=Decimal(50000),
    )
    posting = post_posting(
        world.bob,
        kind="investment_intent",
        title="第三代半导体芯片项目投资意向",
        visibility="anonymous",
        industries=[net.ic.pk],
    )
    return {
        "meeting": meeting,
        "own_item": own_item,
        "other_item": other_item,
        "draft_project": draft_project,
        "posting": posting,
    }


def search(user: User, q: str) -> list[dict[str, Any]]:
    body = ok(client_for(user, "zh-hans").get(URL, {"q": q}))
    return body["results"]


def found(hits: list[dict[str, Any]], kind: str) -> list[str]:
    return [hit["title"] for hit in hits if hit["kind"] == kind]


def test_it_finds_parks_and_organisations_by_chinese_full_pinyin_and_initials(
    world: World, content: dict[str, Any]
) -> None:
    for q in ("江宁", "jiangning", "jny"):
        assert "江宁园" in found(search(world.carol, q), "park"), q
    hits = search(world.carol, "zijinshan")
    assert found(hits, "organisation") == ["紫金山实验室"]
    assert hits[0]["link"] == f"/organisations/{world.net.lab.pk}"


def test_it_finds_meetings_agenda_items_and_projects_by_pinyin(
    world: World, content: dict[str, Any]
) -> None:
    assert found(search(world.alice, "lianxihuiyi"), "meeting") == ["2025年第一次联席会议"]
    assert "集成电路封装测试基地" in found(search(world.alice, "fengzhuang"), "project")
    assert "江宁园集成电路项目协调会商" in found(search(world.alice, "xietiao"), "agenda_item")


def test_the_secretariat_sees_every_agenda_item_and_draft_project(
    world: World, content: dict[str, Any]
) -> None:
    hits = search(world.alice, "会商")
    assert sorted(found(hits, "agenda_item")) == [
        "江北新区人才政策协同会商",
        "江宁园集成电路项目协调会商",
    ]
    assert found(search(world.alice, "封装测试"), "project") == ["集成电路封装测试基地"]


def test_it_hides_another_parks_submitted_items_and_draft_projects(
    world: World, content: dict[str, Any]
) -> None:
    assert found(search(world.bob, "会商"), "agenda_item") == ["江宁园集成电路项目协调会商"]
    assert found(search(world.carol, "会商"), "agenda_item") == ["江北新区人才政策协同会商"]
    assert found(search(world.carol, "封装测试"), "project") == []
    assert found(search(world.bob, "封装测试"), "project") == ["集成电路封装测试基地"]


def test_an_anonymous_posting_is_found_without_its_owner(
    world: World, content: dict[str, Any]
) -> None:
    hits = search(world.carol, "半导体")
    postings = [hit for hit in hits if hit["kind"] == "posting"]
    assert [p["title"] for p in postings] == ["第三代半导体芯片项目投资意向"]
    text = json.dumps(postings, ensure_ascii=False)
    for marker in ("江宁园", world.bob.display_name, "bob", "owner"):
        assert marker not in text
    assert postings[0]["link"] == f"/docking/postings/{content['posting']['id']}"


def test_an_organisation_user_gets_no_alliance_hits_and_no_error(
    world: World, content: dict[str, Any]
) -> None:
    hits = search(world.olga, "会议")
    assert found(hits, "meeting") == [] and found(hits, "agenda_item") == []
    assert "江宁园" in found(search(world.olga, "江宁"), "park")


def test_it_refuses_anonymous_visitors_and_users_without_a_role(world: World) -> None:
    assert client_for(None).get(URL, {"q": "江宁"}).status_code in (401, 403)
    assert client_for(world.charlie).get(URL, {"q": "江宁"}).status_code == 403


def test_an_empty_or_overlong_query(world: World) -> None:
    assert ok(client_for(world.alice).get(URL, {"q": " "}))["results"] == []
    assert client_for(world.alice).get(URL, {"q": "江" * 51}).status_code == 400


def test_hits_come_grouped_by_kind_in_a_fixed_order(world: World, content: dict[str, Any]) -> None:
    order = ["park", "organisation", "project", "posting", "meeting", "agenda_item"]
    kinds = [hit["kind"] for hit in search(world.alice, "江")]
    assert kinds == sorted(kinds, key=order.index)
    assert {"park", "organisation", "agenda_item"} <= set(kinds)

"""Docking postings in the header's search by pinyin, full or initials, like parks and
organisations; the docking permissions still decide what each user may find."""

from __future__ import annotations

import json
from typing import Any

import pytest

from backend.accounts.models import User
from tests.docking.conftest import World, client_for, ok, post_posting

URL = "/api/search"


def _post(user: User, kind: str, title: str, visibility: str, **extra: Any) -> dict[str, Any]:
    # A neutral description: the default one mentions chips, which 半导体 would match too.
    return post_posting(
        user, kind=kind, title=title, visibility=visibility, description="欢迎联系洽谈。", **extra
    )


@pytest.fixture
def postings(world: World) -> dict[str, dict[str, Any]]:
    return {
        "public": _post(world.bob, "facility", "江宁园共享实验平台开放", "public"),
        "alliance": _post(world.bob, "talent_need", "江宁园人才公寓合作需求", "alliance"),
        "draft": _post(world.bob, "space", "江宁园标准厂房招租", "public", submit=False),
        "anonymous": _post(
            world.bob, "investment_intent", "第三代半导体芯片项目投资意向", "anonymous"
        ),
    }


def found_postings(user: User, q: str) -> list[str]:
    body = ok(client_for(user, "zh-hans").get(URL, {"q": q}))
    return [hit["title"] for hit in body["results"] if hit["kind"] == "posting"]


def test_it_finds_a_posting_by_the_initials_and_full_pinyin_of_its_title(
    world: World, postings: dict[str, dict[str, Any]]
) -> None:
    for q in ("jnygxsy", "gxsypt", "jiangningyuangongxiang", "gongxiang shiyan"):
        assert found_postings(world.carol, q) == ["江宁园共享实验平台开放"], q


def test_it_finds_a_chinese_title_by_pinyin_as_well_as_by_its_words(
    world: World, postings: dict[str, dict[str, Any]]
) -> None:
    for q in ("半导体", "bandaoti", "bdt", "dsdbdt", "bandaoti touzi"):
        assert found_postings(world.carol, q) == ["第三代半导体芯片项目投资意向"], q


def test_pinyin_finds_every_visible_posting_it_fits_newest_first(
    world: World, postings: dict[str, dict[str, Any]]
) -> None:
    assert found_postings(world.carol, "jny") == [
        "江宁园人才公寓合作需求",
        "江宁园共享实验平台开放",
    ]


def test_pinyin_never_finds_what_the_user_may_not_see(
    world: World, postings: dict[str, dict[str, Any]]
) -> None:
    # An organisation user and staff of a park outside the alliance: no alliance-only posting.
    for outsider in (world.olga, world.nina):
        assert found_postings(outsider, "rencaigongyu") == []
        assert found_postings(outsider, "jny") == ["江宁园共享实验平台开放"]
    # A draft is its owner's (and the secretariat's) alone.
    assert found_postings(world.carol, "biaozhunchangfang") == []
    assert found_postings(world.carol, "bzcf") == []
    assert found_postings(world.bob, "bzcf") == ["江宁园标准厂房招租"]
    assert found_postings(world.alice, "biaozhunchangfang") == ["江宁园标准厂房招租"]


def test_an_anonymous_posting_found_by_pinyin_does_not_name_its_owner(
    world: World, postings: dict[str, dict[str, Any]]
) -> None:
    body = ok(client_for(world.carol, "zh-hans").get(URL, {"q": "bandaoti"}))
    hits = [hit for hit in body["results"] if hit["kind"] == "posting"]
    assert [hit["title"] for hit in hits] == ["第三代半导体芯片项目投资意向"]
    text = json.dumps(hits, ensure_ascii=False)
    for marker in ("江宁园", world.bob.display_name, "bob", "owner"):
        assert marker not in text


def test_the_limit_holds_for_pinyin_hits(world: World, postings: dict[str, dict[str, Any]]) -> None:
    body = ok(client_for(world.alice).get(URL, {"q": "jny", "limit": 1}))
    assert len([hit for hit in body["results"] if hit["kind"] == "posting"]) == 1

"""Chinese search finds what a person would expect: words inside unspaced Chinese, mixed
Chinese/English terms in any order, synonyms (AI ~ 人工智能, 芯片 ~ 集成电路), full-width
letters, every term required; Latin terms match at word starts only. The parser is also
tested on its own."""

from __future__ import annotations

import pytest

from backend.docking.search import build_search_text, parse_query, text_matches
from tests.docking.conftest import API, World, client_for, ok, post_posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(world: World) -> dict[str, int]:
    net = world.net
    specs = {
        "ai_chip": dict(title="车规级AI芯片联合研发", description="面向智能驾驶的低功耗推理芯片。"),
        "ai_talent": dict(
            kind="talent_need",
            title="人工智能算法工程师招聘",
            description="招聘大模型算法人才。",
        ),
        "ic_line": dict(
            kind="facility",
            title="晶圆测试设备共享",
            description="开放探针台与测试机。",
            industries=[net.ic.pk],
        ),
        "biomed": dict(
            kind="space",
            title="生物医药中试厂房出租",
            description="GMP 标准厂房，supply chain 配套完善。",
            industries=[net.biomed.pk],
        ),
        "edge": dict(title="Edge computing 边缘计算盒子", description="Email 联系。"),
    }
    return {key: post_posting(world.bob, **spec)["id"] for key, spec in specs.items()}


def _search(world: World, q: str) -> set[int]:
    found = ok(client_for(world.carol).get(f"{API}/postings", {"q": q}))
    return {p["id"] for p in found["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("芯片", {"ai_chip", "ic_line"}),  # ic_line through its industry 集成电路
        ("人工智能芯片", {"ai_chip"}),  # unspaced Chinese, AI written in Latin
        ("芯片 AI", {"ai_chip"}),
        ("ai 芯片", {"ai_chip"}),
        ("ＡＩ芯片", {"ai_chip"}),  # full-width letters
        ("AI", {"ai_chip", "ai_talent"}),
        ("人工智能", {"ai_chip", "ai_talent"}),
        ("车规级", {"ai_chip"}),
        ("算法工程师", {"ai_talent"}),
        ("生物医药 厂房", {"biomed"}),
        ("中试", {"biomed"}),
        ("芯片 生物医药", set()),  # every term must match
        ("EDGE", {"edge"}),
        ("边缘计算", {"edge"}),
        ("ai chain", set()),  # "ai" must start a word: not inside "chain"
        ("mail", set()),  # nor inside "email"
        ("集成电路", {"ai_chip", "ic_line"}),
        ("招聘", {"ai_talent"}),
    ],
)
def test_chinese_search_finds_what_a_person_expects(
    world: World, catalogue: dict[str, int], query: str, expected: set[str]
) -> None:
    assert _search(world, query) == {catalogue[k] for k in expected}


def test_search_combines_with_filters(world: World, catalogue: dict[str, int]) -> None:
    found = ok(client_for(world.carol).get(f"{API}/postings", {"q": "芯片", "kind": "facility"}))
    assert [p["id"] for p in found["results"]] == [catalogue["ic_line"]]
    by_industry = ok(client_for(world.carol).get(f"{API}/postings", {"industry": world.net.ic.pk}))
    assert [p["id"] for p in by_industry["results"]] == [catalogue["ic_line"]]


def test_the_parser_segments_unspaced_chinese() -> None:
    assert [t.text for t in parse_query("人工智能芯片")] == ["人工智能", "芯片"]
    assert [t.text for t in parse_query("车规级芯片")] == ["车规级", "芯片"]
    assert [t.text for t in parse_query("  AI+芯片,  ")] == ["ai", "芯片"]
    assert " ai" in parse_query("人工智能")[0].needles
    assert parse_query("") == [] and parse_query("的") == []


def test_stored_text_separates_chinese_from_latin() -> None:
    text = build_search_text("车规级AI芯片", "Edge-Computing，测试")
    assert text == " 车规级 ai 芯片 edge computing 测试 "
    assert text_matches(text, parse_query("AI芯片"))
    assert not text_matches(text, parse_query("芯片 生物"))

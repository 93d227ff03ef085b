"""A secretariat user searches 江宁 in the graph explorer, opens the park, and expands its
neighbours until a cooperation partner two steps away appears on the canvas."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from neo4j import Driver
from playwright.sync_api import Page, expect

from backend.accounts.services import user_create
from backend.network import services
from backend.network.models import Organisation, Park
from backend.network.outbox import outbox_drain, outbox_pending_count
from tests.e2e.steps import submit_sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long secretariat passphrase"
GRAPH_TIMEOUT = 20_000  # ms: the first Cypher of a fresh server compiles its plans


@dataclass
class Circle:
    jiangning: Park
    zhenjiang: Park
    chipco: Organisation
    seu: Organisation


def _circle() -> Circle:
    """A small slice of the circle, written through the services and projected to Neo4j."""
    nanjing = services.city_create(name="南京", province="江苏", name_en="Nanjing")
    zhenjiang_city = services.city_create(name="镇江", province="江苏", name_en="Zhenjiang")
    ic = services.industry_create(name="集成电路", code="ic")
    biomed = services.industry_create(name="生物医药", code="biomed")
    jiangning = services.park_create(
        name="江宁高新园",
        short_name="江宁园",
        city=nanjing,
        level="national",
        kind="manufacturing",
        alliance_member=True,
        available_land_mu=1200,
        focus=[services.Focus(ic, 0.8), services.Focus(biomed, 0.4)],
    )
    zhenjiang = services.park_create(
        name="镇江高新区", city=zhenjiang_city, level="national", kind="zone"
    )
    chipco = services.organisation_create(
        name="宁芯微电子",
        kind="enterprise",
        city=nanjing,
        park=jiangning,
        is_high_tech=True,
        industries=[ic],
    )
    # Not hosted by 江宁: it reaches the canvas only when 宁芯微电子 is expanded.
    seu = services.organisation_create(name="东南大学", kind="university", city=nanjing)
    services.relation_create(
        kind="COOPERATES_WITH", source=chipco, target=seu, cooperation_kind="joint_research"
    )
    outbox_drain()
    assert outbox_pending_count() == 0
    return Circle(jiangning=jiangning, zhenjiang=zhenjiang, chipco=chipco, seu=seu)


def _node_count(page: Page) -> int:
    return int(page.get_by_test_id("explorer-canvas").get_attribute("data-node-count") or 0)


def _graph_settled(page: Page) -> None:
    expect(page.get_by_test_id("explorer-canvas")).to_have_attribute(
        "data-loading", "false", timeout=GRAPH_TIMEOUT
    )


def test_search_jiangning_open_the_park_and_expand_its_neighbours(
    page: Page, live_url: str, graph: Driver
) -> None:
    circle = _circle()
    user_create(username="wang", password=PASSWORD, role="secretariat", validate=False)
    park_uid = f"park:{circle.jiangning.pk}"

    # Signed-out visitors are sent to sign in and come back to the explorer.
    page.goto(live_url + "/explorer")
    expect(page).to_have_url(f"{live_url}/login?next=%2Fexplorer")
    submit_sign_in(page, "wang", PASSWORD)
    expect(page).to_have_url(f"{live_url}/explorer")

    # Pinyin initials find the park as well as its Chinese name does.
    search = page.get_by_test_id("explorer-search")
    search.fill("jn")
    expect(page.locator(f"[data-testid=search-option][data-uid='{park_uid}']")).to_be_visible(
        timeout=GRAPH_TIMEOUT
    )
    search.fill("江宁")
    option = page.locator(f"[data-testid=search-option][data-uid='{park_uid}']")
    expect(option).to_contain_text("江宁高新园")
    expect(page.locator("[data-testid=search-option]", has_text="镇江高新区")).to_have_count(0)
    option.click()

    # The park is in focus with its direct neighbours: city, industries, alliance, hosted firm.
    expect(page).to_have_url(re.compile(r"/explorer\?focus=park%3A\d+$"))
    canvas = page.get_by_test_id("explorer-canvas")
    expect(canvas).to_have_attribute("data-focus", park_uid)
    _graph_settled(page)
    details = page.get_by_test_id("node-details")
    expect(details).to_have_attribute("data-uid", park_uid)
    expect(details.get_by_test_id("node-details-name")).to_have_text("江宁高新园")
    expect(details).to_contain_text("国家级")
    expect(details.get_by_test_id("node-neighbours")).to_contain_text("宁芯微电子")
    expect(details.get_by_test_id("node-neighbours")).to_contain_text("集成电路")
    assert _node_count(page) >= 5  # park, 南京, two industries, 宁芯微电子 (+ the alliance)

    # Open the park's own page from the details panel.
    details.get_by_test_id("node-detail-link").click()
    expect(page).to_have_url(f"{live_url}/parks/{circle.jiangning.pk}")
    expect(page.get_by_test_id("park-name")).to_have_text("江宁高新园")
    expect(page.get_by_test_id("park-industries")).to_contain_text("集成电路")
    expect(page.get_by_test_id("hosted-organisations")).to_contain_text("宁芯微电子")
    expect(page.get_by_test_id("park-ecosystem")).to_contain_text("合作机构", timeout=GRAPH_TIMEOUT)

    # Back into the graph from the park page, then expand the hosted firm.
    page.get_by_test_id("view-in-graph").click()
    expect(page).to_have_url(f"{live_url}/explorer?focus=park%3A{circle.jiangning.pk}")
    _graph_settled(page)
    before = _node_count(page)
    assert before >= 5
    assert "东南大学" not in (page.get_by_test_id("node-details").text_content() or "")

    page.get_by_test_id("node-neighbours").get_by_text("宁芯微电子").click()
    details = page.get_by_test_id("node-details")
    expect(details).to_have_attribute("data-uid", f"org:{circle.chipco.pk}")
    details.get_by_test_id("expand-node").click()

    expect(canvas).not_to_have_attribute("data-node-count", str(before), timeout=GRAPH_TIMEOUT)
    _graph_settled(page)
    assert _node_count(page) > before  # 东南大学, its cooperation partner, among others
    expect(details.get_by_test_id("node-neighbours")).to_contain_text("东南大学")
    expect(details.get_by_test_id("node-neighbours")).to_contain_text("合作")

    # The partner's details link to its organisation page.
    details.get_by_test_id("node-neighbours").get_by_text("东南大学").click()
    expect(details).to_have_attribute("data-uid", f"org:{circle.seu.pk}")
    expect(details.get_by_test_id("node-detail-link")).to_have_attribute(
        "href", f"/organisations/{circle.seu.pk}"
    )

"""A researcher opens the research console, runs a read query and sees the table and the graph
side by side, is refused a write with the reason, saves the query, finds it under saved
queries and both runs in the history."""

from __future__ import annotations

import pytest
from neo4j import Driver
from playwright.sync_api import Page, expect

from backend.accounts.services import user_create
from backend.network import services
from backend.network.outbox import outbox_drain
from tests.e2e.steps import submit_sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long researcher passphrase"
TIMEOUT = 20_000  # ms: the first Cypher of a fresh server compiles its plans


def _network() -> None:
    nanjing = services.city_create(name="南京", province="江苏", name_en="Nanjing")
    ic = services.industry_create(name="集成电路", code="ic")
    park = services.park_create(
        name="江宁高新园",
        city=nanjing,
        level="national",
        kind="manufacturing",
        focus=[services.Focus(ic, 0.8)],
    )
    services.organisation_create(
        name="宁芯微电子", kind="enterprise", city=nanjing, park=park, industries=[ic]
    )
    outbox_drain()


def _type_query(page: Page, cypher: str) -> None:
    editor = page.get_by_test_id("cypher-input")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(cypher)


def test_a_researcher_runs_a_query_is_refused_a_write_and_saves_the_query(
    page: Page, live_url: str, graph: Driver
) -> None:
    _network()
    user_create(username="chen", password=PASSWORD, role="researcher", validate=False)

    page.goto(live_url + "/research")
    submit_sign_in(page, "chen", PASSWORD)
    expect(page).to_have_url(f"{live_url}/research")
    expect(page.get_by_role("tab", name="控制台")).to_be_visible()

    # A read query: the table and the graph side by side.
    _type_query(page, "MATCH (p:Park)-[h:HOSTS]->(o:Organisation) RETURN p.name AS park, p, h, o")
    page.get_by_test_id("run-button").click()
    result = page.get_by_test_id("console-result")
    expect(result.get_by_test_id("result-table")).to_contain_text("江宁高新园", timeout=TIMEOUT)
    expect(result.get_by_test_id("result-table")).to_contain_text("(Enterprise 宁芯微电子)")
    expect(result.get_by_test_id("result-graph")).to_be_visible()
    expect(result.get_by_test_id("result-summary")).to_contain_text("1 行")

    # A write is refused, with the reason in Chinese.
    _type_query(page, "MATCH (n) DETACH DELETE n")
    page.get_by_test_id("run-button").click()
    expect(page.get_by_test_id("console-error")).to_contain_text("只读", timeout=TIMEOUT)
    expect(page.get_by_test_id("console-error")).to_contain_text("not_read_only")

    # Save the read query and find it among the saved queries.
    _type_query(page, "MATCH (p:Park) RETURN p.name AS name ORDER BY name")
    page.get_by_role("button", name="保存为查询").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("名称").fill("全部园区")
    dialog.get_by_role("button", name="OK").or_(dialog.get_by_role("button", name="确 定")).click()
    expect(page.get_by_text("查询已保存。")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("tab", name="已保存查询").click()
    page.get_by_test_id("saved-query-item").filter(has_text="全部园区").click()
    page.get_by_test_id("run-saved-button").click()
    expect(page.get_by_test_id("result-table").last).to_contain_text("江宁高新园", timeout=TIMEOUT)

    # The history holds every run, the refusal included.
    page.get_by_role("tab", name="运行记录").click()
    history = page.get_by_test_id("history-table")
    expect(history).to_contain_text("已拒绝", timeout=TIMEOUT)
    expect(history).to_contain_text("成功")
    expect(history).to_contain_text("全部园区")

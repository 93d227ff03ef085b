"""One product, four people: the secretariat, a park's staff, a researcher and an organisation
user each sign in, find what needs them on the home page, search from the header and walk the
pages of their role. Every main page is saved as a screenshot ($NINGJU_E2E_SCREENSHOTS,
default .var/screenshots) so a person can look at the product as people see it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from backend.accounts.models import User
from backend.alliance import services as alliance_services
from backend.matching import services as matching_services
from tests.docking.conftest import World, network, post_posting, request_docking, world  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20_000
ROOT = Path(__file__).resolve().parents[2]


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("NINGJU_E2E_SCREENSHOTS") or ROOT / ".var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(screenshot_dir() / f"{name}.png"), full_page=True)


def signed_in(
    browser: Browser, live_url: str, user: User | None, width: int = 1280
) -> BrowserContext:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_url}]
        )
    return context


def settle(page: Page) -> None:
    """The page has loaded its data: no skeleton or spinner left (bounded wait)."""
    page.wait_for_load_state("networkidle")
    page.locator("main").first.wait_for(state="visible", timeout=TIMEOUT)
    for selector in (".ant-skeleton", ".ant-spin-spinning"):
        # A page that keeps a spinner (a live chart) is still screenshotted.
        with contextlib.suppress(AssertionError):
            expect(page.locator(selector)).to_have_count(0, timeout=TIMEOUT)


def visit(page: Page, live_url: str, path: str) -> None:
    page.goto(live_url + path)
    settle(page)
    expect(page.get_by_text("页面出现意外错误")).to_have_count(0)


@dataclass
class Scene:
    world: World
    announced_id: int
    draft_id: int
    project_id: int
    posting_id: int


@pytest.fixture
def scene(world: World) -> Scene:  # noqa: F811 - fixture argument
    """A morning in the alliance: an announced meeting, an item waiting for screening, a
    project, a posting with requests waiting for the posting park's answer."""
    net = world.net
    alliance_services.alliance_seed()
    announced = alliance_services.meeting_create(
        user=world.alice,
        title="2025年第二次联席会议",
        starts_at=timezone.now() + timedelta(days=7),
        place="南京高新区管委会",
    )
    alliance_services.meeting_announce(user=world.alice, meeting=announced)
    draft = alliance_services.meeting_create(
        user=world.alice,
        title="2025年第三次联席会议",
        starts_at=timezone.now() + timedelta(days=40),
    )
    alliance_services.item_submit(
        user=world.carol, meeting=draft, kind="major_matter", title="江北新区芯片人才政策协同"
    )
    project = matching_services.project_create(
        user=world.bob,
        park=net.jiangning,
        title="集成电路封装测试基地",
        industry=net.ic,
        positioning="manufacturing",
        investment_wan=Decimal(50000),
    )
    posting = post_posting(world.bob, title="车规级芯片可靠性测试需求", industries=[net.ic.pk])
    request_docking(world.carol, posting["id"])
    request_docking(world.olga, posting["id"], message="南京大学可提供测试平台。")
    return Scene(world, announced.pk, draft.pk, project.pk, posting["id"])


@pytest.fixture
def contexts(browser: Browser, live_url: str, scene: Scene) -> Iterator[dict[str, BrowserContext]]:
    w = scene.world
    opened = {
        "secretariat": signed_in(browser, live_url, w.alice),
        "park_staff": signed_in(browser, live_url, w.bob),
        "researcher": signed_in(browser, live_url, w.rita),
        "org_user": signed_in(browser, live_url, w.olga),
    }
    yield opened
    for context in opened.values():
        context.close()


def main_pages(scene: Scene) -> dict[str, list[tuple[str, str]]]:
    """Per role: (screenshot name, path) of the pages that role works in."""
    net = scene.world.net
    common = [
        ("parks", "/parks"),
        ("park-detail", f"/parks/{net.jiangning.pk}"),
        ("organisations", "/organisations"),
        ("organisation-detail", f"/organisations/{net.lab.pk}"),
        ("explorer", "/explorer"),
        ("docking", "/docking"),
        ("docking-requests", "/docking/requests"),
        ("research", "/research"),
        ("notifications", "/notifications"),
        ("account", "/account"),
    ]
    alliance = [
        ("alliance", "/alliance"),
        ("meeting", f"/alliance/meetings/{scene.announced_id}"),
        ("actions", "/alliance/actions"),
        ("matching", "/matching"),
        ("project", f"/matching/projects/{scene.project_id}"),
        ("split-report", "/matching/split-report"),
        ("posting", f"/docking/postings/{scene.posting_id}"),
    ]
    return {
        "secretariat": [
            *alliance,
            ("matching-weights", "/matching/weights"),
            ("docking-stats", "/docking/stats"),
            *common,
        ],
        "park_staff": [*alliance, *common],
        "researcher": [("matching", "/matching"), *common],
        "org_user": [("posting", f"/docking/postings/{scene.posting_id}"), *common],
    }


def test_the_secretariat_starts_the_day_on_its_home(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    page = contexts["secretariat"].new_page()
    visit(page, live_url, "/")
    expect(page.get_by_test_id("home-greeting")).to_contain_text("王秘书")
    expect(page.get_by_test_id("home-to-triage-count")).to_have_text("1", timeout=TIMEOUT)
    expect(page.get_by_test_id("home-to-triage")).to_contain_text("江北新区芯片人才政策协同")
    expect(page.get_by_test_id("home-overdue-actions-count")).to_have_text("0")
    expect(page.get_by_test_id("home-next-meeting")).to_contain_text("2025年第二次联席会议")
    expect(page.get_by_test_id("home-docking-stats")).to_contain_text("2")
    expect(page.get_by_test_id("home-targets-chart")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("home-targets")).to_contain_text("园区高技术制造业产值")
    # Amounts read as amounts: grouped, at most two decimals, nothing attributed yet is 0.
    expect(page.get_by_test_id("home-targets")).to_contain_text("> 5,500 亿元")
    expect(page.get_by_test_id("home-target-high_tech_manufacturing_output")).to_have_text("0 亿元")
    expect(page.get_by_test_id("home-targets")).not_to_contain_text("0.0000")
    shot(page, "secretariat-home")
    # A figure is a link to the list behind it.
    page.get_by_test_id("home-to-triage-count").click()
    expect(page).to_have_url(re.compile(r"/alliance$"))


def test_the_targets_read_in_english(browser: Browser, live_url: str, scene: Scene) -> None:
    context = signed_in(browser, live_url, scene.world.alice)
    context.add_init_script("window.localStorage.setItem('ningju.language', 'en')")
    page = context.new_page()
    visit(page, live_url, "/")
    expect(page.get_by_test_id("home-targets")).to_contain_text("> CNY 550 bn", timeout=TIMEOUT)
    expect(page.get_by_test_id("home-targets")).to_contain_text("≥ 130 enterprises")
    expect(page.get_by_test_id("home-target-high_tech_services_revenue")).to_have_text("CNY 0 bn")
    shot(page, "secretariat-home-en")
    context.close()


def test_park_staff_see_what_waits_for_their_park(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    page = contexts["park_staff"].new_page()
    visit(page, live_url, "/")
    expect(page.get_by_test_id("home-role")).to_contain_text("江宁园")
    expect(page.get_by_test_id("home-requests-waiting-count")).to_have_text("2", timeout=TIMEOUT)
    expect(page.get_by_test_id("home-requests-waiting")).to_contain_text("车规级芯片可靠性测试需求")
    expect(page.get_by_test_id("home-next-meeting")).to_contain_text("2025年第二次联席会议")
    expect(page.get_by_test_id("home-my-actions")).to_contain_text("暂无未完成的督办事项")
    shot(page, "park-staff-home")
    page.get_by_test_id("home-requests-waiting-count").click()
    expect(page).to_have_url(re.compile(r"/docking/requests$"))


def test_a_researcher_sees_queries_runs_and_the_graph_size(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    page = contexts["researcher"].new_page()
    visit(page, live_url, "/")
    expect(page.get_by_test_id("home-saved-queries-count")).to_have_text("0", timeout=TIMEOUT)
    expect(page.get_by_test_id("home-graph-parks")).to_contain_text("3")
    expect(page.get_by_test_id("home-graph-organisations")).to_contain_text("4")
    shot(page, "researcher-home")
    page.get_by_test_id("home-recent-runs-count").click()
    expect(page).to_have_url(re.compile(r"/research\?tab=history$"))
    expect(page.get_by_role("tab", name="运行记录")).to_have_attribute(
        "aria-selected", "true", timeout=TIMEOUT
    )


def test_an_organisation_user_sees_its_dockings(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    page = contexts["org_user"].new_page()
    visit(page, live_url, "/")
    expect(page.get_by_test_id("home-my-requests-count")).to_have_text("1", timeout=TIMEOUT)
    expect(page.get_by_test_id("home-my-requests")).to_contain_text("车规级芯片可靠性测试需求")
    shot(page, "org-user-home")


def test_the_header_search_finds_by_pinyin_and_opens_with_the_keyboard(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    page = contexts["secretariat"].new_page()
    visit(page, live_url, "/")
    page.keyboard.press("/")
    box = page.get_by_test_id("global-search-input")
    expect(box).to_be_focused()
    box.press_sequentially("jiangning", delay=20)
    expect(page.get_by_test_id("search-group-park")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("search-hit").first).to_contain_text("江宁园")
    shot(page, "search-pinyin")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/parks/{scene.world.net.jiangning.pk}$"))
    # Chinese, an agenda item, and Esc closes the list.
    box.fill("人才政策")
    expect(page.get_by_test_id("search-group-agenda_item")).to_be_visible(timeout=TIMEOUT)
    box.press("Escape")
    expect(page.get_by_test_id("search-group-agenda_item")).to_be_hidden()


def side_panel_reaches_the_bottom(page: Page) -> bool:
    """The side menu's white panel runs down to the end of the page, however tall."""
    box = page.get_by_test_id("side-panel").bounding_box()
    scrolled = page.evaluate("window.scrollY")
    bottom = page.evaluate("document.documentElement.scrollHeight")
    return box is not None and scrolled + box["y"] + box["height"] >= bottom - 1


def test_every_role_walks_its_main_pages(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    for role, pages in main_pages(scene).items():
        page = contexts[role].new_page()
        for name, path in [("home", "/"), *pages]:
            visit(page, live_url, path)
            expect(page.get_by_test_id("side-menu")).to_be_visible()
            assert side_panel_reaches_the_bottom(page), (role, name)
            if name != "home":  # the home tests above save the home pages
                shot(page, f"{role}-{name}")
        page.close()


def test_the_side_menu_follows_the_role(
    live_url: str, scene: Scene, contexts: dict[str, BrowserContext]
) -> None:
    expected = {
        "secretariat": ("联席会议", True),
        "park_staff": ("联席会议", True),
        "researcher": ("联席会议", False),
        "org_user": ("联席会议", False),
    }
    for role, (label, shown) in expected.items():
        page = contexts[role].new_page()
        visit(page, live_url, "/")
        item = page.get_by_test_id("side-menu").get_by_role(
            "menuitem", name=re.compile(f"{label}$")
        )
        expect(item).to_have_count(1 if shown else 0)
        page.close()


def test_an_unknown_page_says_what_to_do(browser: Browser, live_url: str, scene: Scene) -> None:
    context = signed_in(browser, live_url, scene.world.bob)
    page = context.new_page()
    visit(page, live_url, "/no-such-page")
    expect(page.get_by_text("页面不存在").first).to_be_visible()
    expect(page.get_by_role("button", name="返回首页")).to_be_visible()
    shot(page, "not-found")
    context.close()

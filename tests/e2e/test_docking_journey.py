"""Online docking in two browsers: 江宁园's staff publish a technology need, 江北新区's staff find
it by a Chinese search and ask to dock, the posting park accepts while the requester watches,
both talk in the conversation (each sees the other's message without reloading), and the
docking goes in talks → agreed. Plus: markup in user text shows as text, and an anonymous
poster stays anonymous.

Screenshots of the main pages are written to $NINGJU_E2E_SCREENSHOTS when it names a folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from backend.accounts.models import User
from backend.docking import services
from backend.docking.models import DockingRequest, Party, RequestStatus
from tests.docking.conftest import World, network, world  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20_000
TITLE = "车规级AI芯片低功耗验证技术需求"
XSS_TITLE = "<img src=x onerror=alert(1)>"


def signed_in(browser: Browser, live_url: str, user: User) -> BrowserContext:
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_url}]
    )
    return context


@pytest.fixture
def contexts(browser: Browser, live_url: str, world: World) -> Iterator[dict[str, BrowserContext]]:  # noqa: F811
    opened = {
        "owner": signed_in(browser, live_url, world.bob),  # 江宁园
        "requester": signed_in(browser, live_url, world.carol),  # 江北新区
        "secretariat": signed_in(browser, live_url, world.alice),
    }
    yield opened
    for context in opened.values():
        context.close()


def shot(page: Page, name: str) -> None:
    folder = os.environ.get("NINGJU_E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"docking-{name}.png"), full_page=True)


def no_dialogs(page: Page) -> list[str]:
    """Any alert() a page raises is recorded (and dismissed)."""
    seen: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


def test_two_parks_dock_from_posting_to_agreement(
    live_url: str,
    world: World,  # noqa: F811 - fixture argument
    contexts: dict[str, BrowserContext],
) -> None:
    owner = contexts["owner"].new_page()
    requester = contexts["requester"].new_page()

    # 江宁园 publishes a technology need through the editor.
    owner.goto(f"{live_url}/docking/postings/new")
    expect(owner.get_by_test_id("posting-editor")).to_be_visible(timeout=TIMEOUT)
    owner.get_by_label("信息类型").click()
    owner.locator(".ant-select-item-option", has_text="技术需求").click()
    owner.get_by_test_id("editor-title").fill(TITLE)
    owner.get_by_test_id("editor-description").fill(
        "园区芯片设计企业需要车规级 AI 芯片的低功耗验证与功能安全测试能力。\n欢迎高校与实验室对接。"
    )
    shot(owner, "editor")
    owner.get_by_test_id("editor-publish").click()
    expect(owner.get_by_test_id("posting-heading")).to_have_text(TITLE, timeout=TIMEOUT)
    expect(owner.get_by_test_id("posting-status")).to_have_text("已发布")
    expect(owner.get_by_test_id("owner-tools")).to_be_visible()
    shot(owner, "posting-owner")

    # The owner waits on the incoming requests; nothing but the socket will update it.
    owner.goto(f"{live_url}/docking/requests")
    expect(owner.get_by_test_id("requests-page")).to_be_visible(timeout=TIMEOUT)
    expect(owner.get_by_test_id("notification-bell")).to_have_attribute(
        "data-live", "true", timeout=TIMEOUT
    )

    # 江北新区 finds it by a Chinese search and asks to dock.
    requester.goto(f"{live_url}/docking")
    search = requester.get_by_label("搜索对接信息")
    search.fill("芯片 验证")
    search.press("Enter")
    card = requester.get_by_test_id("posting-card").filter(has_text=TITLE)
    expect(card).to_have_count(1, timeout=TIMEOUT)
    expect(requester.get_by_test_id("market-count")).to_have_text("共 1 条")
    shot(requester, "marketplace")
    card.get_by_test_id("posting-title").click()
    expect(requester.get_by_test_id("posting-heading")).to_have_text(TITLE, timeout=TIMEOUT)
    expect(requester.get_by_test_id("posting-owner")).to_have_text("江宁园")
    requester.get_by_test_id("open-request-form").click()
    requester.get_by_test_id("request-message").fill("江北新区有车规芯片测试平台，希望对接。")
    requester.get_by_test_id("send-request").click()
    detail = requester.get_by_test_id("request-detail")
    expect(detail).to_be_visible(timeout=TIMEOUT)
    expect(detail.get_by_test_id("request-status")).to_have_attribute("data-status", "requested")
    expect(requester.get_by_test_id("notification-bell")).to_have_attribute(
        "data-live", "true", timeout=TIMEOUT
    )

    # The request appears on the owner's screen live; the owner accepts it.
    row = owner.get_by_test_id("request-table").locator("tr", has_text=TITLE)
    expect(row).to_have_count(1, timeout=TIMEOUT)
    expect(row.get_by_test_id("request-status")).to_have_attribute("data-status", "requested")
    shot(owner, "requests-incoming")
    row.get_by_test_id("step-accepted").click()
    expect(row.get_by_test_id("request-status")).to_have_attribute(
        "data-status", "accepted", timeout=TIMEOUT
    )
    # ... and the requester's open page follows without a reload.
    expect(detail.get_by_test_id("request-status")).to_have_attribute(
        "data-status", "accepted", timeout=TIMEOUT
    )

    # Both open the conversation.
    row.get_by_test_id("open-thread").click()
    detail.get_by_test_id("open-thread").click()
    for page in (owner, requester):
        expect(page.get_by_test_id("thread-subject")).to_have_text(TITLE, timeout=TIMEOUT)
        expect(page.get_by_test_id("message-body").first).to_have_text(
            "江北新区有车规芯片测试平台，希望对接。"
        )

    # The requester writes (Enter sends); the owner's screen shows it without a reload.
    box = requester.get_by_test_id("message-input")
    box.fill("下周三上午可到江宁园面谈吗？")
    box.press("Enter")
    expect(box).to_have_value("", timeout=TIMEOUT)
    expect(owner.get_by_test_id("message-list")).to_contain_text(
        "下周三上午可到江宁园面谈吗？", timeout=TIMEOUT
    )
    owner_box = owner.get_by_test_id("message-input")
    owner_box.fill("可以，周三上午十点见。")
    owner_box.press("Enter")
    expect(requester.get_by_test_id("message-list")).to_contain_text(
        "可以，周三上午十点见。", timeout=TIMEOUT
    )
    expect(requester.get_by_test_id("message").filter(has_text="下周三上午")).to_have_attribute(
        "data-mine", "true"
    )

    # In talks (the owner), then agreed (the requester); each side's status follows live.
    owner.get_by_test_id("step-in_talks").click()
    for page in (owner, requester):
        expect(page.get_by_test_id("request-status")).to_have_attribute(
            "data-status", "in_talks", timeout=TIMEOUT
        )
    requester.get_by_test_id("step-agreed").click()
    for page in (owner, requester):
        expect(page.get_by_test_id("request-status")).to_have_attribute(
            "data-status", "agreed", timeout=TIMEOUT
        )
    expect(owner.get_by_test_id("make-project")).to_be_visible()
    shot(owner, "thread")

    # The secretariat's statistics count the agreement (chart loaded on demand).
    secretariat = contexts["secretariat"].new_page()
    secretariat.goto(f"{live_url}/docking/stats")
    expect(secretariat.get_by_test_id("stat-agreements")).to_contain_text("1", timeout=TIMEOUT)
    expect(secretariat.get_by_test_id("chart-kinds").locator("canvas")).to_have_count(
        1, timeout=TIMEOUT
    )
    expect(secretariat.get_by_test_id("download-xlsx")).to_have_attribute(
        "href", "/api/docking/stats.xlsx"
    )
    shot(secretariat, "stats")

    request = DockingRequest.objects.get(posting__title=TITLE)
    assert request.status == RequestStatus.AGREED
    assert request.requester_park_id == world.net.jiangbei.pk
    assert request.thread.messages.count() == 3


def test_markup_shows_as_text_and_an_anonymous_poster_stays_anonymous(
    live_url: str,
    world: World,  # noqa: F811 - fixture argument
    contexts: dict[str, BrowserContext],
) -> None:
    jiangning = Party(park_id=world.net.jiangning.pk)
    tricky = services.posting_create(
        user=world.bob,
        owner=jiangning,
        kind="achievement",
        title=XSS_TITLE,
        description="<script>alert(2)</script>\n<b>加粗</b>",
        submit=True,
    )
    hidden = services.posting_create(
        user=world.bob,
        owner=jiangning,
        kind="space",
        title="标准厂房出租两万平方米",
        visibility="anonymous",
        submit=True,
    )
    page = contexts["requester"].new_page()
    dialogs = no_dialogs(page)

    page.goto(f"{live_url}/docking")
    card = page.get_by_test_id("posting-card").filter(has_text=XSS_TITLE)
    expect(card).to_have_count(1, timeout=TIMEOUT)
    anonymous_card = page.get_by_test_id("posting-card").filter(has_text="标准厂房出租两万平方米")
    expect(anonymous_card.get_by_test_id("anonymous-badge")).to_be_visible()
    expect(anonymous_card).to_contain_text("匿名发布方")
    expect(anonymous_card).not_to_contain_text("江宁园")

    page.goto(f"{live_url}/docking/postings/{tricky.pk}")
    expect(page.get_by_test_id("posting-heading")).to_have_text(XSS_TITLE, timeout=TIMEOUT)
    expect(page.get_by_test_id("posting-description")).to_contain_text("<script>alert(2)</script>")
    expect(page.get_by_test_id("posting-description")).to_contain_text("<b>加粗</b>")
    expect(page.locator("img[src='x']")).to_have_count(0)
    expect(page.locator("[data-testid=posting-description] b")).to_have_count(0)

    page.goto(f"{live_url}/docking/postings/{hidden.pk}")
    expect(page.get_by_test_id("posting-owner")).to_have_text("匿名发布方", timeout=TIMEOUT)
    expect(page.get_by_test_id("posting-detail")).not_to_contain_text("江宁园")
    shot(page, "posting-anonymous")
    assert dialogs == []

"""Park staff watch their bell in the browser while the platform tells them things."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from backend.core.lib.bilingual import Bilingual
from backend.notifications.kinds import NotificationKind
from backend.notifications.services import notify

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def tell(user: User, zh: str, kind: NotificationKind = NotificationKind.MATCH_CREATED) -> None:
    notify(recipients=[user], kind=kind, title=Bilingual(zh=zh, en=zh), link="/account")


def sign_in(page: Page, live_url: str, user: User) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_url}]
    )


def test_the_bell_counts_live_toasts_urgent_ones_and_keeps_its_state_after_reload(
    page: Page, live_url: str, bob: User, alice: User
) -> None:
    tell(bob, "登录前的通知")
    sign_in(page, live_url, bob)
    page.goto(live_url + "/")

    bell = page.get_by_test_id("notification-bell")
    expect(bell).to_have_attribute("data-unread", "1", timeout=20_000)
    expect(bell).to_have_attribute("data-live", "true", timeout=20_000)

    tell(bob, "江北新区发布了新的对接需求")
    expect(bell).to_have_attribute("data-unread", "2")
    tell(alice, "给秘书处的，不该计入")
    tell(bob, "督办事项今天到期", NotificationKind.ACTION_ITEM_DUE)
    toast = page.get_by_test_id("notification-toast")
    expect(toast).to_contain_text("督办事项今天到期")
    toast.locator(".ant-notification-notice-close").click()
    expect(toast).to_be_hidden()
    expect(bell).to_have_attribute("data-unread", "3")

    bell.click()
    items = page.get_by_test_id("notification-drawer").get_by_test_id("notification-item")
    expect(items).to_have_count(3)
    expect(items.first).to_contain_text("督办事项今天到期")
    page.get_by_test_id("mark-all-read").click()
    expect(bell).to_have_attribute("data-unread", "0")

    page.reload()
    expect(bell).to_have_attribute("data-unread", "0", timeout=20_000)
    expect(bell).to_have_attribute("data-live", "true", timeout=20_000)
    tell(bob, "刷新之后的通知")
    expect(bell).to_have_attribute("data-unread", "1")
    bell.click()
    expect(items.first).to_contain_text("刷新之后的通知")
    items.first.click()
    expect(page).to_have_url(f"{live_url}/account")
    expect(bell).to_have_attribute("data-unread", "0")

"""Park staff sign in through the web app and see their park."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from backend.accounts.models import User
from tests.conftest import PASSWORD
from tests.e2e.steps import submit_sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_park_staff_are_sent_to_sign_in_and_then_see_their_park(
    page: Page, live_url: str, bob: User
) -> None:
    page.goto(live_url + "/account")
    expect(page).to_have_url(f"{live_url}/login?next=%2Faccount")

    submit_sign_in(page, "bob", "not his password")
    expect(page.get_by_test_id("login-error")).to_contain_text("用户名或密码错误")

    page.get_by_label("密码").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_url}/account")
    expect(page.get_by_text("江宁园").first).to_be_visible()
    expect(page.get_by_text("园区工作人员").first).to_be_visible()

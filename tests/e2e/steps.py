"""Steps several browser stories share."""

from __future__ import annotations

from playwright.sync_api import Page


def submit_sign_in(page: Page, username: str, password: str) -> None:
    """Fill the sign-in form the page shows and send it."""
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.locator("form button[type=submit]").click()

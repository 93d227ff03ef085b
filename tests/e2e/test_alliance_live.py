"""The live joint meeting in two browsers: the secretariat moves the current item and the
member park's screen (and the projector) follow."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, expect
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance.models import AllianceMember
from backend.alliance.services import alliance_default
from backend.network.models import Park
from tests.alliance.flows import live_meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def members(jiangning: Park, jiangbei: Park) -> list[Park]:
    alliance = alliance_default()
    for park in (jiangning, jiangbei):
        AllianceMember.objects.create(alliance=alliance, park=park)
    return [jiangning, jiangbei]


def signed_in_context(browser: Browser, live_url: str, user: User) -> BrowserContext:
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="zh-CN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_url}]
    )
    return context


def api_as(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_member_parks_screen_follows_the_secretariats_current_item(
    browser: Browser, live_url: str, alice: User, bob: User, members: list[Park]
) -> None:
    meeting, _items = live_meeting(api_as(alice), api_as(bob), [p.pk for p in members], items=3)
    url = f"{live_url}/alliance/meetings/{meeting['id']}"
    secretariat = signed_in_context(browser, live_url, alice)
    member = signed_in_context(browser, live_url, bob)
    try:
        control = secretariat.new_page()
        projector = secretariat.new_page()
        follower = member.new_page()
        control.goto(url)
        projector.goto(url + "/projector")
        follower.goto(url)
        for page, test_id in (
            (control, "current-item-title"),
            (follower, "current-item-title"),
            (projector, "projector-current"),
        ):
            expect(page.get_by_test_id(test_id)).to_have_text("1. 议题1", timeout=20_000)
        # Nothing but the websocket tells the member's page to refetch.
        for step in ("2. 议题2", "3. 议题3"):
            control.get_by_test_id("next-item").click()
            expect(control.get_by_test_id("current-item-title")).to_have_text(step)
            expect(follower.get_by_test_id("current-item-title")).to_have_text(step, timeout=5_000)
            expect(projector.get_by_test_id("projector-current")).to_have_text(step, timeout=5_000)
        # The member park sees the live agenda but has no live controls.
        expect(follower.get_by_test_id("next-item")).to_have_count(0)
    finally:
        secretariat.close()
        member.close()

"""A visitor opens the platform and sees that every part is healthy."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("celery_worker")]

PARTS = ["database", "redis", "channel_layer", "celery", "neo4j"]


def test_the_home_page_shows_the_platform_and_every_part_healthy(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    expect(page.get_by_text("宁聚").first).to_be_visible()
    expect(page.get_by_test_id("health-overall")).to_have_attribute(
        "data-status", "ok", timeout=20_000
    )
    for part in PARTS:
        expect(page.get_by_test_id(f"health-part-{part}")).to_have_attribute("data-status", "up")

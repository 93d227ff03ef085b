"""The posting park's staff open a matched project in the browser, read why the first
candidate fits (factor sentences, drawn paths) and say they are interested."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from backend.matching import services
from backend.matching.models import MatchFeedback
from tests.e2e.steps import submit_sign_in
from tests.matching.conftest import World, network, open_chip_design_project, world  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20_000


def test_the_posting_park_reads_a_match_and_shows_interest(
    page: Page,
    live_url: str,
    world: World,  # noqa: F811 - fixture argument
) -> None:
    project = open_chip_design_project(world)
    services.project_match(project=project)

    page.goto(f"{live_url}/login?next=/matching/projects/{project.pk}")
    submit_sign_in(page, "bob-owner", "x")
    expect(page.get_by_test_id("project-title")).to_have_text("芯片设计中心", timeout=TIMEOUT)

    card = page.get_by_test_id("match-card")
    row = card.locator("tr", has_text="江北新区").first
    expect(row).to_be_visible(timeout=TIMEOUT)
    row.locator(".ant-table-row-expand-icon").click()
    breakdown = page.get_by_test_id("factor-breakdown").first
    expect(breakdown).to_contain_text("两园区为伙伴园区关系")
    breakdown.get_by_role("button", name="在小图中查看路径").first.click()
    expect(page.get_by_test_id("path-graph")).to_be_visible()

    row.get_by_role("button", name="有意向").click()
    expect(card).to_contain_text("发布园区: 有意向", timeout=TIMEOUT)
    assert MatchFeedback.objects.filter(project=project, side="owner").count() == 1

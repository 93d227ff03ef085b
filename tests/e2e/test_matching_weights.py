"""The secretariat tries new matching weights on an open project, sees how the candidate
parks would move, and sets them with a note."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from backend.matching.models import MatchingWeights, MatchRun
from tests.e2e.steps import submit_sign_in
from tests.matching.conftest import World, network, open_chip_design_project, world  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20_000


def test_the_secretariat_previews_weights_then_sets_them(
    page: Page,
    live_url: str,
    world: World,  # noqa: F811 - fixture argument
) -> None:
    open_chip_design_project(world)

    page.goto(f"{live_url}/login?next=/matching/weights")
    submit_sign_in(page, "alice-sec", "x")
    expect(page.get_by_test_id("weights-page")).to_be_visible(timeout=TIMEOUT)

    page.get_by_test_id("preview-project").click()
    page.get_by_title("芯片设计中心 · 江宁园").click()
    in_force = page.get_by_test_id("ranking-in-force")
    expect(in_force).to_contain_text("江北新区", timeout=TIMEOUT)

    # Only network ties count: the partner park scores 100, the other member park 30.
    for name in ("industry_fit", "chain_complementarity", "innovation_support", "capacity_fit"):
        page.get_by_test_id(f"weight-input-{name}").fill("0")
    page.get_by_test_id("weight-input-positioning_fit").fill("0")
    page.get_by_test_id("weight-input-distance").fill("0")
    page.get_by_test_id("weight-input-network_proximity").fill("1")
    page.get_by_test_id("weights-note").click()  # leave the last input so it commits
    edited = page.get_by_test_id("ranking-edited")
    expect(edited.locator("tr", has_text="江北新区")).to_contain_text("100.00", timeout=TIMEOUT)
    expect(edited.locator("tr", has_text="滁州园")).to_contain_text("30.00")
    # A preview stores no run (background re-matches, on opening or a graph change, may).
    assert not MatchRun.objects.filter(trigger="manual").exists()

    page.get_by_test_id("weights-note").fill("试行：只看网络关系")
    page.get_by_test_id("save-weights").click()
    page.locator(".ant-modal-confirm").get_by_role("button", name="保存权重").click()
    expect(page.get_by_test_id("weights-history")).to_contain_text(
        "试行：只看网络关系", timeout=TIMEOUT
    )
    latest = MatchingWeights.objects.order_by("-id").first()
    assert latest is not None and latest.network_proximity == 1 and latest.industry_fit == 0

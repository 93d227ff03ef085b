"""axe-core on every main page, signed out and as each role: no serious or critical finding.
And a tablet in a meeting room (768 px wide): every main page fits without scrolling sideways.

axe-core's own script (frontend/node_modules/axe-core/axe.min.js, installed by `npm ci` with
the dev dependencies) is injected into the page and run with the WCAG 2.x A/AA rules.
The findings of every page are written to <screenshots>/axe-report.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.docking.conftest import network, world  # noqa: F401 - fixtures
from tests.e2e.test_roles_journey import (
    ROOT,
    Scene,
    main_pages,
    scene,  # noqa: F401 - fixture
    screenshot_dir,
    shot,
    signed_in,
    visit,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
RUN_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_findings(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => axe.run(document, options)", RUN_OPTIONS)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


@pytest.fixture
def report() -> Iterator[dict[str, Any]]:
    collected: dict[str, Any] = {}
    yield collected
    path = screenshot_dir() / "axe-report.json"
    previous = json.loads(path.read_text()) if path.exists() else {}
    previous.update(collected)
    path.write_text(json.dumps(previous, ensure_ascii=False, indent=2))


def check(page: Page, name: str, report: dict[str, Any]) -> list[str]:
    findings = axe_findings(page)
    report[name] = {
        "serious_or_critical": sum(1 for f in findings if f["impact"] in BLOCKING),
        "findings": findings,
    }
    return [
        f"{name}: {f['impact']} {f['id']} ({f['help']}) at {f['nodes']}"
        for f in findings
        if f["impact"] in BLOCKING
    ]


def test_axe_finds_nothing_serious_on_the_public_pages(
    browser: Browser, live_url: str, report: dict[str, Any]
) -> None:
    assert AXE.exists(), "run `npm ci` in frontend/ (axe-core is a dev dependency)"
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    for name, path in [("anonymous-home", "/"), ("login", "/login")]:
        visit(page, live_url, path)
        problems += check(page, name, report)
    context.close()
    assert problems == []


@pytest.mark.parametrize("role", ["secretariat", "park_staff", "researcher", "org_user"])
def test_axe_finds_nothing_serious_on_the_main_pages_of_each_role(
    browser: Browser,
    live_url: str,
    scene: Scene,  # noqa: F811 - fixture
    role: str,
    report: dict[str, Any],
) -> None:
    user = {
        "secretariat": scene.world.alice,
        "park_staff": scene.world.bob,
        "researcher": scene.world.rita,
        "org_user": scene.world.olga,
    }[role]
    context = signed_in(browser, live_url, user)
    page = context.new_page()
    problems: list[str] = []
    for name, path in [("home", "/"), *main_pages(scene)[role]]:
        visit(page, live_url, path)
        problems += check(page, f"{role}-{name}", report)
    context.close()
    assert problems == []


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def test_the_main_pages_fit_a_tablet(
    browser: Browser,
    live_url: str,
    scene: Scene,  # noqa: F811 - fixture
) -> None:
    context: BrowserContext = signed_in(browser, live_url, scene.world.alice, width=768)
    page = context.new_page()
    too_wide: list[str] = []
    for name, path in [("home", "/"), *main_pages(scene)["secretariat"]]:
        visit(page, live_url, path)
        if overflow(page) > 1:
            too_wide.append(f"{path}: {overflow(page)} px")
        if name in {"home", "meeting", "docking", "matching", "alliance"}:
            shot(page, f"tablet-{name}")
    context.close()
    assert too_wide == []


def test_the_keyboard_alone_reaches_the_menu_and_the_content(
    browser: Browser,
    live_url: str,
    scene: Scene,  # noqa: F811 - fixture
) -> None:
    context = signed_in(browser, live_url, scene.world.bob)
    page = context.new_page()
    visit(page, live_url, "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "跳到主要内容" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    context.close()

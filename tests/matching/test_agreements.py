"""Benefit-sharing agreements, reported figures, the split report and its Excel export."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.matching.conftest import World, client_for, landed_project, post_project

pytestmark = pytest.mark.django_db

SHARES = [
    {"indicator": "output", "transferring_percent": "40", "receiving_percent": "60"},
    {"indicator": "tax", "transferring_percent": "33.33", "receiving_percent": "66.67"},
]


def _agreement(world: World, pid: int, shares: list[dict] | None = None) -> dict:
    response = client_for(world.owner).post(
        f"/api/matching/projects/{pid}/agreements",
        {"year_from": 2024, "year_to": 2026, "shares": shares or SHARES},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_shares_must_add_up_to_exactly_100(world: World) -> None:
    pid = landed_project(world)
    response = client_for(world.owner, "zh-hans").post(
        f"/api/matching/projects/{pid}/agreements",
        {
            "year_from": 2024,
            "year_to": 2026,
            "shares": [
                {"indicator": "tax", "transferring_percent": "50", "receiving_percent": "49.99"}
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "100" in response.json()["message"]


def test_both_parks_confirm_once_and_then_the_agreement_is_immutable(world: World) -> None:
    pid = landed_project(world)
    agreement = _agreement(world, pid)
    url = f"/api/matching/agreements/{agreement['id']}"
    assert client_for(world.owner).post(f"{url}/confirm").status_code == 200
    assert client_for(world.owner).post(f"{url}/confirm").status_code == 409  # twice
    assert client_for(world.third).post(f"{url}/confirm").status_code == 404  # not a party
    done = client_for(world.candidate).post(f"{url}/confirm").json()
    assert done["confirmed"] is True
    edit = client_for(world.owner).patch(url, {"year_to": 2030}, format="json")
    assert edit.status_code == 409
    second = _agreement(world, pid)
    assert second["version"] == 2 and second["confirmed"] is False


def test_editing_a_draft_withdraws_an_earlier_confirmation(world: World) -> None:
    pid = landed_project(world)
    agreement = _agreement(world, pid)
    url = f"/api/matching/agreements/{agreement['id']}"
    client_for(world.owner).post(f"{url}/confirm")
    edited = client_for(world.candidate).patch(url, {"year_to": 2027}, format="json").json()
    assert edited["transferring_confirmed_at"] is None and edited["year_to"] == 2027


def test_the_split_report_conserves_totals_and_exports_to_excel(world: World) -> None:
    pid = landed_project(world)
    agreement = _agreement(world, pid)
    for user in (world.owner, world.candidate):
        client_for(user).post(f"/api/matching/agreements/{agreement['id']}/confirm")
    owner = client_for(world.owner)
    for indicator, amount in (("output", "1000.01"), ("tax", "100.00"), ("revenue", "7")):
        r = owner.post(
            f"/api/matching/projects/{pid}/figures",
            {"year": 2025, "indicator": indicator, "amount_wan": amount},
            format="json",
        )
        assert r.status_code == 201, r.json()
    bad = owner.post(
        f"/api/matching/projects/{pid}/figures",
        {"year": 2025, "indicator": "tax", "amount_wan": "-5"},
        format="json",
    )
    assert bad.status_code == 400
    report = client_for(world.secretariat).get("/api/matching/split-report", {"year": 2025}).json()
    by = {(t["park_id"], t["indicator"]): Decimal(t["attributed_wan"]) for t in report["totals"]}
    jn, jb = world.net.jiangning.pk, world.net.jiangbei.pk
    assert by[(jn, "tax")] == Decimal("33.33") and by[(jb, "tax")] == Decimal("66.67")
    assert by[(jn, "output")] + by[(jb, "output")] == Decimal("1000.01")
    assert by[(jb, "revenue")] == Decimal("7.00")  # no share listed: the receiving park's
    targets = {t["code"]: t for t in report["targets"]}
    assert targets["high_tech_services_revenue"]["joint_projects_contribution"] == "0.0007"
    own = client_for(world.candidate).get("/api/matching/split-report").json()
    assert {line["park_id"] for line in own["lines"]} == {jb}
    xlsx = client_for(world.secretariat).get("/api/matching/split-report.xlsx")
    assert xlsx.status_code == 200
    book = load_workbook(BytesIO(xlsx.content))
    assert book.sheetnames == ["分算明细 Lines", "园区合计 Totals"]
    assert book["分算明细 Lines"].max_row == 1 + 5
    assert client_for(world.researcher).get("/api/matching/split-report").status_code == 403


def test_figures_are_only_for_landed_projects(world: World) -> None:
    project = post_project(world)
    response = client_for(world.owner).post(
        f"/api/matching/projects/{project['id']}/figures",
        {"year": 2025, "indicator": "tax", "amount_wan": "1"},
        format="json",
    )
    assert response.status_code == 409

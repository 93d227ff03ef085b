"""The matches a park appears in, across projects (GET /api/matching/matches): what a park's
home shows as its new matches, read from the match runs themselves.

江宁园 (bob-owner) posts the projects; 江北新区 (carol-candidate) and 滁州园 (dan-third) are
the candidate parks; alice-sec is the secretariat; rita-res a researcher."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.accounts.models import Role
from backend.accounts.services import user_create
from backend.matching.models import MatchResult, MatchRun
from tests.matching.conftest import World, client_for, open_project, post_project

pytestmark = pytest.mark.django_db

URL = "/api/matching/matches"
EVERY_PARK_FITS = {"land_mu": "0", "space_m2": "0"}  # 滁州园's 40 mu exclude nobody


def _matched_project(world: World, title: str, **overrides: object) -> int:
    """A project of 江宁园, open and matched once."""
    project_id = int(post_project(world, title=title, **EVERY_PARK_FITS, **overrides)["id"])
    open_project(world, project_id)
    _rematch(world, project_id)
    return project_id


def _rematch(world: World, project_id: int) -> None:
    response = client_for(world.owner).post(f"/api/matching/projects/{project_id}/matches")
    assert response.status_code == 201, response.json()


def _latest_run(project_id: int) -> MatchRun:
    return MatchRun.objects.filter(project_id=project_id).order_by("-id")[0]


def _matches(client: APIClient, **query: Any) -> dict[str, Any]:
    response = client.get(URL, query)
    assert response.status_code == 200, response.json()
    return dict(response.json())


def test_a_parks_staff_see_their_own_row_of_the_latest_run_only(world: World) -> None:
    project_id = _matched_project(world, "芯片设计中心")
    _rematch(world, project_id)  # a second run: the first one's rows are history
    jiangbei = world.net.jiangbei.pk
    assert MatchResult.objects.filter(project_id=project_id, park_id=jiangbei).count() == 2

    body = _matches(client_for(world.candidate))

    assert body["count"] == 1
    (row,) = body["results"]
    latest = _latest_run(project_id)
    mine = latest.results.get(park_id=jiangbei)
    assert row["project"] == {
        "id": project_id,
        "title": "芯片设计中心",
        "status": "open",
        "park": {"id": world.net.jiangning.pk, "name": "江宁园"},
    }
    assert row["park"] == {"id": jiangbei, "name": "江北新区"}
    assert (row["rank"], row["score"]) == (mine.rank, str(mine.score))
    assert datetime.fromisoformat(row["run_created_at"]) == latest.created_at
    assert row["feedback"] is None
    # 滁州园 is a candidate of the same run; 江北新区 never sees its row.
    assert latest.results.filter(park_id=world.chuzhou_park.pk).exists()


def test_the_row_carries_the_parks_own_answer_not_the_posting_parks(world: World) -> None:
    project_id = _matched_project(world, "芯片设计中心")
    url = f"/api/matching/projects/{project_id}/matches/{world.chuzhou_park.pk}/feedback"
    declined = {"response": "decline", "reason": "用地已满"}
    assert client_for(world.third).post(url, declined, format="json").status_code == 201
    jiangbei_url = f"/api/matching/projects/{project_id}/matches/{world.net.jiangbei.pk}/feedback"
    interest = {"response": "interest"}
    assert client_for(world.owner).post(jiangbei_url, interest, format="json").status_code == 201

    (third_row,) = _matches(client_for(world.third))["results"]
    (candidate_row,) = _matches(client_for(world.candidate))["results"]

    assert third_row["feedback"] == {"response": "decline", "reason": "用地已满"}
    assert candidate_row["feedback"] is None  # only 江宁园 has spoken about 江北新区


def test_projects_the_park_may_no_longer_see_are_left_out(world: World) -> None:
    narrowed = _matched_project(world, "定向项目")
    kept = _matched_project(world, "全联盟项目")
    # The owner narrows the first project to 滁州园 after it was matched: the last run still
    # names 江北新区 (until the next run), but the project is no longer 江北新区's to see.
    response = client_for(world.owner).patch(
        f"/api/matching/projects/{narrowed}",
        {"visibility": "chosen", "visible_to": [world.chuzhou_park.pk]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert _latest_run(narrowed).results.filter(park_id=world.net.jiangbei.pk).exists()

    candidate = _matches(client_for(world.candidate))
    third = _matches(client_for(world.third))

    assert [r["project"]["id"] for r in candidate["results"]] == [kept]
    assert {r["project"]["id"] for r in third["results"]} == {narrowed, kept}


def test_the_newest_run_comes_first(world: World) -> None:
    older = _matched_project(world, "先发布的项目")
    newer = _matched_project(world, "后发布的项目")
    client = client_for(world.candidate)
    assert [r["project"]["id"] for r in _matches(client)["results"]] == [newer, older]

    _rematch(world, older)  # re-ranked today: now the newest run

    rows = _matches(client)["results"]
    assert [r["project"]["id"] for r in rows] == [older, newer]
    assert datetime.fromisoformat(rows[0]["run_created_at"]) > datetime.fromisoformat(
        rows[1]["run_created_at"]
    )


def test_the_list_is_paginated_like_the_other_lists(world: World) -> None:
    first = _matched_project(world, "项目一")
    second = _matched_project(world, "项目二")

    page = _matches(client_for(world.candidate), page_size=1)

    assert page["count"] == 2 and page["previous"] is None and "page=2" in page["next"]
    assert [r["project"]["id"] for r in page["results"]] == [second]
    following = _matches(client_for(world.candidate), page_size=1, page=2)
    assert [r["project"]["id"] for r in following["results"]] == [first]


def test_the_posting_park_is_not_a_candidate_of_its_own_projects(world: World) -> None:
    _matched_project(world, "芯片设计中心")
    assert _matches(client_for(world.owner))["count"] == 0


def test_the_secretariat_sees_every_row_of_the_latest_runs_and_can_filter_by_park(
    world: World,
) -> None:
    first = _matched_project(world, "项目一")
    second = _matched_project(world, "项目二")
    _rematch(world, first)
    newest_first = [_latest_run(first), _latest_run(second)]
    every_row = [
        (run.project_id, row.park_id)
        for run in newest_first
        for row in run.results.order_by("rank")
    ]
    assert len(every_row) == 4  # 江北新区 and 滁州园, for each project
    client = client_for(world.secretariat)

    body = _matches(client)

    assert [(r["project"]["id"], r["park"]["id"]) for r in body["results"]] == every_row
    chuzhou = _matches(client, park=world.chuzhou_park.pk)
    assert [(r["project"]["id"], r["park"]["id"]) for r in chuzhou["results"]] == [
        (first, world.chuzhou_park.pk),
        (second, world.chuzhou_park.pk),
    ]
    assert client.get(URL, {"park": "江北"}).status_code == 400


def test_park_staff_cannot_read_another_parks_rows_through_the_filter(world: World) -> None:
    _matched_project(world, "芯片设计中心")
    body = _matches(client_for(world.candidate), park=world.chuzhou_park.pk)
    assert body["count"] == 0


def test_researchers_organisation_users_and_users_without_a_role_are_refused(
    world: World,
) -> None:
    _matched_project(world, "芯片设计中心")
    org_user = user_create(
        username="olga-org",
        password="x",
        role=Role.ORG_USER,
        organisation=world.materials_co,
        validate=False,
    )
    no_role = user_create(username="charlie", password="x", validate=False)

    refused = client_for(world.researcher, "zh-hans").get(URL, {"park": "not-a-number"})

    assert refused.status_code == 403  # refused before the query is read
    assert refused.json()["message"] == "匹配结果仅供园区工作人员和秘书处查看。"
    assert client_for(org_user).get(URL).status_code == 403
    assert client_for(no_role).get(URL).status_code == 403
    assert APIClient().get(URL).status_code in (401, 403)


def test_the_list_costs_the_same_queries_for_many_projects(world: World) -> None:
    _matched_project(world, "项目一")
    client = client_for(world.secretariat)
    with CaptureQueriesContext(connection) as few:
        assert _matches(client)["count"] == 2
    for i in range(3):
        _matched_project(world, f"更多项目{i}")
    with CaptureQueriesContext(connection) as many:
        assert _matches(client)["count"] == 8
    assert len(many) == len(few)

"""Projects through the API: posting, the status workflow, visibility, bad input."""

from __future__ import annotations

import pytest

from backend.matching.models import Project
from tests.matching.conftest import World, client_for, open_project, post_project

pytestmark = pytest.mark.django_db


def test_a_park_posts_a_draft_and_opens_it_with_history(world: World) -> None:
    project = post_project(world)
    assert project["status"] == "draft"
    assert project["park"]["id"] == world.net.jiangning.pk
    open_project(world, project["id"])
    history = client_for(world.owner).get(f"/api/matching/projects/{project['id']}/history")
    assert [(h["from_status"], h["to_status"], h["by"]) for h in history.json()] == [
        ("", "draft", "bob-owner"),
        ("draft", "open", "bob-owner"),
    ]


def test_it_rejects_a_status_jump_that_skips_steps(world: World) -> None:
    project = post_project(world)
    response = client_for(world.owner).post(
        f"/api/matching/projects/{project['id']}/transition", {"status": "signed"}, format="json"
    )
    assert response.status_code == 409
    assert "draft" in response.json()["message"] and "signed" in response.json()["message"]
    zh = client_for(world.owner, "zh-hans").post(
        f"/api/matching/projects/{project['id']}/transition", {"status": "landed"}, format="json"
    )
    assert zh.status_code == 409 and "逐步推进" in zh.json()["message"]


def test_it_rejects_another_parks_edit_and_posting_for_another_park(world: World) -> None:
    project = post_project(world)
    open_project(world, project["id"])
    other = client_for(world.candidate)
    edit = other.patch(f"/api/matching/projects/{project['id']}", {"title": "x"}, format="json")
    assert edit.status_code == 403
    posted = other.post(
        "/api/matching/projects",
        {
            "park": world.net.jiangning.pk,
            "title": "冒名项目",
            "industry": world.net.ic.pk,
            "positioning": "manufacturing",
        },
        format="json",
    )
    assert posted.status_code == 403


@pytest.mark.parametrize(
    ("field", "value"),
    [("investment_wan", "-1"), ("land_mu", "-0.5"), ("industry", 999999)],
)
def test_it_rejects_negative_amounts_and_unknown_industries(
    world: World, field: str, value: object
) -> None:
    response = client_for(world.owner).post(
        "/api/matching/projects",
        {"title": "坏数据", "industry": world.net.ic.pk, "positioning": "service", field: value},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"code", "message", "detail"}


def test_a_park_cannot_list_itself_as_a_chosen_candidate(world: World) -> None:
    response = client_for(world.owner).post(
        "/api/matching/projects",
        {
            "title": "自配",
            "industry": world.net.ic.pk,
            "positioning": "service",
            "visibility": "chosen",
            "visible_to": [world.net.jiangning.pk],
        },
        format="json",
    )
    assert response.status_code == 400


def test_drafts_and_chosen_projects_stay_hidden_from_other_parks(world: World) -> None:
    draft = post_project(world, title="草稿项目")
    chosen = post_project(
        world, title="定向项目", visibility="chosen", visible_to=[world.chuzhou_park.pk]
    )
    open_project(world, chosen["id"])
    candidate_titles = {
        p["title"] for p in client_for(world.candidate).get("/api/matching/projects").json()
    }
    third_titles = {
        p["title"] for p in client_for(world.third).get("/api/matching/projects").json()
    }
    assert candidate_titles == set()
    assert third_titles == {"定向项目"}
    assert (
        client_for(world.candidate).get(f"/api/matching/projects/{draft['id']}").status_code == 404
    )
    secretariat = client_for(world.secretariat).get("/api/matching/projects").json()
    assert {p["title"] for p in secretariat} == {"草稿项目", "定向项目"}


def test_researchers_see_no_confidential_fields(world: World) -> None:
    project = post_project(world)
    open_project(world, project["id"])
    seen = client_for(world.researcher).get(f"/api/matching/projects/{project['id']}").json()
    assert seen["confidential"] is None
    assert "investment_wan" not in seen and "description" not in seen
    own = client_for(world.owner).get(f"/api/matching/projects/{project['id']}").json()
    assert own["confidential"]["investment_wan"] == "50000.00"
    assert (
        client_for(world.researcher)
        .get(f"/api/matching/projects/{project['id']}/matches")
        .status_code
        == 403
    )


def test_researchers_cannot_post(world: World) -> None:
    response = client_for(world.researcher).post(
        "/api/matching/projects",
        {"title": "x", "industry": world.net.ic.pk, "positioning": "service"},
        format="json",
    )
    assert response.status_code == 403
    assert Project.objects.count() == 0


def test_the_project_list_costs_the_same_queries_for_many_projects(
    world: World, django_assert_max_num_queries
) -> None:
    for i in range(5):
        post_project(world, title=f"项目{i}")
    with django_assert_max_num_queries(8):
        assert len(client_for(world.secretariat).get("/api/matching/projects").json()) == 5


def test_a_picker_narrows_the_list_by_status_and_title(world: World) -> None:
    for title in ("芯片设计中心", "芯片封测基地", "生物医药中试平台"):
        project = post_project(world, title=title)
        if title != "芯片封测基地":
            open_project(world, project["id"])
    sec = client_for(world.secretariat)
    body = sec.get("/api/matching/projects", {"status": "open,negotiating", "q": "芯片"}).json()
    assert [p["title"] for p in body] == ["芯片设计中心"]
    drafts = sec.get("/api/matching/projects", {"status": "draft"}).json()
    assert [p["title"] for p in drafts] == ["芯片封测基地"]
    # The title search keeps the visibility rules: another park sees no drafts.
    other = client_for(world.candidate).get("/api/matching/projects", {"q": "芯片"}).json()
    assert [p["title"] for p in other] == ["芯片设计中心"]


def test_an_unknown_status_in_the_list_is_refused_with_a_reason(world: World) -> None:
    response = client_for(world.secretariat, "zh-Hans").get(
        "/api/matching/projects", {"status": "open,opened"}
    )
    assert response.status_code == 400
    assert "opened" in response.json()["message"] and response.json()["detail"] == {
        "status": ["opened"]
    }

"""The secretariat tries weights on a project before setting them for every project: a fresh
ranking from the graph, the same as a stored run would be, but stored nowhere and told to
nobody."""

from __future__ import annotations

import pytest

from backend.matching.models import MatchRun
from backend.notifications.models import Notification
from graph.matching import FACTORS
from tests.matching.conftest import World, client_for, open_project, post_project

pytestmark = pytest.mark.django_db


def _open_project(world: World) -> int:
    project = post_project(world, land_mu="0", space_m2="0")
    open_project(world, project["id"])
    return int(project["id"])


def test_the_preview_with_the_weights_in_force_is_the_ranking_a_run_stores(world: World) -> None:
    project_id = _open_project(world)
    owner = client_for(world.owner)
    preview = owner.get(f"/api/matching/projects/{project_id}/ranking")
    assert preview.status_code == 200, preview.json()
    stored = owner.post(f"/api/matching/projects/{project_id}/matches").json()
    body = preview.json()
    assert body["weights"] == stored["run"]["weights"]
    assert body["candidate_count"] == stored["run"]["candidate_count"] == 2
    assert [(r["park"], r["rank"], r["score"]) for r in body["results"]] == [
        (r["park"], r["rank"], r["score"]) for r in stored["results"]
    ]
    assert [r["factors"] for r in body["results"]] == [r["factors"] for r in stored["results"]]
    assert [r["supporting"] for r in body["results"]] == [
        r["supporting"] for r in stored["results"]
    ]


def test_a_preview_stores_no_run_and_notifies_nobody(world: World) -> None:
    project_id = _open_project(world)
    runs, notes = MatchRun.objects.count(), Notification.objects.count()
    sec = client_for(world.secretariat)
    response = sec.get(
        f"/api/matching/projects/{project_id}/ranking", {"network_proximity": 1, "distance": 0}
    )
    assert response.status_code == 200
    assert (MatchRun.objects.count(), Notification.objects.count()) == (runs, notes)


def test_weights_in_the_query_change_the_ranking_and_the_rest_stay_in_force(
    world: World,
) -> None:
    project_id = _open_project(world)
    sec = client_for(world.secretariat)
    in_force = sec.get("/api/matching/weights").json()["current"]
    only_proximity = dict.fromkeys(FACTORS, 0) | {"network_proximity": 1}
    body = sec.get(f"/api/matching/projects/{project_id}/ranking", only_proximity).json()
    scores = {r["park"]["id"]: r["score"] for r in body["results"]}
    assert scores[world.net.jiangbei.pk] == "100.00"  # the owner's partner park
    assert scores[world.chuzhou_park.pk] == "30.00"  # both alliance members only
    one = sec.get(f"/api/matching/projects/{project_id}/ranking", {"distance": 0.5}).json()
    assert one["weights"] == in_force | {"distance": 0.5}
    # Trying weights does not set them.
    assert sec.get("/api/matching/weights").json()["current"] == in_force


def test_excluded_parks_come_with_their_reason(world: World) -> None:
    project = post_project(world)  # needs 100 mu; 滁州园 has 40
    open_project(world, project["id"])
    body = client_for(world.owner).get(f"/api/matching/projects/{project['id']}/ranking").json()
    assert [(e["park_uid"], e["reason_code"]) for e in body["excluded"]] == [
        (world.chuzhou_park.uid, "not_enough_land")
    ]


@pytest.mark.parametrize("who", ["candidate", "third", "researcher"])
def test_only_the_posting_park_and_the_secretariat_preview(world: World, who: str) -> None:
    project_id = _open_project(world)
    url = f"/api/matching/projects/{project_id}/ranking"
    response = client_for(getattr(world, who)).get(url)
    assert response.status_code == 403
    assert response.json()["message"]


def test_another_parks_hidden_project_is_not_found(world: World) -> None:
    draft = post_project(world)  # a draft: nobody but its park and the secretariat sees it
    response = client_for(world.candidate).get(f"/api/matching/projects/{draft['id']}/ranking")
    assert response.status_code == 404


def test_a_draft_is_not_ranked(world: World) -> None:
    draft = post_project(world)
    response = client_for(world.owner).get(f"/api/matching/projects/{draft['id']}/ranking")
    assert response.status_code == 409
    assert "open" in response.json()["message"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"distance": -0.1}, "distance"),
        ({"industry_fit": "heavy"}, "industry_fit"),
        ({"industry_fit": "nan"}, "industry_fit"),
        ({"industri_fit": 0.3}, "factor"),
    ],
)
def test_bad_weights_are_refused_with_a_reason(world: World, query: dict, field: str) -> None:
    project_id = _open_project(world)
    url = f"/api/matching/projects/{project_id}/ranking"
    for language in ("zh-Hans", "en"):
        response = client_for(world.secretariat, language).get(url, query)
        assert response.status_code == 400
        body = response.json()
        assert body["message"] and field in body["detail"]

"""Matching over the real graph: ranked candidates with factor breakdowns whose paths exist,
stored runs, strong-match notifications, feedback, hand-offs, acceptance by rank."""

from __future__ import annotations

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from backend.matching.models import MatchResult, MatchRun
from backend.network import services as network_services
from backend.network.outbox import outbox_drain
from backend.notifications.models import Notification
from graph.matching import FACTORS, missing_hops
from tests.matching.conftest import World, client_for, open_project, post_project

pytestmark = pytest.mark.django_db


def _matched(world: World, **overrides: object) -> tuple[int, dict]:
    project = post_project(world, **overrides)
    open_project(world, project["id"])
    response = client_for(world.owner).post(f"/api/matching/projects/{project['id']}/matches")
    assert response.status_code == 201, response.json()
    return project["id"], response.json()


def test_candidates_are_ranked_with_every_factor_explained(world: World) -> None:
    _, body = _matched(world)
    results = body["results"]
    jiangbei = results[0]
    assert jiangbei["park"]["id"] == world.net.jiangbei.pk and jiangbei["rank"] == 1
    factors = {f["name"]: f for f in jiangbei["factors"]}
    assert set(factors) == set(FACTORS)
    assert factors["industry_fit"]["value"] > 0.8  # focuses on chip design itself
    assert factors["network_proximity"]["value"] == 1.0  # partner park
    assert factors["chain_complementarity"]["value"] > 0  # hosts an upstream materials firm
    assert factors["innovation_support"]["value"] > 0  # NJU tied through chipco
    for factor in factors.values():
        assert factor["sentence_zh"] and factor["sentence_en"]
        assert 0 <= factor["value"] <= 1
    assert world.materials_co.uid in jiangbei["supporting"]
    # 滁州园 has 40 mu of land, the project needs 100: excluded with a reason.
    excluded = body["run"]["excluded"]
    assert [(e["park_uid"], e["reason_code"]) for e in excluded] == [
        (world.chuzhou_park.uid, "not_enough_land")
    ]
    assert "100" in excluded[0]["reason_zh"]


def test_every_path_in_an_explanation_exists_in_neo4j(world: World, graph: Driver) -> None:
    _matched(world, land_mu="0", space_m2="0")
    paths = [
        path
        for result in MatchResult.objects.all()
        for factor in result.factors
        for path in factor["paths"]
    ]
    assert len(paths) >= 5
    assert missing_hops(graph, graph_database(), paths) == []


def test_the_check_finds_a_path_that_does_not_exist(world: World, graph: Driver) -> None:
    fake = [world.net.jiangning.uid, "HOSTS", world.net.chipco.uid]
    assert missing_hops(graph, graph_database(), [fake]) == [
        {"a": fake[0], "type": "HOSTS", "b": fake[2]}
    ]


def test_runs_are_stored_and_strong_matches_notify_both_parks_once(world: World) -> None:
    project_id, _ = _matched(world)
    client_for(world.owner).post(f"/api/matching/projects/{project_id}/matches")
    assert MatchRun.objects.filter(project_id=project_id).count() == 2
    strong = Notification.objects.filter(kind="match.created")
    assert {n.recipient_id for n in strong} == {world.owner.pk, world.candidate.pk}
    assert strong.count() == 2  # not again on the second run


def test_a_candidate_park_sees_only_its_own_row(world: World) -> None:
    project_id, _ = _matched(world, land_mu="0", space_m2="0")
    body = client_for(world.third).get(f"/api/matching/projects/{project_id}/matches").json()
    assert [r["park"]["id"] for r in body["results"]] == [world.chuzhou_park.pk]
    assert body["run"]["excluded"] == []
    owner_rows = client_for(world.owner).get(f"/api/matching/projects/{project_id}/matches")
    assert len(owner_rows.json()["results"]) == 2


def test_zero_weights_remove_factors_from_the_score(world: World) -> None:
    sec = client_for(world.secretariat)
    weights = dict.fromkeys(FACTORS, 0.0) | {"network_proximity": 1.0}
    assert sec.put("/api/matching/weights", weights, format="json").status_code == 200
    _, body = _matched(world, land_mu="0", space_m2="0")
    scores = {r["park"]["id"]: float(r["score"]) for r in body["results"]}
    assert scores[world.net.jiangbei.pk] == 100.0  # partner
    assert scores[world.chuzhou_park.pk] == 30.0  # both alliance members only
    history = sec.get("/api/matching/weights").json()["history"]
    assert history[0]["set_by"] == "alice-sec"


def test_only_the_secretariat_sets_weights(world: World) -> None:
    response = client_for(world.owner).put("/api/matching/weights", {"distance": 1}, format="json")
    assert response.status_code == 403
    bad = client_for(world.secretariat).put(
        "/api/matching/weights", {"distance": -1}, format="json"
    )
    assert bad.status_code == 400


def test_mutual_interest_moves_the_project_to_negotiating(world: World) -> None:
    project_id, _ = _matched(world)
    park = world.net.jiangbei.pk
    url = f"/api/matching/projects/{project_id}/matches/{park}/feedback"
    first = client_for(world.candidate).post(url, {"response": "interest"}, format="json")
    assert first.json()["project_status"] == "open"
    second = client_for(world.owner).post(url, {"response": "interest"}, format="json")
    assert second.json()["project_status"] == "negotiating"
    project = client_for(world.owner).get(f"/api/matching/projects/{project_id}").json()
    assert project["partner_park"]["id"] == park
    rates = client_for(world.secretariat).get("/api/matching/acceptance-by-rank").json()
    assert rates[0] == {"ranks": "1", "answered": 1, "interested": 1, "rate": 1.0}


def test_declining_needs_a_reason_and_only_the_own_park_answers(world: World) -> None:
    project_id, _ = _matched(world, land_mu="0", space_m2="0")
    url = f"/api/matching/projects/{project_id}/matches/{world.net.jiangbei.pk}/feedback"
    assert (
        client_for(world.candidate).post(url, {"response": "decline"}, format="json").status_code
        == 400
    )
    assert (
        client_for(world.third).post(url, {"response": "interest"}, format="json").status_code
        == 403
    )
    self_url = f"/api/matching/projects/{project_id}/matches/{world.net.jiangning.pk}/feedback"
    assert (
        client_for(world.owner).post(self_url, {"response": "interest"}, format="json").status_code
        == 400
    )


def test_a_lead_passes_to_a_partner_park_which_accepts(world: World) -> None:
    network_services.relation_create(
        kind="PARTNER_OF", source=world.net.jiangbei, target=world.chuzhou_park
    )
    outbox_drain()
    project_id, _ = _matched(world, visibility="chosen", visible_to=[world.net.jiangbei.pk])
    assert client_for(world.third).get(f"/api/matching/projects/{project_id}").status_code == 404
    handoff = client_for(world.candidate).post(
        f"/api/matching/projects/{project_id}/handoffs",
        {"to_park": world.chuzhou_park.pk, "note": "更适合制造"},
        format="json",
    )
    assert handoff.status_code == 201, handoff.json()
    answer = client_for(world.third).post(
        f"/api/matching/handoffs/{handoff.json()['id']}/answer", {"accept": True}, format="json"
    )
    assert answer.json()["status"] == "accepted"
    assert client_for(world.third).get(f"/api/matching/projects/{project_id}").status_code == 200
    again = client_for(world.third).post(
        f"/api/matching/handoffs/{handoff.json()['id']}/answer", {"accept": False}, format="json"
    )
    assert again.status_code == 409


def test_a_lead_cannot_go_to_a_park_without_ties(world: World) -> None:
    project_id, _ = _matched(world)
    response = client_for(world.candidate).post(
        f"/api/matching/projects/{project_id}/handoffs",
        {"to_park": world.chuzhou_park.pk},
        format="json",
    )
    assert response.status_code == 400


def test_the_rematch_task_stores_a_new_run_and_skips_closed_projects(world: World) -> None:
    from backend.matching.models import Project
    from backend.matching.tasks import rematch_project

    project_id, _ = _matched(world)
    run_id = rematch_project.apply(args=[project_id, "graph_changed"]).get()
    assert MatchRun.objects.get(pk=run_id).trigger == "graph_changed"
    Project.objects.filter(pk=project_id).update(status="withdrawn")
    assert rematch_project.apply(args=[project_id]).get() is None
    assert rematch_project.apply(args=[999_999]).get() is None

"""Re-matching: the project's chain segment decides which side of the chain counts; many
projects ranked together give what ranking them one by one gives; a change to the graph
re-ranks open projects in the background (a real Celery worker)."""

from __future__ import annotations

import time

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from backend.matching.models import MatchRun, Project
from backend.matching.selectors import weights_current
from backend.matching.services import match_request_for, projects_rematch
from backend.network import services as network_services
from graph.matching import FACTORS, chain_value, rank, rank_many
from tests.matching.conftest import World, client_for, open_project, post_project

# Only a "did not hang" bound for the background re-match; speed is benchmarks/matching.py's.
DID_NOT_HANG_S = 30


def _chain(world: World, segment: str) -> float:
    project = post_project(world, chain_segment=segment, land_mu="0", space_m2="0")
    open_project(world, project["id"])
    body = client_for(world.owner).post(f"/api/matching/projects/{project['id']}/matches").json()
    jiangbei = next(r for r in body["results"] if r["park"]["id"] == world.net.jiangbei.pk)
    return next(f for f in jiangbei["factors"] if f["name"] == "chain_complementarity")["value"]


def test_chain_segment_weights_the_side_of_the_chain_a_project_needs() -> None:
    # 4 suppliers upstream, 10 buyers downstream, both sides exist in the taxonomy.
    assert chain_value(4, 10, (True, True), "upstream") == 1.0  # needs buyers
    assert chain_value(4, 10, (True, True), "downstream") == 0.4  # needs suppliers
    assert chain_value(4, 10, (True, True), "midstream") == pytest.approx(0.7)
    # A side the taxonomy lacks is left out rather than counted as missing.
    assert chain_value(4, 0, (True, False), "midstream") == 0.4
    assert chain_value(4, 0, (True, False), "upstream") == 0.0


@pytest.mark.django_db
def test_a_downstream_project_is_scored_on_the_suppliers_a_park_hosts(world: World) -> None:
    # 江北新区 hosts a materials firm upstream of IC; nothing lies downstream of IC.
    downstream = _chain(world, "downstream")
    midstream = _chain(world, "midstream")
    upstream = _chain(world, "upstream")
    assert downstream > 0
    assert downstream == midstream  # the only side that exists decides both
    assert upstream == 0.0


@pytest.mark.django_db
def test_ranking_many_projects_together_equals_ranking_each(world: World, graph: Driver) -> None:
    ids = [
        post_project(world, land_mu="0", space_m2="0")["id"],
        post_project(world, industry=world.net.biomed.pk, positioning="manufacturing")["id"],
        post_project(
            world,
            needed_organisations=[world.net.nju.pk],
            chain_segment="downstream",
            land_mu="0",
            space_m2="0",
        )["id"],
    ]
    projects = list(
        Project.objects.filter(pk__in=ids).prefetch_related("visible_to", "needed_organisations")
    )
    requests = [match_request_for(p) for p in projects]
    weights = weights_current()
    together = rank_many(graph, graph_database(), requests, weights)
    one_by_one = [rank(graph, graph_database(), r, weights) for r in requests]
    assert together == one_by_one
    assert all(outcome.candidates for outcome in together)


@pytest.mark.django_db
def test_the_batch_rematch_stores_runs_for_open_projects_only(world: World) -> None:
    open_id = post_project(world)["id"]
    open_project(world, open_id)
    draft_id = post_project(world)["id"]
    assert projects_rematch(project_ids=[open_id, draft_id, 999_999], trigger="graph_changed") == 1
    assert list(MatchRun.objects.values_list("project_id", "trigger")) == [
        (open_id, "graph_changed")
    ]


@pytest.mark.django_db(transaction=True)
def test_a_park_gaining_land_is_re_ranked_for_open_projects(
    world: World, celery_worker: None
) -> None:
    project = post_project(world)  # needs 100 mu; 滁州园 has 40
    open_project(world, project["id"])
    network_services.park_update(park=world.chuzhou_park, available_land_mu=300)

    def rematched_with_chuzhou() -> bool:
        runs = MatchRun.objects.filter(project_id=project["id"], trigger="graph_changed")
        return any(run.excluded == [] for run in runs)

    deadline = time.monotonic() + DID_NOT_HANG_S
    while time.monotonic() < deadline and not rematched_with_chuzhou():
        time.sleep(0.2)
    assert rematched_with_chuzhou(), "no re-match after the graph changed"
    # The newest re-match: an older one may have run before the land arrived.
    run = (
        MatchRun.objects.filter(project_id=project["id"], trigger="graph_changed")
        .order_by("-id")
        .first()
    )
    assert run is not None
    assert run.excluded == []
    assert run.results.filter(park=world.chuzhou_park).exists()


@pytest.mark.django_db(transaction=True)
def test_new_weights_re_rank_open_projects_under_them(world: World, celery_worker: None) -> None:
    project = post_project(world, land_mu="0", space_m2="0")
    open_project(world, project["id"])
    only_proximity = dict.fromkeys(FACTORS, 0.0) | {"network_proximity": 1.0}
    response = client_for(world.secretariat).put(
        "/api/matching/weights", {**only_proximity, "note": "试行：只看网络关系"}, format="json"
    )
    assert response.status_code == 200

    def rerun() -> MatchRun | None:
        # Under the new weights (a task left queued by an earlier test may rank it too).
        runs = MatchRun.objects.filter(project_id=project["id"], trigger="weights_changed")
        return next((r for r in runs if r.weights_used == only_proximity), None)

    deadline = time.monotonic() + DID_NOT_HANG_S
    while time.monotonic() < deadline and rerun() is None:
        time.sleep(0.2)
    run = rerun()
    assert run is not None, "no re-match under the new weights"
    scores = dict(run.results.values_list("park_id", "score"))
    assert scores[world.net.jiangbei.pk] == 100  # the owner's partner park

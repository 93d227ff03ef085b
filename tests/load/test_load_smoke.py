"""The load workload of `make load` (benchmarks/load.py), tiny: 20 simulated users of every
role for 15 seconds against Daphne and a Celery worker, signed in, browsing, searching,
posting. Every request must succeed. No latency is asserted here: speed is a benchmark
(benchmarks/reports/load.md), not a test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from neo4j import Driver

from benchmarks.load import errors_by_kind, groups_of, run_users
from benchmarks.load_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

USERS = 20
DURATION_S = 15


def test_the_mixed_workload_runs_without_a_single_error(
    graph: Driver, live_url: str, celery_worker: None, tmp_path: Path
) -> None:
    # The Celery worker drains the seeds' outbox meanwhile: the graph is filled by draining
    # too, not by a rebuild (see seed_data).
    plan = build_world(users=USERS, enterprises=300, rebuild_graph=False)
    connection.close()
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    result = run_users(
        plan_path=plan_path,
        urls=[live_url],
        users=USERS,
        duration=DURATION_S,
        spawn_rate=10,
        out=tmp_path / "result.json",
        # Shorter thinking than people do, so a short run still walks every journey.
        extra_env={"LOAD_THINK_MIN": "0.5", "LOAD_THINK_MAX": "2", "LOAD_SIGNIN_EVERY": "5"},
    )

    assert dict(errors_by_kind(result)) == {}
    groups = {g.name: g for g in groups_of(result)}
    assert sum(g.requests for g in groups.values()) > 100
    assert set(result["users"]) == {"park", "secretariat", "researcher", "org"}
    assert all(n > 0 for n in result["users"].values())
    # Reads and writes of every role's journeys took part.
    for group in (
        "auth.sign-in",
        "network.parks.search",
        "network.graph.neighbours",
        "docking.postings.search",
        "matching.matches",
        "alliance.agenda",
        "alliance.item.submit",
        "notifications.mark-read",
    ):
        assert groups[group].requests > 0, group

"""Neo4j goes down while people keep working: nothing is lost, and once it is back the graph
matches the system of record again."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from neo4j import Driver
from rest_framework.test import APIClient

from backend.accounts.models import Role
from backend.accounts.services import user_create
from backend.network import services
from backend.network.models import OutboxEvent
from backend.network.outbox import outbox_drain, outbox_pending_count
from backend.network.reconcile import graph_differences
from backend.network.tasks import drain_outbox
from graph.errors import GraphUnavailable
from tests.support.network import SmallNetwork

pytestmark = pytest.mark.django_db

SCRIPT = os.environ.get("NINGJU_NEO4J_SERVER_SCRIPT")


def _server(command: str) -> None:
    assert SCRIPT, "started by scripts/with-services.sh"
    subprocess.run([SCRIPT, command], check=True, capture_output=True, timeout=240)


@contextmanager
def neo4j_stopped() -> Iterator[None]:
    _server("stop")
    try:
        yield
    finally:
        _server("start")


@pytest.mark.skipif(not SCRIPT, reason="Neo4j was not started by the test command")
def test_writes_during_a_graph_outage_reach_the_graph_after_it_returns(
    graph: Driver, network: SmallNetwork
) -> None:
    outbox_drain()
    secretariat = user_create(username="alice", password="x", role=Role.SECRETARIAT, validate=False)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(secretariat)

    with neo4j_stopped():
        created = client.post(
            "/api/network/parks",
            {
                "name": "马鞍山慈湖高新区",
                "level": "national",
                "kind": "manufacturing",
                "city": network.chuzhou.pk,
            },
            format="json",
        )
        assert created.status_code == 201  # the system of record keeps working
        edited = client.patch(
            f"/api/network/organisations/{network.chipco.pk}", {"is_unicorn": True}, format="json"
        )
        assert edited.status_code == 200
        relation = services.relation_create(
            kind="SUPPLIES_TO", source=network.chipco, target=network.fabco
        )
        services.relation_delete(relation=relation)
        services.organisation_delete(organisation=network.lab)

        # Graph reads say plainly that the graph is down.
        down = client.get("/api/network/graph/neighbours", {"uid": network.jiangning.uid})
        assert down.status_code == 503
        assert down.json()["code"] == "graph_unavailable"

        pending = outbox_pending_count()
        assert pending >= 5
        with pytest.raises(GraphUnavailable):
            outbox_drain()
        assert drain_outbox.apply().get() == 0  # the task does not crash either
        assert outbox_pending_count() == pending  # nothing lost
        assert all(
            e.attempts >= 1 and e.last_error
            for e in OutboxEvent.objects.filter(delivered_at__isnull=True)
        )

    outbox_drain()
    assert outbox_pending_count() == 0
    assert graph_differences() == []
    records, _, _ = graph.execute_query(
        "MATCH (p:Park {name: $name}) RETURN count(p) AS n", name="马鞍山慈湖高新区"
    )
    assert records[0]["n"] == 1

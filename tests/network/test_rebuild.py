"""graph_rebuild's fast path: nodes created into an empty graph, relationships by element id."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from backend.network import services
from backend.network.graph_lock import graph_writes_exclusive
from backend.network.outbox import outbox_drain, outbox_pending_count
from backend.network.projection_rows import relation_rows
from backend.network.reconcile import graph_differences, graph_rebuild
from graph.projection import ProjectionBatch, apply_batch, apply_batches
from tests.support.network import SmallNetwork


def graph_value(driver: Driver, query: str, **params: object) -> object:
    records, _, _ = driver.execute_query(query, params, database_=graph_database())
    return records[0][0] if records else None


def add_relations(network: SmallNetwork) -> None:
    services.relation_create(
        kind="ENCLAVE_OF",
        source=network.jiangning,
        target=network.jiangbei,
        name="示例飞地",
        agreement_signed_on=date(2023, 5, 1),
    )
    services.relation_create(kind="AFFILIATED_WITH", source=network.lab, target=network.nju)
    services.relation_create(kind="SUPPLIES_TO", source=network.chipco, target=network.fabco)
    services.relation_create(
        kind="COOPERATES_WITH",
        source=network.chipco,
        target=network.nju,
        cooperation_kind="joint_lab",
        started_on=date(2022, 1, 1),
    )


# Committed rows: graph_rebuild reads them from a second thread with its own connection.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("chunk", [1, 2, 20_000])
def test_a_rebuild_in_any_chunk_size_matches_the_system_of_record(
    graph: Driver, network: SmallNetwork, chunk: int
) -> None:
    add_relations(network)
    graph_rebuild(chunk=chunk)
    assert graph_differences() == []
    assert graph_value(graph, "MATCH ()-[r]->() RETURN count(r)") == graph_value(
        graph, "MATCH ()-[r]->() RETURN count(DISTINCT r)"
    )


@pytest.mark.django_db
def test_relationships_whose_endpoints_have_no_recorded_id_are_created_by_uid(
    graph: Driver, network: SmallNetwork
) -> None:
    add_relations(network)
    outbox_drain()
    graph.execute_query("MATCH ()-[r:SUPPLIES_TO]->() DELETE r", database_=graph_database())
    rows = [row for row in relation_rows() if row["type"] == "SUPPLIES_TO"]

    apply_batch(
        graph,
        graph_database(),
        ProjectionBatch(relations=rows, into_empty_graph=True),
        node_ids={},
    )

    assert graph_differences() == []


@pytest.mark.django_db(transaction=True)
def test_a_drain_waits_while_a_rebuild_recreates_the_graph(
    graph: Driver, network: SmallNetwork
) -> None:
    """A drain during a rebuild would write into a graph being recreated by element id; it
    waits for the rebuild's lock instead, and then finds nothing left to do twice."""
    add_relations(network)
    outbox_drain()
    drained: list[int] = []

    def drain_from_another_connection() -> None:
        from django.db import connections

        try:
            drained.append(outbox_drain())
        finally:
            connections.close_all()

    with graph_writes_exclusive():
        services.park_update(park=network.jiangbei, available_land_mu=321)
        waiting = threading.Thread(target=drain_from_another_connection)
        waiting.start()
        waiting.join(timeout=2)
        assert waiting.is_alive(), "the drain went ahead while the graph was held"
    waiting.join(timeout=30)
    assert len(drained) == 1  # it ran (a worker of an earlier test may have drained first)
    assert outbox_pending_count() == 0
    assert graph_differences() == []


def test_an_error_while_preparing_reaches_the_caller_and_the_batches_are_closed(
    graph: Driver,
) -> None:
    closed_in: list[str] = []

    def batches() -> Iterator[ProjectionBatch]:
        try:
            yield ProjectionBatch(cities=[{"uid": "city:t1", "props": {"uid": "city:t1"}}])
            raise RuntimeError("the database went away")
        finally:
            closed_in.append(threading.current_thread().name)

    with pytest.raises(RuntimeError, match="the database went away"):
        apply_batches(graph, graph_database(), batches())
    assert closed_in == ["projection-prepare"]
    assert graph_value(graph, "MATCH (c:City {uid: 'city:t1'}) RETURN count(c)") == 1

"""The graph code makes no single-server assumption: routing URIs work, reads are READ work,
and a read after a projection starts from the projection's bookmark (read-your-writes on a
cluster, where reads go to followers that may lag the leader)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import neo4j
import pytest
from django.conf import settings
from neo4j import Driver

from backend.core.graph import graph_database, graph_settings
from graph.driver import get_driver, ping, shared_bookmark_manager
from graph.projection import ProjectionBatch, apply_batch
from graph.repository.explore import find_node


def city(uid: str, name: str) -> ProjectionBatch:
    return ProjectionBatch(cities=[{"uid": uid, "props": {"uid": uid, "name": name}}])


def test_a_read_after_a_projection_is_sent_with_the_projections_bookmark(
    graph: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = graph_database()
    manager = shared_bookmark_manager(graph)
    before = manager.get_bookmarks()

    apply_batch(graph, database, city("city:bookmark-1", "镇江"))

    after_write = manager.get_bookmarks()
    assert after_write, "the projection's commit left no bookmark"
    assert after_write != before

    # The driver asks the session's bookmark manager for the bookmarks to begin with.
    handed_out: list[set[str]] = []
    real_get = manager.get_bookmarks

    def spy() -> set[str]:
        handed_out.append(real_get())
        return handed_out[-1]

    monkeypatch.setattr(manager, "get_bookmarks", spy)
    node = find_node(graph, database, "city:bookmark-1")  # the explorer's READ work

    assert node is not None and node.props["name"] == "镇江"
    assert handed_out, "the read session did not consult the shared bookmark manager"
    assert after_write <= handed_out[0]


def test_a_session_of_the_apps_driver_records_its_write_in_the_shared_chain(
    graph: Driver,
) -> None:
    database = graph_database()
    with graph.session(database=database) as session:
        session.execute_write(
            lambda tx: tx.run(
                "MERGE (c:City:Entity {uid: $uid}) SET c.name = $name",
                uid="city:bookmark-2",
                name="扬州",
            ).consume()
        )
        last = set(session.last_bookmarks().raw_values)

    assert last
    assert last <= shared_bookmark_manager(graph).get_bookmarks()
    # execute_query (graph_check, migrations) is in the same chain.
    assert shared_bookmark_manager(graph) is graph.execute_query_bookmark_manager


def test_a_caller_may_still_opt_out_of_the_shared_chain(graph: Driver) -> None:
    own = neo4j.GraphDatabase.bookmark_manager()
    with graph.session(database=graph_database(), bookmark_manager=own) as session:
        session.execute_write(
            lambda tx: tx.run("MERGE (c:City:Entity {uid: 'city:bookmark-3'})").consume()
        )
    assert own.get_bookmarks()


@pytest.fixture
def routing_driver(graph: Driver) -> Iterator[Driver]:
    """The app's driver built from a neo4j:// URI (routing, as for a cluster or Aura)."""
    uri = str(settings.NEO4J_URI)
    scheme, rest = uri.split("://", 1)
    routing = dataclasses.replace(
        graph_settings(), uri=f"{scheme.replace('bolt', 'neo4j')}://{rest}"
    )
    assert routing.uri.startswith("neo4j")
    yield get_driver(routing)


def test_the_routing_driver_projects_reads_and_pings_like_the_direct_one(
    routing_driver: Driver,
) -> None:
    database = graph_database()
    assert ping(routing_driver, database) >= 0

    apply_batch(routing_driver, database, city("city:routing-1", "淮安"))

    node = find_node(routing_driver, database, "city:routing-1")
    assert node is not None and node.props["name"] == "淮安"
    table = routing_driver.get_server_info()
    assert table.agent.startswith("Neo4j/5")

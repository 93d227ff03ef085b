"""Every write to the system of record reaches Neo4j exactly once, even when replayed."""

from __future__ import annotations

from datetime import date

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from backend.network import services
from backend.network.models import OutboxEvent
from backend.network.outbox import outbox_drain, outbox_pending_count
from backend.network.reconcile import graph_differences, graph_rebuild
from tests.support.network import SmallNetwork

pytestmark = pytest.mark.django_db


def graph_value(driver: Driver, query: str, **params: object) -> object:
    records, _, _ = driver.execute_query(query, params, database_=graph_database())
    return records[0][0] if records else None


def replay_everything() -> None:
    """What a redelivered task does: the same events again."""
    OutboxEvent.objects.update(delivered_at=None)
    outbox_drain()


def test_a_new_network_reaches_the_graph_and_matches_it(
    graph: Driver, network: SmallNetwork
) -> None:
    assert outbox_pending_count() > 0
    outbox_drain()
    assert outbox_pending_count() == 0
    assert graph_differences() == []
    assert (
        graph_value(
            graph,
            "MATCH (p:Park {uid: $uid})-[:HOSTS]->(o) RETURN count(o)",
            uid=network.jiangning.uid,
        )
        == 2
    )
    assert (
        graph_value(
            graph, "MATCH (o:Organisation:Lab {uid: $uid}) RETURN o.name", uid=network.lab.uid
        )
        == "紫金山实验室"
    )
    assert (
        graph_value(
            graph,
            "MATCH (:Park {uid: $uid})-[f:FOCUSES_ON]->(:Industry {name: '集成电路'}) "
            "RETURN f.weight",
            uid=network.jiangning.uid,
        )
        == 0.6
    )


def test_replaying_the_events_changes_nothing(graph: Driver, network: SmallNetwork) -> None:
    outbox_drain()
    nodes = graph_value(graph, "MATCH (n) WHERE NOT n:GraphMigration RETURN count(n)")
    rels = graph_value(graph, "MATCH ()-[r]->() RETURN count(r)")
    replay_everything()
    replay_everything()
    assert graph_differences() == []
    assert graph_value(graph, "MATCH (n) WHERE NOT n:GraphMigration RETURN count(n)") == nodes
    assert graph_value(graph, "MATCH ()-[r]->() RETURN count(r)") == rels


def test_updates_move_the_graph_with_them(graph: Driver, network: SmallNetwork) -> None:
    outbox_drain()
    services.park_update(
        park=network.jiangning,
        city=network.chuzhou,
        alliance_member=False,
        focus=[services.Focus(network.biomed, 1.0)],
    )
    services.organisation_update(
        organisation=network.chipco, park=network.jiangning, kind="enterprise", is_listed=True
    )
    services.industry_update(industry=network.biomed, parent=network.ic)
    outbox_drain()
    replay_everything()
    assert graph_differences() == []
    assert (
        graph_value(
            graph,
            "MATCH (:Park {uid: $uid})-[:IN_CITY]->(c) RETURN c.name",
            uid=network.jiangning.uid,
        )
        == "滁州"
    )
    assert (
        graph_value(
            graph,
            "MATCH (:Park {uid: $uid})-[:MEMBER_OF]->(a) RETURN count(a)",
            uid=network.jiangning.uid,
        )
        == 0
    )
    assert (
        graph_value(
            graph,
            "MATCH (p:Park)-[:HOSTS]->(:Organisation {uid: $uid}) RETURN p.name",
            uid=network.chipco.uid,
        )
        == "江宁园"
    )


def test_each_relation_kind_is_created_updated_and_deleted(
    graph: Driver, network: SmallNetwork
) -> None:
    enclave = services.relation_create(
        kind="ENCLAVE_OF",
        source=network.jiangning,
        target=network.jiangbei,
        name="示例飞地",
        agreement_signed_on=date(2023, 5, 1),
    )
    partner = services.relation_create(
        kind="PARTNER_OF", source=network.jiangbei, target=network.jiangning
    )
    affiliated = services.relation_create(
        kind="AFFILIATED_WITH", source=network.lab, target=network.nju
    )
    supplies = services.relation_create(
        kind="SUPPLIES_TO", source=network.chipco, target=network.fabco
    )
    cooperates = services.relation_create(
        kind="COOPERATES_WITH",
        source=network.chipco,
        target=network.nju,
        cooperation_kind="joint_lab",
        started_on=date(2022, 1, 1),
    )
    outbox_drain()
    assert graph_differences() == []
    # Undirected pairs are stored once, smaller id first, whatever order they came in.
    assert partner.source_park_id == network.jiangning.pk
    assert (
        graph_value(
            graph,
            "MATCH ()-[r:COOPERATES_WITH {uid: $uid}]->() RETURN r.started_on",
            uid=cooperates.uid,
        )
        == "2022-01-01"
    )

    services.relation_update(relation=cooperates, cooperation_kind="tech_transfer")
    services.relation_update(relation=enclave, ended_on=date(2030, 1, 1))
    services.relation_delete(relation=supplies)
    services.relation_delete(relation=affiliated)
    outbox_drain()
    replay_everything()
    assert graph_differences() == []
    assert graph_value(graph, "MATCH ()-[r:SUPPLIES_TO]->() RETURN count(r)") == 0
    assert graph_value(graph, "MATCH ()-[r:COOPERATES_WITH]->() RETURN r.cooperation_kind") == (
        "tech_transfer"
    )


def test_deleting_entities_removes_their_nodes_and_edges(
    graph: Driver, network: SmallNetwork
) -> None:
    services.relation_create(kind="SUPPLIES_TO", source=network.chipco, target=network.fabco)
    link = services.industry_link_create(upstream=network.chip_design, downstream=network.ic)
    outbox_drain()
    services.organisation_delete(organisation=network.fabco)
    services.industry_link_delete(link=link)
    outbox_drain()
    replay_everything()
    assert graph_differences() == []
    assert (
        graph_value(
            graph, "MATCH (o:Organisation {uid: $uid}) RETURN count(o)", uid=network.fabco.uid
        )
        == 0
    )
    assert graph_value(graph, "MATCH ()-[r:SUPPLIES]->() RETURN count(r)") == 0


# Committed rows: graph_rebuild reads them from a second thread with its own connection.
@pytest.mark.django_db(transaction=True)
def test_graph_check_names_what_the_graph_lost_and_rebuild_restores_it(
    graph: Driver, network: SmallNetwork
) -> None:
    outbox_drain()
    graph.execute_query(
        "MATCH (o:Organisation {uid: $uid}) DETACH DELETE o",
        uid=network.chipco.uid,
        database_=graph_database(),
    )
    graph.execute_query(
        "CREATE (:Park {uid: 'park:999999', name: '幽灵园'})", database_=graph_database()
    )
    found = {(d.what, d.key) for d in graph_differences()}
    assert ("missing node", f"Organisation:{network.chipco.uid}") in found
    assert ("extra node", "Park:park:999999") in found
    assert any(what == "missing relationship" for what, _ in found)

    graph_rebuild()
    assert graph_differences() == []

"""An agreed docking ties the two parks in the graph (DOCKED_WITH), once per pair of parks, and
joint-investment matching counts that tie as network proximity, explained by a path that
exists in Neo4j."""

from __future__ import annotations

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from backend.network.models import Relation, RelationKind
from backend.network.outbox import outbox_drain
from graph import matching as graph_matching
from graph.matching import DEFAULT_WEIGHTS, MatchRequest, missing_hops
from tests.docking.conftest import World, move, ok, post_posting, request_docking

pytestmark = pytest.mark.django_db

DOCKED_BETWEEN = """
MATCH (a:Park {uid: $a})-[r:DOCKED_WITH]-(b:Park {uid: $b})
RETURN count(r) AS n, collect(r.name) AS names
"""


def agree(world: World, requester: object, posting_title: str) -> dict:
    """bob (江宁园) posts, `requester` asks, and the two take it all the way to agreed."""
    posting = post_posting(world.bob, title=posting_title)
    created = request_docking(requester, posting["id"])  # type: ignore[arg-type]
    ok(move(world.bob, created["id"], "accepted"))
    ok(move(world.bob, created["id"], "in_talks"))
    return ok(move(world.bob, created["id"], "agreed"))


def docked_relations() -> list[Relation]:
    return list(Relation.objects.filter(kind=RelationKind.DOCKED_WITH))


def test_an_agreed_docking_between_two_parks_ties_them_once(world: World, graph: Driver) -> None:
    jiangning, jiangbei = world.net.jiangning, world.net.jiangbei
    assert agree(world, world.carol, "车规级AI芯片低功耗验证")["status"] == "agreed"

    [tie] = docked_relations()
    assert {tie.source_park_id, tie.target_park_id} == {jiangning.pk, jiangbei.pk}
    assert tie.name == "车规级AI芯片低功耗验证" and tie.started_on is not None
    assert "docking request" in tie.source_note

    agree(world, world.carol, "第二次对接：封装测试产线共建")
    assert docked_relations() == [tie]  # the parks were tied already

    outbox_drain()
    records, _, _ = graph.execute_query(
        DOCKED_BETWEEN,
        a=f"park:{jiangning.pk}",
        b=f"park:{jiangbei.pk}",
        database_=graph_database(),
    )
    assert records[0]["n"] == 1
    assert records[0]["names"] == ["车规级AI芯片低功耗验证"]


def test_a_docking_without_two_parks_ties_nothing(world: World) -> None:
    # 南京大学 (olga's organisation) is hosted by no park.
    assert agree(world, world.olga, "高校联合攻关：芯片功能安全")["status"] == "agreed"
    assert docked_relations() == []


def test_matching_counts_the_docking_as_proximity_with_a_real_path(
    world: World, graph: Driver
) -> None:
    jiangning, jiangbei = world.net.jiangning, world.net.jiangbei
    request = MatchRequest(
        owner_uid=f"park:{jiangning.pk}",
        industry_uid=f"industry:{world.net.ic.pk}",
        positioning="service",
    )

    def proximity() -> graph_matching.FactorScore:
        outcome = graph_matching.rank(graph, graph_database(), request, DEFAULT_WEIGHTS)
        [candidate] = [c for c in outcome.candidates if c.park_uid == f"park:{jiangbei.pk}"]
        [factor] = [f for f in candidate.factors if f.name == "network_proximity"]
        return factor

    outbox_drain()
    before = proximity()
    assert before.value == pytest.approx(0.6)  # the same zone, nothing more yet

    agree(world, world.carol, "车规级AI芯片低功耗验证")
    outbox_drain()
    after = proximity()
    assert after.value == pytest.approx(0.8)
    assert after.sentence_en == "The parks have docked successfully."
    assert [f"park:{jiangbei.pk}", "DOCKED_WITH", f"park:{jiangning.pk}"] in after.paths
    assert missing_hops(graph, graph_database(), after.paths) == []

"""Analytics for researchers: centrality and communities over chosen subgraphs, chain gaps,
the collaboration matrix and paths, through the API; and the pure computations beneath."""

from __future__ import annotations

import time
from typing import Any

import pytest

from backend.accounts.models import User
from graph import analytics
from graph.analytics import Strength, build_matrix, degree_distribution, score_chain_gaps
from tests.research.conftest import ResearchNetwork, client_for

pytestmark = pytest.mark.django_db


def get(user: User, path: str, **params: Any) -> Any:
    return client_for(user).get(f"/api/research/analytics/{path}", params)


def test_centrality_ranks_the_collaboration_layer(
    research_net: ResearchNetwork, rita: User
) -> None:
    net = research_net.net
    response = get(rita, "centrality", top=3)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["nodes"], body["edges"]) == (6, 7)
    assert {n["uid"] for n in body["top"]["degree"]} == {
        net.jiangning.uid,
        net.lab.uid,
        net.chipco.uid,
    }
    assert body["top"]["degree"][0]["score"] == 3.0
    assert body["betweenness_exact"] is True
    betweenness = {
        n["uid"]: n["score"] for n in get(rita, "centrality", top=10).json()["top"]["betweenness"]
    }
    assert betweenness[net.nju.uid] == 0.0 and betweenness[net.lab.uid] > 0
    pagerank = get(rita, "centrality", measures="pagerank", top=10).json()["top"]
    assert list(pagerank) == ["pagerank"]
    assert abs(sum(n["score"] for n in pagerank["pagerank"]) - 1.0) < 1e-6
    assert sum(d["count"] for d in body["distribution"]) == 6


def test_the_subgraph_follows_label_city_and_industry_filters(
    research_net: ResearchNetwork, rita: User
) -> None:
    net = research_net.net
    parks = get(rita, "centrality", label="Park").json()
    assert (parks["nodes"], parks["edges"]) == (2, 1)
    assert parks["relationship_types"] == {"PARTNER_OF": 1}
    ic = get(rita, "centrality", industry=net.ic.pk, top=10).json()
    assert ic["nodes"] == 5 and net.nju.uid not in {n["uid"] for n in ic["top"]["degree"]}
    assert get(rita, "centrality", city=net.chuzhou.pk).json()["nodes"] == 0
    everything = get(rita, "centrality", label="all", types="HOSTS,ACTIVE_IN,FOCUSES_ON").json()
    assert everything["nodes"] > 6


def test_a_subgraph_over_the_cap_is_refused_with_its_size(
    research_net: ResearchNetwork, rita: User
) -> None:
    response = get(rita, "centrality", max_nodes=3)
    body = response.json()
    assert response.status_code == 400
    assert body["detail"]["reason"] == "subgraph_too_large"
    assert body["detail"]["count"] == 6 and body["detail"]["cap"] == 3


def test_communities_partition_the_subgraph(research_net: ResearchNetwork, rita: User) -> None:
    for method in ("louvain", "leiden"):
        body = get(rita, "communities", method=method).json()
        assert body["method"] == method and body["nodes"] == 6
        assert sum(c["size"] for c in body["communities"]) == 6
        assert body["count"] == len(body["communities"]) >= 1
        assert -0.5 <= body["modularity"] <= 1
        assert {n["uid"] for n in body["graph"]["nodes"]} == {
            m.uid
            for m in (
                research_net.net.jiangning,
                research_net.net.jiangbei,
                research_net.net.nju,
                research_net.net.lab,
                research_net.net.chipco,
                research_net.net.fabco,
            )
        }
        assert all("community" in n["props"] for n in body["graph"]["nodes"])
        assert body["communities"][0]["cities"][0]["name"] == "南京"


def test_a_parks_chain_gaps_name_the_upstream_industry_its_partner_leads_in(
    research_net: ResearchNetwork, rita: User, bob: User
) -> None:
    net = research_net.net
    body = get(rita, "chain-gaps", park=net.jiangning.pk).json()
    assert body["in_graph"] is True
    assert body["peers"] == [{"uid": net.jiangbei.uid, "name": "江北新区", "tie": "PARTNER_OF"}]
    assert [g["industry"]["name"] for g in body["gaps"]] == ["半导体材料"]
    gap = body["gaps"][0]
    assert gap["direction"] == "upstream" and gap["anchors"][0]["name"] == "集成电路"
    assert gap["own"]["score"] == 0 and gap["peers"][0]["uid"] == net.jiangbei.uid
    assert gap["gap"] == pytest.approx(0.3)
    assert body["candidates"] == 2  # 半导体材料 upstream, 智能终端 downstream
    # Park staff see their own park's gaps, not another park's.
    assert get(bob, "chain-gaps", park=net.jiangning.pk).status_code == 200
    assert get(bob, "chain-gaps", park=net.jiangbei.pk).status_code == 403
    assert get(rita, "chain-gaps", park=999999).status_code == 404
    assert get(rita, "chain-gaps").status_code == 400
    assert get(rita, "chain-gaps", park=net.jiangning.pk, min_gap=2).status_code == 400


def test_the_collaboration_matrix_counts_ties_between_hosted_organisations(
    research_net: ResearchNetwork, rita: User
) -> None:
    net = research_net.net
    body = get(rita, "collaboration").json()
    assert [p["uid"] for p in body["parks"]] == [net.jiangning.uid, net.jiangbei.uid]
    assert body["cooperation"] == [[0, 1], [1, 0]]
    assert body["supply"] == [[0, 0], [1, 0]]  # 江北's designer supplies 江宁's fab
    assert body["partner"] == [[0, 1], [1, 0]]
    assert body["strength"][0][1] == body["strength"][1][0] == 7.0
    chosen = get(rita, "collaboration", parks=f"{net.jiangbei.pk}").json()
    assert [p["uid"] for p in chosen["parks"]] == [net.jiangbei.uid]
    assert get(rita, "collaboration", parks="1,x").status_code == 400
    assert get(rita, "collaboration", alliance="maybe").status_code == 400


def test_paths_between_two_entities(research_net: ResearchNetwork, rita: User) -> None:
    net = research_net.net
    body = get(
        rita,
        "paths",
        source=net.fabco.uid,
        target=net.nju.uid,
        types="HOSTS,AFFILIATED_WITH,COOPERATES_WITH,SUPPLIES_TO",
    ).json()
    assert body["found"] is True and body["length"] == 3 and len(body["paths"]) == 2
    assert all(p[0] == net.fabco.uid and p[-1] == net.nju.uid for p in body["paths"])
    missing = get(rita, "paths", source=net.fabco.uid, target="org:999999").json()
    assert missing["found"] is False and missing["missing"] == ["org:999999"]
    assert get(rita, "paths", source="x", target=net.nju.uid).status_code == 400
    assert get(rita, "paths", source=net.nju.uid, target=net.nju.uid).status_code == 400
    assert (
        get(rita, "paths", source=net.fabco.uid, target=net.nju.uid, max_hops=9).status_code == 400
    )


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("centrality", {"label": "Spaceship"}),
        ("centrality", {"types": "HOSTS,OWNS"}),
        ("centrality", {"measures": "closeness"}),
        ("centrality", {"top": 0}),
        ("centrality", {"max_nodes": 200_001}),
        ("centrality", {"city": "nanjing"}),
        ("communities", {"method": "girvan"}),
        ("communities", {"resolution": "high"}),
        ("communities", {"method": "louvain,leiden"}),
    ],
)
def test_bad_analytics_input_is_a_400_naming_the_field(
    research_net: ResearchNetwork, rita: User, path: str, params: dict[str, Any]
) -> None:
    response = get(rita, path, **params)
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"


def test_analytics_are_for_console_users(
    research_net: ResearchNetwork, bob: User, charlie: User
) -> None:
    for path in ("centrality", "communities", "collaboration", "options"):
        assert get(bob, path).status_code == 403
        assert get(charlie, path).status_code == 403
    assert client_for(None).get("/api/research/analytics/centrality").status_code in (401, 403)


def test_analytics_answer_503_when_neo4j_is_down(rita: User, settings: object) -> None:
    from tests.support.processes import free_port

    settings.NEO4J_URI = f"bolt://127.0.0.1:{free_port()}"  # type: ignore[attr-defined]
    assert get(rita, "centrality").status_code == 503


# --- The computations -------------------------------------------------------------------------


def test_betweenness_of_a_star_is_one_at_the_centre() -> None:
    result = analytics.compute_centrality(5, [0, 0, 0, 0], [1, 2, 3, 4], [1.0] * 4)
    assert result["scores"]["betweenness"] == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert result["scores"]["degree"] == [4.0, 1.0, 1.0, 1.0, 1.0]


def test_betweenness_is_sampled_on_big_graphs_and_close_to_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A path of 400 nodes: exact betweenness peaks in the middle.
    n = 400
    source, target, weight = list(range(n - 1)), list(range(1, n)), [1.0] * (n - 1)
    exact = analytics.compute_centrality(n, source, target, weight, measures=("betweenness",))
    monkeypatch.setattr(analytics, "EXACT_BETWEENNESS_NODES", 10)
    sampled = analytics.compute_centrality(
        n, source, target, weight, measures=("betweenness",), samples=200
    )
    assert exact["betweenness_exact"] is True and sampled["betweenness_exact"] is False
    middle = n // 2
    assert sampled["scores"]["betweenness"][middle] == pytest.approx(
        exact["scores"]["betweenness"][middle], rel=0.2
    )


def test_two_cliques_joined_by_one_edge_are_two_communities() -> None:
    edges = (
        [(a, b) for a in range(5) for b in range(a + 1, 5)]
        + [(a, b) for a in range(5, 10) for b in range(a + 1, 10)]
        + [(0, 5)]
    )
    source, target = [a for a, _ in edges], [b for _, b in edges]
    for method in ("louvain", "leiden"):
        result = analytics.compute_communities(
            10, source, target, [1.0] * len(edges), method=method
        )
        membership = result["membership"]
        assert len(set(membership)) == 2
        assert len(set(membership[:5])) == 1 and len(set(membership[5:])) == 1
        assert result["modularity"] > 0.3


def test_the_worker_process_computes_what_the_caller_would() -> None:
    args = (5, [0, 0, 0, 0], [1, 2, 3, 4], [1.0] * 4)
    assert (
        analytics.run_isolated(analytics.compute_centrality, *args)["scores"]
        == (analytics.compute_centrality(*args)["scores"])
    )


def test_a_computation_past_its_time_is_stopped_and_the_worker_replaced() -> None:
    started = time.monotonic()
    with pytest.raises(analytics.AnalyticsTimeout):
        analytics.run_isolated(time.sleep, 30, timeout_s=1)  # type: ignore[arg-type]
    assert time.monotonic() - started < 25
    assert analytics.run_isolated(analytics.compute_centrality, 2, [0], [1], [1.0])["scores"][
        "degree"
    ] == [1.0, 1.0]


def test_chain_gap_scores_prefer_the_largest_gap() -> None:
    peers = [{"uid": "park:2", "name": "B"}, {"uid": "park:3", "name": "C"}]
    candidates = {
        "industry:9": {"name": "材料", "direction": "upstream", "anchors": []},
        "industry:8": {"name": "终端", "direction": "downstream", "anchors": []},
        "industry:7": {"name": "设备", "direction": "upstream", "anchors": []},
    }
    strengths = {
        ("park:1", "industry:9"): Strength("park:1", 0.0, 0, 10),
        ("park:2", "industry:9"): Strength("park:2", 0.2, 1, 10),  # 0.1 + 0.25 = 0.35
        ("park:3", "industry:9"): Strength("park:3", 0.8, 0, 10),  # 0.4
        ("park:1", "industry:8"): Strength("park:1", 0.5, 5, 10),  # strong already
        ("park:2", "industry:8"): Strength("park:2", 0.6, 5, 10),
        ("park:2", "industry:7"): Strength("park:2", 0.2, 0, 10),  # gap 0.1 < min
    }
    gaps = score_chain_gaps(
        park_uid="park:1", peers=peers, candidates=candidates, strengths=strengths
    )
    assert [g.industry["uid"] for g in gaps] == ["industry:9"]
    assert [p["uid"] for p in gaps[0].peers] == ["park:3", "park:2"]
    assert gaps[0].gap == pytest.approx(0.4)


def test_the_matrix_is_symmetric_where_ties_are() -> None:
    parks = [{"uid": "park:1"}, {"uid": "park:2"}, {"uid": "park:3"}]
    matrix = build_matrix(
        parks,
        [
            {"source": "park:1", "target": "park:2", "type": "COOPERATES_WITH", "n": 2},
            {"source": "park:2", "target": "park:1", "type": "SUPPLIES_TO", "n": 3},
            {"source": "park:1", "target": "park:1", "type": "COOPERATES_WITH", "n": 4},
        ],
        [{"source": "park:3", "target": "park:1", "type": "ENCLAVE_OF", "n": 1}],
    )
    assert matrix.cooperation[0][1] == matrix.cooperation[1][0] == 2
    assert matrix.cooperation[0][0] == 4
    assert matrix.supply[1][0] == 3 and matrix.supply[0][1] == 0
    assert matrix.enclave[2][0] == 1
    assert matrix.strength == [[4.0, 5.0, 5.0], [5.0, 0.0, 0.0], [5.0, 0.0, 0.0]]


def test_the_degree_distribution_bins_long_tails() -> None:
    assert degree_distribution([1, 1, 2]) == [{"degree": 1, "count": 2}, {"degree": 2, "count": 1}]
    binned = degree_distribution(list(range(1000)), bins=10)
    assert len(binned) <= 11 and sum(b["count"] for b in binned) == 1000

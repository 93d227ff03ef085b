"""The research console and graph analytics at metro scale (DESIGN.md "Scale to design for").

Data: seed_demo plus seed_synthetic enterprises (BENCH_ENTERPRISES, default 100,000, seed 7),
projected with graph_rebuild() when the graph does not hold them yet.

Figures, all from one run:
- console overhead: the same read query through the bare driver (one read transaction, all
  rows) and through the console guard (text and parameter gates, EXPLAIN and plan checks,
  READ transaction with timeout, row cap, conversion, masking), interleaved; median of each and
  their ratio (goal at most 1.3) for an aggregation over the enterprises and, as the worst
  case, a one-node lookup where the fixed cost of EXPLAIN weighs most;
- centrality (degree, PageRank, sampled betweenness) and communities (Louvain, Leiden) over
  the collaboration layer (parks, organisations and the ties between them): seconds to read
  the subgraph out of Neo4j (with its Python-side peak from tracemalloc) and seconds to
  compute in a fresh worker process (with that process's peak resident memory).
"""

from __future__ import annotations

import multiprocessing
import os
import time
import tracemalloc
from typing import Any

from benchmarks.lib import Report, median

AGGREGATION_QUERY = """
MATCH (p:Park)-[:HOSTS]->(o:Enterprise)-[:ACTIVE_IN]->(i:Industry)
RETURN p.name AS park, i.name AS industry, count(o) AS enterprises
ORDER BY enterprises DESC
LIMIT 200
"""
LOOKUP_QUERY = "MATCH (p:Park {uid: $uid}) RETURN p.name AS name, p.level AS level"
COUNT_GRAPH_ORGANISATIONS_QUERY = "MATCH (o:Organisation) RETURN count(o) AS n"


def _ensure_data(report: Report, enterprises: int) -> None:
    from django.core.management import call_command

    from backend.core.graph import graph_database, graph_driver
    from backend.network.models import Organisation
    from backend.network.reconcile import graph_rebuild

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Organisation.objects.filter(is_synthetic=True, kind="enterprise").count()
    if have < enterprises:
        call_command("seed_synthetic", enterprises=enterprises, seed=7, verbosity=0)
    in_db = Organisation.objects.count()
    records, _, _ = graph_driver().execute_query(
        COUNT_GRAPH_ORGANISATIONS_QUERY, database_=graph_database()
    )
    if int(records[0]["n"]) != in_db:
        started = time.perf_counter()
        graph_rebuild()
        report.add("graph_rebuild wall time", time.perf_counter() - started, "s", "setup")
    report.add("organisations in the graph", in_db, "nodes")


def _bare(driver: Any, db: str, query: str, params: dict[str, Any]) -> list[list[Any]]:
    import neo4j

    with driver.session(database=db, default_access_mode=neo4j.READ_ACCESS) as session:
        return session.execute_read(lambda tx: [r.values() for r in tx.run(query, params)])


def _overhead(report: Report, name: str, query: str, params: dict[str, Any], runs: int) -> None:
    from backend.core.graph import graph_database, graph_driver
    from graph.console import run_console_query

    driver, db = graph_driver(), graph_database()
    for _ in range(5):  # warm both paths (plan caches, connections)
        _bare(driver, db, query, params)
        run_console_query(driver, db, query, params)
    bare: list[float] = []
    guarded: list[float] = []
    for _ in range(runs):  # interleaved, so drift hits both alike
        started = time.perf_counter()
        rows = _bare(driver, db, query, params)
        bare.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        result = run_console_query(driver, db, query, params)
        guarded.append((time.perf_counter() - started) * 1000)
        if len(result.rows) != len(rows):
            raise RuntimeError("the console and the driver disagree on the rows")
    report.add(f"{name}: bare driver median", median(bare), "ms", f"{runs} runs, {len(rows)} rows")
    report.add(f"{name}: console median", median(guarded), "ms", "guard + EXPLAIN + conversion")
    report.add(f"{name}: console / bare", median(guarded) / median(bare), "ratio", "goal <= 1.3")


def _in_fresh_process(function: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Run a compute function in a new spawned process, so its peak memory is its own."""
    with multiprocessing.get_context("spawn").Pool(processes=1, maxtasksperchild=1) as pool:
        result: dict[str, Any] = pool.apply(function, args, kwargs)
        return result


def _analytics(report: Report) -> None:
    from backend.core.graph import graph_database, graph_driver
    from graph import analytics

    driver, db = graph_driver(), graph_database()
    flt = analytics.SubgraphFilter()
    tracemalloc.start()
    started = time.perf_counter()
    graph = analytics.fetch_subgraph(driver, db, flt, max_nodes=analytics.MAX_NODES, timeout_s=600)
    read_s = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    note = f"{graph.node_count:,} nodes, {graph.edge_count:,} relationships"
    report.add("subgraph read (collaboration layer)", read_s, "s", note)
    report.add("subgraph read, Python peak (tracemalloc)", peak / 2**20, "MiB")

    args = (graph.node_count, graph.source, graph.target, graph.weight)
    idle = _in_fresh_process(analytics.compute_centrality, 2, [0], [1], [1.0])
    report.add("worker process at rest (igraph loaded)", idle["peak_rss_mb"], "MiB", "peak RSS")
    runs = [
        ("degree + PageRank", analytics.compute_centrality, {"measures": ("degree", "pagerank")}),
        (
            f"betweenness (sampled, {analytics.DEFAULT_BETWEENNESS_SAMPLES} sources)",
            analytics.compute_centrality,
            {"measures": ("betweenness",)},
        ),
        ("communities, Louvain", analytics.compute_communities, {"method": "louvain"}),
        ("communities, Leiden", analytics.compute_communities, {"method": "leiden"}),
    ]
    for name, function, kwargs in runs:
        started = time.perf_counter()
        result = _in_fresh_process(function, *args, **kwargs)
        wall = time.perf_counter() - started
        extra = ""
        if "membership" in result:
            extra = (
                f"{len(set(result['membership'])):,} communities, "
                f"modularity {result['modularity']:.3f}"
            )
        report.add(f"{name}: compute", result["compute_ms"] / 1000, "s", extra)
        report.add(f"{name}: wall incl. process start", wall, "s")
        report.add(f"{name}: worker peak memory", result["peak_rss_mb"], "MiB", "peak RSS")

    started = time.perf_counter()
    answer = analytics.centrality(driver, db, flt, max_nodes=analytics.MAX_NODES)
    report.add(
        "centrality endpoint path end to end",
        time.perf_counter() - started,
        "s",
        f"read {answer.read_ms / 1000:.1f} s + compute {answer.compute_ms / 1000:.1f} s",
    )
    analytics.shutdown_pool()


def run() -> Report:
    from backend.network.models import Park

    enterprises = int(os.environ.get("BENCH_ENTERPRISES", "100000"))
    report = Report(f"Research console and analytics ({enterprises:,} synthetic enterprises)")
    _ensure_data(report, enterprises)
    _overhead(report, "aggregation over enterprises", AGGREGATION_QUERY, {}, runs=30)
    uid = Park.objects.order_by("pk").first()
    _overhead(
        report,
        "one-park lookup (worst case)",
        LOOKUP_QUERY,
        {"uid": uid.uid if uid else "park:0"},
        runs=200,
    )
    _analytics(report)
    return report

"""The innovation graph at metro scale (DESIGN.md "Scale to design for").

Data: seed_demo (the real parks, labs, universities of the circle) plus seed_synthetic
enterprises (BENCH_ENTERPRISES, default 100,000, seed 7), about 1,000,000 relationships.

Figures, all from one run:
- projection throughput (graph_rebuild: PostgreSQL rows -> batched UNWIND CREATE into an emptied
  Neo4j, relationships matched by the element ids of the nodes it created) in relationships per
  second, beside a bare-driver baseline that writes the same nodes and relationships with the
  plainest UNWIND statements (rows prepared in memory beforehand, after an untimed warm-up
  write so that neither runs on a cold JIT), then graph_check's count of differences;
- a park's 2-hop ecosystem p50/p95 (every park, several rounds);
- neighbours to 2 hops from a park (cap 150) p50/p95;
- shortest path between random enterprises (max 6 hops) p50/p95.
"""

from __future__ import annotations

import os
import random
import time
from collections import defaultdict
from typing import Any

from benchmarks.lib import Report, median, percentile

CHUNK = 10_000
WARM_UP_RELS = 100_000

BASELINE_NODE_QUERY = (
    "UNWIND $rows AS row CREATE (n:BaselineNode {uid: row.uid}) SET n += row.props"
)
BASELINE_INDEX_QUERY = (
    "CREATE CONSTRAINT baseline_uid IF NOT EXISTS FOR (n:BaselineNode) REQUIRE n.uid IS UNIQUE"
)
BASELINE_REL_QUERY = """
UNWIND $rows AS row
MATCH (a:BaselineNode {uid: row.source})
MATCH (b:BaselineNode {uid: row.target})
CREATE (a)-[r:BASELINE]->(b)
SET r = row.props
"""
BASELINE_CLEAR_QUERY = """
MATCH (n:BaselineNode)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
"""
BASELINE_DROP_INDEX_QUERY = "DROP CONSTRAINT baseline_uid IF EXISTS"
COUNT_RELATIONSHIPS_QUERY = "MATCH ()-[r]->() RETURN count(r) AS n"


def _ensure_data(report: Report, enterprises: int) -> None:
    from django.core.management import call_command

    from backend.network.models import Organisation, Relation

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Organisation.objects.filter(is_synthetic=True, kind="enterprise").count()
    if have < enterprises:
        started = time.perf_counter()
        call_command("seed_synthetic", enterprises=enterprises, seed=7, verbosity=0)
        report.add(
            "seed_synthetic wall time",
            time.perf_counter() - started,
            "s",
            f"{enterprises} enterprises",
        )
    report.add("organisations in PostgreSQL", Organisation.objects.count(), "rows")
    report.add("relations in PostgreSQL", Relation.objects.count(), "rows")


def _baseline_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The same nodes and relationships the projection writes, as plain in-memory rows."""
    from backend.network.projection_rows import BUILDERS, NODE_LABEL
    from backend.network.reconcile import expected_relationships

    nodes = [
        {"uid": row["uid"], "props": row["props"]}
        for entity in NODE_LABEL
        for row in BUILDERS[entity](None)
    ]
    nodes.append({"uid": "alliance:nanjing-metro", "props": {}})
    rels = [
        {"source": s, "target": t, "props": dict(p)}
        for (_, s, t, p), count in expected_relationships().items()
        for _ in range(count)
    ]
    return nodes, rels


def _write_chunks(driver: Any, db: str, query: str, rows: list[dict[str, Any]]) -> None:
    with driver.session(database=db) as session:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            session.execute_write(lambda tx, c=chunk: tx.run(query, rows=c).consume())


def _timed_samples(action: Any, items: list[Any]) -> list[float]:
    samples = []
    for item in items:
        started = time.perf_counter()
        action(item)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run() -> Report:
    from backend.core.graph import graph_database, graph_driver
    from backend.network.models import Organisation, Park
    from backend.network.reconcile import graph_differences, graph_rebuild
    from graph.migrate import apply_migrations
    from graph.repository.explore import neighbours, park_ecosystem, shortest_path

    enterprises = int(os.environ.get("BENCH_ENTERPRISES", "100000"))
    report = Report(f"Innovation graph at metro scale ({enterprises:,} synthetic enterprises)")
    driver, db = graph_driver(), graph_database()
    apply_migrations(driver, db)
    _ensure_data(report, enterprises)

    # Baseline first, on an empty graph, with rows prepared beforehand (not timed).
    from graph.projection import delete_all_network_nodes

    delete_all_network_nodes(driver, db)
    nodes, rels = _baseline_rows()
    driver.execute_query(BASELINE_INDEX_QUERY, database_=db)
    # Warm-up, not timed: a fresh server's first big writes run on a cold JIT, which would
    # slow whichever of the two is measured first (the baseline).
    _write_chunks(driver, db, BASELINE_NODE_QUERY, nodes)
    _write_chunks(driver, db, BASELINE_REL_QUERY, rels[:WARM_UP_RELS])
    with driver.session(database=db) as session:
        session.run(BASELINE_CLEAR_QUERY).consume()
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    _write_chunks(driver, db, BASELINE_NODE_QUERY, nodes)
    _write_chunks(driver, db, BASELINE_REL_QUERY, rels)
    baseline_s = time.perf_counter() - started
    baseline_rate = len(rels) / baseline_s
    with driver.session(database=db) as session:
        session.run(BASELINE_CLEAR_QUERY).consume()
    driver.execute_query(BASELINE_DROP_INDEX_QUERY, database_=db)
    del nodes

    started = time.perf_counter()
    graph_rebuild(chunk=CHUNK)
    projection_s = time.perf_counter() - started
    load_after = os.getloadavg()[0]
    records, _, _ = driver.execute_query(COUNT_RELATIONSHIPS_QUERY, database_=db)
    projected = int(records[0]["n"])
    rate = projected / projection_s
    report.add("relationships projected", projected, "rels", f"expected {len(rels)}")
    report.add(
        "projection wall time (graph_rebuild)",
        projection_s,
        "s",
        "reads PostgreSQL and writes Neo4j",
    )
    report.add("projection throughput", rate, "rels/s", "goal >= 30,000")
    report.add("bare-driver UNWIND baseline wall time", baseline_s, "s", "rows prebuilt")
    report.add("bare-driver UNWIND baseline throughput", baseline_rate, "rels/s")
    report.add("projection / baseline", rate / baseline_rate, "ratio", "goal >= 0.8")
    report.add(
        "load average (1 min) before baseline / after projection",
        load_before,
        "load",
        f"{load_after:.2f} after; {os.cpu_count()} cores shared with other work",
    )
    started = time.perf_counter()
    differences = graph_differences(limit=1000)
    report.add(
        "graph_check differences after the rebuild",
        len(differences),
        "count",
        f"goal 0; compared in {time.perf_counter() - started:.0f} s",
    )

    park_uids = [p.uid for p in Park.objects.all()]
    rounds = 5
    ecosystem = _timed_samples(
        lambda uid: park_ecosystem(driver, db, uid, limit=200), park_uids * rounds
    )
    report.add(
        "park ecosystem (2 hops) p50", median(ecosystem), "ms", f"{len(park_uids)} parks x {rounds}"
    )
    report.add("park ecosystem (2 hops) p95", percentile(ecosystem, 95), "ms", "goal <= 200")

    around = _timed_samples(
        lambda uid: neighbours(driver, db, uid, hops=2, limit=150), park_uids * 2
    )
    report.add("neighbours, 2 hops, cap 150, p50", median(around), "ms")
    report.add("neighbours, 2 hops, cap 150, p95", percentile(around, 95), "ms")

    rng = random.Random(7)
    enterprise_ids = list(
        Organisation.objects.filter(kind="enterprise").values_list("id", flat=True)
    )
    pairs = [
        (f"org:{a}", f"org:{b}") for a, b in (rng.sample(enterprise_ids, 2) for _ in range(300))
    ]
    found: dict[bool, int] = defaultdict(int)

    def one_path(pair: tuple[str, str]) -> None:
        found[shortest_path(driver, db, pair[0], pair[1], max_hops=6) is not None] += 1

    paths = _timed_samples(one_path, pairs)
    report.add("shortest path (max 6 hops) p50", median(paths), "ms", f"{len(pairs)} pairs")
    report.add("shortest path (max 6 hops) p95", percentile(paths, 95), "ms", "goal <= 50")
    report.add("pairs connected within 6 hops", found[True] / len(pairs), "share")
    return report

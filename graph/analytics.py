"""Graph analytics for researchers: centrality and communities over a chosen subgraph, a park's
industry-chain gaps, the collaboration matrix between parks, and paths between two entities.

Neo4j Community has no Graph Data Science library, so a subgraph is projected out of Neo4j
(capped) and computed with python-igraph (C code: PageRank, betweenness, Louvain and Leiden at
metro scale in seconds). igraph holds the GIL while it computes, so anything larger than a
small subgraph runs in a separate worker process (`run_isolated`): a web process stays
responsive for everyone else meanwhile. The relationship layer is treated as undirected
(partnerships and cooperation have no meaningful direction), parallel relationships are merged
with their weights summed.

Knows nothing of Django.
"""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.pool
import random
import resource
import sys
import threading
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction, unit_of_work

from graph.console import MASK, is_masked_key
from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphError, GraphUnavailable
from graph.labels import DERIVED_TYPES, Label, RelationType
from graph.queries.research import (
    ALL_SHORTEST_PATHS_QUERIES,
    CHAIN_NEIGHBOURS_QUERY,
    CITY_NAMES_QUERY,
    ENTITIES_EXIST_QUERY,
    INDUSTRY_STRENGTH_QUERY,
    MATRIX_PARKS_QUERY,
    ORGANISATION_TIES_QUERY,
    PARK_ANCHOR_INDUSTRIES_QUERY,
    PARK_PEERS_QUERY,
    PARK_TIES_QUERY,
    SUBGRAPH_EDGES_QUERY,
    SUBGRAPH_EXPORT_EDGES_QUERY,
    SUBGRAPH_EXPORT_NODES_QUERY,
    SUBGRAPH_NODE_COUNT_QUERY,
    SUBGRAPH_NODES_QUERY,
)
from graph.repository.explore import GraphEdge, GraphNode, Subgraph

# --- Limits and defaults --------------------------------------------------------------------

DEFAULT_MAX_NODES = 20_000
MAX_NODES = 200_000
MAX_EDGES = 2_000_000
READ_TIMEOUT_S = 60.0
COMPUTE_TIMEOUT_S = 180.0
# Up to this many relationships the computation runs in the calling process (milliseconds).
INLINE_MAX_EDGES = 20_000
# Exact betweenness up to this many nodes; beyond, sampled from this many sources.
EXACT_BETWEENNESS_NODES = 5_000
DEFAULT_BETWEENNESS_SAMPLES = 128
# Nodes per record when a subgraph is read (the driver's cost is per record).
READ_BATCH = 5_000

ALL_RELATIONSHIP_TYPES: tuple[str, ...] = (*DERIVED_TYPES, *(t.value for t in RelationType))
# By default the collaboration layer: parks, organisations and the ties between them.
DEFAULT_LABELS: tuple[str, ...] = (Label.PARK.value, Label.ORGANISATION.value)
DEFAULT_TYPES: tuple[str, ...] = (
    "HOSTS",
    RelationType.PARTNER_OF.value,
    RelationType.ENCLAVE_OF.value,
    RelationType.DOCKED_WITH.value,
    RelationType.COOPERATES_WITH.value,
    RelationType.AFFILIATED_WITH.value,
    RelationType.SUPPLIES_TO.value,
)
MEASURES = ("degree", "betweenness", "pagerank")
COMMUNITY_METHODS = ("louvain", "leiden")

# Chain gaps: strength of a park in an industry = FOCUS_SHARE × leading-industry weight +
# (1 - FOCUS_SHARE) × min(1, share of its organisations in that industry / SATURATION).
FOCUS_SHARE = 0.5
ORGANISATION_SATURATION = 0.2
DEFAULT_MIN_GAP = 0.15
# Collaboration matrix: a partner or enclave agreement counts as this many organisation ties.
PARK_TIE_WEIGHT = 5.0
MAX_MATRIX_PARKS = 60


class AnalyticsError(GraphError):
    """An analytics request that cannot be answered as asked (not a server fault)."""

    def __init__(self, code: str, zh: str, en: str, detail: dict[str, Any] | None = None) -> None:
        self.code, self.zh, self.en = code, zh, en
        self.detail = detail or {}
        super().__init__(en)


class SubgraphTooLarge(AnalyticsError):
    def __init__(self, what: str, count: int | None, cap: int) -> None:
        shown = f"{count:,}" if count is not None else f"> {cap:,}"
        super().__init__(
            "subgraph_too_large",
            f"所选子图过大（{'节点' if what == 'nodes' else '关系'} {shown}，上限 {cap:,}），"
            "请按城市、产业或标签缩小范围。",
            f"The chosen subgraph is too large ({shown} {what}; the cap is {cap:,}); narrow it "
            "by city, industry or label.",
            {"what": what, "count": count, "cap": cap},
        )


class AnalyticsTimeout(AnalyticsError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            "analytics_timeout",
            f"计算超过 {seconds:g} 秒时限，已停止；请缩小子图。",
            f"The computation ran past {seconds:g} s and was stopped; narrow the subgraph.",
            {"timeout_s": seconds},
        )


# --- Subgraph projection --------------------------------------------------------------------


@dataclass(frozen=True)
class SubgraphFilter:
    labels: tuple[str, ...] | None = DEFAULT_LABELS
    city_uid: str | None = None
    industry_uid: str | None = None
    types: tuple[str, ...] = DEFAULT_TYPES

    def parameters(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels) if self.labels else None,
            "city": self.city_uid,
            "industry": self.industry_uid,
            "types": list(self.types),
        }


@dataclass
class ProjectedGraph:
    """Nodes by index (uid, name, most specific label, city uid) and relationships as three
    parallel compact arrays of node indexes and weights."""

    uids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    cities: list[str | None] = field(default_factory=list)
    source: array[int] = field(default_factory=lambda: array("i"))
    target: array[int] = field(default_factory=lambda: array("i"))
    weight: array[float] = field(default_factory=lambda: array("d"))
    types: Counter[str] = field(default_factory=Counter)
    read_ms: float = 0.0

    @property
    def node_count(self) -> int:
        return len(self.uids)

    @property
    def edge_count(self) -> int:
        return len(self.source)


def specific_label(labels: Sequence[str]) -> str:
    shown = [label for label in labels if label != "Entity"]
    specific = [label for label in shown if label != "Organisation"]
    return (specific or shown or ["Entity"])[0]


def _read(
    driver: Driver,
    database: str,
    work: Callable[..., Any],
    *args: Any,
    timeout_s: float = READ_TIMEOUT_S,
) -> Any:
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(unit_of_work(timeout=timeout_s)(work), *args)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc


def fetch_subgraph(
    driver: Driver,
    database: str,
    flt: SubgraphFilter,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = MAX_EDGES,
    timeout_s: float = READ_TIMEOUT_S,
) -> ProjectedGraph:
    """The nodes matching the filter and the relationships of the chosen types among them.
    Raises SubgraphTooLarge past a cap (nothing is computed on a truncated graph)."""
    params = flt.parameters()

    def work(tx: ManagedTransaction) -> ProjectedGraph:
        started = time.perf_counter()
        graph = ProjectedGraph()
        index: dict[str, int] = {}
        for record in tx.run(SUBGRAPH_NODES_QUERY, params, limit=max_nodes + 1, batch=READ_BATCH):
            for element_id, uid, name, labels, city in record["part"]:
                if uid is None or element_id in index:
                    continue
                if len(graph.uids) >= max_nodes:
                    total = tx.run(SUBGRAPH_NODE_COUNT_QUERY, params).single()
                    raise SubgraphTooLarge("nodes", total["n"] if total else None, max_nodes)
                index[element_id] = len(graph.uids)
                graph.uids.append(uid)
                graph.names.append(str(name or uid))
                graph.labels.append(specific_label(labels))
                graph.cities.append(city)
        for record in tx.run(SUBGRAPH_EDGES_QUERY, params):
            a = index.get(record["source"])
            if a is None:
                continue
            for target, kind, weight in zip(
                record["targets"], record["types"], record["weights"], strict=True
            ):
                b = index.get(target)
                if b is None:
                    continue
                if len(graph.source) >= max_edges:
                    raise SubgraphTooLarge("relationships", None, max_edges)
                graph.source.append(a)
                graph.target.append(b)
                graph.weight.append(float(weight))
                graph.types[kind] += 1
        graph.read_ms = (time.perf_counter() - started) * 1000
        return graph

    result: ProjectedGraph = _read(driver, database, work, timeout_s=timeout_s)
    return result


def export_subgraph(
    driver: Driver,
    database: str,
    flt: SubgraphFilter,
    *,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    timeout_s: float = READ_TIMEOUT_S,
    progress: Callable[[str, int], None] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The subgraph with every property (confidential ones masked), for exports:
    ({id, uid, labels, props}, {id, type, source, target, props}). Raises SubgraphTooLarge."""
    params = flt.parameters()

    def masked(props: dict[str, Any], labels: Sequence[str]) -> dict[str, Any]:
        return {k: (MASK if is_masked_key(k, labels) else v) for k, v in props.items()}

    def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes: list[dict[str, Any]] = []
        for record in tx.run(SUBGRAPH_EXPORT_NODES_QUERY, params, limit=max_nodes + 1):
            if len(nodes) >= max_nodes:
                raise SubgraphTooLarge("nodes", None, max_nodes)
            labels = sorted(record["labels"])
            props = masked(dict(record["props"]), labels)
            nodes.append(
                {"id": record["id"], "uid": props.get("uid"), "labels": labels, "props": props}
            )
        if progress is not None:
            progress("nodes", len(nodes))
        edges: list[dict[str, Any]] = []
        for record in tx.run(SUBGRAPH_EXPORT_EDGES_QUERY, params, limit=max_edges + 1):
            if len(edges) >= max_edges:
                raise SubgraphTooLarge("relationships", None, max_edges)
            edges.append(
                {
                    "id": record["id"],
                    "type": record["type"],
                    "source": record["source"],
                    "target": record["target"],
                    "props": masked(dict(record["props"]), [record["type"]]),
                }
            )
        if progress is not None:
            progress("edges", len(edges))
        return nodes, edges

    result: tuple[list[dict[str, Any]], list[dict[str, Any]]] = _read(
        driver, database, work, timeout_s=timeout_s
    )
    return result


def city_names(driver: Driver, database: str) -> dict[str, str]:
    def work(tx: ManagedTransaction) -> dict[str, str]:
        return {r["uid"]: r["name"] for r in tx.run(CITY_NAMES_QUERY)}

    result: dict[str, str] = _read(driver, database, work)
    return result


# --- Computation (pure; runs in a worker process for big graphs) ----------------------------


def _igraph(n: int, source: Sequence[int], target: Sequence[int], weight: Sequence[float]) -> Any:
    import igraph

    g = igraph.Graph(n=n, edges=list(zip(source, target, strict=True)), directed=False)
    g.es["weight"] = list(weight)
    g.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    return g


def _peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux VmHWM, which starts afresh with the
    process image (ru_maxrss would carry the parent's peak over fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def compute_centrality(
    n: int,
    source: Sequence[int],
    target: Sequence[int],
    weight: Sequence[float],
    *,
    measures: Sequence[str] = MEASURES,
    samples: int = DEFAULT_BETWEENNESS_SAMPLES,
    seed: int = 7,
) -> dict[str, Any]:
    """Scores for every node (by index). Betweenness is exact up to EXACT_BETWEENNESS_NODES
    nodes, else estimated from `samples` random sources (scaled to the whole graph), and
    normalised to [0, 1]. PageRank uses the summed relationship weights."""
    started = time.perf_counter()
    g = _igraph(n, source, target, weight)
    scores: dict[str, list[float]] = {}
    exact = True
    if "degree" in measures:
        scores["degree"] = [float(d) for d in g.degree()]
    if "pagerank" in measures:
        scores["pagerank"] = list(g.pagerank(weights="weight", directed=False)) if n else []
    if "betweenness" in measures:
        if n <= max(EXACT_BETWEENNESS_NODES, samples):
            raw = g.betweenness(directed=False) if n else []
        else:
            exact = False
            sources = random.Random(seed).sample(range(n), samples)  # noqa: S311 (sampling, not secrets)
            scale = n / samples
            raw = [b * scale for b in g.betweenness(directed=False, sources=sources)]
        pairs = (n - 1) * (n - 2) / 2
        scores["betweenness"] = [b / pairs if pairs > 0 else 0.0 for b in raw]
    return {
        "scores": scores,
        "betweenness_exact": exact,
        "edges_merged": g.ecount(),
        "compute_ms": (time.perf_counter() - started) * 1000,
        "peak_rss_mb": _peak_rss_mb(),
    }


def compute_communities(
    n: int,
    source: Sequence[int],
    target: Sequence[int],
    weight: Sequence[float],
    *,
    method: str = "louvain",
    resolution: float = 1.0,
    seed: int = 7,
) -> dict[str, Any]:
    """Community membership (by node index) with Louvain (multilevel) or Leiden, both
    optimising modularity at the given resolution; deterministic for a seed."""
    import igraph

    started = time.perf_counter()
    igraph.set_random_number_generator(random.Random(seed))  # noqa: S311
    try:
        g = _igraph(n, source, target, weight)
        if n == 0:
            membership: list[int] = []
        elif method == "leiden":
            membership = g.community_leiden(
                objective_function="modularity",
                weights="weight",
                resolution=resolution,
                n_iterations=-1,
            ).membership
        else:
            membership = g.community_multilevel(weights="weight", resolution=resolution).membership
        modularity = (
            g.modularity(membership, weights="weight", resolution=resolution)
            if n and g.ecount()
            else 0.0
        )
        degree = g.degree()
    finally:
        igraph.set_random_number_generator(random)
    return {
        "membership": list(membership),
        "modularity": float(modularity),
        "degree": list(degree),
        "compute_ms": (time.perf_counter() - started) * 1000,
        "peak_rss_mb": _peak_rss_mb(),
    }


# --- The worker process ---------------------------------------------------------------------

_pool: multiprocessing.pool.Pool | None = None
_pool_lock = threading.Lock()


def _get_pool() -> multiprocessing.pool.Pool:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn, not fork: the parent runs threads (Daphne, the Neo4j driver).
            _pool = multiprocessing.get_context("spawn").Pool(processes=1, maxtasksperchild=100)
        return _pool


def shutdown_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.terminate()
            _pool.join()
            _pool = None


atexit.register(shutdown_pool)


def run_isolated(
    function: Callable[..., dict[str, Any]],
    *args: Any,
    timeout_s: float = COMPUTE_TIMEOUT_S,
    **kwargs: Any,
) -> dict[str, Any]:
    """Run a compute function in the worker process; past the timeout the worker is killed
    (and replaced on the next call) and AnalyticsTimeout raised."""
    pending = _get_pool().apply_async(function, args, kwargs)
    try:
        return pending.get(timeout=timeout_s)
    except multiprocessing.TimeoutError:
        shutdown_pool()
        raise AnalyticsTimeout(timeout_s) from None


def _compute(
    function: Callable[..., dict[str, Any]], graph: ProjectedGraph, **kwargs: Any
) -> dict[str, Any]:
    args = (graph.node_count, graph.source, graph.target, graph.weight)
    if graph.edge_count <= INLINE_MAX_EDGES:
        return function(*args, **kwargs)
    return run_isolated(function, *args, **kwargs)


# --- Centrality -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedNode:
    uid: str
    name: str
    label: str
    score: float


@dataclass
class CentralityResult:
    nodes: int
    edges: int
    top: dict[str, list[RankedNode]]
    distribution: list[dict[str, float]]  # degree histogram: {degree, count}
    betweenness_exact: bool
    read_ms: float
    compute_ms: float
    relationship_types: dict[str, int]


def _top(graph: ProjectedGraph, scores: Sequence[float], k: int) -> list[RankedNode]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], graph.uids[i]))[:k]
    return [
        RankedNode(graph.uids[i], graph.names[i], graph.labels[i], round(float(scores[i]), 8))
        for i in order
    ]


def degree_distribution(degrees: Sequence[float], *, bins: int = 40) -> list[dict[str, float]]:
    """Counts per degree; past `bins` distinct values, logarithmic bins (lower edge shown)."""
    counts = Counter(int(d) for d in degrees)
    if len(counts) <= bins:
        return [{"degree": d, "count": c} for d, c in sorted(counts.items())]
    top = max(counts)
    edges = sorted({0, *(round((top + 1) ** (i / bins)) for i in range(bins + 1))})
    grouped: Counter[int] = Counter()
    for degree, count in counts.items():
        low = max(e for e in edges if e <= degree)
        grouped[low] += count
    return [{"degree": d, "count": c} for d, c in sorted(grouped.items())]


def centrality(
    driver: Driver,
    database: str,
    flt: SubgraphFilter,
    *,
    measures: Sequence[str] = MEASURES,
    top: int = 20,
    max_nodes: int = DEFAULT_MAX_NODES,
    samples: int = DEFAULT_BETWEENNESS_SAMPLES,
) -> CentralityResult:
    graph = fetch_subgraph(driver, database, flt, max_nodes=max_nodes)
    computed = _compute(compute_centrality, graph, measures=measures, samples=samples)
    scores = computed["scores"]
    degrees = scores.get("degree") or []
    return CentralityResult(
        nodes=graph.node_count,
        edges=graph.edge_count,
        top={m: _top(graph, scores[m], top) for m in measures if m in scores},
        distribution=degree_distribution(degrees) if degrees else [],
        betweenness_exact=bool(computed["betweenness_exact"]),
        read_ms=graph.read_ms,
        compute_ms=float(computed["compute_ms"]),
        relationship_types=dict(graph.types),
    )


# --- Communities ----------------------------------------------------------------------------


@dataclass
class Community:
    id: int
    size: int
    labels: dict[str, int]
    cities: list[dict[str, Any]]  # the most common cities: {uid, name, count}
    members: list[RankedNode]  # the best-connected members (score = degree)


@dataclass
class CommunityResult:
    nodes: int
    edges: int
    method: str
    modularity: float
    count: int
    communities: list[Community]
    graph: Subgraph  # a sample for the graph view: best-connected nodes, props.community set
    read_ms: float
    compute_ms: float


def communities(
    driver: Driver,
    database: str,
    flt: SubgraphFilter,
    *,
    method: str = "louvain",
    resolution: float = 1.0,
    max_nodes: int = DEFAULT_MAX_NODES,
    top_communities: int = 20,
    members_per_community: int = 8,
    graph_nodes: int = 300,
) -> CommunityResult:
    graph = fetch_subgraph(driver, database, flt, max_nodes=max_nodes)
    computed = _compute(compute_communities, graph, method=method, resolution=resolution)
    membership: list[int] = computed["membership"]
    degree: list[int] = computed["degree"]
    cities = city_names(driver, database)

    groups: dict[int, list[int]] = defaultdict(list)
    for index, community in enumerate(membership):
        groups[community].append(index)
    # Renumber by size, largest first, so ids are stable for a given answer.
    ordered = sorted(groups.values(), key=lambda members: (-len(members), members[0]))
    renumber = {membership[members[0]]: i for i, members in enumerate(ordered)}
    found: list[Community] = []
    for i, members in enumerate(ordered[:top_communities]):
        by_degree = sorted(members, key=lambda m: (-degree[m], graph.uids[m]))
        city_counts: Counter[str] = Counter(
            city for city in (graph.cities[m] for m in members) if city is not None
        )
        found.append(
            Community(
                id=i,
                size=len(members),
                labels=dict(Counter(graph.labels[m] for m in members).most_common()),
                cities=[
                    {"uid": uid, "name": cities.get(uid, uid), "count": count}
                    for uid, count in city_counts.most_common(3)
                ],
                members=[
                    RankedNode(graph.uids[m], graph.names[m], graph.labels[m], float(degree[m]))
                    for m in by_degree[:members_per_community]
                ],
            )
        )

    sample = sorted(range(graph.node_count), key=lambda m: (-degree[m], graph.uids[m]))
    chosen = set(sample[:graph_nodes])
    view = Subgraph(capped=graph.node_count > graph_nodes)
    for m in sample[:graph_nodes]:
        view.add_node(
            GraphNode(
                uid=graph.uids[m],
                label=graph.labels[m],
                name=graph.names[m],
                props={"community": renumber[membership[m]], "degree": degree[m]},
            )
        )
    seen_pairs: set[tuple[int, int]] = set()
    for a, b in zip(graph.source, graph.target, strict=True):
        if a in chosen and b in chosen and a != b:
            pair = (min(a, b), max(a, b))
            if pair not in seen_pairs and len(seen_pairs) < graph_nodes * 6:
                seen_pairs.add(pair)
                view.edges.append(
                    GraphEdge(
                        id=f"{graph.uids[a]}>{graph.uids[b]}",
                        type="LINK",
                        source=graph.uids[a],
                        target=graph.uids[b],
                        props={},
                    )
                )
    return CommunityResult(
        nodes=graph.node_count,
        edges=graph.edge_count,
        method=method,
        modularity=round(float(computed["modularity"]), 6),
        count=len(ordered),
        communities=found,
        graph=view,
        read_ms=graph.read_ms,
        compute_ms=float(computed["compute_ms"]),
    )


# --- Industry-chain gaps --------------------------------------------------------------------


@dataclass(frozen=True)
class Strength:
    park: str
    focus: float
    organisations: int
    hosted: int

    @property
    def score(self) -> float:
        share = self.organisations / self.hosted if self.hosted else 0.0
        return FOCUS_SHARE * self.focus + (1 - FOCUS_SHARE) * min(
            1.0, share / ORGANISATION_SATURATION
        )


@dataclass
class ChainGap:
    industry: dict[str, str]  # {uid, name}
    direction: str  # upstream | downstream (of the anchor)
    anchors: list[dict[str, str]]
    own: dict[str, Any]
    peers: list[dict[str, Any]]  # partner/enclave parks strong in it, strongest first
    gap: float


@dataclass
class ChainGapResult:
    park: dict[str, str]
    peers: list[dict[str, str]]
    anchors: list[dict[str, Any]]
    gaps: list[ChainGap]
    candidates: int


def score_chain_gaps(
    *,
    park_uid: str,
    peers: Sequence[dict[str, str]],
    candidates: dict[str, dict[str, Any]],
    strengths: dict[tuple[str, str], Strength],
    min_gap: float = DEFAULT_MIN_GAP,
) -> list[ChainGap]:
    """Candidate industries (up- or downstream of an anchor) where the best partner or enclave
    park is stronger than this park by at least `min_gap`, largest gap first. Pure."""
    gaps: list[ChainGap] = []
    for industry_uid, candidate in candidates.items():
        own = strengths.get((park_uid, industry_uid), Strength(park_uid, 0.0, 0, 0))
        peer_rows: list[dict[str, Any]] = []
        for peer in peers:
            strength = strengths.get((peer["uid"], industry_uid))
            if strength is None or strength.score <= own.score:
                continue
            peer_rows.append(
                {
                    **peer,
                    "focus": strength.focus,
                    "organisations": strength.organisations,
                    "score": round(strength.score, 4),
                }
            )
        if not peer_rows:
            continue
        peer_rows.sort(key=lambda row: (-row["score"], row["uid"]))
        gap = float(peer_rows[0]["score"]) - own.score
        if gap < min_gap:
            continue
        gaps.append(
            ChainGap(
                industry={"uid": industry_uid, "name": candidate["name"]},
                direction=candidate["direction"],
                anchors=candidate["anchors"],
                own={
                    "focus": own.focus,
                    "organisations": own.organisations,
                    "score": round(own.score, 4),
                },
                peers=peer_rows,
                gap=round(gap, 4),
            )
        )
    gaps.sort(key=lambda g: (-g.gap, g.industry["uid"]))
    return gaps


def chain_gaps(
    driver: Driver,
    database: str,
    park_uid: str,
    *,
    min_gap: float = DEFAULT_MIN_GAP,
    anchors_limit: int = 12,
) -> ChainGapResult | None:
    """A park's industry-chain gaps; None if the park is not in the graph."""

    def work(tx: ManagedTransaction) -> ChainGapResult | None:
        head = tx.run(PARK_PEERS_QUERY, park=park_uid).single()
        if head is None:
            return None
        peers = [dict(p) for p in head["peers"]]
        # A park that is both partner and enclave appears once, with both ties.
        merged: dict[str, dict[str, str]] = {}
        for peer in peers:
            known = merged.setdefault(peer["uid"], {"uid": peer["uid"], "name": peer["name"]})
            known["tie"] = "+".join(sorted({*known.get("tie", "").split("+"), peer["tie"]} - {""}))
        peer_list = sorted(merged.values(), key=lambda p: p["uid"])
        anchor_rows = tx.run(PARK_ANCHOR_INDUSTRIES_QUERY, park=park_uid, limit=anchors_limit)
        anchors = [dict(r) for r in anchor_rows]
        anchor_uids = [a["uid"] for a in anchors]
        candidates: dict[str, dict[str, Any]] = {}
        for r in tx.run(CHAIN_NEIGHBOURS_QUERY, anchors=anchor_uids):
            if r["uid"] in anchor_uids:
                continue  # already one of the park's own industries
            entry = candidates.setdefault(
                r["uid"], {"name": r["name"], "direction": r["direction"], "anchors": []}
            )
            if entry["direction"] != r["direction"]:
                entry["direction"] = "both"
            anchor_name = next(a["name"] for a in anchors if a["uid"] == r["anchor"])
            if all(a["uid"] != r["anchor"] for a in entry["anchors"]):
                entry["anchors"].append({"uid": r["anchor"], "name": anchor_name})
        strengths: dict[tuple[str, str], Strength] = {}
        if candidates:
            parks = [park_uid, *(p["uid"] for p in peer_list)]
            for r in tx.run(INDUSTRY_STRENGTH_QUERY, parks=parks, industries=list(candidates)):
                strengths[(r["park"], r["industry"])] = Strength(
                    r["park"], float(r["focus"] or 0.0), int(r["organisations"]), int(r["hosted"])
                )
        return ChainGapResult(
            park={"uid": head["uid"], "name": head["name"]},
            peers=peer_list,
            anchors=anchors,
            gaps=score_chain_gaps(
                park_uid=park_uid,
                peers=peer_list,
                candidates=candidates,
                strengths=strengths,
                min_gap=min_gap,
            ),
            candidates=len(candidates),
        )

    result: ChainGapResult | None = _read(driver, database, work)
    return result


# --- Collaboration matrix -------------------------------------------------------------------


@dataclass
class CollaborationMatrix:
    parks: list[dict[str, Any]]
    cooperation: list[list[int]]  # COOPERATES_WITH between organisations (symmetric)
    supply: list[list[int]]  # SUPPLIES_TO from row park's organisations to column park's
    affiliation: list[list[int]]  # AFFILIATED_WITH (symmetric)
    partner: list[list[int]]  # PARTNER_OF agreements (symmetric)
    enclave: list[list[int]]  # ENCLAVE_OF (row park is the enclave of the column park)
    strength: list[list[float]]  # the sum, agreements weighted PARK_TIE_WEIGHT (symmetric)
    tie_weight: float = PARK_TIE_WEIGHT


def build_matrix(
    parks: list[dict[str, Any]],
    organisation_ties: Sequence[dict[str, Any]],
    park_ties: Sequence[dict[str, Any]],
) -> CollaborationMatrix:
    """Pure: the matrices from tie counts per (source park, target park, type)."""
    n = len(parks)
    at = {p["uid"]: i for i, p in enumerate(parks)}

    def zeros() -> list[list[int]]:
        return [[0] * n for _ in range(n)]

    cooperation, supply, affiliation, partner, enclave = zeros(), zeros(), zeros(), zeros(), zeros()
    for tie in [*organisation_ties, *park_ties]:
        i, j, count = at.get(tie["source"]), at.get(tie["target"]), int(tie["n"])
        if i is None or j is None:
            continue
        kind = tie["type"]
        if kind == RelationType.SUPPLIES_TO:
            supply[i][j] += count
        elif kind == RelationType.ENCLAVE_OF:
            enclave[i][j] += count
        else:
            symmetric = {
                RelationType.COOPERATES_WITH: cooperation,
                RelationType.AFFILIATED_WITH: affiliation,
                RelationType.PARTNER_OF: partner,
            }[RelationType(kind)]
            symmetric[i][j] += count
            if i != j:
                symmetric[j][i] += count
    strength = [
        [
            float(
                cooperation[i][j]
                + affiliation[i][j]
                + supply[i][j]
                + (supply[j][i] if i != j else 0)
                + PARK_TIE_WEIGHT
                * (partner[i][j] + enclave[i][j] + (enclave[j][i] if i != j else 0))
            )
            for j in range(n)
        ]
        for i in range(n)
    ]
    return CollaborationMatrix(parks, cooperation, supply, affiliation, partner, enclave, strength)


def collaboration_matrix(
    driver: Driver,
    database: str,
    *,
    park_uids: Sequence[str] | None = None,
    city_uid: str | None = None,
    alliance_only: bool = False,
    limit: int = 30,
) -> CollaborationMatrix:
    def work(tx: ManagedTransaction) -> CollaborationMatrix:
        parks = [
            dict(r)
            for r in tx.run(
                MATRIX_PARKS_QUERY,
                parks=list(park_uids) if park_uids else None,
                city=city_uid,
                alliance_only=alliance_only,
                limit=limit,
            )
        ]
        uids = [p["uid"] for p in parks]
        organisation_ties = [dict(r) for r in tx.run(ORGANISATION_TIES_QUERY, parks=uids)]
        park_ties = [dict(r) for r in tx.run(PARK_TIES_QUERY, parks=uids)]
        return build_matrix(parks, organisation_ties, park_ties)

    result: CollaborationMatrix = _read(driver, database, work)
    return result


# --- Paths ----------------------------------------------------------------------------------


@dataclass
class PathsResult:
    found: bool
    length: int | None
    paths: list[list[str]]  # each path as the uids along it
    graph: Subgraph
    missing: list[str]


def paths_between(
    driver: Driver,
    database: str,
    source: str,
    target: str,
    *,
    max_hops: int = 6,
    limit: int = 10,
    types: Sequence[str] | None = None,
) -> PathsResult:
    """All shortest paths (up to `limit`) between two entities, optionally only along some
    relationship types. `missing` names endpoints that are not in the graph."""

    def work(tx: ManagedTransaction) -> PathsResult:
        missing = [
            r["uid"] for r in tx.run(ENTITIES_EXIST_QUERY, uids=[source, target]) if not r["found"]
        ]
        graph = Subgraph()
        if missing:
            return PathsResult(False, None, [], graph, missing)
        paths: list[list[str]] = []
        for record in tx.run(
            ALL_SHORTEST_PATHS_QUERIES[max_hops],
            source=source,
            target=target,
            limit=limit,
            types=list(types) if types else None,
        ):
            uids = []
            for n in record["nodes"]:
                uids.append(n["uid"])
                graph.add_node(
                    GraphNode(
                        uid=n["uid"],
                        label=specific_label(n["labels"]),
                        name=str(n["props"].get("name", n["uid"])),
                        props=dict(n["props"]),
                    )
                )
            for r in record["rels"]:
                graph.add_edge(
                    GraphEdge(
                        id=r["id"],
                        type=r["type"],
                        source=r["source"],
                        target=r["target"],
                        props=dict(r["props"]),
                    )
                )
            paths.append(uids)
        graph.capped = len(paths) >= limit
        length = len(paths[0]) - 1 if paths else None
        return PathsResult(bool(paths), length, paths, graph, [])

    result: PathsResult = _read(driver, database, work)
    return result

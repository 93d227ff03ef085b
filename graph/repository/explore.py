"""Explorer reads: subgraphs as dataclasses the API serialises as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.queries.explore import (
    ECOSYSTEM_QUERY,
    ECOSYSTEM_SUMMARY_QUERY,
    EDGES_AMONG_QUERY,
    NEIGHBOURS_STEP_QUERY,
    NODE_QUERY,
    SHORTEST_PATH_QUERIES,
)

_HIDDEN = {"Entity"}


@dataclass(frozen=True)
class GraphNode:
    uid: str
    label: str
    name: str
    props: dict[str, Any]


@dataclass(frozen=True)
class GraphEdge:
    id: str
    type: str
    source: str
    target: str
    props: dict[str, Any]


@dataclass
class Subgraph:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    capped: bool = False

    def add_node(self, node: GraphNode) -> None:
        if all(n.uid != node.uid for n in self.nodes):
            self.nodes.append(node)

    def add_edge(self, edge: GraphEdge) -> None:
        if all(e.id != edge.id for e in self.edges):
            self.edges.append(edge)


def _label(labels: list[str]) -> str:
    """The most specific label: an organisation's kind rather than Organisation."""
    shown = [label for label in labels if label not in _HIDDEN]
    specific = [label for label in shown if label != "Organisation"]
    return (specific or shown or ["Entity"])[0]


def _node(uid: str, labels: list[str], props: dict[str, Any]) -> GraphNode:
    return GraphNode(
        uid=uid, label=_label(labels), name=str(props.get("name", uid)), props=dict(props)
    )


def _edge(record: Any) -> GraphEdge:
    return GraphEdge(
        id=record["id"],
        type=record["type"],
        source=record["source"],
        target=record["target"],
        props=dict(record["rel_props"]),
    )


def _read(driver: Driver, database: str, work: Any, *args: Any) -> Any:
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(work, *args)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc


def find_node(driver: Driver, database: str, uid: str) -> GraphNode | None:
    def work(tx: ManagedTransaction) -> GraphNode | None:
        record = tx.run(NODE_QUERY, uid=uid).single()
        return None if record is None else _node(record["uid"], record["labels"], record["props"])

    result: GraphNode | None = _read(driver, database, work)
    return result


def neighbours(
    driver: Driver,
    database: str,
    uid: str,
    *,
    hops: int,
    limit: int,
    labels: list[str] | None = None,
    city_uid: str | None = None,
    industry_uid: str | None = None,
) -> Subgraph | None:
    """Breadth-first to `hops`, at most `limit` nodes besides the start; None if no such
    node. `capped` says whether the limit cut the answer short."""

    def work(tx: ManagedTransaction) -> Subgraph | None:
        start = tx.run(NODE_QUERY, uid=uid).single()
        if start is None:
            return None
        graph = Subgraph()
        graph.add_node(_node(start["uid"], start["labels"], start["props"]))
        seen, frontier = [uid], [uid]
        for _ in range(hops):
            room = limit + 1 - (len(graph.nodes) - 1)
            if room <= 0 or not frontier:
                break
            records = list(
                tx.run(
                    NEIGHBOURS_STEP_QUERY,
                    frontier=frontier,
                    seen=seen,
                    labels=labels,
                    city=city_uid,
                    industry=industry_uid,
                    limit=room * 4,
                )
            )
            next_frontier: list[str] = []
            for record in records:
                if record["uid"] not in seen:
                    if len(graph.nodes) - 1 >= limit:
                        graph.capped = True
                        break
                    seen.append(record["uid"])
                    next_frontier.append(record["uid"])
                    graph.add_node(_node(record["uid"], record["labels"], record["props"]))
                graph.add_edge(_edge(record))
            frontier = next_frontier
        for record in tx.run(EDGES_AMONG_QUERY, uids=seen, limit=limit * 4):
            graph.add_edge(_edge(record))
        return graph

    result: Subgraph | None = _read(driver, database, work)
    return result


def shortest_path(
    driver: Driver, database: str, source: str, target: str, *, max_hops: int
) -> Subgraph | None:
    """The nodes and edges of one shortest path, or None when none within max_hops."""

    def work(tx: ManagedTransaction) -> Subgraph | None:
        record = tx.run(SHORTEST_PATH_QUERIES[max_hops], source=source, target=target).single()
        if record is None:
            return None
        graph = Subgraph()
        for n in record["nodes"]:
            graph.add_node(_node(n["uid"], n["labels"], n["props"]))
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
        return graph

    result: Subgraph | None = _read(driver, database, work)
    return result


@dataclass
class Ecosystem:
    graph: Subgraph
    hosted: dict[str, int]
    cooperating: int
    partner_parks: int
    enclaves: int


def park_ecosystem(driver: Driver, database: str, uid: str, *, limit: int) -> Ecosystem | None:
    def work(tx: ManagedTransaction) -> Ecosystem | None:
        record = tx.run(ECOSYSTEM_QUERY, uid=uid, limit=limit).single()
        if record is None:
            return None
        graph = Subgraph()
        graph.add_node(_node(record["uid"], record["labels"], record["props"]))
        for part in ("around", "hosted", "linked"):
            items = record[part]
            graph.capped = graph.capped or len(items) >= limit
            for item in items:
                node, rel = item["node"], item["rel"]
                graph.add_node(_node(node["uid"], list(node.labels), dict(node)))
                graph.add_edge(
                    GraphEdge(
                        id=rel.element_id,
                        type=rel.type,
                        source=rel.start_node["uid"],
                        target=rel.end_node["uid"],
                        props=dict(rel),
                    )
                )
        summary = tx.run(ECOSYSTEM_SUMMARY_QUERY, uid=uid).single()
        if summary is None:  # deleted between the two queries
            return None
        return Ecosystem(
            graph=graph,
            hosted={h["kind"]: h["n"] for h in summary["hosted"] if h["kind"]},
            cooperating=summary["cooperating"],
            partner_parks=summary["partner_parks"],
            enclaves=summary["enclaves"],
        )

    result: Ecosystem | None = _read(driver, database, work)
    return result

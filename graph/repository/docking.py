"""Counterparts for a docking posting, read from the graph.

Three reasons, each a named query (graph/queries/docking.py): active in the posting's
industry; cooperating with the owner's partners; hosted by a partner or enclave park of the
owner's park. Reasons add up per organisation (REASON_WEIGHTS); ties go by uid. Only the
industry reason does not walk through the owner: `include_owner_ties=False` (an anonymous
posting seen by someone who may not know its owner) runs that one alone, so no path, name or
uid of the owner can appear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.queries.docking import (
    INDUSTRY_COUNTERPARTS_QUERY,
    PARTNER_COOPERATION_COUNTERPARTS_QUERY,
    PARTNER_PARK_COUNTERPARTS_QUERY,
)

REASON_WEIGHTS: dict[str, float] = {
    "industry": 1.0,
    "partner_cooperation": 0.8,
    "partner_park": 0.6,
}
_HIDDEN_LABELS = {"Entity"}


@dataclass(frozen=True)
class PathNode:
    uid: str
    label: str
    name: str


@dataclass(frozen=True)
class Reason:
    kind: str  # a key of REASON_WEIGHTS
    nodes: list[PathNode]
    rels: list[str]


@dataclass
class Counterpart:
    uid: str
    label: str
    name: str
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)


def _label(labels: list[str]) -> str:
    shown = [label for label in labels if label not in _HIDDEN_LABELS]
    specific = [label for label in shown if label != "Organisation"]
    return (specific or shown or ["Entity"])[0]


def _path_node(raw: dict[str, Any]) -> PathNode:
    return PathNode(
        uid=str(raw["uid"]), label=_label(list(raw["labels"])), name=str(raw["name"] or "")
    )


def recommend_counterparts(
    driver: Driver,
    database: str,
    *,
    owner_uid: str,
    industry_uids: list[str],
    include_owner_ties: bool,
    limit: int = 20,
) -> list[Counterpart]:
    """The best `limit` counterpart organisations, best first, each with its reasons."""
    per_query = max(limit * 3, 30)

    def work(tx: ManagedTransaction) -> list[tuple[str, list[dict[str, Any]]]]:
        batches: list[tuple[str, list[dict[str, Any]]]] = []
        if industry_uids:
            rows = tx.run(
                INDUSTRY_COUNTERPARTS_QUERY,
                industry_uids=industry_uids,
                owner_uid=owner_uid,
                limit=per_query,
            )
            batches.append(("industry", [r.data() for r in rows]))
        if include_owner_ties:
            rows = tx.run(
                PARTNER_COOPERATION_COUNTERPARTS_QUERY, owner_uid=owner_uid, limit=per_query
            )
            batches.append(("partner_cooperation", [r.data() for r in rows]))
            rows = tx.run(
                PARTNER_PARK_COUNTERPARTS_QUERY,
                owner_uid=owner_uid,
                industry_uids=industry_uids,
                limit=per_query,
            )
            batches.append(("partner_park", [r.data() for r in rows]))
        return batches

    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            batches = s.execute_read(work)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc

    found: dict[str, Counterpart] = {}
    for kind, rows in batches:
        for row in rows:
            nodes = [_path_node(n) for n in row["nodes"]]
            counterpart_node = next(n for n in nodes if n.uid == row["uid"])
            counterpart = found.setdefault(
                row["uid"],
                Counterpart(
                    uid=counterpart_node.uid,
                    label=counterpart_node.label,
                    name=counterpart_node.name,
                ),
            )
            if any(r.kind == kind for r in counterpart.reasons):
                continue  # one path per reason is enough to explain it
            counterpart.reasons.append(Reason(kind=kind, nodes=nodes, rels=list(row["rels"])))
            counterpart.score += REASON_WEIGHTS[kind]
    ranked = sorted(found.values(), key=lambda c: (-c.score, c.uid))
    return ranked[:limit]

"""System of record -> graph: batched, idempotent writes.

The caller (backend/network/projection_rows.py) turns rows of the relational database into a
ProjectionBatch of plain dicts; this module knows nothing of Django. Applying the same batch
twice leaves the same graph: nodes are MERGEd by uid, properties replaced whole, derived
relationships replaced, mirrored relationships found by uid and recreated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.labels import ALLIANCE_NAME, ALLIANCE_UID, Label, RelationType
from graph.queries.network import (
    CREATE_ACTIVE_IN_QUERY,
    CREATE_HOSTS_QUERY,
    CREATE_ORGANISATIONS_QUERIES,
    CREATE_PARKS_QUERY,
    CREATE_RELATIONS_QUERIES,
    DELETE_ALL_NETWORK_NODES_QUERY,
    DELETE_INDUSTRY_LINKS_QUERY,
    DELETE_NODES_QUERIES,
    DELETE_RELATIONS_QUERIES,
    SET_INDUSTRY_PARENTS_QUERY,
    UPSERT_CITIES_QUERY,
    UPSERT_INDUSTRIES_QUERY,
    UPSERT_INDUSTRY_LINKS_QUERY,
    UPSERT_ORGANISATIONS_QUERIES,
    UPSERT_PARKS_QUERY,
    UPSERT_RELATIONS_QUERIES,
    UPSERT_ZONES_QUERY,
)

Row = dict[str, Any]
DEFAULT_CHUNK = 5000


@dataclass
class ProjectionBatch:
    cities: list[Row] = field(default_factory=list)
    zones: list[Row] = field(default_factory=list)
    industries: list[Row] = field(default_factory=list)
    industry_links: list[Row] = field(default_factory=list)
    parks: list[Row] = field(default_factory=list)
    organisations: list[Row] = field(default_factory=list)  # each row has "kind"
    relations: list[Row] = field(default_factory=list)  # each row has "type"
    deleted_nodes: dict[Label, list[str]] = field(default_factory=dict)
    deleted_industry_links: list[str] = field(default_factory=list)
    deleted_relations: dict[RelationType, list[str]] = field(default_factory=dict)
    # Set by graph_rebuild: the graph was emptied, so nodes and relationships are created
    # without first looking for old ones.
    into_empty_graph: bool = False

    def delete_node(self, label: Label, uid: str) -> None:
        self.deleted_nodes.setdefault(label, []).append(uid)

    def delete_relation(self, kind: RelationType, uid: str) -> None:
        self.deleted_relations.setdefault(kind, []).append(uid)

    def steps(self) -> Iterator[tuple[str, str, Sequence[Any]]]:
        """(query, parameter name, items) in dependency order: nodes before the
        relationships that need them; relationship deletes before node deletes."""
        yield UPSERT_CITIES_QUERY, "rows", self.cities
        yield UPSERT_ZONES_QUERY, "rows", self.zones
        yield UPSERT_INDUSTRIES_QUERY, "rows", self.industries
        yield SET_INDUSTRY_PARENTS_QUERY, "rows", self.industries
        yield UPSERT_INDUSTRY_LINKS_QUERY, "rows", self.industry_links
        fresh = self.into_empty_graph
        yield (CREATE_PARKS_QUERY if fresh else UPSERT_PARKS_QUERY), "rows", self.parks
        by_kind: dict[str, list[Row]] = {}
        for row in self.organisations:
            by_kind.setdefault(row["kind"], []).append(row)
        organisation_queries = (
            CREATE_ORGANISATIONS_QUERIES if fresh else UPSERT_ORGANISATIONS_QUERIES
        )
        for kind, rows in sorted(by_kind.items()):
            yield organisation_queries[kind], "rows", rows
        if fresh:
            hosts = [
                {"source": row["park_uid"], "target": row["uid"]}
                for row in self.organisations
                if row["park_uid"]
            ]
            active = [
                {"source": row["uid"], "target": industry_uid}
                for row in self.organisations
                for industry_uid in row["industry_uids"]
            ]
            yield CREATE_HOSTS_QUERY, "rows", hosts
            yield CREATE_ACTIVE_IN_QUERY, "rows", active
        by_type: dict[RelationType, list[Row]] = {}
        for row in self.relations:
            by_type.setdefault(RelationType(row["type"]), []).append(row)
        relation_queries = CREATE_RELATIONS_QUERIES if fresh else UPSERT_RELATIONS_QUERIES
        for kind in RelationType:
            if by_type.get(kind):
                yield relation_queries[kind], "rows", by_type[kind]
        for kind in RelationType:
            if self.deleted_relations.get(kind):
                yield DELETE_RELATIONS_QUERIES[kind], "uids", self.deleted_relations[kind]
        yield DELETE_INDUSTRY_LINKS_QUERY, "uids", self.deleted_industry_links
        for label in (Label.ORGANISATION, Label.PARK, Label.INDUSTRY, Label.ZONE, Label.CITY):
            if self.deleted_nodes.get(label):
                yield DELETE_NODES_QUERIES[label], "uids", self.deleted_nodes[label]

    def __len__(self) -> int:
        return sum(len(items) for _, _, items in self.steps()) - len(self.industries)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(tx: ManagedTransaction, query: str, name: str, items: Sequence[Any]) -> None:
    tx.run(
        query,  # named constants, never built from input
        {name: list(items), "alliance_uid": ALLIANCE_UID, "alliance_name": ALLIANCE_NAME},
    ).consume()


def apply_batch(
    driver: Driver, database: str, batch: ProjectionBatch, *, chunk_size: int = DEFAULT_CHUNK
) -> int:
    """Write the batch; returns the number of rows written. Raises GraphUnavailable when
    Neo4j does not answer (the caller keeps its events pending and retries)."""
    written = 0
    try:
        with driver.session(database=database) as session:
            for query, name, items in batch.steps():
                for chunk in _chunks(items, chunk_size):
                    session.execute_write(_write, query, name, chunk)
                    written += len(chunk)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while projecting: {exc}") from exc
    return written


def delete_all_network_nodes(driver: Driver, database: str) -> None:
    """Empty the graph for a rebuild; schema and migration records stay."""
    try:
        with driver.session(database=database) as session:
            session.run(DELETE_ALL_NETWORK_NODES_QUERY).consume()
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while clearing: {exc}") from exc

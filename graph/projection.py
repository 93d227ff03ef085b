"""System of record -> graph: batched, idempotent writes.

The caller (backend/network/projection_rows.py) turns rows of the relational database into a
ProjectionBatch of plain dicts; this module knows nothing of Django. Applying the same batch
twice leaves the same graph: nodes are MERGEd by uid, properties replaced whole, derived
relationships replaced, mirrored relationships found by uid and recreated.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.labels import ALLIANCE_NAME, ALLIANCE_UID, Label, RelationType
from graph.queries.network import (
    CREATE_ACTIVE_IN_BY_ID_QUERY,
    CREATE_ACTIVE_IN_QUERY,
    CREATE_HOSTS_BY_ID_QUERY,
    CREATE_HOSTS_QUERY,
    CREATE_INDUSTRIES_QUERY,
    CREATE_ORGANISATIONS_QUERIES,
    CREATE_PARKS_QUERY,
    CREATE_RELATIONS_BY_ID_QUERIES,
    CREATE_RELATIONS_QUERIES,
    DELETE_ALL_NETWORK_NODES_QUERY,
    DELETE_INDUSTRY_LINKS_QUERY,
    DELETE_NODES_QUERIES,
    DELETE_RELATIONS_QUERIES,
    NODE_ID_QUERIES,
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
# uid -> element id of the nodes a rebuild created (see `apply_batch`).
NodeIds = dict[str, str]


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

    def steps(self, node_ids: NodeIds | None = None) -> Iterator[tuple[str, str, Sequence[Any]]]:
        """(query, parameter name, items) in dependency order: nodes before the
        relationships that need them; relationship deletes before node deletes.

        Into an empty graph with `node_ids`, relationships whose two endpoints have a recorded
        element id are created by id; `node_ids` is read lazily, so ids that the node steps of
        this same batch record (apply_batch fills it as it goes) are used too."""
        yield UPSERT_CITIES_QUERY, "rows", self.cities
        yield UPSERT_ZONES_QUERY, "rows", self.zones
        fresh = self.into_empty_graph
        yield (
            (CREATE_INDUSTRIES_QUERY if fresh else UPSERT_INDUSTRIES_QUERY),
            "rows",
            self.industries,
        )
        yield SET_INDUSTRY_PARENTS_QUERY, "rows", self.industries
        yield UPSERT_INDUSTRY_LINKS_QUERY, "rows", self.industry_links
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
                (row["park_uid"], row["uid"], None) for row in self.organisations if row["park_uid"]
            ]
            active = [
                (row["uid"], industry_uid, None)
                for row in self.organisations
                for industry_uid in row["industry_uids"]
            ]
            yield from _pair_steps(CREATE_HOSTS_QUERY, CREATE_HOSTS_BY_ID_QUERY, hosts, node_ids)
            yield from _pair_steps(
                CREATE_ACTIVE_IN_QUERY, CREATE_ACTIVE_IN_BY_ID_QUERY, active, node_ids
            )
        by_type: dict[str, list[Row]] = {}
        for row in self.relations:
            by_type.setdefault(row["type"], []).append(row)
        for unknown in by_type.keys() - set(RelationType):
            raise ValueError(f"unknown relation type {unknown!r}")
        for kind in RelationType:
            if not by_type.get(kind):
                continue
            if not fresh:
                yield UPSERT_RELATIONS_QUERIES[kind], "rows", by_type[kind]
                continue
            yield from _pair_steps(
                CREATE_RELATIONS_QUERIES[kind],
                CREATE_RELATIONS_BY_ID_QUERIES[kind],
                [(row["source_uid"], row["target_uid"], row) for row in by_type[kind]],
                node_ids,
            )
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


def _pair_steps(
    by_uid_query: str,
    by_id_query: str,
    pairs: Sequence[tuple[str, str, Row | None]],
    node_ids: NodeIds | None,
) -> Iterator[tuple[str, str, Sequence[Any]]]:
    """Relationships to create, as (source uid, target uid, relation row or None): by element
    id where both endpoints have one in `node_ids`, by uid otherwise. The by-uid rows keep
    the shape of the uid queries: the relation row itself, or {source, target}."""
    ids = node_ids if node_ids is not None else {}
    by_id: list[Row] = []
    by_uid: list[Row] = []
    for source, target, row in pairs:
        source_id, target_id = ids.get(source), ids.get(target)
        if source_id is not None and target_id is not None:
            item = {"source_id": source_id, "target_id": target_id}
            if row is not None:
                item["props"] = row["props"]
            by_id.append(item)
        else:
            by_uid.append(row if row is not None else {"source": source, "target": target})
    yield by_id_query, "rows", by_id
    yield by_uid_query, "rows", by_uid


class _Rows(list[Any]):
    """The rows of one statement. The driver builds its debug line for every RUN, logging on
    or off, from repr() of the parameters: for a chunk of 10,000 rows that is megabytes of
    text thrown away, about 5% of a rebuild's time. This short repr keeps the line cheap."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _write(tx: ManagedTransaction, query: str, name: str, items: Sequence[Any]) -> list[list[str]]:
    """Runs one chunk. The create queries of a rebuild return one record holding the
    [uid, element id] pair of each node they created; those pairs are returned, else []."""
    result = tx.run(
        query,  # named constants, never built from input
        {name: _Rows(items), "alliance_uid": ALLIANCE_UID, "alliance_name": ALLIANCE_NAME},
    )
    record = result.single(strict=False)
    return record[0] if record is not None else []


def apply_batch(
    driver: Driver,
    database: str,
    batch: ProjectionBatch,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    node_ids: NodeIds | None = None,
) -> int:
    """Write the batch; returns the number of rows written. Raises GraphUnavailable when
    Neo4j does not answer (the caller keeps its events pending and retries).

    `node_ids` (a rebuild into an empty graph, shared by all its batches): the element ids of
    the nodes the batch creates are added to it, and relationships between nodes found in it
    are created by id."""
    written = 0
    try:
        with driver.session(database=database) as session:
            for query, name, items in batch.steps(node_ids):
                for chunk in _chunks(items, chunk_size):
                    created = session.execute_write(_write, query, name, chunk)
                    if node_ids is not None:
                        node_ids.update((uid, element_id) for uid, element_id in created)
                    written += len(chunk)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while projecting: {exc}") from exc
    return written


def apply_batches(
    driver: Driver,
    database: str,
    batches: Iterable[ProjectionBatch],
    *,
    chunk_size: int = DEFAULT_CHUNK,
    node_ids: NodeIds | None = None,
    ahead: int = 4,
) -> int:
    """apply_batch over a stream of batches (a rebuild), pipelined: a second thread takes the
    batches from `batches` (which may read a database) and prepares each statement's rows,
    up to `ahead` statements in advance, while this thread only sends them and waits for
    Neo4j. Neo4j then waits for Python only on the first chunk and after each statement that
    creates nodes: the preparing stops there until the node ids it returns are recorded.

    If `batches` is a generator it is closed in the preparing thread (so a `finally` in it,
    say closing that thread's database connection, runs there), also when writing fails."""
    todo: queue.Queue[Any] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                todo.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def written_so_far() -> None:
        with todo.all_tasks_done:
            while todo.unfinished_tasks and not stop.is_set():
                todo.all_tasks_done.wait(0.1)

    def prepare() -> None:
        try:
            for batch in batches:
                for query, name, items in batch.steps(node_ids):
                    for chunk in _chunks(items, chunk_size):
                        if not put((query, name, chunk)):
                            return
                        if query in NODE_ID_QUERIES:
                            written_so_far()
            put(_DONE)
        except BaseException as exc:  # handed to the writing thread, which raises it
            put(exc)
        finally:
            if isinstance(batches, Generator):
                batches.close()

    preparer = threading.Thread(target=prepare, name="projection-prepare", daemon=True)
    preparer.start()
    written = 0
    try:
        with driver.session(database=database) as session:
            while (item := todo.get()) is not _DONE:
                if isinstance(item, BaseException):
                    raise item
                query, name, chunk = item
                created = session.execute_write(_write, query, name, chunk)
                if node_ids is not None:
                    node_ids.update((uid, element_id) for uid, element_id in created)
                written += len(chunk)
                todo.task_done()
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while projecting: {exc}") from exc
    finally:
        stop.set()
        preparer.join()
    return written


_DONE = object()


def delete_all_network_nodes(driver: Driver, database: str) -> None:
    """Empty the graph for a rebuild; schema and migration records stay."""
    try:
        with driver.session(database=database) as session:
            session.run(DELETE_ALL_NETWORK_NODES_QUERY).consume()
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while clearing: {exc}") from exc

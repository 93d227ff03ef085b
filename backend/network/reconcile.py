"""Comparing and rebuilding: `manage.py graph_check` and `manage.py graph_rebuild`.

Both use the row builders the outbox drain uses, so "what the graph should hold" has one
definition.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connections, transaction
from django.db.models import Max
from django.utils import timezone

from backend.core.graph import graph_database, graph_driver
from backend.network.graph_lock import graph_writes_exclusive
from backend.network.models import OutboxEvent
from backend.network.projection_rows import (
    BUILDERS,
    NODE_LABEL,
    full_batches,
    industry_link_rows,
    industry_rows,
    organisation_rows,
    park_rows,
    relation_rows,
    zone_rows,
)
from graph.labels import ALLIANCE_UID, ORGANISATION_LABELS, Label
from graph.migrate import apply_migrations
from graph.projection import NodeIds, ProjectionBatch, apply_batches, delete_all_network_nodes
from graph.repository.network import (
    RelKey,
    read_nodes,
    read_relationships,
    relationship_key,
)


@dataclass(frozen=True)
class Difference:
    what: str  # "missing node", "extra node", "node properties", "missing relationship", ...
    key: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.what}: {self.key}" + (f" ({self.detail})" if self.detail else "")


def expected_relationships() -> Counter[RelKey]:
    expected: Counter[RelKey] = Counter()

    def add(type_: str, source: str | None, target: str | None, **props: Any) -> None:
        if source and target:
            expected[relationship_key(type_, source, target, props)] += 1

    for z in zone_rows():
        add("IN_CITY", z["uid"], z["city_uid"])
    for i in industry_rows():
        add("CHILD_OF", i["uid"], i["parent_uid"])
    for link in industry_link_rows():
        add("SUPPLIES", link["source_uid"], link["target_uid"], uid=link["uid"])
    for p in park_rows():
        add("IN_CITY", p["uid"], p["city_uid"])
        add("PART_OF", p["uid"], p["zone_uid"])
        if p["alliance_member"]:
            add("MEMBER_OF", p["uid"], ALLIANCE_UID)
        for focus in p["focus"]:
            add("FOCUSES_ON", p["uid"], focus["industry_uid"], weight=focus["weight"])
    for o in organisation_rows():
        add("HOSTS", o["park_uid"], o["uid"])
        for industry_uid in o["industry_uids"]:
            add("ACTIVE_IN", o["uid"], industry_uid)
    for r in relation_rows():
        add(r["type"], r["source_uid"], r["target_uid"], **r["props"])
    return expected


def _node_differences(entity: str, limit: int) -> list[Difference]:
    label = NODE_LABEL[entity]
    expected = {row["uid"]: row for row in BUILDERS[entity](None)}
    actual = read_nodes(graph_driver(), graph_database(), label)
    found: list[Difference] = []
    for uid in sorted(expected.keys() - actual.keys())[:limit]:
        found.append(Difference("missing node", f"{label}:{uid}"))
    for uid in sorted(actual.keys() - expected.keys())[:limit]:
        found.append(Difference("extra node", f"{label}:{uid}"))
    for uid in sorted(expected.keys() & actual.keys()):
        labels, props = actual[uid]
        want = expected[uid]["props"]
        if props != want:
            changed = sorted(k for k in want.keys() | props.keys() if want.get(k) != props.get(k))
            found.append(Difference("node properties", uid, "differ in " + ", ".join(changed)))
        if label == Label.ORGANISATION:
            kind_label = ORGANISATION_LABELS[expected[uid]["kind"]].value
            if labels != {Label.ORGANISATION.value, "Entity", kind_label}:
                found.append(Difference("node labels", uid, f"{sorted(labels)} != {kind_label}"))
        if len(found) >= limit:
            break
    return found[:limit]


def graph_differences(*, limit: int = 1000) -> list[Difference]:
    """Every difference between the system of record and the graph (up to `limit`)."""
    found: list[Difference] = []
    for entity in NODE_LABEL:
        found += _node_differences(entity, limit - len(found))
        if len(found) >= limit:
            return found
    expected = expected_relationships()
    actual = read_relationships(graph_driver(), graph_database())
    for key, count in sorted((expected - actual).items()):
        found.append(Difference("missing relationship", _describe(key), f"×{count}"))
    for key, count in sorted((actual - expected).items()):
        found.append(Difference("extra relationship", _describe(key), f"×{count}"))
    return found[:limit]


def _describe(key: RelKey) -> str:
    type_, source, target, props = key
    shown = ", ".join(f"{k}={v}" for k, v in props)
    return f"({source})-[:{type_}{' {' + shown + '}' if shown else ''}]->({target})"


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """A rebuild allocates millions of short-lived row dicts and lists; the cyclic garbage
    collector's passes over them took about a third of the rebuild's Python time and found
    nothing (rows hold no reference cycles; reference counting frees them). Paused for the
    rebuild only, and re-enabled even when it fails."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rebuild_batches(chunk: int) -> Iterator[ProjectionBatch]:
    """Everything, for a rebuild; runs in apply_batches' preparing thread, whose database
    connection it closes when done."""
    try:
        yield from full_batches(chunk, into_empty_graph=True)
    finally:
        connections.close_all()


def graph_rebuild(*, chunk: int = 20_000) -> int:
    """Rebuild the graph from the system of record; returns relationships+nodes rows written.

    Events pending when the rebuild starts are marked delivered at the end: the rebuild read
    rows at least as new as those events.
    """
    driver, database = graph_driver(), graph_database()
    with graph_writes_exclusive():  # drains wait: the graph is being recreated
        up_to = OutboxEvent.objects.aggregate(last=Max("id"))["last"] or 0
        apply_migrations(driver, database)
        delete_all_network_nodes(driver, database)
        node_ids: NodeIds = {}
        # Rows are read from the database (its own connection) and shaped in a second thread
        # while this one writes to Neo4j.
        with _cyclic_gc_paused():
            written = apply_batches(
                driver, database, _rebuild_batches(chunk), chunk_size=chunk, node_ids=node_ids
            )
        with transaction.atomic():
            OutboxEvent.objects.filter(delivered_at__isnull=True, id__lte=up_to).update(
                delivered_at=timezone.now()
            )
    return written

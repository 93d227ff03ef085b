"""Reads of the projected network, for graph_check (whole-graph comparisons)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from neo4j import Driver

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.labels import Label
from graph.queries.network import ALL_RELATIONSHIPS_QUERY, NODE_PROPERTIES_QUERIES

RelKey = tuple[str, str, str, tuple[tuple[str, Any], ...]]


def relationship_key(type_: str, source: str, target: str, props: dict[str, Any]) -> RelKey:
    return (type_, source, target, tuple(sorted(props.items())))


def read_nodes(driver: Driver, database: str, label: Label) -> dict[str, tuple[set[str], dict]]:
    """uid -> (labels, properties) of every node with this label."""
    try:
        records, _, _ = driver.execute_query(NODE_PROPERTIES_QUERIES[label], database_=database)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(str(exc)) from exc
    return {r["uid"]: (set(r["labels"]), dict(r["props"])) for r in records}


def read_relationships(driver: Driver, database: str) -> Counter[RelKey]:
    """Every relationship as (type, source uid, target uid, properties), with multiplicity."""
    try:
        with driver.session(database=database) as session:
            result = session.run(ALL_RELATIONSHIPS_QUERY)
            return Counter(
                relationship_key(r["type"], r["source"], r["target"], dict(r["props"]))
                for r in result
            )
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(str(exc)) from exc

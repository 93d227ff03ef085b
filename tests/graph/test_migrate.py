"""The graph's schema is versioned and applying it again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from backend.core.graph import graph_database
from graph.errors import GraphMigrationError
from graph.migrate import apply_migrations, load_migrations, split_statements
from graph.queries.migrations import SCHEMA_CONSTRAINTS_QUERY, SCHEMA_INDEXES_QUERY

LABELS = [
    "City",
    "Zone",
    "Park",
    "Alliance",
    "Organisation",
    "Entity",
    "Industry",
    "Project",
    "Posting",
]


def schema(driver: Driver) -> tuple[list[dict], list[dict]]:
    db = graph_database()
    constraints, _, _ = driver.execute_query(SCHEMA_CONSTRAINTS_QUERY, database_=db)
    indexes, _, _ = driver.execute_query(SCHEMA_INDEXES_QUERY, database_=db)
    return [r.data() for r in constraints], [r.data() for r in indexes]


def test_graph_migrate_applied_twice_leaves_the_same_schema(graph: Driver) -> None:
    apply_migrations(graph, graph_database())
    first = schema(graph)
    assert apply_migrations(graph, graph_database()) == []
    assert schema(graph) == first

    constraints, indexes = first
    unique_uid = {
        c["labelsOrTypes"][0]
        for c in constraints
        if c["type"] == "UNIQUENESS" and c["properties"] == ["uid"]
    }
    assert set(LABELS) <= unique_uid
    fulltext = [i for i in indexes if i["type"] == "FULLTEXT"]
    assert [i["name"] for i in fulltext] == ["name_fulltext"]  # one, over every kind
    # Organisations are found by uid through Organisation or Entity; per-kind uid
    # constraints would only add index entries to every write.
    assert not unique_uid & {"Enterprise", "University", "Lab", "Incubator", "Financier"}


def test_the_migration_command_reports_an_up_to_date_schema(graph: Driver) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("graph_migrate", stdout=out)
    assert "graph schema up to date" in out.getvalue()
    assert "0 new" in out.getvalue()


def test_a_node_written_through_the_driver_is_read_back(graph: Driver) -> None:
    db = graph_database()
    graph.execute_query(
        "CREATE (:Park {uid: $uid, name: $name})", uid="park-1", name="江宁园", database_=db
    )
    records, _, _ = graph.execute_query(
        "MATCH (p:Park {uid: $uid}) RETURN p.name AS name", uid="park-1", database_=db
    )
    assert [r["name"] for r in records] == ["江宁园"]


def test_the_uid_constraint_refuses_a_second_park_with_the_same_uid(graph: Driver) -> None:
    from neo4j.exceptions import ConstraintError

    db = graph_database()
    graph.execute_query("CREATE (:Park {uid: 'p'})", database_=db)
    with pytest.raises(ConstraintError):
        graph.execute_query("CREATE (:Park {uid: 'p'})", database_=db)


def test_chinese_names_are_found_by_the_fulltext_index(graph: Driver) -> None:
    db = graph_database()
    graph.execute_query("CREATE (:Industry {uid: 'i1', name: '集成电路芯片设计'})", database_=db)
    records, _, _ = graph.execute_query(
        "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", database_=db
    )
    records, _, _ = graph.execute_query(
        "CALL db.index.fulltext.queryNodes('name_fulltext', $q) YIELD node "
        "RETURN node.name AS name",
        q="芯片",
        database_=db,
    )
    assert [r["name"] for r in records] == ["集成电路芯片设计"]


def test_an_edited_migration_that_was_applied_is_refused(graph: Driver, tmp_path: Path) -> None:
    db = graph_database()
    original = tmp_path / "V0901__probe.cypher"
    original.write_text("CREATE INDEX probe_a IF NOT EXISTS FOR (n:Probe) ON (n.a);\n")
    try:
        assert [m.version for m in apply_migrations(graph, db, tmp_path)] == [901]
        original.write_text("CREATE INDEX probe_b IF NOT EXISTS FOR (n:Probe) ON (n.b);\n")
        with pytest.raises(GraphMigrationError, match="changed after it was applied"):
            apply_migrations(graph, db, tmp_path)
    finally:
        graph.execute_query("DROP INDEX probe_a IF EXISTS", database_=db)
        graph.execute_query("MATCH (m:GraphMigration {version: 901}) DELETE m", database_=db)


def test_statements_split_on_semicolons_and_skip_comments() -> None:
    text = "// a comment;\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nRETURN 1;\n"
    assert split_statements(text) == (
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
        "RETURN 1",
    )


def test_the_shipped_migrations_load_in_version_order() -> None:
    versions = [m.version for m in load_migrations()]
    assert versions == sorted(versions) and versions[0] == 1

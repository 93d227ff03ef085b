"""Backups: the operator backs up the system of record, restores it into an empty PostgreSQL
database and an empty Neo4j on another "machine" (a fresh database, data directory and graph),
and finds every row, every uploaded file and the whole graph again."""

from __future__ import annotations

import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from neo4j import Driver
from psycopg import sql

from backend.core.graph import graph_database
from backend.network import services
from backend.network.models import Organisation, Park, Relation
from backend.network.outbox import outbox_drain
from backend.network.reconcile import graph_rebuild
from tests.support.graph import COUNT_NODES_QUERY, clean_graph
from tests.support.network import SmallNetwork, network  # noqa: F401 - the fixture
from tests.support.processes import ROOT, subprocess_env

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A new, empty PostgreSQL database on the same server; dropped afterwards."""
    name = f"ningju_restore_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')  # generated name, no input
    yield name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _manage(*args: str, database: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    env = subprocess_env(DATABASE_URL=_url(database), NINGJU_VAR_DIR=str(var_dir))
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _count(database: str, table: str) -> int:
    with psycopg.connect(_url(database)) as db:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        row = db.execute(query).fetchone()
        return int(row[0]) if row else 0


def test_a_backup_restores_into_empty_stores_with_everything_in_it(
    network: SmallNetwork,  # noqa: F811 - fixture argument
    graph: Driver,
    empty_database: str,
    tmp_path: Path,
) -> None:
    services.relation_create(kind="COOPERATES_WITH", source=network.nju, target=network.chipco)
    outbox_drain()  # waits for a worker's drain in progress, so no drain races the rebuild
    graph_rebuild()  # the old machine's graph: everything in its database
    attachment = Path(settings.MEDIA_ROOT) / "backup-test" / "会议材料.pdf"
    attachment.parent.mkdir(parents=True, exist_ok=True)
    attachment.write_bytes(b"%PDF-1.4 minutes of the joint meeting")
    graph_before = graph.execute_query(COUNT_NODES_QUERY, database_=graph_database())
    nodes_before = int(graph_before.records[0]["n"])
    backup = tmp_path / "backup"
    call_command("backup_create", str(backup))
    assert {p.name for p in backup.iterdir()} == {"manifest.json", "database.dump", "media.tar.gz"}

    clean_graph(graph, graph_database())  # the other machine's Neo4j is empty too
    other_var = tmp_path / "other-machine"
    restored = _manage("backup_restore", str(backup), database=empty_database, var_dir=other_var)
    assert restored.returncode == 0, restored.stderr

    assert _count(empty_database, "network_park") == Park.objects.count() > 0
    assert _count(empty_database, "network_organisation") == Organisation.objects.count() > 0
    assert _count(empty_database, "network_relation") == Relation.objects.count() > 0
    graph_after = graph.execute_query(COUNT_NODES_QUERY, database_=graph_database())
    assert int(graph_after.records[0]["n"]) == nodes_before
    check = _manage("graph_check", database=empty_database, var_dir=other_var)
    assert check.returncode == 0, check.stdout + check.stderr
    restored_file = other_var / "media" / "backup-test" / "会议材料.pdf"
    assert restored_file.read_bytes() == attachment.read_bytes()
    attachment.unlink()


def test_restore_refuses_a_database_that_already_holds_data(
    network: SmallNetwork,  # noqa: F811 - fixture argument
    graph: Driver,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "backup"
    call_command("backup_create", str(backup))
    parks = Park.objects.count()
    db_name = str(settings.DATABASES["default"]["NAME"])
    refused = _manage("backup_restore", str(backup), database=db_name, var_dir=tmp_path / "var")
    assert refused.returncode != 0
    assert "empty database" in refused.stderr
    assert Park.objects.count() == parks


def test_a_backup_needs_a_new_directory_and_a_restore_a_real_backup(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "notes.txt").write_text("keep me")
    with pytest.raises(Exception, match="not empty"):
        call_command("backup_create", str(tmp_path / "old"))
    not_a_backup = _manage(
        "backup_restore", str(tmp_path / "old"), database="postgres", var_dir=tmp_path / "var"
    )
    assert not_a_backup.returncode != 0
    assert "not a backup" in not_a_backup.stderr

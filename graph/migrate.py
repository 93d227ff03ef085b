"""Versioned, idempotent schema migrations for the graph (`manage.py graph_migrate`).

Files are `migrations/V<version>__<name>.cypher`, statements separated by `;` at line end,
`//` comments allowed. Each statement must be idempotent (`IF NOT EXISTS`): a run that stops
half-way is finished by the next one. Applied versions are recorded as `(:GraphMigration)`
nodes with a checksum; editing an applied file is refused rather than silently ignored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphMigrationError, GraphUnavailable
from graph.queries.migrations import (
    APPLIED_MIGRATIONS_QUERY,
    MIGRATION_VERSION_CONSTRAINT_QUERY,
    RECORD_MIGRATION_QUERY,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_FILE_NAME = re.compile(r"^V(?P<version>\d{4})__(?P<name>[a-z0-9_]+)\.cypher$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    checksum: str


def split_statements(text: str) -> tuple[str, ...]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    chunks = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return tuple(chunk.strip() for chunk in chunks if chunk.strip())


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations: list[Migration] = []
    for path in sorted(directory.glob("*.cypher")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise GraphMigrationError(
                f"{path.name}: migration files are named V0001__lower_snake_name.cypher"
            )
        text = path.read_text(encoding="utf-8")
        statements = split_statements(text)
        if not statements:
            raise GraphMigrationError(f"{path.name} holds no statements")
        migrations.append(
            Migration(
                version=int(match["version"]),
                name=match["name"],
                statements=statements,
                checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise GraphMigrationError(f"duplicate migration versions in {directory}")
    return migrations


def applied_migrations(driver: Driver, database: str) -> dict[int, str]:
    """Version -> checksum of every migration already recorded in the graph."""
    records, _, _ = driver.execute_query(APPLIED_MIGRATIONS_QUERY, database_=database)
    return {int(r["version"]): str(r["checksum"]) for r in records}


def apply_migrations(
    driver: Driver, database: str, directory: Path = MIGRATIONS_DIR
) -> list[Migration]:
    """Apply every migration not yet recorded; returns those applied by this call."""
    migrations = load_migrations(directory)
    try:
        driver.execute_query(MIGRATION_VERSION_CONSTRAINT_QUERY, database_=database)
        done = applied_migrations(driver, database)
        applied: list[Migration] = []
        for migration in migrations:
            recorded = done.get(migration.version)
            if recorded is not None:
                if recorded != migration.checksum:
                    raise GraphMigrationError(
                        f"V{migration.version:04d}__{migration.name} changed after it was "
                        "applied; add a new migration instead of editing an applied one"
                    )
                continue
            # Schema statements cannot share a transaction with writes: one each.
            for statement in migration.statements:
                driver.execute_query(statement, database_=database)
            driver.execute_query(
                RECORD_MIGRATION_QUERY,
                version=migration.version,
                name=migration.name,
                checksum=migration.checksum,
                database_=database,
            )
            applied.append(migration)
        return applied
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer while migrating: {exc}") from exc

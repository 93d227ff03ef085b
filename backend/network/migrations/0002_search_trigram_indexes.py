"""Trigram indexes so `search_key LIKE %term%` uses an index on PostgreSQL (100,000
organisations). SQLite (make run's default) has no such index type and scans instead."""

from __future__ import annotations

from typing import Any

from django.db import migrations

TABLES = ["network_park", "network_organisation", "network_industry"]


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm "  # noqa: S608 - fixed names
            f"ON {table} USING gin (search_key gin_trgm_ops)"
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]

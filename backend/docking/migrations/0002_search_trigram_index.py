"""A trigram index so `search_text LIKE %term%` (Chinese or Latin) uses an index on
PostgreSQL. SQLite (make run's default) has no such index type and scans instead."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS docking_posting_search_trgm "
        "ON docking_posting USING gin (search_text gin_trgm_ops)"
    )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS docking_posting_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("docking", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]

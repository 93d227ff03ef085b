from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from backend.core.graph import graph_database, graph_driver
from graph.errors import GraphError
from graph.migrate import apply_migrations, load_migrations


class Command(BaseCommand):
    help = "Apply the graph's versioned schema migrations (graph/migrations/V*.cypher)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            applied = apply_migrations(graph_driver(), graph_database())
        except GraphError as exc:
            raise CommandError(str(exc)) from exc
        total = len(load_migrations())
        for migration in applied:
            self.stdout.write(f"applied V{migration.version:04d}__{migration.name}")
        self.stdout.write(f"graph schema up to date ({total} migration(s), {len(applied)} new)")

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.network.reconcile import graph_rebuild
from graph.errors import GraphError


class Command(BaseCommand):
    help = "Rebuild the Neo4j graph from scratch from the system of record."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk", type=int, default=20_000, help="rows per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            written = graph_rebuild(chunk=options["chunk"])
        except GraphError as exc:
            raise CommandError(f"Neo4j unavailable: {exc}") from exc
        self.stdout.write(
            f"graph rebuilt: {written} rows projected in {time.perf_counter() - started:.1f}s"
        )

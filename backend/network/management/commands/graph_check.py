from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.network.outbox import outbox_pending_count
from backend.network.reconcile import graph_differences
from graph.errors import GraphError


class Command(BaseCommand):
    help = (
        "List every difference between the system of record and the Neo4j graph. "
        "Exit status 1 if there is any."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=1000, help="stop after N differences")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            differences = graph_differences(limit=options["limit"])
        except GraphError as exc:
            raise CommandError(f"Neo4j unavailable: {exc}") from exc
        pending = outbox_pending_count()
        for difference in differences:
            self.stdout.write(str(difference))
        if pending:
            self.stdout.write(f"{pending} outbox event(s) still pending (graph_sync drains them)")
        if differences:
            self.stdout.write(f"{len(differences)} difference(s)")
            sys.exit(1)
        self.stdout.write("graph matches the system of record")

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from backend.network.outbox import outbox_drain
from graph.errors import GraphError


class Command(BaseCommand):
    help = "Drain pending outbox events into Neo4j now (what the Celery task does)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            delivered = outbox_drain()
        except GraphError as exc:
            raise CommandError(f"Neo4j unavailable; events stay pending: {exc}") from exc
        self.stdout.write(f"{delivered} event(s) delivered")

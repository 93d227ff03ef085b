from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from backend.docking.demo import docking_demo_seed


class Command(BaseCommand):
    help = "Create the demo docking postings and one request (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = docking_demo_seed()
        self.stdout.write(f"docking: {created} demo postings created")

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from backend.alliance.services import alliance_seed


class Command(BaseCommand):
    help = "Make every park flagged alliance_member a member of the alliance (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        added = alliance_seed()
        self.stdout.write(f"alliance: {added} member parks added")

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from backend.accounts.demo import demo_accounts_ensure
from backend.network.demo.load import demo_seed


class Command(BaseCommand):
    help = (
        "Load the curated demo data of the Nanjing metropolitan circle (cities, 南京高新区 and "
        "its parks, the circle's high-tech zones, enclave and partner parks, industries, labs, "
        "universities). Idempotent; quick when nothing changed. Then the demo accounts, where "
        "they are enabled."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        result = demo_seed()
        elapsed = time.perf_counter() - started
        state = result.summary() if result.wrote_anything else "already up to date"
        self.stdout.write(f"demo data: {state} ({elapsed:.2f}s)")
        if settings.DEMO_ACCOUNTS_ENABLED:
            created = demo_accounts_ensure()
            if created:
                self.stdout.write(f"demo accounts created: {', '.join(created)}")

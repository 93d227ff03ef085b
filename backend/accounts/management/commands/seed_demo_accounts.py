from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backend.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_ensure


class Command(BaseCommand):
    help = "Create the documented demo accounts (one per role). Refused in production."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_ACCOUNTS_ENABLED:
            raise CommandError(
                "Demo accounts are disabled here "
                "(NINGJU_DEMO_ACCOUNTS is off; always so in production)."
            )
        created = demo_accounts_ensure()
        for account in DEMO_ACCOUNTS:
            state = "created" if account.username in created else "exists"
            self.stdout.write(f"{account.username:<18} {account.role:<12} {state}")
        self.stdout.write(f"password for all demo accounts: {DEMO_PASSWORD}")

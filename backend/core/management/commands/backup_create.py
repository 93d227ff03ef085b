from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the system of record (database and uploaded files) into a new directory. "
        "Neo4j is not backed up: backup_restore rebuilds it from the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="a new or empty directory")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(options["directory"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"backup of {rows} rows ({manifest['engine']}) in {options['directory']}")

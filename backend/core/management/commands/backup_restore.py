from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.core.backup import BackupError, backup_restore
from graph.errors import GraphError


class Command(BaseCommand):
    help = (
        "Restore a backup_create directory into an empty database, unpack the uploaded files, "
        "rebuild Neo4j from the restored rows and check the row counts against the backup."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="a directory written by backup_create")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup_restore(options["directory"])
        except (BackupError, GraphError) as exc:
            raise CommandError(str(exc)) from exc
        for label, (expected, found) in sorted(report.mismatches.items()):
            self.stderr.write(f"{label}: {expected} rows in the backup, {found} restored")
        if report.mismatches:
            raise CommandError("restore incomplete: row counts differ from the backup")
        rows = sum(report.counts.values())
        self.stdout.write(
            f"restored {rows} rows; graph rebuilt ({report.graph_rows} nodes and relationships)"
        )

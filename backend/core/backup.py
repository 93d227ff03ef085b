"""Backup and restore of the system of record; the graph is rebuilt from it, never backed up.

A backup is a directory:
    manifest.json     when, which engine, row counts per model (checked after a restore)
    database.dump     PostgreSQL custom-format dump (pg_dump -Fc), or
    database.sqlite3  an online copy of the SQLite file (sqlite3 backup API)
    media.tar.gz      uploaded files (attachments), if any

Restore goes into an empty database of the same engine (refused otherwise), applies any newer
migrations, unpacks the media, rebuilds Neo4j with graph_rebuild and compares row counts with
the manifest. The PostgreSQL client tools come from the same install as the server
(/usr/lib/postgresql/<v>/bin) or PATH.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection

MANIFEST = "manifest.json"
PG_DUMP_FILE = "database.dump"
SQLITE_FILE = "database.sqlite3"
MEDIA_FILE = "media.tar.gz"
FORMAT_VERSION = 1
# Apps whose rows a restore must bring back exactly (sessions and the like may differ).
COUNTED_APPS = ("accounts", "network", "matching", "alliance", "docking", "research")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says what to do."""


@dataclass(frozen=True)
class RestoreReport:
    counts: dict[str, int]
    mismatches: dict[str, tuple[int, int]]  # model -> (in manifest, after restore)
    graph_rows: int


def _engine() -> str:
    engine = str(connection.settings_dict["ENGINE"])
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"unsupported database engine {engine}")


def _pg_tool(name: str) -> str:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    found = candidates[-1] if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools")
    return found


def _pg_args() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore (password via PGPASSWORD,
    never on the command line)."""
    db = connection.settings_dict
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def model_counts() -> dict[str, int]:
    counts = {}
    for app_label in COUNTED_APPS:
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in config.get_models():
            counts[model._meta.label] = model._default_manager.count()
    return counts


def _run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed: {result.stderr.strip()[-2000:]}")


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the sqlite3 online backup API)."""
    with closing(sqlite3.connect(str(source))) as src, closing(sqlite3.connect(str(target))) as dst:
        src.backup(dst)


def backup_create(target: Path) -> dict[str, Any]:
    """Write a backup into `target` (created; must be empty). Returns the manifest."""
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty; choose a new directory")
    engine = _engine()
    if engine == "postgresql":
        args, env = _pg_args()
        _run(
            [
                _pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--file",
                str(target / PG_DUMP_FILE),
                *args,
            ],
            env,
        )
    else:
        _sqlite_copy(Path(connection.settings_dict["NAME"]), target / SQLITE_FILE)
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
            archive.add(media, arcname="media")
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "engine": engine,
        "counts": model_counts(),
        "media": (target / MEDIA_FILE).exists(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise BackupError(f"{source} holds no {MANIFEST}: not a backup") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"backup format {manifest.get('format')} is not {FORMAT_VERSION}")
    return dict(manifest)


def _database_is_empty() -> bool:
    tables = connection.introspection.table_names()
    if "network_park" not in tables:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM network_park")  # fixed SQL, no input
        return int(cursor.fetchone()[0]) == 0


def backup_restore(source: Path) -> RestoreReport:
    """Restore `source` into the configured (empty) database and media directory, then
    rebuild Neo4j from it. Raises BackupError before writing anything if it cannot."""
    from backend.network.reconcile import graph_rebuild

    manifest = read_manifest(source)
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(f"backup is of {manifest['engine']}, this database is {engine}")
    if not _database_is_empty():
        raise BackupError("the database already holds data: restore into an empty database")
    if engine == "postgresql":
        args, env = _pg_args()
        connection.close()
        _run(
            [
                _pg_tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--clean",
                "--if-exists",
                *args,
                str(source / PG_DUMP_FILE),
            ],
            env,
        )
    else:
        connection.close()
        _sqlite_copy(source / SQLITE_FILE, Path(connection.settings_dict["NAME"]))
    call_command("migrate", verbosity=0)
    if manifest.get("media"):
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / MEDIA_FILE, "r:gz") as archive:
            members = [m for m in archive.getmembers() if m.name.startswith("media/")]
            for member in members:
                member.name = member.name.removeprefix("media/")
            archive.extractall(media, members=[m for m in members if m.name], filter="data")
    graph_rows = graph_rebuild()
    counts = model_counts()
    expected: dict[str, int] = manifest["counts"]
    mismatches = {
        label: (count, counts.get(label, 0))
        for label, count in expected.items()
        if counts.get(label, 0) != count
    }
    return RestoreReport(counts, mismatches, graph_rows)

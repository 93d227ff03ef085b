"""Start the platform's own processes (Daphne, a Celery worker) against the test database.

pytest-django creates the test database under another name; the subprocesses are pointed at it
through DATABASE_URL so they see what a transactional test commits.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="backend.config.settings.test",
        DATABASE_URL=test_database_url(),
        PYTHONUNBUFFERED="1",
        # A transactional test's flush (TRUNCATE of every table) can meet a worker or Daphne
        # query holding a table lock: PostgreSQL then breaks the deadlock by failing whoever
        # detects it first. A short deadlock_timeout in the subprocesses makes them the one
        # that gives way (their work is retried or irrelevant), never the test's flush.
        PGOPTIONS="-c deadlock_timeout=50ms",
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited early with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listened on port {port} within {timeout}s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def end_other_sessions() -> None:
    """PostgreSQL notices a dead client's connection a little late; the test database can only
    be dropped at the end of the run once no other session holds it."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@contextmanager
def running_daphne(log_dir: Path, *, name: str = "daphne") -> Iterator[str]:
    """Serve the ASGI app (HTTP + websockets) on a free port; yields its base URL.

    Several may run at once (tests/deploy: two Daphne processes on one Redis), each with its
    own `name` for its log file."""
    port = free_port()
    log = (log_dir / f"{name}.log").open("wb")
    process = subprocess.Popen(
        [
            str(BIN / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "backend.config.asgi:application",
        ],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, process, timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)
        log.close()


@contextmanager
def running_celery_worker(log_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker consuming from the Redis broker the test command started."""
    from backend.config.celery import app

    # Tasks queued by earlier tests that ran without a worker belong to their (rolled back)
    # data; run now, they would rank and notify inside this test's world.
    app.control.purge()
    log = (log_dir / "celery-worker.log").open("wb")
    process = subprocess.Popen(
        [
            str(BIN / "celery"),
            "-A",
            "backend.config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "the Celery worker did not come up:\n"
                    + (log_dir / "celery-worker.log").read_text(errors="replace")[-3000:]
                )
        yield process
    finally:
        _stop(process)
        log.close()

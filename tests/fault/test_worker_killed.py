"""A Celery worker process dies in the middle of projecting a large backlog into Neo4j: the
broker hands the task out again (acks late, rejected on worker loss), it runs to the end, and
the graph holds every change exactly once."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from kombu.exceptions import OperationalError
from neo4j import Driver
from redis.exceptions import ConnectionError as RedisConnectionError

from backend.config.celery import app
from backend.core.graph import graph_database
from backend.network.models import City, Organisation, OutboxEvent
from backend.network.outbox import outbox_pending_count
from backend.network.reconcile import graph_differences
from backend.network.tasks import drain_outbox
from tests.support.processes import BIN, ROOT, subprocess_env

pytestmark = pytest.mark.django_db(transaction=True)

BACKLOG = 12_000  # enterprises waiting for the graph: several drain batches
QUEUE = "fault-worker-killed"  # this test's own queue: no other worker takes the task
DID_NOT_HANG_S = 120
ORGS_IN_GRAPH = "MATCH (o:Organisation) WHERE o.uid STARTS WITH 'org:' RETURN count(o) AS n"


@pytest.fixture
def prefork_worker(tmp_path: Path) -> Iterator[tuple[psutil.Process, Path]]:
    """A worker as in production (prefork pool), consuming only this test's queue."""
    log = tmp_path / "worker.log"
    node = f"fault-{time.monotonic_ns()}@{socket.gethostname()}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "backend.config",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
                "-Q",
                QUEUE,
                "-n",
                node,
            ],
            cwd=ROOT,
            env=subprocess_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + DID_NOT_HANG_S
            while not _answers(node):
                assert process.poll() is None, log.read_text(errors="replace")[-3000:]
                assert time.monotonic() < deadline, "the worker did not come up"
            yield psutil.Process(process.pid), log
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _answers(node: str) -> bool:
    try:
        return bool(app.control.ping(destination=[node], timeout=0.5))
    except (RedisConnectionError, OperationalError):
        # A broker connection kept from before a Redis restart (an earlier fault test) is
        # dropped on first use; the next ping opens a fresh one.
        return False


def _backlog() -> None:
    city = City.objects.create(name="芜湖", province="安徽", name_en="Wuhu")
    rows = [
        Organisation(name=f"芜湖测试企业{n:05d}", kind="enterprise", city=city, is_synthetic=True)
        for n in range(BACKLOG)
    ]
    created = Organisation.objects.bulk_create(rows, batch_size=2000)
    # The events without the usual drain on commit: only this test's worker may take them.
    OutboxEvent.objects.bulk_create(
        [OutboxEvent(entity="City", entity_id=city.pk, op="upsert")]
        + [OutboxEvent(entity="Organisation", entity_id=o.pk, op="upsert") for o in created],
        batch_size=5000,
    )


def test_a_worker_killed_mid_drain_leaves_nothing_lost_or_doubled(
    graph: Driver, prefork_worker: tuple[psutil.Process, Path]
) -> None:
    worker, log = prefork_worker
    _backlog()
    assert outbox_pending_count() >= BACKLOG
    result = drain_outbox.apply_async(queue=QUEUE)

    # Wait until the pool process is in the middle of it: some batches in, some not.
    deadline = time.monotonic() + DID_NOT_HANG_S
    while time.monotonic() < deadline and outbox_pending_count() > BACKLOG - 1:
        time.sleep(0.05)
    children = worker.children()
    assert children, log.read_text(errors="replace")[-3000:]
    pending_at_kill = outbox_pending_count()
    for child in children:
        child.kill()
    assert 0 < pending_at_kill < BACKLOG, "killed in the middle, not before or after"

    while time.monotonic() < deadline and outbox_pending_count() > 0:
        time.sleep(0.2)
    assert outbox_pending_count() == 0, "the task ran again after the worker was lost"
    assert "WorkerLostError" in log.read_text(errors="replace")
    records = graph.execute_query(ORGS_IN_GRAPH, database_=graph_database()).records
    assert int(records[0]["n"]) == Organisation.objects.count() == BACKLOG
    assert OutboxEvent.objects.filter(delivered_at__isnull=True).count() == 0
    assert graph_differences(limit=10) == []
    assert result.id

"""A PostgreSQL read replica: heavy reads go to the `replica` alias, everything else stays on
`default`. Proven in a separate process whose settings name a replica (DATABASE_REPLICA_URL),
here the test database itself under a second alias, as Django's TEST MIRROR would have it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from backend.config.db_router import ReplicaRouter, read_alias, replica_reads
from backend.network.models import Park
from tests.support import processes

PROBE = r"""
import json
import django
django.setup()
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.config.db_router import ReplicaReadsMiddleware, replica_reads
from backend.network.models import Park

def used(work):
    with CaptureQueriesContext(connections["default"]) as primary, \
         CaptureQueriesContext(connections["replica"]) as replica:
        result = work()
    writes = [q["sql"] for q in replica.captured_queries
              if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    return {"result": result, "primary": len(primary), "replica": len(replica),
            "replica_writes": len(writes)}

def on_replica(work):
    with replica_reads():
        return work()

def count():
    return Park.objects.filter(name="溧阳园").count()

def write():
    Park.objects.create(name="写入的园区")
    return True

def read_in_transaction():
    with transaction.atomic():
        return Park.objects.filter(name="溧阳园").count()

def view(request):
    return HttpResponse(str(count()))

middleware = ReplicaReadsMiddleware(view)
factory = RequestFactory()
report = {
    "aliases": sorted(settings.DATABASES),
    "routers": settings.DATABASE_ROUTERS,
    "mirror": settings.DATABASES["replica"]["TEST"]["MIRROR"],
    "plain_read": used(count),
    "replica_read": used(lambda: on_replica(count)),
    "replica_write": used(lambda: on_replica(write)),
    "replica_in_transaction": used(lambda: on_replica(read_in_transaction)),
    "replica_user_read": used(lambda: on_replica(lambda: User.objects.count() >= 0)),
    "heavy_get": used(lambda: middleware(factory.get("/api/network/export")).content.decode()),
    "heavy_post": used(lambda: middleware(factory.post("/api/network/export")).content.decode()),
    "other_get": used(lambda: middleware(factory.get("/api/network/parks")).content.decode()),
}
print("REPORT " + json.dumps(report))
"""


@pytest.mark.django_db(transaction=True)
def test_heavy_reads_go_to_the_replica_and_everything_else_to_the_primary() -> None:
    Park.objects.create(name="溧阳园")  # committed: both aliases see it
    url = processes.test_database_url()

    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=processes.ROOT,
        env=processes.subprocess_env(DATABASE_URL=url, DATABASE_REPLICA_URL=url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("REPORT "))
    report = json.loads(line.removeprefix("REPORT "))

    assert report["aliases"] == ["default", "replica"]
    assert report["routers"] == ["backend.config.db_router.ReplicaRouter"]
    assert report["mirror"] == "default"
    # Ordinary reads: primary.
    assert report["plain_read"] == {"result": 1, "primary": 1, "replica": 0, "replica_writes": 0}
    # Marked heavy: replica, and it sees what the primary committed.
    assert report["replica_read"] == {"result": 1, "primary": 0, "replica": 1, "replica_writes": 0}
    # Writes, reads inside a transaction, and who is signed in: always the primary.
    assert report["replica_write"]["replica_writes"] == 0
    assert report["replica_write"]["primary"] >= 1
    assert report["replica_in_transaction"]["replica"] == 0
    assert report["replica_user_read"]["replica"] == 0
    # The middleware: GET of a heavy path on the replica, a POST or another path not.
    assert report["heavy_get"] == {"result": "1", "primary": 0, "replica": 1, "replica_writes": 0}
    assert report["heavy_post"]["replica"] == 0
    assert report["other_get"]["replica"] == 0


def test_without_a_replica_every_read_uses_the_primary() -> None:
    with replica_reads():
        assert read_alias() == "default"
    assert ReplicaRouter().db_for_write(Park) == "default"
    assert ReplicaRouter().allow_migrate("replica", "network") is False
    assert ReplicaRouter().allow_migrate("default", "network") is True

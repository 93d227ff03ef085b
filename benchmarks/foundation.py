"""Foundation figures: Bolt round trip, an authenticated API request through the whole Django
stack, a Redis channel-layer round trip, and an idempotent graph_migrate."""

from __future__ import annotations

import time
import uuid

from benchmarks.lib import Report, median, percentile, sample_ms


def run() -> Report:
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from backend.accounts.demo import demo_accounts_ensure
    from backend.accounts.models import User
    from backend.core.graph import graph_database, graph_driver
    from graph.driver import ping
    from graph.migrate import apply_migrations

    report = Report("Foundation: round trips through the real parts")
    driver, db = graph_driver(), graph_database()

    started = time.perf_counter()
    apply_migrations(driver, db)
    report.add(
        "graph_migrate (first run, or already applied)",
        (time.perf_counter() - started) * 1000,
        "ms",
    )
    started = time.perf_counter()
    apply_migrations(driver, db)
    report.add("graph_migrate (already applied)", (time.perf_counter() - started) * 1000, "ms")

    bolt = sample_ms(lambda: ping(driver, db), runs=500)
    report.add("Neo4j Bolt round trip p50", median(bolt), "ms", "RETURN 1, 500 runs")
    report.add("Neo4j Bolt round trip p95", percentile(bolt, 95), "ms")

    call_command("migrate", verbosity=0)
    demo_accounts_ensure()
    user = User.objects.get(username="demo-park")
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient(HTTP_HOST="127.0.0.1")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    def get_me() -> None:
        response = client.get("/api/me")
        if response.status_code != 200:  # a figure for an error page would be meaningless
            raise RuntimeError(f"/api/me answered {response.status_code}")

    api = sample_ms(get_me, runs=300)
    report.add("GET /api/me (token) p50", median(api), "ms", "in-process Django, 300 runs")
    report.add("GET /api/me (token) p95", percentile(api, 95), "ms")

    layer = get_channel_layer()

    async def round_trips(runs: int) -> list[float]:
        # One event loop for all runs: channels-redis keeps per-loop connections.
        channel = await layer.new_channel()
        samples = []
        for _ in range(runs + 10):
            started = time.perf_counter()
            await layer.send(channel, {"type": "bench", "id": uuid.uuid4().hex})
            await layer.receive(channel)
            samples.append((time.perf_counter() - started) * 1000)
        return samples[10:]

    layer_ms = async_to_sync(round_trips)(300)
    report.add(f"{type(layer).__name__} send+receive p50", median(layer_ms), "ms", "300 runs")
    report.add(f"{type(layer).__name__} send+receive p95", percentile(layer_ms, 95), "ms")
    return report

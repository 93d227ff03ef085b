"""Notifications fan-out: 1,000 concurrent websocket clients on one Daphne process with a
Redis channel layer, and beside it the same delivery on bare Redis pub/sub as the floor.

Figures: connect time (handshake to welcome) and ready time (to the end of the hello replay),
Daphne's memory per open connection (RSS before/after), notify() for 1,000 recipients (rows,
before commit), the push after commit, and delivery latency from commit to each client's
receipt of its own notification, p50/p95 over several rounds. The floor is one PUBLISH per
user channel to 1,000 subscribed connections, timed from the first publish. Ratios are
Channels over the floor.

Two channel layers are measured in the same run: the configured one (settings/base.py; since
this benchmark, channels-redis' RedisPubSubChannelLayer) and RedisPubSubChannelLayer set
explicitly. channels-redis' RedisChannelLayer, the default before, receives a process's messages
one at a time with four Redis round trips each; it measured p95 ~0.7 s here on a quiet machine.

Clients, the sender and the floor run in this process (asyncio; the sender in a thread, as a
request or a task would); Daphne runs alone in its own process. `BENCH_WS_CLIENTS` and
`BENCH_WS_ROUNDS` change the size.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.lib import Report, median, percentile

CLIENTS = int(os.environ.get("BENCH_WS_CLIENTS", "1000"))
ROUNDS = int(os.environ.get("BENCH_WS_ROUNDS", "5"))
CONNECT_CONCURRENCY = 100
USER_PREFIX = "bench-ws-"
ROOT = Path(__file__).resolve().parents[1]


def _raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CLIENTS * 3 + 512  # client sockets, Redis floor connections, headroom
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        raise RuntimeError(f"need {wanted} file descriptors, the hard limit is {hard}")


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pubsub_layers(redis_url: str) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [redis_url], "prefix": "ningju-bench"},
        }
    }


def _start_daphne(port: int, settings_dir: str | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ, LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")
    if settings_dir:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [settings_dir, env.get("PYTHONPATH")]))
        env["DJANGO_SETTINGS_MODULE"] = "ningju_bench_pubsub"
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "daphne"),
            "-v",
            "0",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "backend.config.asgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    import socket

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Daphne exited early")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("Daphne did not listen")


def _make_users() -> tuple[list[int], list[str]]:
    from rest_framework.authtoken.models import Token

    from backend.accounts.models import User

    User.objects.filter(username__startswith=USER_PREFIX).delete()
    users = User.objects.bulk_create(
        [User(username=f"{USER_PREFIX}{i:05d}", password="!") for i in range(CLIENTS)]  # noqa: S106
    )
    tokens = Token.objects.bulk_create(
        [Token(user=user, key=Token.generate_key()) for user in users]
    )
    return [user.pk for user in users], [token.key for token in tokens]


def _notify_all(user_ids: list[int], round_no: int) -> tuple[float, float, float]:
    """notify() every user in one transaction: (perf_counter at commit, ms in notify before
    commit, ms pushing to the layer after commit)."""
    from django.db import connection, transaction

    from backend.core.lib.bilingual import Bilingual
    from backend.notifications.services import notify

    committed: dict[str, float] = {}
    try:
        with transaction.atomic():
            # Registered first, so it runs at commit, before notify()'s own sends.
            transaction.on_commit(lambda: committed.setdefault("at", time.perf_counter()))
            started = time.perf_counter()
            notify(
                recipients=user_ids,
                kind="system.announcement",
                title=Bilingual(zh=f"基准测试第 {round_no} 轮", en=f"Benchmark round {round_no}"),
            )
            spent = (time.perf_counter() - started) * 1000
        pushed = (time.perf_counter() - committed["at"]) * 1000
    finally:
        connection.close()
    return committed["at"], spent, pushed


async def _websocket_run(
    port: int, daphne_pid: int, user_ids: list[int], tokens: list[str]
) -> dict[str, Any]:
    from websockets.asyncio.client import ClientConnection, connect

    url = f"ws://127.0.0.1:{port}/ws/notifications/"

    async def open_one(token: str) -> tuple[ClientConnection, float, float]:
        started = time.perf_counter()
        ws = await connect(
            url,
            additional_headers={"Authorization": f"Token {token}"},
            proxy=None,
            compression=None,
            open_timeout=120,
            ping_interval=None,
            max_queue=None,
        )
        welcome = json.loads(await ws.recv())
        if welcome.get("type") != "welcome":
            raise RuntimeError(f"unexpected first frame {welcome}")
        connected = time.perf_counter()
        await ws.send(json.dumps({"type": "hello", "last_id": 0}))
        while json.loads(await ws.recv())["type"] != "synced":
            pass
        ready = time.perf_counter()
        return ws, (connected - started) * 1000, (ready - started) * 1000

    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def gated(token: str) -> tuple[ClientConnection, float, float]:
        async with gate:
            return await open_one(token)

    # Warm up the process (imports, layer connections) so the baseline is an idle server.
    warm, _, _ = await open_one(tokens[0])
    await warm.close()
    await asyncio.sleep(1)
    rss_before = _rss_kib(daphne_pid)

    started = time.perf_counter()
    opened = await asyncio.gather(*(gated(token) for token in tokens))
    connect_all_s = time.perf_counter() - started
    clients = [ws for ws, _, _ in opened]
    await asyncio.sleep(2)
    rss_after = _rss_kib(daphne_pid)

    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    round_p95s: list[float] = []
    last_arrivals: list[float] = []
    notify_ms: list[float] = []
    push_ms: list[float] = []
    for round_no in range(ROUNDS):

        async def arrival(ws: ClientConnection) -> float:
            while True:
                frame = json.loads(await ws.recv())
                if frame["type"] == "notification":
                    return time.perf_counter()

        waiting = [asyncio.create_task(arrival(ws)) for ws in clients]
        await asyncio.sleep(0.2)
        committed_at, spent, pushed = await loop.run_in_executor(
            None, _notify_all, user_ids, round_no
        )
        arrivals = await asyncio.wait_for(asyncio.gather(*waiting), timeout=120)
        round_latencies = [(at - committed_at) * 1000 for at in arrivals]
        latencies += round_latencies
        round_p95s.append(percentile(round_latencies, 95))
        last_arrivals.append(max(round_latencies))
        notify_ms.append(spent)
        push_ms.append(pushed)
        await asyncio.sleep(0.5)

    await asyncio.gather(*(ws.close() for ws in clients))
    return {
        "connect_ms": [c for _, c, _ in opened],
        "ready_ms": [r for _, _, r in opened],
        "connect_all_s": connect_all_s,
        "rss_before_kib": rss_before,
        "rss_after_kib": rss_after,
        "latencies": latencies,
        "round_p95s": round_p95s,
        "last_arrivals": last_arrivals,
        "notify_ms": notify_ms,
        "push_ms": push_ms,
    }


async def _redis_floor(redis_url: str) -> dict[str, Any]:
    import redis.asyncio as aioredis

    channels = [f"bench-floor-{i}" for i in range(CLIENTS)]
    subscribers = []
    for channel in channels:
        client = aioredis.from_url(redis_url)
        pubsub = client.pubsub()
        await pubsub.subscribe(channel)
        await pubsub.get_message(timeout=5)  # the subscribe confirmation
        subscribers.append((client, pubsub))
    publisher = aioredis.from_url(redis_url)

    async def arrival(pubsub: Any) -> float:
        while True:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=60)
            if message is not None:
                json.loads(message["data"])
                return time.perf_counter()

    latencies: list[float] = []
    last_arrivals: list[float] = []
    for round_no in range(ROUNDS):
        waiting = [asyncio.create_task(arrival(pubsub)) for _, pubsub in subscribers]
        await asyncio.sleep(0.2)
        payload = json.dumps(
            {"type": "notification", "id": round_no, "kind": "system.announcement", "urgent": False}
        )
        started = time.perf_counter()
        async with publisher.pipeline(transaction=False) as pipe:
            for channel in channels:
                pipe.publish(channel, payload)
            await pipe.execute()
        arrivals = await asyncio.wait_for(asyncio.gather(*waiting), timeout=60)
        round_latencies = [(at - started) * 1000 for at in arrivals]
        latencies += round_latencies
        last_arrivals.append(max(round_latencies))
        await asyncio.sleep(0.5)

    for client, pubsub in subscribers:
        await pubsub.aclose()
        await client.aclose()
    await publisher.aclose()
    return {"latencies": latencies, "last_arrivals": last_arrivals}


def _measure(
    user_ids: list[int], tokens: list[str], layers: dict[str, Any] | None
) -> dict[str, Any]:
    """Serve the app from a fresh Daphne with `layers` (None: the configured ones) and measure."""
    from django.test import override_settings

    port = _free_port()
    with tempfile.TemporaryDirectory() as settings_dir:
        if layers is not None:
            Path(settings_dir, "ningju_bench_pubsub.py").write_text(
                "from backend.config.settings.local import *  # noqa: F403\n"
                f"CHANNEL_LAYERS = {layers!r}\n"
            )
        daphne = _start_daphne(port, settings_dir if layers is not None else None)
        try:
            if layers is None:
                return asyncio.run(_websocket_run(port, daphne.pid, user_ids, tokens))
            # The sender (this process) must speak through the same kind of layer.
            with override_settings(CHANNEL_LAYERS=layers):
                return asyncio.run(_websocket_run(port, daphne.pid, user_ids, tokens))
        finally:
            daphne.terminate()
            try:
                daphne.wait(timeout=30)
            except subprocess.TimeoutExpired:
                daphne.kill()
                daphne.wait()


def _add_layer_figures(
    report: Report, name: str, ws: dict[str, Any], floor: dict[str, Any]
) -> None:
    samples = f"{ROUNDS} rounds × {CLIENTS}"
    note = f"{CONNECT_CONCURRENCY} connecting at a time"
    report.add(f"{name}: connect (handshake to welcome) p50", median(ws["connect_ms"]), "ms", note)
    report.add(
        f"{name}: connect (handshake to welcome) p95", percentile(ws["connect_ms"], 95), "ms"
    )
    report.add(f"{name}: ready (hello replay done) p95", percentile(ws["ready_ms"], 95), "ms")
    report.add(f"{name}: all {CLIENTS} connected and ready", ws["connect_all_s"], "s")
    report.add(f"{name}: Daphne RSS idle", ws["rss_before_kib"] / 1024, "MiB", "after one socket")
    report.add(f"{name}: Daphne RSS with {CLIENTS} sockets", ws["rss_after_kib"] / 1024, "MiB")
    per_connection = (ws["rss_after_kib"] - ws["rss_before_kib"]) / CLIENTS
    report.add(f"{name}: memory per connection", per_connection, "KiB")
    report.add(
        f"{name}: notify() for {CLIENTS} recipients, median",
        median(ws["notify_ms"]),
        "ms",
        "rows and stream locks, before commit",
    )
    report.add(f"{name}: push after commit, median", median(ws["push_ms"]), "ms")
    p50, p95 = median(ws["latencies"]), percentile(ws["latencies"], 95)
    report.add(f"{name}: delivery commit → client p50", p50, "ms", samples)
    report.add(f"{name}: delivery commit → client p95", p95, "ms", "goal ≤ 500 ms")
    report.add(f"{name}: p95 of each round, median", median(ws["round_p95s"]), "ms")
    report.add(f"{name}: last client of a round, median", median(ws["last_arrivals"]), "ms")
    report.add(f"{name}: ratio to the floor, p50", p50 / median(floor["latencies"]), "×")
    report.add(f"{name}: ratio to the floor, p95", p95 / percentile(floor["latencies"], 95), "×")


def run() -> Report:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from backend.accounts.models import User

    if not settings.REDIS_URL or connection.vendor != "postgresql":
        raise RuntimeError("run under scripts/with-services.sh: needs PostgreSQL and Redis")
    _raise_fd_limit()
    call_command("migrate", verbosity=0)
    user_ids, tokens = _make_users()
    connection.close()
    redis_url = str(settings.REDIS_URL)
    load = os.getloadavg()[0]

    report = Report(
        f"Notifications: {CLIENTS} websocket clients on one Daphne process vs bare Redis pub/sub"
    )
    try:
        configured = _measure(user_ids, tokens, None)
        pubsub = _measure(user_ids, tokens, _pubsub_layers(redis_url))
        floor = asyncio.run(_redis_floor(redis_url))
    finally:
        User.objects.filter(username__startswith=USER_PREFIX).delete()

    samples = f"{ROUNDS} rounds × {CLIENTS}"
    report.add(
        "load average (1 min) at the start", load, "", "other work on the machine adds noise"
    )
    report.add(
        "floor: Redis pub/sub publish → subscriber p50", median(floor["latencies"]), "ms", samples
    )
    report.add(
        "floor: Redis pub/sub publish → subscriber p95", percentile(floor["latencies"], 95), "ms"
    )
    report.add("floor: last subscriber of a round, median", median(floor["last_arrivals"]), "ms")
    _add_layer_figures(report, "configured layer (settings/base.py)", configured, floor)
    _add_layer_figures(report, "RedisPubSubChannelLayer", pubsub, floor)
    return report

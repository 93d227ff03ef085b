"""`make load`: a few hundred simulated users doing the main journeys for a fixed time.

The platform runs as it does in production, on loopback only: Daphne (LOAD_DAPHNES
processes, users spread over them as a load balancer would) and a Celery worker, against the
PostgreSQL, Redis and Neo4j of scripts/with-services.sh. The world (benchmarks/load_world.py)
is the demo data, the alliance and docking seeds, LOAD_ENTERPRISES synthetic enterprises and
one account with a token per simulated user. The users (benchmarks/load_locust.py, locust in
its own process) are park staff, the secretariat, researchers and organisation users with
think times of LOAD_THINK_MIN..LOAD_THINK_MAX seconds; the figures are taken over
LOAD_DURATION seconds after all LOAD_USERS are in.

Figures: requests, throughput, p50/p95/p99 for reads, writes and each endpoint group, errors
by kind, and the machine's load (load averages, CPU of each server process). Goals (issue 10):
no errors; p95 of reads at most 200 ms.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.lib import REPORTS_DIR, Report

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USERS = int(os.environ.get("LOAD_USERS", "300"))
DURATION = float(os.environ.get("LOAD_DURATION", "120"))
DAPHNES = int(os.environ.get("LOAD_DAPHNES", "2"))
ENTERPRISES = int(os.environ.get("LOAD_ENTERPRISES", "5000"))
SPAWN_RATE = float(os.environ.get("LOAD_SPAWN_RATE", "20"))
READ_P95_GOAL_MS = 200.0


# -- figures from locust's histograms (no locust import here: it patches the stdlib) ----------
@dataclass
class Group:
    name: str
    kind: str  # read | write
    requests: int
    failures: int
    histogram: Counter[float]

    @classmethod
    def merged(cls, name: str, kind: str, groups: Iterable[Group]) -> Group:
        histogram: Counter[float] = Counter()
        requests = failures = 0
        for g in groups:
            histogram.update(g.histogram)
            requests += g.requests
            failures += g.failures
        return cls(name, kind, requests, failures, histogram)

    def percentile(self, pct: float) -> float:
        total = sum(self.histogram.values())
        if not total:
            return 0.0
        wanted = pct / 100 * total
        seen = 0
        for ms in sorted(self.histogram):
            seen += self.histogram[ms]
            if seen >= wanted:
                return ms
        return max(self.histogram)


def groups_of(result: dict[str, Any]) -> list[Group]:
    writes = set(result["writes"])
    return sorted(
        (
            Group(
                e["name"],
                "write" if e["name"] in writes else "read",
                e["requests"],
                e["failures"],
                Counter({float(k): v for k, v in e["response_times"].items()}),
            )
            for e in result["entries"]
        ),
        key=lambda g: (g.kind, -g.requests),
    )


def errors_by_kind(result: dict[str, Any]) -> Counter[str]:
    """Errors of the whole run (the ramp-up included) by kind and endpoint group."""
    kinds: Counter[str] = Counter()
    for error in result["run_errors"]:
        kinds[f"{error['error']} · {error['name']}"] += error["count"]
    return kinds


# -- processes -----------------------------------------------------------------------------
def server_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="false",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        # Sign-ins of the run come from one address (loopback): the per-address rate limit
        # is for people, not for a load generator.
        NINGJU_LOGIN_RATE="100000/min",
    )
    env.update(extra)
    return env


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Daphne on port {port} exited early ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"Daphne did not listen on {port}")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serving(log_dir: Path, *, daphnes: int, env: dict[str, str]) -> Iterator[dict[str, Any]]:
    """`daphnes` Daphne processes and one Celery worker; yields their URLs and pids."""
    processes: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for n in range(daphnes):
            port = _free_port()
            log = (log_dir / f"daphne-{n}.log").open("wb")
            daphne = subprocess.Popen(  # noqa: S603
                [
                    str(BIN / "daphne"),
                    *("-b", "127.0.0.1", "-p", str(port)),
                    "backend.config.asgi:application",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            processes.append(daphne)
            _wait_for_port(port, daphne)
            urls.append(f"http://127.0.0.1:{port}")
        log = (log_dir / "celery.log").open("wb")
        worker = subprocess.Popen(  # noqa: S603
            [
                str(BIN / "celery"),
                *("-A", "backend.config", "worker", "--pool=solo"),
                *("--without-gossip", "--without-mingle", "--loglevel=WARNING"),
                *("-n", f"load-{os.getpid()}@%h"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(worker)
        yield {
            "urls": urls,
            "daphne_pids": [p.pid for p in processes[:daphnes]],
            "celery_pid": worker.pid,
        }
    finally:
        for process in reversed(processes):
            _stop(process)


def run_users(
    *,
    plan_path: Path,
    urls: list[str],
    users: int,
    duration: float,
    spawn_rate: float,
    out: Path,
    extra_env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The locust process (benchmarks/load_locust.py); returns its result."""
    env = dict(os.environ, LOAD_PLAN=str(plan_path), LOAD_HOSTS=",".join(urls))
    env.update(extra_env or {})
    timeout = duration + 3 * users / spawn_rate + 180
    subprocess.run(  # noqa: S603
        [
            str(sys.executable),
            *("-m", "benchmarks.load_locust"),
            *("--users", str(users), "--duration", str(duration)),
            *("--spawn-rate", str(spawn_rate), "--out", str(out)),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
    )
    return dict(json.loads(out.read_text(encoding="utf-8")))


def server_errors_logged(log_dir: Path) -> int:
    """Tracebacks the servers wrote: an error a client may not have seen as one."""
    return sum(
        path.read_text(errors="replace").count("Traceback") for path in log_dir.glob("*.log")
    )


class CpuMeter:
    """CPU seconds each process spent between start() and stop(), as a share of one core."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.before: dict[str, float] = {}
        self.started = 0.0
        self.shares: dict[str, float] = {}

    @staticmethod
    def _cpu_s(pid: int) -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def start(self) -> None:
        self.started = time.monotonic()
        self.before = {name: self._cpu_s(pid) for name, pid in self.pids.items()}

    def stop(self) -> None:
        elapsed = time.monotonic() - self.started
        self.shares = {
            name: (self._cpu_s(pid) - self.before[name]) / elapsed
            for name, pid in self.pids.items()
        }


class ConnectionCounter:
    """The most PostgreSQL sessions open on the database at once, sampled every second: Django
    under ASGI runs each request's sync code in a thread of its own with its own connection."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        from django.db import connection

        try:
            while not self._stop.wait(1.0):
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    )
                    self.peak = max(self.peak, int(cursor.fetchone()[0]))
        finally:
            connection.close()

    def __enter__(self) -> ConnectionCounter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# -- the report ----------------------------------------------------------------------------
def _add_latency(report: Report, label: str, group: Group, duration: float, note: str) -> None:
    report.add(f"{label}: requests", group.requests, "req")
    report.add(f"{label}: throughput", group.requests / duration, "req/s")
    report.add(f"{label}: p50", group.percentile(50), "ms")
    report.add(f"{label}: p95", group.percentile(95), "ms", note)
    report.add(f"{label}: p99", group.percentile(99), "ms")


def build_report(
    result: dict[str, Any],
    *,
    title: str,
    daphnes: int,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
    cpu: dict[str, float],
    logged_errors: int,
    setup_s: float,
    db_sessions: int = 0,
) -> tuple[Report, list[Group], Counter[str]]:
    groups = groups_of(result)
    duration = result["duration_s"]
    reads = Group.merged("reads", "read", [g for g in groups if g.kind == "read"])
    writes = Group.merged("writes", "write", [g for g in groups if g.kind == "write"])
    everything = Group.merged("all", "", groups)
    errors = errors_by_kind(result)
    users = result["users"]

    report = Report(title)
    report.add(
        "simulated users",
        sum(users.values()),
        "users",
        ", ".join(f"{role} {n}" for role, n in users.items()),
    )
    report.add("Daphne processes", daphnes, "proc", "one Celery worker beside them")
    report.add("measured duration (all users in)", duration, "s", f"ramp {result['ramp_s']:.0f} s")
    report.add(
        "think time",
        sum(result["think_s"]) / 2,
        "s",
        "mean of {:g}..{:g} s".format(*result["think_s"]),
    )
    report.add("setup (seed, graph rebuild, accounts)", setup_s, "s")
    _add_latency(report, "all", everything, duration, "")
    run_errors = sum(errors.values())
    report.add("requests, whole run (ramp included)", result["run_requests"], "req")
    report.add("errors, whole run (ramp included)", run_errors, "req", "goal 0")
    report.add("errors in the measured window", everything.failures, "req")
    expected = sum(c["count"] for c in result.get("expected_conflicts", []))
    report.add(
        "expected conflicts, whole run",
        expected,
        "req",
        "a message to a thread the other side just closed: 409, not an error",
    )
    report.add("error rate, whole run", run_errors / max(1, result["run_requests"]), "share")
    _add_latency(report, "reads", reads, duration, f"goal ≤ {READ_P95_GOAL_MS:.0f} ms")
    _add_latency(report, "writes", writes, duration, "")
    report.add("tracebacks in server logs", logged_errors, "lines")
    report.add("PostgreSQL sessions, peak", db_sessions, "conn", "sampled each second")
    for name, value in zip(("1", "5", "15"), load_before, strict=True):
        report.add(f"load average ({name} min) before", value, "")
    for name, value in zip(("1", "5", "15"), load_after, strict=True):
        report.add(f"load average ({name} min) after", value, "", "2 cores, shared")
    for name, share in cpu.items():
        report.add(f"CPU of {name}", share * 100, "% core", "over the run, ramp included")
    return report, groups, errors


def write_details(slug: str, groups: list[Group], errors: Counter[str], duration: float) -> None:
    """Per-group table and errors by kind, appended to the report Report.write made."""
    rows = [
        "",
        "## By endpoint group",
        "",
        "| group | kind | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    detail = []
    for g in groups:
        p50, p95, p99 = g.percentile(50), g.percentile(95), g.percentile(99)
        rate = g.requests / duration
        rows.append(
            f"| {g.name} | {g.kind} | {g.requests} | {rate:.2f} | {p50:g} | {p95:g} | {p99:g} "
            f"| {g.failures} |"
        )
        detail.append(
            {
                "group": g.name,
                "kind": g.kind,
                "requests": g.requests,
                "per_s": round(rate, 3),
                "p50_ms": p50,
                "p95_ms": p95,
                "p99_ms": p99,
                "errors": g.failures,
            }
        )
    rows += ["", "## Errors by kind", ""]
    if errors:
        rows += ["| error | count |", "|---|---:|"]
        rows += [f"| {kind} | {count} |" for kind, count in errors.most_common()]
    else:
        rows.append("none")
    md = REPORTS_DIR / f"{slug}.md"
    md.write_text(md.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    js = REPORTS_DIR / f"{slug}.json"
    data = json.loads(js.read_text(encoding="utf-8"))
    data["groups"] = detail
    data["errors_by_kind"] = dict(errors)
    js.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class LoadReport(Report):
    """A Report whose write() adds the per-group table and the errors by kind."""

    groups: list[Group]
    errors: Counter[str]
    duration: float

    def write(self, slug: str) -> Path:
        path = super().write(slug)
        write_details(slug, self.groups, self.errors, self.duration)
        return path


def run() -> LoadReport:
    from django.conf import settings
    from django.db import connection

    from benchmarks.load_world import build_world

    if not settings.REDIS_URL or connection.vendor != "postgresql":
        raise RuntimeError("run under scripts/with-services.sh: needs PostgreSQL and Redis")
    started = time.perf_counter()
    plan = build_world(users=USERS, enterprises=ENTERPRISES)
    setup_s = time.perf_counter() - started
    connection.close()

    with tempfile.TemporaryDirectory(prefix="ningju-load-") as tmp, ExitStack() as stack:
        tmp_dir = Path(tmp)
        plan_path = tmp_dir / "plan.json"
        plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        servers = stack.enter_context(serving(tmp_dir, daphnes=DAPHNES, env=server_env()))
        pids = {f"Daphne {n + 1}": pid for n, pid in enumerate(servers["daphne_pids"])}
        pids["Celery worker"] = servers["celery_pid"]
        meter = CpuMeter(pids)
        load_before = os.getloadavg()
        meter.start()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with ConnectionCounter() as sessions:
            result = run_users(
                plan_path=plan_path,
                urls=servers["urls"],
                users=USERS,
                duration=DURATION,
                spawn_rate=SPAWN_RATE,
                out=tmp_dir / "result.json",
            )
        meter.stop()
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        run_s = time.monotonic() - meter.started
        meter.shares["locust (load generator)"] = (
            children_after.ru_utime
            + children_after.ru_stime
            - children_before.ru_utime
            - children_before.ru_stime
        ) / run_s
        load_after = os.getloadavg()
        logged = server_errors_logged(tmp_dir)
        if logged:
            for path in tmp_dir.glob("*.log"):
                text = path.read_text(errors="replace")
                if "Traceback" in text:
                    print(f"--- {path.name} (last lines)\n{text[-4000:]}", flush=True)

    base, groups, errors = build_report(
        result,
        title=f"Load: {sum(result['users'].values())} simulated users, mixed journeys, "
        f"{DAPHNES} Daphne process(es) on loopback",
        daphnes=DAPHNES,
        load_before=load_before,
        load_after=load_after,
        cpu=meter.shares,
        logged_errors=logged,
        db_sessions=sessions.peak,
        setup_s=setup_s,
    )
    report = LoadReport(base.title, base.figures)
    report.groups, report.errors, report.duration = groups, errors, result["duration_s"]
    return report

"""The simulated users of the load run (locust) and the runner that drives them.

Run as its own process (locust patches the standard library with gevent, which the Django
side must not see):

    python -m benchmarks.load_locust --plan plan.json --hosts http://127.0.0.1:8000 \
        --users 300 --duration 120 --out result.json

The plan comes from benchmarks/load_world.py: one account and token per simulated user, and
what the journeys look for. Each task is one page of the web app (one to three API calls)
followed by a think time. Requests are named by endpoint group; WRITES lists the groups that
change something, everything else is a read. The result (JSON) holds per-group counts,
failures and locust's response-time histograms, and the errors by kind.

An answer the plan lists as an expected conflict (load_world.expected_conflicts: a race between
two scripted users that the platform settles correctly, such as posting to a thread the other
side has just closed) is not an error: it is reported under a group of its own,
"<group> · expected <status> (<label>)", and counted in `expected_conflicts`. Any other 4xx or
5xx stays a failure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

import gevent
import gevent.event
from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.env import Environment

PLAN: dict[str, Any] = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
HOSTS = os.environ.get("LOAD_HOSTS", "http://127.0.0.1:8000").split(",")
THINK_MIN = float(os.environ.get("LOAD_THINK_MIN", "3"))
THINK_MAX = float(os.environ.get("LOAD_THINK_MAX", "12"))
SIGNIN_EVERY = int(os.environ.get("LOAD_SIGNIN_EVERY", "10"))  # 1 in N sessions signs in

WRITES = frozenset(
    {
        "auth.sign-in",
        "alliance.item.submit",
        "docking.request.create",
        "docking.request.withdraw",
        "docking.message.post",
        "notifications.mark-read",
        "research.saved-query.run",
    }
)
_host_cycle: Iterator[str] = itertools.cycle(HOSTS)
EXPECTED_CONFLICTS: list[dict[str, Any]] = PLAN.get("expected_conflicts", [])
# Over the whole run (the ramp included), like the errors: reported group -> count.
_expected_seen: Counter[str] = Counter()


def conflict_group(conflict: dict[str, Any]) -> str:
    """The group an expected conflict is reported under, beside its endpoint's own."""
    return f"{conflict['group']} · expected {conflict['status']} ({conflict['label']})"


def expected_conflict(
    conflicts: list[dict[str, Any]], group: str, status: int, body: Any
) -> dict[str, Any] | None:
    """The plan's expected conflict this answer is, if it is one: same group and status, and
    the platform's error body names the same code and message."""
    if not isinstance(body, dict):
        return None
    for conflict in conflicts:
        if (
            conflict["group"] == group
            and conflict["status"] == status
            and body.get("code") == conflict["code"]
            and body.get("message") in conflict["messages"]
        ):
            return conflict
    return None


def _json(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


class Journey(FastHttpUser):
    """What every signed-in user does; the role classes add their own pages."""

    abstract = True
    role: ClassVar[str] = ""
    wait_time = between(THINK_MIN, THINK_MAX)
    network_timeout = 30.0
    connection_timeout = 30.0
    _numbers: ClassVar[Iterator[int]]

    def __init__(self, environment: Any) -> None:
        # Users are spread over the Daphne processes, as a load balancer would.
        self.host = next(_host_cycle)
        super().__init__(environment)
        self.number = next(type(self)._numbers)
        accounts = PLAN["accounts"][self.role]
        self.account = accounts[self.number % len(accounts)]
        self.token = self.account["token"]
        self.rng = random.Random(f"{self.role}-{self.number}")

    # -- plumbing ---------------------------------------------------------------------------
    def call(
        self,
        method: str,
        path: str,
        group: str,
        *,
        body: dict[str, Any] | None = None,
        expect: tuple[int, ...] = (200,),
        auth: bool = True,
    ) -> Any:
        headers = {"Accept-Language": "zh-hans"}
        if auth:
            headers["Authorization"] = f"Token {self.token}"
        with self.client.request(
            method, path, name=group, json=body, headers=headers, catch_response=True
        ) as response:
            status = response.status_code
            if status in expect:
                response.success()
                return _json(response)
            body = _json(response) if status else None
            conflict = expected_conflict(EXPECTED_CONFLICTS, group, status, body)
            if conflict is not None:
                # The platform settled a race between two scripted users: not an error.
                response.request_meta["name"] = conflict_group(conflict)
                _expected_seen[conflict_group(conflict)] += 1
                response.success()
                return None
            if not status:
                error = getattr(response, "error", None)
                response.failure(f"connection: {type(error).__name__}")
            else:
                response.failure(f"HTTP {status}")
            return None

    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items)

    def on_start(self) -> None:
        if SIGNIN_EVERY and self.number % SIGNIN_EVERY == 0:
            # A fresh sign-in (password check included); the others reuse a stored token.
            signed = self.call(
                "POST",
                "/api/auth/token",
                "auth.sign-in",
                body={"username": self.account["username"], "password": PLAN["password"]},
                auth=False,
            )
            if signed:
                self.token = signed["token"]
        self.call("GET", "/api/me", "accounts.me")
        self.call("GET", "/api/notifications/unread-count", "notifications.unread-count")

    # -- pages every role visits ------------------------------------------------------------
    @task(2)
    def home(self) -> None:
        self.call("GET", "/api/me", "accounts.me")
        self.call("GET", "/api/notifications/unread-count", "notifications.unread-count")

    @task(2)
    def parks(self) -> None:
        q = self.pick(PLAN["park_searches"])
        found = self.call("GET", f"/api/network/parks?q={quote(q)}", "network.parks.search")
        results = (found or {}).get("results") or [{"id": self.pick(PLAN["parks"])}]
        self.call("GET", f"/api/network/parks/{self.pick(results)['id']}", "network.park.detail")

    @task(2)
    def organisations(self) -> None:
        q = self.pick(PLAN["organisation_searches"])
        found = self.call("GET", f"/api/network/organisations?q={quote(q)}", "network.orgs.search")
        results = (found or {}).get("results") or [{"id": self.pick(PLAN["organisations"])}]
        self.call(
            "GET", f"/api/network/organisations/{self.pick(results)['id']}", "network.org.detail"
        )

    @task(1)
    def notifications(self) -> None:
        page = self.call("GET", "/api/notifications/", "notifications.list")
        unread = [n for n in (page or {}).get("results", []) if not n.get("read_at")]
        if unread:
            self.call(
                "POST",
                f"/api/notifications/{unread[0]['id']}/read",
                "notifications.mark-read",
                body={},
            )

    def postings(self) -> dict[str, Any] | None:
        q = self.pick(PLAN["posting_searches"])
        found = self.call("GET", f"/api/docking/postings?q={quote(q)}", "docking.postings.search")
        results = (found or {}).get("results") or []
        if not results:
            return None
        posting = self.pick(results)
        return self.call("GET", f"/api/docking/postings/{posting['id']}", "docking.posting.detail")


class ParkStaff(Journey):
    role = "park"
    _numbers = itertools.count()

    @task(3)
    def docking(self) -> None:
        self.postings()

    @task(2)
    def ecosystem(self) -> None:
        park = self.account["park"]
        self.call("GET", f"/api/network/parks/{park}/ecosystem", "network.park.ecosystem")

    @task(3)
    def projects(self) -> None:
        listed = self.call("GET", "/api/matching/projects", "matching.projects.list") or []
        own = [p for p in listed if p["park"]["id"] == self.account["park"]]
        project = self.pick(own or listed) if (own or listed) else None
        if project is None:
            return
        self.call("GET", f"/api/matching/projects/{project['id']}", "matching.project.detail")
        self.call("GET", f"/api/matching/projects/{project['id']}/matches", "matching.matches")

    @task(2)
    def meeting(self) -> None:
        self.call("GET", "/api/alliance/meetings", "alliance.meetings.list")
        self.call("GET", f"/api/alliance/meetings/{PLAN['meeting']}/agenda", "alliance.agenda")

    @task(1)
    def actions(self) -> None:
        self.call("GET", "/api/alliance/actions", "alliance.actions.list")

    @task(1)
    def submit_item(self) -> None:
        self.call(
            "POST",
            f"/api/alliance/meetings/{PLAN['meeting']}/items",
            "alliance.item.submit",
            body={
                "kind": "project_docking",
                "title": f"负载测试议题 {self.number}-{self.rng.randrange(10**6)}",
                "text": "建议联盟协调跨园区项目落地的指标分算。",
                "requested_minutes": 15,
                "linked_uids": [],
            },
            expect=(201,),
        )

    @task(1)
    def threads(self) -> None:
        threads = self.call("GET", "/api/docking/threads", "docking.threads.list") or []
        if threads:
            thread = self.pick(threads)
            self.call(
                "POST",
                f"/api/docking/threads/{thread['id']}/messages",
                "docking.message.post",
                body={"body": "收到，欢迎来园区实地考察。"},
                expect=(201,),
            )


class Secretariat(Journey):
    role = "secretariat"
    _numbers = itertools.count()

    @task(3)
    def meeting(self) -> None:
        meeting = PLAN["meeting"]
        self.call("GET", "/api/alliance/meetings", "alliance.meetings.list")
        self.call("GET", f"/api/alliance/meetings/{meeting}", "alliance.meeting.detail")
        self.call("GET", f"/api/alliance/meetings/{meeting}/items", "alliance.items.list")

    @task(2)
    def agenda(self) -> None:
        self.call("GET", f"/api/alliance/meetings/{PLAN['meeting']}/agenda", "alliance.agenda")

    @task(2)
    def dashboard(self) -> None:
        self.call("GET", "/api/alliance/actions/dashboard", "alliance.actions.dashboard")

    @task(1)
    def members(self) -> None:
        self.call("GET", "/api/alliance/members", "alliance.members")

    @task(1)
    def docking_stats(self) -> None:
        self.call("GET", "/api/docking/stats", "docking.stats")

    @task(1)
    def projects(self) -> None:
        listed = self.call("GET", "/api/matching/projects", "matching.projects.list") or []
        if listed:
            project = self.pick(listed)
            self.call("GET", f"/api/matching/projects/{project['id']}/matches", "matching.matches")


class Researcher(Journey):
    role = "researcher"
    _numbers = itertools.count()

    @task(3)
    def search(self) -> None:
        q = self.pick(PLAN["park_searches"] + PLAN["organisation_searches"])
        self.call("GET", f"/api/network/search?q={quote(q)}", "network.search")

    @task(3)
    def neighbours(self) -> None:
        if self.rng.random() < 0.5:
            uid, hops = f"park:{self.pick(PLAN['parks'])}", 1
        else:
            uid, hops = f"org:{self.pick(PLAN['organisations'])}", 2
        self.call(
            "GET",
            f"/api/network/graph/neighbours?uid={uid}&hops={hops}",
            "network.graph.neighbours",
        )

    @task(2)
    def ecosystem(self) -> None:
        park = self.pick(PLAN["parks"])
        self.call("GET", f"/api/network/parks/{park}/ecosystem", "network.park.ecosystem")

    @task(2)
    def saved_queries(self) -> None:
        self.call("GET", "/api/research/saved-queries", "research.saved-queries.list")
        query = self.pick(PLAN["saved_queries"])
        self.call("GET", f"/api/research/saved-queries/{query}", "research.saved-query.detail")

    @task(1)
    def run_saved_query(self) -> None:
        query = self.pick(PLAN["saved_queries"])
        self.call(
            "POST", f"/api/research/saved-queries/{query}/run", "research.saved-query.run", body={}
        )


class OrganisationUser(Journey):
    role = "org"
    _numbers = itertools.count()

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        self.open_request: dict[str, int] | None = None

    def on_start(self) -> None:
        super().on_start()
        # A request left open (by an earlier session) is picked up where it was.
        mine = self.call("GET", "/api/docking/requests?direction=outgoing", "docking.requests.list")
        for request in mine or []:
            if request["status"] == "requested" and request.get("thread_id"):
                self.open_request = {"id": request["id"], "thread": request["thread_id"], "n": 0}
                break

    @task(4)
    def docking(self) -> None:
        self.postings()

    @task(1)
    def my_requests(self) -> None:
        self.call("GET", "/api/docking/requests?direction=outgoing", "docking.requests.list")

    @task(2)
    def dock(self) -> None:
        """Ask to dock on a posting, talk in its thread, and later withdraw to ask elsewhere."""
        if self.open_request is None:
            posting = self.postings()
            if not posting or not posting.get("viewer", {}).get("can_request"):
                return
            created = self.call(
                "POST",
                f"/api/docking/postings/{posting['id']}/requests",
                "docking.request.create",
                body={"message": "我单位在该领域有成熟团队，希望对接交流。"},
                expect=(201,),
            )
            if created:
                self.open_request = {"id": created["id"], "thread": created["thread_id"], "n": 0}
            return
        self.call(
            "POST",
            f"/api/docking/threads/{self.open_request['thread']}/messages",
            "docking.message.post",
            body={"body": "补充：可提供样品测试与技术方案。"},
            expect=(201,),
        )
        self.open_request["n"] += 1
        if self.open_request["n"] >= 3:
            self.call(
                "POST",
                f"/api/docking/requests/{self.open_request['id']}/transition",
                "docking.request.withdraw",
                body={"status": "closed"},
            )
            self.open_request = None


USER_CLASSES: dict[str, type[Journey]] = {
    "park": ParkStaff,
    "secretariat": Secretariat,
    "researcher": Researcher,
    "org": OrganisationUser,
}


def _entry(entry: Any) -> dict[str, Any]:
    return {
        "name": entry.name,
        "method": entry.method,
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "total_ms": entry.total_response_time,
        "max_ms": entry.max_response_time,
        # locust's histogram: response time (rounded to 2 significant digits) -> count
        "response_times": {str(k): v for k, v in entry.response_times.items()},
    }


def run(*, users: int, duration: float, spawn_rate: float) -> dict[str, Any]:
    """Spawn the users by role share, reset the figures once all are in, run for `duration`
    seconds of steady state, then stop them."""
    for role, cls in USER_CLASSES.items():
        cls.fixed_count = round(users * len(PLAN["accounts"][role]) / _accounts_total())
    counts = {role: cls.fixed_count for role, cls in USER_CLASSES.items()}
    total = sum(counts.values())
    env = Environment(user_classes=list(USER_CLASSES.values()), events=events, reset_stats=True)
    runner = env.create_local_runner()
    # The figures are reset once every user is in; errors are counted over the whole run.
    run_errors: Counter[tuple[str, str]] = Counter()
    run_requests = [0]

    def count(name: str, exception: Any = None, **_: Any) -> None:
        run_requests[0] += 1
        if exception is not None:
            run_errors[(name, str(exception))] += 1

    env.events.request.add_listener(count)
    spawned = gevent.event.Event()
    env.events.spawning_complete.add_listener(lambda user_count: spawned.set())
    started = time.monotonic()
    runner.start(total, spawn_rate=spawn_rate)
    spawned.wait(timeout=max(60.0, 3 * total / spawn_rate))
    ramp_s = time.monotonic() - started
    steady_started = time.monotonic()
    gevent.sleep(duration)
    steady_s = time.monotonic() - steady_started
    runner.quit()
    stats = env.stats
    return {
        "users": counts,
        "ramp_s": ramp_s,
        "duration_s": steady_s,
        "hosts": HOSTS,
        "think_s": [THINK_MIN, THINK_MAX],
        "entries": [_entry(e) for e in stats.entries.values()],
        "errors": [
            {"name": e.name, "method": e.method, "error": str(e.error), "count": e.occurrences}
            for e in stats.errors.values()
        ],
        "writes": sorted(
            WRITES | {conflict_group(c) for c in EXPECTED_CONFLICTS if c["group"] in WRITES}
        ),
        "run_requests": run_requests[0],
        "run_errors": [
            {"name": name, "error": error, "count": n}
            for (name, error), n in run_errors.most_common()
        ],
        "expected_conflicts": [
            {"name": name, "count": n} for name, n in _expected_seen.most_common()
        ],
    }


def _accounts_total() -> int:
    return sum(len(PLAN["accounts"][role]) for role in USER_CLASSES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--spawn-rate", type=float, default=20.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    result = run(users=args.users, duration=args.duration, spawn_rate=args.spawn_rate)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

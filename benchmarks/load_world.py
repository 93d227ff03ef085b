"""The world the load run acts in (benchmarks/load.py and tests/load): demo data, a modest
synthetic network, one account per simulated user (with a token made up front, so the run
does not queue behind the sign-in throttle or password hashing), and something for each
journey to find: an announced meeting, open projects with ranked matches, docking postings,
saved queries and unread notifications.

Runs inside Django against the database the platform will serve; returns the plan the
simulated users read (benchmarks/load_locust.py), plain JSON.
"""

from __future__ import annotations

import logging
import random
from datetime import timedelta
from typing import Any

ROLES = ("park", "secretariat", "researcher", "org")
# Shares of the simulated users by role: park staff and organisation users are the many,
# the secretariat is a handful of people.
ROLE_SHARES = {"park": 0.4, "org": 0.3, "researcher": 0.2, "secretariat": 0.1}
USER_PREFIX = "load-"
PROJECT_PARKS = 24
EXTRA_POSTINGS = 120
NOTIFICATIONS_PER_USER = 12

# Search words as people type them: Chinese names, full pinyin, initials.
PARK_SEARCHES = [
    "江宁",
    "jiangning",
    "jn",
    "高新",
    "gaoxin",
    "麒麟",
    "江北",
    "新港",
    "镇江",
    "扬州",
]
ORGANISATION_SEARCHES = [
    "南京大学",
    "nanjingdaxue",
    "njdx",
    "实验室",
    "芯片",
    "xinpian",
    "宁聚示例",
    "生物",
    "东南大学",
    "dndx",
]
POSTING_SEARCHES = ["芯片", "厂房", "人工智能", "生物医药", "验证", "融资", "新能源", "光子"]
POSTING_TOPICS = [
    ("tech_need", "车规级芯片功能安全测试", "ic"),
    ("tech_need", "工业视觉检测算法联合攻关", "ai"),
    ("achievement", "固态电池电解质中试成果", "new-energy-vehicles"),
    ("space", "生物医药标准厂房出租", "biomed"),
    ("facility", "高性能计算平台机时共享", "next-gen-it"),
    ("talent_need", "人工智能算法工程师联合引才", "ai"),
    ("financing_need", "第三代半导体产线融资需求", "third-gen-semiconductors"),
]

log = logging.getLogger(__name__)


def _counts(users: int) -> dict[str, int]:
    counts = {role: max(1, round(users * share)) for role, share in ROLE_SHARES.items()}
    counts["park"] += users - sum(counts.values())
    return counts


def seed_data(*, enterprises: int, rebuild_graph: bool = True) -> None:
    """Migrations, the demo data of `make run`, a synthetic network, and the graph: rebuilt
    (fast; only while no Celery worker drains the outbox beside it: a rebuild CREATEs into
    the emptied graph and fails on a node a concurrent drain MERGEd) or drained from the
    outbox (safe beside a worker; small networks only)."""
    from django.core.management import call_command

    from backend.network.models import Organisation

    call_command("migrate", verbosity=0)
    call_command("graph_migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("seed_alliance", verbosity=0)
    call_command("seed_docking_demo", verbosity=0)
    if enterprises and not Organisation.objects.filter(is_synthetic=True).exists():
        outbox = "off" if rebuild_graph else "on"
        call_command("seed_synthetic", enterprises=enterprises, seed=7, outbox=outbox, verbosity=0)
    call_command("graph_rebuild" if rebuild_graph else "graph_sync", verbosity=0)


def _make_accounts(counts: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    from django.contrib.auth.hashers import make_password
    from rest_framework.authtoken.models import Token

    from backend.accounts.demo import DEMO_PASSWORD
    from backend.accounts.models import Role, User
    from backend.alliance.models import AllianceMember
    from backend.network.models import Organisation

    member_parks = list(
        AllianceMember.objects.order_by("park_id").values_list("park_id", flat=True)
    )
    # Each organisation user speaks for an organisation of their own: docking requests are
    # one open request per side and posting, and each simulated user keeps its own.
    organisations = list(
        Organisation.objects.order_by("is_synthetic", "pk").values_list("pk", flat=True)[
            : counts["org"]
        ]
    )
    if not member_parks or len(organisations) < counts["org"]:
        raise RuntimeError("seed the demo data first: no alliance parks or too few organisations")
    # One hash for every load account: a real sign-in checks it, and creating hundreds of
    # accounts does not hash hundreds of times.
    password = make_password(DEMO_PASSWORD)
    role_of = {
        "park": Role.PARK_STAFF,
        "secretariat": Role.SECRETARIAT,
        "researcher": Role.RESEARCHER,
        "org": Role.ORG_USER,
    }
    rows: list[User] = []
    for role, count in counts.items():
        for n in range(count):
            rows.append(
                User(
                    username=f"{USER_PREFIX}{role}-{n:04d}",
                    password=password,
                    role=role_of[role],
                    display_name=f"负载测试 {role} {n}",
                    park_id=member_parks[n % len(member_parks)] if role == "park" else None,
                    organisation_id=organisations[n] if role == "org" else None,
                )
            )
    # A second run on the same database keeps the accounts (research runs reference them).
    existing = set(
        User.objects.filter(username__in=[r.username for r in rows]).values_list(
            "username", flat=True
        )
    )
    User.objects.bulk_create([r for r in rows if r.username not in existing])
    users = list(User.objects.filter(username__in=[r.username for r in rows]).order_by("pk"))
    have = set(Token.objects.filter(user__in=users).values_list("user_id", flat=True))
    Token.objects.bulk_create(
        [Token(user=u, key=Token.generate_key()) for u in users if u.pk not in have]
    )
    keys = dict(Token.objects.filter(user__in=users).values_list("user_id", "key"))
    accounts: dict[str, list[dict[str, Any]]] = {role: [] for role in ROLES}
    for user in users:
        role = user.username.removeprefix(USER_PREFIX).split("-")[0]
        accounts[role].append(
            {
                "id": user.pk,
                "username": user.username,
                "token": keys[user.pk],
                "park": user.park_id,
                "organisation": user.organisation_id,
            }
        )
    return accounts


def _meeting(secretariat: Any) -> int:
    from django.utils import timezone

    from backend.alliance import services
    from backend.alliance.models import Meeting, MeetingStatus

    open_meeting = Meeting.objects.filter(
        title="负载测试联席会议", status=MeetingStatus.ANNOUNCED
    ).first()
    if open_meeting is not None:
        return open_meeting.pk
    meeting = services.meeting_create(
        user=secretariat,
        title="负载测试联席会议",
        starts_at=timezone.now() + timedelta(days=14),
        place="南京高新区管委会 3 楼会议室",
    )
    services.meeting_announce(user=secretariat, meeting=meeting)
    return meeting.pk


def _projects(secretariat: Any, park_ids: list[int]) -> list[int]:
    """Open joint-investment projects of several parks, each ranked once."""
    from django.core.management import call_command

    from backend.matching import services
    from backend.matching.models import Positioning, Project, ProjectStatus
    from backend.network.models import Industry, Park

    industries = list(Industry.objects.order_by("pk")[:40])
    created: list[Project] = []
    for n, park in enumerate(Park.objects.filter(pk__in=park_ids[:PROJECT_PARKS]).order_by("pk")):
        project = services.project_create(
            user=secretariat,
            park=park,
            title=f"{park.name} 联合招商项目 {n + 1}",
            industry=industries[n % len(industries)],
            positioning=Positioning.MANUFACTURING if n % 2 else Positioning.SERVICE,
            description="负载测试：寻求产业链上下游园区合作落地。",
        )
        services.project_transition(user=secretariat, project=project, to_status="open")
        created.append(project)
    call_command("graph_sync", verbosity=0)
    for project in created:
        try:
            services.project_match(project=Project.objects.get(pk=project.pk), trigger="manual")
        except Exception:  # a project without a match still serves its list and detail
            log.exception("matching project %s failed", project.pk)
    return list(
        Project.objects.filter(status=ProjectStatus.OPEN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _postings(secretariat: Any, park_ids: list[int]) -> list[int]:
    from backend.docking import services
    from backend.docking.models import Party, Posting, PostingStatus
    from backend.network.models import Industry

    by_code = {i.code: i for i in Industry.objects.all() if getattr(i, "code", None)}
    rng = random.Random(11)
    have = Posting.objects.filter(title__startswith="【负载】").count()
    for n in range(have, EXTRA_POSTINGS):
        kind, topic, code = POSTING_TOPICS[n % len(POSTING_TOPICS)]
        industry = by_code.get(code)
        services.posting_create(
            user=secretariat,
            owner=Party(park_id=rng.choice(park_ids)),
            kind=kind,
            title=f"【负载】{topic} {n + 1}",
            description=f"{topic}：负载测试生成的对接需求，面向都市圈园区与高校。",
            industries=[industry] if industry else [],
            submit=True,
        )
    return list(
        Posting.objects.filter(status=PostingStatus.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _saved_queries(researcher: Any) -> list[int]:
    from backend.research import services
    from backend.research.models import SavedQuery

    wanted = [
        ("园区与所在城市", "MATCH (p:Park)-[:IN_CITY]->(c:City) RETURN p.name, c.name LIMIT 50"),
        ("产业链上下游", "MATCH (a:Industry)-[:SUPPLIES]->(b:Industry) RETURN a, b LIMIT 50"),
        ("飞地园区", "MATCH (a:Park)-[r:ENCLAVE_OF]->(b:Park) RETURN a, r, b LIMIT 50"),
    ]
    for name, cypher in wanted:
        if not SavedQuery.objects.filter(name=name).exists():
            services.saved_query_create(user=researcher, name=name, cypher=cypher, shared=True)
    return list(SavedQuery.objects.order_by("pk").values_list("pk", flat=True))


def _notifications(user_ids: list[int]) -> None:
    from django.db import transaction

    from backend.core.lib.bilingual import Bilingual
    from backend.notifications.services import notify

    for n in range(NOTIFICATIONS_PER_USER):
        with transaction.atomic():
            notify(
                recipients=user_ids,
                kind="system.announcement",
                title=Bilingual(zh=f"负载测试通知 {n + 1}", en=f"Load test notice {n + 1}"),
            )


def expected_conflicts() -> list[dict[str, Any]]:
    """Answers that are the platform being right, not errors: an organisation user withdraws
    its docking request (which closes the thread) while the posting park's staff write in that
    thread, and the post is refused with 409. The simulated users count these apart
    (benchmarks/load_locust.py); they tell one by its group, status, error code and message, the
    message taken from the service so that it cannot drift."""
    from backend.docking.services import THREAD_CLOSED

    return [
        {
            "group": "docking.message.post",
            "status": 409,
            "code": "conflict",
            "messages": [THREAD_CLOSED.zh, THREAD_CLOSED.en],
            "label": "thread closed",
        }
    ]


def build_world(
    *, users: int, enterprises: int, seed: bool = True, rebuild_graph: bool = True
) -> dict[str, Any]:
    """Everything the simulated users need, as the plan they read (JSON-serialisable)."""
    from backend.accounts.models import Role, User
    from backend.alliance.models import AllianceMember
    from backend.network.models import Organisation, Park

    if seed:
        seed_data(enterprises=enterprises, rebuild_graph=rebuild_graph)
    counts = _counts(users)
    accounts = _make_accounts(counts)
    secretariat = User.objects.filter(role=Role.SECRETARIAT).order_by("pk").first()
    researcher = User.objects.filter(role=Role.RESEARCHER).order_by("pk").first()
    if secretariat is None or researcher is None:
        raise RuntimeError("the demo accounts are missing (NINGJU_DEMO_ACCOUNTS)")
    member_parks = list(
        AllianceMember.objects.order_by("park_id").values_list("park_id", flat=True)
    )
    plan = {
        "accounts": accounts,
        "meeting": _meeting(secretariat),
        "projects": _projects(secretariat, member_parks),
        "postings": _postings(secretariat, member_parks),
        "saved_queries": _saved_queries(researcher),
        "parks": list(Park.objects.order_by("pk").values_list("pk", flat=True)),
        "organisations": list(
            Organisation.objects.order_by("?").values_list("pk", flat=True)[:500]
        ),
        "park_searches": PARK_SEARCHES,
        "organisation_searches": ORGANISATION_SEARCHES,
        "posting_searches": POSTING_SEARCHES,
        "password": "ningju-demo-2026",
        "expected_conflicts": expected_conflicts(),
    }
    _notifications([a["id"] for role in ROLES for a in accounts[role]])
    return plan


def drop_accounts() -> None:
    from backend.accounts.models import User

    User.objects.filter(username__startswith=USER_PREFIX).delete()

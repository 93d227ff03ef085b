"""One world with a real object behind every path parameter of the API, for the authorisation
matrix and the fuzzer.

Three alliance member parks: 江宁园 (A, whose staff member `own_park` owns the objects below),
江北新区 (B, whose staff member `other_park` owns none of them) and 滁州园 (C, the partner park:
candidate of the matching project, receiver of its hand-off and agreement). An organisation user
of 南京大学 sends the docking request. The researcher owns the research objects (a saved query,
a console run, an export), as only console users can make them.

Everything is made through the services or the API, as users would; the caller runs this inside
a transaction that it rolls back afterwards, so nothing outlives the module that built it
(the graph projection does: the caller cleans the graph).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.alliance.models import AllianceMember, MemberRole
from backend.alliance.services import alliance_default, calendar_feed_get
from backend.core.lib.bilingual import Bilingual
from backend.network import services as network
from backend.network.outbox import outbox_drain
from backend.notifications.kinds import NotificationKind
from backend.notifications.services import notify

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# The users every row of the matrix is tried with, in the order of the matrix's outcome strings.
USERS = ("anonymous", "no_role", "other_park", "researcher", "secretariat", "admin", "own_park")


@dataclass
class World:
    users: dict[str, User | None]
    tokens: dict[str, str]
    ids: dict[str, int | str] = field(default_factory=dict)


def client_for(user: User | None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_authenticate(user)
    return client


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, (response.status_code, response.content[:800])
    return response.json() if response.content else None


def _user(username: str, role: str = "", **extra: Any) -> User:
    return user_create(username=username, password="x", role=role, validate=False, **extra)


def build_world() -> World:
    nanjing = network.city_create(name="南京", province="江苏", name_en="Nanjing")
    chuzhou = network.city_create(name="滁州", province="安徽", name_en="Chuzhou")
    zone = network.zone_create(name="南京高新区", city=nanjing, level="national")
    ic = network.industry_create(name="集成电路", code="ic")
    chip_design = network.industry_create(name="集成电路芯片设计", code="ic-design", parent=ic)
    biomed = network.industry_create(name="生物医药", code="biomed")
    materials = network.industry_create(name="半导体材料", code="semi-materials")
    link = network.industry_link_create(upstream=materials, downstream=ic)
    park_a = network.park_create(
        name="江宁园",
        city=nanjing,
        zone=zone,
        level="national",
        kind="manufacturing",
        latitude=31.95,
        longitude=118.84,
        alliance_member=True,
        available_land_mu=1200,
        focus=[network.Focus(ic, 0.6), network.Focus(biomed, 0.4)],
    )
    park_b = network.park_create(
        name="江北新区",
        city=nanjing,
        zone=zone,
        level="national",
        kind="service",
        latitude=32.16,
        longitude=118.7,
        alliance_member=True,
        focus=[network.Focus(biomed, 0.9)],
    )
    park_c = network.park_create(
        name="滁州园",
        city=chuzhou,
        level="provincial",
        kind="manufacturing",
        latitude=32.30,
        longitude=118.31,
        alliance_member=True,
        available_land_mu=400,
        available_space_m2=30000,
        focus=[network.Focus(chip_design, 0.8)],
    )
    nju = network.organisation_create(name="南京大学", kind="university", city=nanjing)
    fabco = network.organisation_create(
        name="江宁晶圆制造有限公司", kind="enterprise", city=nanjing, park=park_a, industries=[ic]
    )
    network.organisation_create(
        name="滁州芯片设计有限公司",
        kind="enterprise",
        city=chuzhou,
        park=park_c,
        industries=[chip_design],
    )
    relation = network.relation_create(kind="PARTNER_OF", source=park_a, target=park_c)
    network.relation_create(kind="COOPERATES_WITH", source=nju, target=fabco)
    outbox_drain()

    alliance = alliance_default()
    for park, role in ((park_a, MemberRole.CHAIR), (park_b, MemberRole.MEMBER), (park_c, None)):
        AllianceMember.objects.get_or_create(
            alliance=alliance, park=park, defaults={"role": role or MemberRole.MEMBER}
        )

    users: dict[str, User | None] = {
        "anonymous": None,
        "no_role": _user("charlie"),
        "other_park": _user("dana", Role.PARK_STAFF, park=park_b, display_name="赵园"),
        "researcher": _user("rita", Role.RESEARCHER, display_name="陈研究员"),
        "secretariat": _user("alice", Role.SECRETARIAT, display_name="王秘书"),
        "admin": _user("root", Role.ADMIN),
        "own_park": _user("bob", Role.PARK_STAFF, park=park_a, display_name="李园"),
    }
    partner = _user("carol", Role.PARK_STAFF, park=park_c, display_name="钱园")
    org_user = _user("olga", Role.ORG_USER, organisation=nju, display_name="孙老师")
    tokens = {
        name: Token.objects.create(user=user).key
        for name, user in {**users, "partner": partner, "org_user": org_user}.items()
        if user is not None
    }
    own, sec, res = (
        client_for(users["own_park"]),
        client_for(users["secretariat"]),
        client_for(users["researcher"]),
    )
    world = World(users=users, tokens=tokens)
    ids = world.ids
    ids.update(
        park_id=park_a.pk,
        partner_park_id=park_c.pk,
        industry_id=materials.pk,
        link_id=link.pk,
        organisation_id=fabco.pk,
        relation_id=relation.pk,
    )

    # Docking: A posts, the organisation user asks to dock, which opens a thread.
    posting = _ok(
        own.post(
            "/api/docking/postings",
            {
                "kind": "tech_need",
                "title": "车规级AI芯片低功耗验证",
                "description": "需要芯片功能安全测试能力，寻求高校联合攻关。",
                "visibility": "public",
                "submit": True,
            },
            format="json",
        ),
        201,
    )
    ids["posting_id"] = posting["id"]
    request = _ok(
        client_for(org_user).post(
            f"/api/docking/postings/{posting['id']}/requests",
            {"message": "我们有测试平台，希望对接。"},
            format="json",
        ),
        201,
    )
    ids.update(request_id=request["id"], thread_id=request["thread_id"])
    message = _ok(
        own.post(
            f"/api/docking/threads/{request['thread_id']}/messages",
            {"body": "附测试方案。", "attachment": SimpleUploadedFile("方案.pdf", PDF)},
            format="multipart",
        ),
        201,
    )
    ids["message_id"] = message["id"]
    search = _ok(
        own.post(
            "/api/docking/saved-searches", {"name": "芯片订阅", "text": "芯片"}, format="json"
        ),
        201,
    )
    ids["search_id"] = search["id"]

    # Matching: A posts a project that C lands; an agreement and a figure follow.
    project = _ok(
        own.post(
            "/api/matching/projects",
            {
                "title": "12 英寸芯片设计中心",
                "description": "机密：意向企业名单",
                "industry": chip_design.pk,
                "investment_wan": "50000",
                "land_mu": "0",
                "space_m2": "0",
                "annual_output_wan": "120000",
                "annual_tax_wan": "8000",
                "positioning": "service",
            },
            format="json",
        ),
        201,
    )
    pid = project["id"]
    ids["project_id"] = pid
    _ok(own.post(f"/api/matching/projects/{pid}/transition", {"status": "open"}, format="json"))
    own.post(f"/api/matching/projects/{pid}/matches")
    feedback = f"/api/matching/projects/{pid}/matches/{park_c.pk}/feedback"
    _ok(client_for(partner).post(feedback, {"response": "interest"}, format="json"), 201)
    _ok(own.post(feedback, {"response": "interest"}, format="json"), 201)
    handoff = _ok(
        own.post(f"/api/matching/projects/{pid}/handoffs", {"to_park": park_c.pk}, format="json"),
        201,
    )
    ids["handoff_id"] = handoff["id"]
    for status in ("signed", "landed"):
        _ok(own.post(f"/api/matching/projects/{pid}/transition", {"status": status}, format="json"))
    agreement = _ok(
        own.post(
            f"/api/matching/projects/{pid}/agreements",
            {
                "year_from": 2024,
                "year_to": 2026,
                "shares": [
                    {"indicator": "output", "transferring_percent": "40", "receiving_percent": "60"}
                ],
            },
            format="json",
        ),
        201,
    )
    ids["agreement_id"] = agreement["id"]

    # Alliance: a meeting A attends, A's item on its agenda with a file, a decision put to the
    # vote, a passed decision with an action item for A, minutes of the closed meeting.
    starts = timezone.now() + timedelta(days=7)
    meeting = _ok(
        sec.post(
            "/api/alliance/meetings",
            {"title": "2027年第一次联席会议", "starts_at": starts.isoformat(), "place": "3 楼"},
            format="json",
        ),
        201,
    )
    mid = meeting["id"]
    ids["meeting_id"] = mid
    items = [
        _ok(
            own.post(
                f"/api/alliance/meetings/{mid}/items",
                {
                    "kind": "major_problem",
                    "title": title,
                    "text": "建议明确转出园区与承接园区的指标分算比例。",
                    "requested_minutes": 20,
                    "linked_uids": [],
                },
                format="json",
            ),
            201,
        )
        for title in ("跨园区产业转移的经济指标分算", "人才政策互认")
    ]
    ids["item_id"] = items[0]["id"]
    upload = _ok(
        own.post(
            f"/api/alliance/items/{items[0]['id']}/files",
            {"file": SimpleUploadedFile("说明.pdf", PDF)},
            format="multipart",
        ),
        201,
    )
    ids["file_id"] = upload["id"]
    for item in items:
        _ok(sec.post(f"/api/alliance/items/{item['id']}/triage", {"action": "accept"}))
    _ok(sec.post(f"/api/alliance/meetings/{mid}/announce"))
    for park in (park_a, park_b):
        _ok(
            sec.patch(
                f"/api/alliance/meetings/{mid}/attendance/{park.pk}",
                {"present": True},
                format="json",
            )
        )
    _ok(sec.post(f"/api/alliance/meetings/{mid}/start"))
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    passed = _ok(
        sec.post(
            f"/api/alliance/items/{items[0]['id']}/decisions",
            {
                "text": "原则同意按 6:4 分算转移项目的经济指标。",
                "vote": True,
                "actions": [
                    {"text": "起草分算细则", "deadline": deadline, "owner_park_id": park_a.pk}
                ],
            },
            format="json",
        ),
        201,
    )
    _ok(
        own.post(
            f"/api/alliance/decisions/{passed['id']}/votes", {"choice": "agree"}, format="json"
        ),
        201,
    )
    closed = _ok(sec.post(f"/api/alliance/decisions/{passed['id']}/close"))
    ids["action_id"] = closed["actions"][0]["id"]
    voting = _ok(
        sec.post(
            f"/api/alliance/items/{items[1]['id']}/decisions",
            {"text": "请各园区梳理人才政策。", "vote": True},
            format="json",
        ),
        201,
    )
    ids["decision_id"] = voting["id"]
    minutes = _ok(sec.post(f"/api/alliance/meetings/{mid}/minutes"), 201)
    ids["minutes_id"] = minutes["id"]
    ids["token"] = calendar_feed_get(user=users["own_park"], scope="user").token

    # Research: the researcher saves a shared query, runs the console, exports.
    saved = _ok(
        res.post(
            "/api/research/saved-queries",
            {
                "name": "园区",
                "cypher": "MATCH (p:Park) RETURN p.name AS name ORDER BY name",
                "parameters": [],
            },
            format="json",
        ),
        201,
    )
    ids["saved_query_id"] = saved["id"]
    run = _ok(
        res.post(
            "/api/research/console/run",
            {"cypher": "MATCH (p:Park) RETURN p.name AS name ORDER BY name"},
            format="json",
        )
    )
    ids["run_id"] = run["run"]["id"]
    export = _ok(
        res.post(
            "/api/research/exports",
            {
                "kind": "query",
                "format": "json",
                "spec": {"cypher": "RETURN 1 AS one", "row_cap": 1},
            },
            format="json",
        ),
        201,
    )
    ids["export_id"] = export["id"]

    # Notifications: one for A's staff member.
    (notice,) = notify(
        recipients=[users["own_park"]],
        kind=NotificationKind.MATCH_CREATED,
        title=Bilingual(zh="新的强匹配", en="A strong match"),
    )
    ids["notification_id"] = notice.pk
    ids["kind"] = NotificationKind.MATCH_CREATED.value
    return world

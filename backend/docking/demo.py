"""Demo postings for `make run`: what the demo parks and organisations would post, one or two of
each kind, one anonymous, one alliance-only, and a docking request in talks. Idempotent: a
posting is found again by its owner and title. Owners missing from the demo network are
skipped, so it also runs on a partial network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from backend.docking import services
from backend.docking.models import DockingRequest, Party, Posting, PostingStatus
from backend.network.models import City, Industry, Organisation, Park


@dataclass(frozen=True)
class DemoPosting:
    owner_park: str | None
    owner_organisation: str | None
    kind: str
    title: str
    description: str
    industries: tuple[str, ...]
    region: str = "南京"
    visibility: str = "public"


DEMO_POSTINGS: tuple[DemoPosting, ...] = (
    DemoPosting(
        "江北新区",
        None,
        "tech_need",
        "车规级AI芯片低功耗验证技术需求",
        "园区内多家芯片设计企业需要车规级 AI 芯片的低功耗验证与功能安全（ISO 26262）测试能力，"
        "寻求高校或实验室联合攻关。",
        ("ic-design", "ic"),
    ),
    DemoPosting(
        None,
        "南京大学",
        "achievement",
        "微纳光子集成芯片成果转化",
        "南京大学团队的铌酸锂薄膜光子集成芯片工艺已完成中试，可用于光通信与激光雷达，"
        "寻求产业化合作伙伴与应用场景。",
        ("optoelectronics", "ic"),
    ),
    DemoPosting(
        "江宁国家高新园",
        None,
        "space",
        "新能源汽车零部件标准厂房出租（2万平方米）",
        "江宁国家高新园新建标准厂房 2 万平方米，层高 9 米，双回路供电，适合新能源汽车零部件"
        "与智能电网设备制造企业入驻。",
        ("new-energy-vehicles", "smart-grid"),
    ),
    DemoPosting(
        None,
        "紫金山实验室",
        "facility",
        "毫米波暗室与射频测试仪器共享",
        "开放毫米波暗室、矢量网络分析仪等射频测试设备，按机时共享，面向都市圈内 5G/6G "
        "通信企业与高校团队。",
        ("next-gen-it",),
    ),
    DemoPosting(
        "新港国家高新园",
        None,
        "financing_need",
        "生物医药中试平台建设融资需求",
        "园区拟建 GMP 标准生物医药中试平台，总投资约 3 亿元，寻求产业基金与银行合作。",
        ("biomed",),
        visibility="alliance",
    ),
    DemoPosting(
        "麒麟园",
        None,
        "talent_need",
        "人工智能算法工程师联合引才",
        "麒麟园人工智能企业集中招聘大模型算法工程师与数据工程师，欢迎高校联合培养、定向输送。",
        ("ai",),
    ),
    DemoPosting(
        "江北新区",
        None,
        "investment_intent",
        "第三代半导体产业链项目投资意向",
        "某投资方拟在都市圈布局碳化硅功率器件上下游项目，意向投资 10 亿元，寻求落地园区。",
        ("third-gen-semiconductors",),
        visibility="anonymous",
    ),
)

DEMO_REQUEST_MESSAGE = (
    "我们在车规级芯片功能安全测试方面有成熟平台，希望与贵园区企业对接，可先安排一次线上交流。"
)


def _owner(seed: DemoPosting) -> Party | None:
    if seed.owner_park:
        park = Park.objects.filter(name=seed.owner_park).first()
        return Party(park_id=park.pk) if park else None
    org = Organisation.objects.filter(name=seed.owner_organisation).first()
    return Party(organisation_id=org.pk) if org else None


@transaction.atomic
def docking_demo_seed() -> int:
    """Create the demo postings that do not exist yet; returns how many were created."""
    from backend.accounts.models import Role, User

    author = User.objects.filter(role__in=[Role.SECRETARIAT, Role.ADMIN]).order_by("pk").first()
    if author is None:
        return 0
    created = 0
    postings: dict[str, Posting] = {}
    for seed in DEMO_POSTINGS:
        owner = _owner(seed)
        if owner is None:
            continue
        existing = Posting.objects.filter(title=seed.title, **owner.columns("owner")).first()
        if existing is not None:
            postings[seed.title] = existing
            continue
        posting = services.posting_create(
            user=author,
            owner=owner,
            kind=seed.kind,
            title=seed.title,
            description=seed.description,
            industries=list(Industry.objects.filter(code__in=seed.industries)),
            region=City.objects.filter(name=seed.region).first(),
            visibility=seed.visibility,
            expires_at=timezone.now() + timedelta(days=120),
        )
        # The submitted row (published), not the draft instance posting_create returned.
        postings[seed.title] = services.posting_submit(user=author, posting=posting)
        created += 1
    # A docking in progress: 紫金山实验室 asks about 江北新区's chip-testing need.
    lab = Organisation.objects.filter(name="紫金山实验室").first()
    _seed_docking(
        author,
        postings.get(DEMO_POSTINGS[0].title),
        Party(organisation_id=lab.pk) if lab else None,
        DEMO_REQUEST_MESSAGE,
        steps=("accepted",),
        proposed_times=[timezone.now() + timedelta(days=7)],
    )
    # A docking agreed between two parks (江北新区 renting 江宁国家高新园's factory space), so
    # the demo shows a DOCKED_WITH tie in the graph and in matching.
    renter = Park.objects.filter(name="江北新区").first()
    _seed_docking(
        author,
        postings.get(DEMO_POSTINGS[2].title),
        Party(park_id=renter.pk) if renter else None,
        DEMO_AGREED_MESSAGE,
        steps=("accepted", "in_talks", "agreed"),
    )
    return created


DEMO_AGREED_MESSAGE = "江北新区两家新能源汽车零部件企业拟整体租用厂房，希望尽快实地看厂并洽谈租约。"


def _seed_docking(
    author: object,
    posting: Posting | None,
    requester: Party | None,
    message: str,
    *,
    steps: Sequence[str],
    proposed_times: Sequence[datetime] = (),
) -> None:
    """A request from `requester` on a published posting, taken through `steps`; nothing when
    either is missing or the requester has asked already."""
    if posting is None or requester is None or posting.status != PostingStatus.PUBLISHED:
        return
    if DockingRequest.objects.filter(posting=posting, **requester.columns("requester")).exists():
        return
    request = services.request_create(
        user=author,
        posting=posting,
        requester=requester,
        message=message,
        proposed_times=proposed_times,
    )
    for step in steps:
        request = services.request_transition(user=author, request=request, to_status=step)

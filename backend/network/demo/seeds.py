"""Record types of the curated demo data, and the source notes they cite.

The data modules hold tuples of these records and nothing else, so a curator can read and
correct them without reading code. Industries and parks are referred to by natural key
(industry `code`, park `name`, organisation `name`), never by database id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# The policy the demo data follows (reference/policy-nanjing-hightech-zones-2022.txt).
POLICY = "市政府关于促进高新技术产业开发区高质量发展的实施意见(南京,2022-12-29)"


def policy(*sections: str) -> str:
    """A source note citing numbered items of the policy, e.g. policy("十一", "十二")."""
    return f"{POLICY} 第{'、'.join(sections)}条"


COORDINATES_APPROXIMATE = "坐标为近似值 (approximate coordinates, public maps)"
CAPACITY_ILLUSTRATIVE = (
    "可用土地与载体面积为演示用示意值，非官方数据。"
    " Available land and space are illustrative demo figures, not official data."
)


@dataclass(frozen=True)
class CitySeed:
    name: str
    name_en: str
    province: str
    source_note: str
    is_metro_core: bool = False


@dataclass(frozen=True)
class ZoneSeed:
    name: str
    name_en: str
    city: str
    level: str
    source_note: str


@dataclass(frozen=True)
class IndustrySeed:
    code: str
    name: str
    name_en: str
    source_note: str
    parent: str | None = None  # parent code
    is_future_industry: bool = False


@dataclass(frozen=True)
class ChainLinkSeed:
    """Upstream industry code supplies downstream industry code."""

    upstream: str
    downstream: str


@dataclass(frozen=True)
class ParkSeed:
    name: str
    name_en: str
    city: str
    level: str
    kind: str
    latitude: float
    longitude: float
    source_note: str
    short_name: str = ""
    zone: str | None = None
    alliance_member: bool = True
    # industry code -> weight in 0..1 (the park's leading industries)
    focus: dict[str, float] = field(default_factory=dict)
    available_land_mu: Decimal = Decimal(0)
    available_space_m2: Decimal = Decimal(0)
    description: str = ""


@dataclass(frozen=True)
class OrganisationSeed:
    name: str
    kind: str
    city: str
    source_note: str
    name_en: str = ""
    subkind: str = ""
    park: str | None = None  # hosting park name
    founded_year: int | None = None
    industries: tuple[str, ...] = ()  # industry codes (ACTIVE_IN)


@dataclass(frozen=True)
class ParkRelationSeed:
    """ENCLAVE_OF (operating park -> host park) or PARTNER_OF (undirected)."""

    kind: str
    source: str
    target: str
    source_note: str
    name: str = ""
    note: str = ""
    started_on: date | None = None
    agreement_signed_on: date | None = None


@dataclass(frozen=True)
class OrganisationRelationSeed:
    """AFFILIATED_WITH (lab -> university) or COOPERATES_WITH (undirected); endpoints are
    organisation names, unique across the curated data."""

    kind: str
    source: str
    target: str
    source_note: str
    cooperation_kind: str = ""
    note: str = ""
    started_on: date | None = None
